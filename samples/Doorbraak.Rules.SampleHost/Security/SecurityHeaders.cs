namespace Doorbraak.Rules.SampleHost.Security;

/// <summary>
/// Security headers on every response: pages, API, static files, problem details, 404 and 500. Set in an
/// <c>OnStarting</c> callback of the outermost middleware, so that the exception handler (which clears the headers) and
/// the status code pages cannot lose them.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The Content-Security-Policy: no script at all, styles from this site only, forms post to this site only, no framing.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>Adds the headers to every response.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var h = ((HttpContext)state).Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h.ContentSecurityPolicy = ContentSecurityPolicy;
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            h["Cross-Origin-Resource-Policy"] = "same-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            if (!h.ContainsKey("Cache-Control")) h.CacheControl = "no-store";
            return Task.CompletedTask;
        }, context);
        return next(context);
    });
}
