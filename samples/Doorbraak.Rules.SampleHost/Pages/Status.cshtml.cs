using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Doorbraak.Rules.SampleHost.Pages;

/// <summary>The Dutch page for an error status without a body (404, 405, a refused antiforgery token, ...), re-executed by the status code pages.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    /// <summary>The status code.</summary>
    public int Code { get; private set; }

    /// <summary>The heading.</summary>
    public string Heading => Code switch
    {
        400 => "Dit formulier wordt niet aanvaard",
        403 => "Geen toegang",
        404 => "Deze pagina bestaat niet",
        405 => "Deze pagina werkt zo niet",
        413 => "De invoer is te groot",
        _ => $"Fout {Code}",
    };

    /// <summary>What to do.</summary>
    public string Message => Code switch
    {
        400 => "Het formulier komt niet van deze toepassing of is verlopen (de beveiligingscode ontbreekt of klopt niet). Er is niets vastgelegd. Ga terug naar de start en probeer het opnieuw.",
        403 => "Uw mandaat is niet voldoende voor deze handeling.",
        404 => "Controleer het adres, of begin opnieuw.",
        405 => "Gebruik de knoppen en formulieren van de toepassing.",
        413 => "Stuur alleen het huishouden en de gegevens die nodig zijn.",
        _ => "Er ging iets mis; er is niets vastgelegd.",
    };

    /// <summary>Shows the page for a GET.</summary>
    public void OnGet(int code) => Code = StatusFrom(code);

    /// <summary>Shows the page for a POST (status pages re-execute with the original method).</summary>
    public void OnPost(int code) => Code = StatusFrom(code);

    private int StatusFrom(int code)
    {
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecuted) return reExecuted.OriginalStatusCode;
        // Opened directly: answer with the status the page describes (an unknown one is a 404).
        var status = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        Response.StatusCode = status;
        return status;
    }
}
