using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BananTourism.Api.Pages;

/// <summary>What a browser sees for an error status on a page (the API keeps answering problem+json): the
/// status stays the original one; only the body is a page in the reader's language.</summary>
[IgnoreAntiforgeryToken] // re-executed for a refused POST (e.g. a stale form); it changes nothing
public sealed class ErrorModel : PageModel
{
    public string TitleKey { get; private set; } = "Error.Other";

    public void OnGet(int code) => TitleKey = code switch
    {
        400 => "Error.400",
        404 => "Error.404",
        405 => "Error.404",
        429 => "Error.429",
        _ => "Error.Other",
    };

    public void OnPost(int code) => OnGet(code);
}
