using Doorbraak.Rules.Hosting;
using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Doorbraak.Rules.SampleHost.Tests;

/// <summary>The S1 household of the worked example (policypacks/nl-sociaal-domein/tests/s1-kostendelersnorm.yaml).</summary>
internal static class Scenario
{
    public const string Date = "2026-03-01";
    public const string Collision = "botsing.kostendeler-jongvolwassene";
    public const string Proposal = "afw.kostendelersnorm-tijdelijk-buiten-beschouwing";

    public const string S1Yaml = """
        huur: 780
        leden:
          - { id: moeder, rol: aanvrager, geboren: 1971-01-10, heeft_bijstand: true, inkomen: 1401.50, dreigt_dakloos: false }
          - { id: zoon, rol: kind, geboren: 1997-09-14, inkomen: 0, student: false, eigen_woonruimte: false, dreigt_dakloos: false, heeft_perspectiefplan: true }
        """;

    public static object S1Object => new
    {
        huur = 780,
        leden = new object[]
        {
            new { id = "moeder", rol = "aanvrager", geboren = "1971-01-10", heeft_bijstand = true, inkomen = 1401.50m, dreigt_dakloos = false },
            new { id = "zoon", rol = "kind", geboren = "1997-09-14", inkomen = 0, student = false, eigen_woonruimte = false, dreigt_dakloos = false, heeft_perspectiefplan = true },
        },
    };
}

/// <summary>Logs kept in memory, to check that no household value reaches a log.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            lines.Enqueue($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
    }
}

/// <summary>The sample host on the in-memory test server, with all logging captured at Trace level.</summary>
public class SampleHostFactory : WebApplicationFactory<Program>
{
    internal CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureLogging(l =>
        {
            l.SetMinimumLevel(LogLevel.Trace);
            l.AddFilter(_ => true);
            l.AddProvider(Logs);
        });
    }

    internal static StringContent Json(object body) =>
        new(JsonSerializer.Serialize(body), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    /// <summary>The DEMO API key per mandate, as in samples/Doorbraak.Rules.SampleHost/demo-users.json.</summary>
    internal static string ApiKey(string mandate) => $"demo-key-{mandate}-0000";

    /// <summary>A client that authenticates with the DEMO API key of a mandate level.</summary>
    internal HttpClient ApiClient(string mandate)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey(mandate));
        return client;
    }

    /// <summary>A browser-like session signed in as a DEMO user (consulent, regisseur, teamleider, manager), with its antiforgery token.</summary>
    internal async Task<PageSession> SignInAsync(string mandate)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var signIn = await client.GetStringAsync("/aanmelden");
        var response = await client.PostAsync("/aanmelden", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Gebruikersnaam"] = $"{mandate}-demo", ["Wachtwoord"] = $"demo-{mandate}", ["__RequestVerificationToken"] = PageSession.Token(signIn),
        }));
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in as {mandate} gave {response.StatusCode}.");
        var home = await client.GetStringAsync("/");
        return new PageSession(client, PageSession.Token(home));
    }
}

/// <summary>A signed-in client and the antiforgery token its pages carry.</summary>
internal sealed partial class PageSession(HttpClient client, string token)
{
    public HttpClient Client { get; } = client;

    public string AntiforgeryToken { get; } = token;

    [System.Text.RegularExpressions.GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<t>[^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex TokenField();

    /// <summary>The antiforgery token in a page's form.</summary>
    public static string Token(string html)
    {
        var m = TokenField().Match(html);
        if (!m.Success) throw new InvalidOperationException("The page has no antiforgery token.");
        return System.Net.WebUtility.HtmlDecode(m.Groups["t"].Value);
    }

    /// <summary>Posts a urlencoded form with the antiforgery token.</summary>
    public Task<HttpResponseMessage> PostAsync(string path, IDictionary<string, string> fields) =>
        Client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiforgeryToken }));

    /// <summary>Posts a multipart form with the antiforgery token.</summary>
    public Task<HttpResponseMessage> PostAsync(string path, MultipartFormDataContent form)
    {
        form.Add(new StringContent(AntiforgeryToken), "__RequestVerificationToken");
        return Client.PostAsync(path, form);
    }
}
