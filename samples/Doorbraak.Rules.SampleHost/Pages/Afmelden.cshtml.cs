using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Doorbraak.Rules.SampleHost.Pages;

/// <summary>POST /afmelden: signs out (a form with the antiforgery token, so no other site can sign a user out).</summary>
[AllowAnonymous]
public sealed class AfmeldenModel : PageModel
{
    /// <summary>GET: back to the start.</summary>
    public IActionResult OnGet() => Redirect("/");

    /// <summary>Signs out.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/aanmelden");
    }
}
