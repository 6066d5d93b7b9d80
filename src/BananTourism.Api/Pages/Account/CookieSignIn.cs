using System.Security.Claims;
using BananTourism.Api.Hosting;
using BananTourism.Application.Accounts.GetMe;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace BananTourism.Api.Pages.Account;

/// <summary>The pages' session: the same subject and role claims a bearer token carries, so the use cases see
/// one kind of current user whichever way someone signed in.</summary>
public static class CookieSignIn
{
    public const string DisplayName = "name";

    public static Task SignInAsync(HttpContext context, MeDto user, string securityStamp)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(Claims.Subject, user.Id.ToString()),
                new Claim(Claims.Role, Claims.RoleName(user.Role)),
                new Claim(DisplayName, user.DisplayName),
                new Claim(Claims.Stamp, securityStamp),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme,
            DisplayName,
            Claims.Role);
        return context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }
}
