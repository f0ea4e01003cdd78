using Microsoft.AspNetCore.Diagnostics;

namespace Doorbraak.Rules.SampleHost;

/// <summary>RFC 7807 problem details for the API, and the handler for unexpected errors.</summary>
public static class Problems
{
    /// <summary>The prefix of the problem type URIs.</summary>
    public const string TypePrefix = "https://doorbraak.example/problems/";

    /// <summary>A problem response (application/problem+json).</summary>
    public static IResult Problem(int status, string code, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        var ext = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["code"] = code };
        return Results.Problem(detail: detail, statusCode: status, title: title, type: TypePrefix + code, extensions: ext);
    }

    /// <summary>A validation problem (400) with errors per request field.</summary>
    public static IResult Validation(IDictionary<string, string[]> errors, string detail) =>
        Results.ValidationProblem(errors, detail: detail, title: "De aanvraag is niet geldig.", type: TypePrefix + "validation",
            extensions: new Dictionary<string, object?> { ["code"] = "validation" });

    /// <summary>413: the body is larger than allowed.</summary>
    public static IResult TooLarge(long limit) => Problem(StatusCodes.Status413PayloadTooLarge, "too-large", "De aanvraag is te groot.",
        $"De aanvraag is groter dan {limit / 1024} KB. Stuur alleen het huishouden en de gegevens die nodig zijn.");

    /// <summary>For an API response with an error status and no body (401 without sign-in, 403, 404, 405): a problem with a code.</summary>
    public static Task StatusCode(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var (code, title, detail) = status switch
        {
            401 => ("unauthenticated", "Aanmelden nodig.", "Meld u aan (cookie van /aanmelden) of stuur een API-sleutel in de header X-Api-Key."),
            403 => ("forbidden", "Geen toegang.", "Uw mandaat is niet voldoende voor deze handeling."),
            404 => ("not-found", "Onbekend adres.", "Zie /openapi/v1.json voor de endpoints."),
            405 => ("method-not-allowed", "Methode niet toegestaan.", "Gebruik POST met application/json."),
            _ => ("status-" + status, "Fout " + status + ".", "De aanvraag is niet verwerkt."),
        };
        if (status == 401 && http.Request.Headers.ContainsKey(Security.ApiKeyAuthenticationHandler.Header))
            detail = "De API-sleutel in X-Api-Key is onbekend.";
        return Problem(status, code, title, detail).ExecuteAsync(http);
    }

    /// <summary>For an unexpected error: a 500 problem, logging only the exception type (never its message: it may hold household data).</summary>
    public static async Task HandleUnexpected(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Doorbraak.Rules.SampleHost");
        logger.LogError("Unexpected {ExceptionType} on {Method} {Path}", error?.GetType().FullName ?? "error", context.Request.Method, context.Request.Path.Value);
        if (error is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            await TooLarge(context.RequestServices.GetRequiredService<SampleHostSettings>().MaxRequestBytes).ExecuteAsync(context);
            return;
        }
        await Problem(StatusCodes.Status500InternalServerError, "unexpected", "Er ging iets mis.", "Er ging onverwacht iets mis; de aanvraag is niet verwerkt en niets is bewaard.")
            .ExecuteAsync(context);
    }
}
