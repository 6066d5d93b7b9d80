using BananTourism.Api.Hosting;
using BananTourism.Application.Accounts.CheckPassword;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace BananTourism.Api.Pages.Account;

[EnableRateLimiting(RateLimits.PageAuth)]
public sealed class SignInModel(ISender sender) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public FormErrors Errors { get; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Errors.AddBindingErrors(ModelState))
        {
            return Page();
        }

        var checkedIn = await sender.Send(new CheckPassword(Input.Email ?? "", Input.Password ?? ""), ct);
        if (!checkedIn.IsSuccess)
        {
            Errors.Add(checkedIn.Errors, ["email", "password"]);
            return Page();
        }

        await CookieSignIn.SignInAsync(HttpContext, checkedIn.Value.Account, checkedIn.Value.SecurityStamp);
        return LocalRedirect(LocalPath.Or(ReturnUrl, HomeOf(checkedIn.Value.Account.Role)));
    }

    private static string HomeOf(Domain.Users.Role role) => role switch
    {
        Domain.Users.Role.Operator => "/operator",
        Domain.Users.Role.Officer or Domain.Users.Role.Admin => "/officer",
        _ => "/",
    };
}

public sealed class SignInInput
{
    public string? Email { get; set; }

    public string? Password { get; set; }
}
