using Doorbraak.Rules.SampleHost.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Doorbraak.Rules.SampleHost;

/// <summary>Builds the sample host. Kept out of Program so that tests can start a real Kestrel host on a free port.</summary>
public static class SampleHostApp
{
    /// <summary>The address the sample listens on when no <c>--urls</c>, <c>ASPNETCORE_URLS</c> or Kestrel endpoint is configured.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The file with the DEMO users and API keys, looked for in the content root and the application folder.</summary>
    public const string DemoIdentityFile = "demo-users.json";

    /// <summary>The authentication scheme that picks the API key handler when an <c>X-Api-Key</c> header is sent, and the cookie otherwise.</summary>
    public const string Scheme = "Doorbraak";

    /// <summary>Creates the application: packs, sign-in, mandates, pages and API.</summary>
    /// <param name="args">Command-line arguments (<c>--urls</c>, <c>--Doorbraak:PacksRoot</c>, <c>--Doorbraak:Packs</c>, ...).</param>
    /// <param name="configure">Extra service configuration (tests).</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // The application name makes Razor Pages find this assembly's pages also when a test process starts the host.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(SampleHostApp).Assembly.GetName().Name,
            WebRootPath = WebRoot(),
        });

        // Loopback only unless the operator says otherwise.
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"])
            && string.IsNullOrWhiteSpace(builder.Configuration["http_ports"])
            && string.IsNullOrWhiteSpace(builder.Configuration["https_ports"])
            && !builder.Configuration.GetSection("Kestrel:Endpoints").GetChildren().Any())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // DEMO ONLY: users and API keys. Command-line and environment settings still win over the file.
        var demoFile = new[] { builder.Environment.ContentRootPath, AppContext.BaseDirectory }
            .Select(d => Path.Combine(d, DemoIdentityFile)).FirstOrDefault(File.Exists);
        if (demoFile is not null)
        {
            var sources = builder.Configuration.Sources;
            var insertAt = Math.Max(0, sources.ToList().FindIndex(s => s is Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationSource));
            builder.Configuration.Sources.Insert(insertAt, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
            {
                Path = Path.GetFileName(demoFile), Optional = true, ReloadOnChange = false,
                FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.GetDirectoryName(demoFile)!),
            });
        }

        var settings = SampleHostSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(settings);
        var identities = builder.Configuration.GetSection(DemoIdentityOptions.Section).Get<DemoIdentityOptions>() ?? new DemoIdentityOptions();
        identities.Validate();
        builder.Services.AddSingleton(identities);

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

        // Sign-in: a cookie for people, an API key header for programs; both give the same claims (name, mandate).
        builder.Services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie or API key", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header) ? ApiKeyAuthenticationHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.LoginPath = "/aanmelden";
                o.LogoutPath = "/afmelden";
                o.AccessDeniedPath = "/status/403";
                o.Cookie.Name = "doorbraak-aanmelding";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;   // never sent with a request from another site
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = context => Challenge(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => Challenge(context, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddSingleton<IAuthorizationHandler, MandateHandler>();
        builder.Services.AddAuthorizationBuilder()
            .AddMandatePolicies()
            // Everything needs a signed-in user with a mandate, unless it says [AllowAnonymous] (sign-in, status pages, static files).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new MandateRequirement(Inspection.MandateLadder.Default.Levels[0])).Build());

        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "doorbraak-formulier";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SuppressXFrameOptionsHeader = true;   // SecurityHeaders sets X-Frame-Options: DENY on every response
        });
        builder.Services.AddRazorPages();
        // Razor encodes every text; leave letters such as ë and € readable in the page source.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info.Title = "Doorbraak.Rules sample host API";
                doc.Info.Description = "Evaluate a household against the loaded policy packs, try deviations (what-if), record decisions "
                    + "within mandate and limits, and assemble the doorbraakplan. Stateless: every request carries the household; "
                    + "nothing is stored or logged. Errors are RFC 7807 problem details. Authentication: the sign-in cookie or the "
                    + "X-Api-Key header; the decider and the mandate come from the authenticated identity.";
                return Task.CompletedTask;
            });
        });
        configure?.Invoke(builder);

        var app = builder.Build();
        if (identities.Users.Count > 0 || identities.ApiKeys.Count > 0)
            app.Logger.LogWarning("DEMO identities are configured ({Users} users, {Keys} API keys, from {File}). Replace them with your identity provider before real use.",
                identities.Users.Count, identities.ApiKeys.Count, DemoIdentityFile);

        app.UseSecurityHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = Problems.HandleUnexpected });
        app.Use(RefuseLargeBodies);
        app.UseWhen(IsApi, api => api.UseStatusCodePages(Problems.StatusCode));
        app.UseWhen(c => !IsApi(c), pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi().AllowAnonymous();
        app.MapApi();
        app.MapRazorPages();
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    // The API answers 401/403 (problem details); the pages send people to the sign-in page.
    private static Task Challenge(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsApi(context.HttpContext)) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static Task RefuseLargeBodies(HttpContext context, Func<Task> next)
    {
        var settings = context.RequestServices.GetRequiredService<SampleHostSettings>();
        if (context.Request.ContentLength > settings.MaxRequestBytes)
        {
            if (IsApi(context)) return Problems.TooLarge(settings.MaxRequestBytes).ExecuteAsync(context);
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }
        return next();
    }

    private static string? WebRoot()
    {
        // From the project folder (dotnet run) or next to the assembly (tests, published output).
        foreach (var dir in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            var candidate = Path.Combine(dir, "wwwroot");
            if (File.Exists(Path.Combine(candidate, "site.css"))) return candidate;
        }
        return null;
    }
}
