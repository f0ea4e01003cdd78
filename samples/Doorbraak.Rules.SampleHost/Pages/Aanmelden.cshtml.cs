using Doorbraak.Rules.SampleHost.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Doorbraak.Rules.SampleHost.Pages;

/// <summary>
/// GET/POST /aanmelden: DEMO sign-in with the users from <c>demo-users.json</c>. A real host replaces this page with its
/// identity provider and maps the provider's roles to the mandate claim.
/// </summary>
[AllowAnonymous]
public sealed class AanmeldenModel(DemoIdentityOptions identities, ILogger<AanmeldenModel> logger) : PageModel
{
    /// <summary>The user name as typed (shown again after a failed attempt).</summary>
    [BindProperty] public string? Gebruikersnaam { get; set; }

    /// <summary>The password (never shown again).</summary>
    [BindProperty] public string? Wachtwoord { get; set; }

    /// <summary>Where to go after signing in (a local path only).</summary>
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>Why the sign-in failed, if it did.</summary>
    public string? Fout { get; private set; }

    /// <summary>The demo users, for the hint on the page (names and mandates only).</summary>
    public IReadOnlyList<DemoUser> Users => identities.Users;

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Signs in, or shows the form again with a message.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var user = identities.SignIn(Gebruikersnaam?.Trim(), Wachtwoord);
        if (user is null)
        {
            Fout = "Onbekende gebruikersnaam of verkeerd wachtwoord.";
            Wachtwoord = null;
            logger.LogInformation("Sign-in refused");
            return new PageResult { StatusCode = StatusCodes.Status401Unauthorized };
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, DemoIdentityOptions.Principal(user));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
