using BananTourism.Api.Hosting;
using BananTourism.Application.Accounts.CheckPassword;
using BananTourism.Application.Accounts.Register;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace BananTourism.Api.Pages.Account;

/// <summary>A tourist signs up and is signed in straight away.</summary>
[EnableRateLimiting(RateLimits.PageAuth)]
public sealed class SignUpModel(ISender sender) : PageModel
{
    public static readonly string[] Fields = ["email", "password", "displayName", "phone"];

    [BindProperty]
    public SignUpInput Input { get; set; } = new();

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

        var registered = await sender.Send(
            new Register(Input.Email ?? "", Input.Password ?? "", Input.DisplayName ?? "", string.IsNullOrWhiteSpace(Input.Phone) ? null : Input.Phone), ct);
        if (!registered.IsSuccess)
        {
            Errors.Add(registered.Errors, Fields);
            return Page();
        }

        var me = await sender.Send(new CheckPassword(Input.Email!, Input.Password!), ct);
        if (!me.IsSuccess)
        {
            // The account exists; signing in is held (the address was locked by failed sign-ins): say so, sign in later.
            Errors.Add(me.Errors, Fields);
            return Page();
        }

        await CookieSignIn.SignInAsync(HttpContext, me.Value.Account, me.Value.SecurityStamp);
        return LocalRedirect(LocalPath.Or(ReturnUrl));
    }
}

public sealed class SignUpInput
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? DisplayName { get; set; }

    public string? Phone { get; set; }
}
