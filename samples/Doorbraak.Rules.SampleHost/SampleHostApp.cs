using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Doorbraak.Rules.SampleHost;

/// <summary>Builds the sample host. Kept out of Program so that tests can start a real Kestrel host on a free port.</summary>
public static class SampleHostApp
{
    /// <summary>The address the sample listens on when no <c>--urls</c>, <c>ASPNETCORE_URLS</c> or Kestrel endpoint is configured.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Creates the application: packs, services, pages and API.</summary>
    /// <param name="args">Command-line arguments (<c>--urls</c>, <c>--Doorbraak:PacksRoot</c>, <c>--Doorbraak:Packs</c>, ...).</param>
    /// <param name="configure">Extra service configuration (tests).</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);

        // Loopback only unless the operator says otherwise.
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"])
            && string.IsNullOrWhiteSpace(builder.Configuration["http_ports"])
            && string.IsNullOrWhiteSpace(builder.Configuration["https_ports"])
            && !builder.Configuration.GetSection("Kestrel:Endpoints").GetChildren().Any())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var settings = SampleHostSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(settings);

        // Request size: Kestrel refuses larger bodies; the API and the pages also check themselves (the test server has no Kestrel).
        builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = settings.MaxRequestBytes);
        builder.Services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = settings.MaxRequestBytes;
            o.ValueLengthLimit = (int)Math.Min(int.MaxValue, settings.MaxRequestBytes);
            o.BufferBodyLengthLimit = settings.MaxRequestBytes;
            // Privacy: keep uploaded households in memory; above this threshold ASP.NET Core would buffer a form file to a temp file on disk.
            o.MemoryBufferThreshold = (int)Math.Min(int.MaxValue, settings.MaxRequestBytes + 1);
        });

        var rules = builder.Services.AddDoorbraakRules();
        foreach (var folder in settings.PackFolders) rules.AddPackDirectory(folder);
        rules.ValidateOnStart();

        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info.Title = "Doorbraak.Rules sample host API";
                doc.Info.Description = "Evaluate a household against the loaded policy packs, try deviations (what-if), record decisions "
                    + "within mandate and limits, and assemble the doorbraakplan. Stateless: every request carries the household; "
                    + "nothing is stored or logged. Errors are RFC 7807 problem details.";
                return Task.CompletedTask;
            });
        });
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = Problems.HandleUnexpected });
        app.UseStatusCodePages();
        app.Use(SecurityHeaders);
        app.MapOpenApi();
        app.MapApi();
        app.MapPages();
        return app;
    }

    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var h = context.Response.Headers;
        h["X-Content-Type-Options"] = "nosniff";
        h["Referrer-Policy"] = "no-referrer";
        h["Cache-Control"] = "no-store";
        if (!context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/openapi"))
            h["Content-Security-Policy"] = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        return next();
    }
}
