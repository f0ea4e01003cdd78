using System.Net;
using System.Text.Json;
using Doorbraak.Rules.Evaluation;
using Doorbraak.Rules.Hosting;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Doorbraak.Rules.SampleHost.Tests;

/// <summary>Sign-in, mandates from claims, antiforgery and security headers (issue #22 item 5, issue #20 item 10).</summary>
public sealed class SecurityTests(SampleHostFactory factory) : IClassFixture<SampleHostFactory>
{
    private const string Motivation = "Zoon dreigt dakloos te raken; plan voor eigen inkomen en woonruimte; 6 maanden is evenredig.";

    private static Dictionary<string, string> DecisionForm(string outcome = "accepted") => new()
    {
        ["household"] = JsonSerializer.Serialize(Scenario.S1Object), ["peildatum"] = Scenario.Date, ["voorstel"] = Scenario.Proposal,
        ["uitkomst"] = outcome, ["motivering"] = Motivation,
    };

    internal static void HasSecurityHeaders(HttpResponseMessage response, string what)
    {
        string Header(string name) =>
            response.Headers.TryGetValues(name, out var v) ? string.Join(",", v)
            : response.Content.Headers.TryGetValues(name, out var c) ? string.Join(",", c) : "";
        var csp = Header("Content-Security-Policy");
        csp.Should().Contain("default-src 'none'", what).And.Contain("frame-ancestors 'none'", what).And.Contain("form-action 'self'", what)
            .And.NotContain("unsafe-inline", what).And.NotContain("script-src", what);
        Header("X-Content-Type-Options").Should().Be("nosniff", what);
        Header("X-Frame-Options").Should().Be("DENY", what);
        Header("Referrer-Policy").Should().Be("no-referrer", what);
    }

    [Fact]
    public async Task Api_without_authentication_is_401_problem_and_an_unknown_key_too()
    {
        var anonymous = factory.CreateClient();
        var response = await anonymous.PostAsync("/api/evaluate", SampleHostFactory.Json(new { household = Scenario.S1Object, date = Scenario.Date }));
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString().Should().Be("unauthenticated");
        HasSecurityHeaders(response, "API 401");

        var wrong = factory.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-Api-Key", "not-a-demo-key-at-all");
        var refused = await wrong.PostAsync("/api/decide", SampleHostFactory.Json(new { household = Scenario.S1Object, date = Scenario.Date }));
        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("X-Api-Key");
    }

    [Fact]
    public async Task Api_accepts_the_sign_in_cookie_too()
    {
        var session = await factory.SignInAsync("manager");
        var response = await session.Client.PostAsync("/api/decide", SampleHostFactory.Json(new
        {
            household = Scenario.S1Object, date = Scenario.Date, decision = new { proposalId = Scenario.Proposal, outcome = "accepted", motivation = Motivation },
        }));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("decidedBy").GetString().Should().Be("manager-demo");
        body.GetProperty("mandate").GetString().Should().Be("manager");
    }

    [Fact]
    public async Task Api_refuses_a_mandate_in_the_request()
    {
        var response = await factory.ApiClient("consulent").PostAsync("/api/decide", SampleHostFactory.Json(new
        {
            household = Scenario.S1Object, date = Scenario.Date,
            decision = new { proposalId = Scenario.Proposal, outcome = "accepted", motivation = Motivation, mandate = "college", decidedBy = "wethouder" },
        }));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, "the mandate is not a field of the request");
        (await response.Content.ReadAsStringAsync()).Should().Contain("malformed-json").And.Contain("mandate");
    }

    [Fact]
    public async Task Pages_send_an_anonymous_visitor_to_the_sign_in_page()
    {
        var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync("/");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/aanmelden");
        HasSecurityHeaders(response, "redirect");

        var post = await anonymous.PostAsync("/besluit", new FormUrlEncodedContent(DecisionForm()));
        post.StatusCode.Should().Be(HttpStatusCode.Redirect, "no decision without sign-in");
    }

    [Fact]
    public async Task Sign_in_with_a_wrong_password_is_refused_and_cookies_are_strict_and_http_only()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetAsync("/aanmelden");
        var token = PageSession.Token(await page.Content.ReadAsStringAsync());
        page.Headers.GetValues("Set-Cookie").Should().OnlyContain(c => c.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));

        var wrong = await client.PostAsync("/aanmelden", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Gebruikersnaam"] = "teamleider-demo", ["Wachtwoord"] = "raden", ["__RequestVerificationToken"] = token,
        }));
        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await wrong.Content.ReadAsStringAsync()).Should().Contain("Onbekende gebruikersnaam of verkeerd wachtwoord").And.NotContain("raden");

        var right = await client.PostAsync("/aanmelden", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Gebruikersnaam"] = "teamleider-demo", ["Wachtwoord"] = "demo-teamleider", ["__RequestVerificationToken"] = token,
        }));
        right.StatusCode.Should().Be(HttpStatusCode.Redirect);
        right.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith("doorbraak-aanmelding=", StringComparison.Ordinal)
            && c.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_cross_site_post_without_the_antiforgery_token_is_refused()
    {
        // A signed-in teamleider, and a form from elsewhere: the browser would send the cookie only to a same-site form (SameSite=Strict),
        // and even with the cookie the missing antiforgery token refuses it.
        var session = await factory.SignInAsync("teamleider");
        var request = new HttpRequestMessage(HttpMethod.Post, "/besluit") { Content = new FormUrlEncodedContent(DecisionForm()) };
        request.Headers.Add("Origin", "https://aanvaller.example");
        var response = await session.Client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("Dit formulier wordt niet aanvaard").And.NotContain("Besluit vastgelegd");
        HasSecurityHeaders(response, "antiforgery 400");

        // A token from another user's session does not work either.
        var other = await factory.SignInAsync("manager");
        var stolen = await session.Client.PostAsync("/besluit", new FormUrlEncodedContent(new Dictionary<string, string>(DecisionForm()) { ["__RequestVerificationToken"] = other.AntiforgeryToken }));
        stolen.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        // With its own token the same form is accepted.
        var own = await session.PostAsync("/besluit", DecisionForm());
        own.StatusCode.Should().Be(HttpStatusCode.OK);
        (await own.Content.ReadAsStringAsync()).Should().Contain("Besluit vastgelegd");
    }

    [Fact]
    public async Task A_decision_by_a_user_whose_mandate_is_too_low_is_refused_whatever_the_form_says()
    {
        var consulent = await factory.SignInAsync("consulent");
        var forged = new Dictionary<string, string>(DecisionForm()) { ["mandaat"] = "college", ["besloten_door"] = "wethouder" };
        var refused = await consulent.PostAsync("/besluit", forged);
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var html = await refused.Content.ReadAsStringAsync();
        html.Should().Contain("Besluit geweigerd").And.Contain("mandaat &#x27;teamleider&#x27; of hoger nodig").And.Contain("consulent-demo")
            .And.NotContain("Besluit vastgelegd").And.NotContain("wethouder");

        // Rejecting needs no mandate (the library allows it), and is recorded under the consulent's own name.
        var rejected = await consulent.PostAsync("/besluit", DecisionForm("rejected"));
        rejected.StatusCode.Should().Be(HttpStatusCode.OK);
        (await rejected.Content.ReadAsStringAsync()).Should().Contain("Besluit vastgelegd").And.Contain("afgewezen door consulent-demo (mandaat consulent)");

        var teamleider = await factory.SignInAsync("teamleider");
        var accepted = await teamleider.PostAsync("/besluit", forged);
        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
        (await accepted.Content.ReadAsStringAsync()).Should().Contain("aanvaard door teamleider-demo (mandaat teamleider)").And.NotContain("wethouder");
    }

    [Fact]
    public async Task A_forged_decisions_field_does_not_reach_the_plan()
    {
        // The decisions travel in a hidden field protected with Data Protection; a plain JSON list (as the old host took) is ignored.
        var consulent = await factory.SignInAsync("consulent");
        var forgedDecisions = JsonSerializer.Serialize(new[]
        {
            new { proposalId = Scenario.Proposal, outcome = "accepted", decidedBy = "wethouder", mandate = "college", motivation = Motivation },
        });
        var response = await consulent.PostAsync("/plan", new Dictionary<string, string>
        {
            ["household"] = JsonSerializer.Serialize(Scenario.S1Object), ["peildatum"] = Scenario.Date, ["besluiten"] = forgedDecisions,
            ["zaak"] = "ZAAK-VALS", ["formaat"] = "json",
        });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var plan = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        plan.GetProperty("decisions").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Security_headers_are_on_pages_static_files_and_404s()
    {
        var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signIn = await anonymous.GetAsync("/aanmelden");
        signIn.StatusCode.Should().Be(HttpStatusCode.OK);
        HasSecurityHeaders(signIn, "sign-in page 200");

        var css = await anonymous.GetAsync("/site.css");
        css.StatusCode.Should().Be(HttpStatusCode.OK);
        css.Content.Headers.ContentType!.MediaType.Should().Be("text/css");
        HasSecurityHeaders(css, "static file");

        var session = await factory.SignInAsync("regisseur");
        var home = await session.Client.GetAsync("/");
        home.StatusCode.Should().Be(HttpStatusCode.OK);
        HasSecurityHeaders(home, "entry page 200");
        (await home.Content.ReadAsStringAsync()).Should().NotContain("<script").And.NotContain(" style=\"");

        var missing = await session.Client.GetAsync("/bestaat-niet");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await missing.Content.ReadAsStringAsync()).Should().Contain("Deze pagina bestaat niet");
        HasSecurityHeaders(missing, "page 404");

        var apiMissing = await factory.ApiClient("regisseur").GetAsync("/api/bestaat-niet");
        apiMissing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        HasSecurityHeaders(apiMissing, "API 404");
    }

    [Fact]
    public async Task Security_headers_are_on_500_responses()
    {
        await using var failing = new FailingHostFactory();
        var api = failing.CreateClient();
        api.DefaultRequestHeaders.Add("X-Api-Key", SampleHostFactory.ApiKey("regisseur"));
        var response = await api.PostAsync("/api/evaluate", SampleHostFactory.Json(new { household = Scenario.S1Object, date = Scenario.Date }));
        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().NotContain(FailingEvaluator.Secret);
        HasSecurityHeaders(response, "API 500");

        var session = await failing.SignInAsync("regisseur");
        var page = await session.PostAsync("/beoordeel", new Dictionary<string, string> { ["peildatum"] = Scenario.Date, ["tekst"] = Scenario.S1Yaml });
        page.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        HasSecurityHeaders(page, "page 500");
    }
}

/// <summary>The sample host with an evaluator that fails unexpectedly, for the 500 responses.</summary>
public sealed class FailingHostFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureTestServices(services =>
        {
            var real = services.Single(d => d.ServiceType == typeof(IDoorbraakEvaluator));
            services.Remove(real);
            services.AddSingleton<IDoorbraakEvaluator>(sp => new FailingEvaluator(sp.GetRequiredService<IDoorbraakEngineProvider>()));
        });
    }

    internal async Task<PageSession> SignInAsync(string mandate)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = PageSession.Token(await client.GetStringAsync("/aanmelden"));
        await client.PostAsync("/aanmelden", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Gebruikersnaam"] = $"{mandate}-demo", ["Wachtwoord"] = $"demo-{mandate}", ["__RequestVerificationToken"] = token,
        }));
        return new PageSession(client, PageSession.Token(await client.GetStringAsync("/")));
    }
}

/// <summary>Fails every evaluation with a message that must never reach the response.</summary>
internal sealed class FailingEvaluator(IDoorbraakEngineProvider engines) : IDoorbraakEvaluator
{
    public const string Secret = "geheim-4711";

    public DoorbraakEngine Engine => engines.Current;

    public EvaluationResult Evaluate(Household household, DateOnly referenceDate, EvaluationOptions? options = null) =>
        throw new InvalidOperationException(Secret);

    public WhatIfResult WhatIf(Household household, DateOnly referenceDate, IEnumerable<string> deviationIds, EvaluationOptions? options = null) =>
        throw new InvalidOperationException(Secret);
}
