using System.Net;
using System.Text.RegularExpressions;
using FluentAssertions;

namespace Doorbraak.Rules.SampleHost.Tests;

/// <summary>The pages on the test server: Dutch, a label for every input, state only in the form.</summary>
public sealed partial class PageTests(SampleHostFactory factory) : IClassFixture<SampleHostFactory>
{
    private PageSession? _session;

    private async Task<PageSession> Session() => _session ??= await factory.SignInAsync("regisseur");

    [GeneratedRegex("<(input|select|textarea)\\b(?<attrs>[^>]*)>")]
    private static partial Regex Control();

    [GeneratedRegex("\\bid=\"(?<id>[^\"]+)\"")]
    private static partial Regex Id();

    [GeneratedRegex("\\btype=\"hidden\"")]
    private static partial Regex Hidden();

    private static void EveryControlHasALabel(string html)
    {
        var controls = Control().Matches(html).Where(m => !Hidden().IsMatch(m.Groups["attrs"].Value)).ToList();
        controls.Should().NotBeEmpty();
        foreach (var c in controls)
        {
            var id = Id().Match(c.Groups["attrs"].Value);
            id.Success.Should().BeTrue($"{c.Value} needs an id for its label");
            html.Should().Contain($"<label for=\"{id.Groups["id"].Value}\"", $"{c.Value} needs a label");
        }
    }

    [Fact]
    public async Task Entry_page_is_dutch_and_labels_every_input()
    {
        var response = await (await Session()).Client.GetAsync("/");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("<html lang=\"nl\">").And.Contain("Huishouden invoeren").And.Contain("Peildatum");
        EveryControlHasALabel(html);
    }

    [GeneratedRegex("<form\\b[^>]*>(?<body>.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex Form();

    /// <summary>Every form that posts carries the antiforgery token.</summary>
    private static void EveryPostFormHasAnAntiforgeryToken(string html)
    {
        var forms = Form().Matches(html).Where(m => m.Value.Contains("method=\"post\"", StringComparison.Ordinal)).ToList();
        forms.Should().NotBeEmpty();
        foreach (var f in forms)
            f.Groups["body"].Value.Should().Contain("name=\"__RequestVerificationToken\"", $"{f.Value[..Math.Min(120, f.Value.Length)]} posts");
    }

    [Fact]
    public async Task Every_form_that_posts_carries_the_antiforgery_token()
    {
        var session = await Session();
        EveryPostFormHasAnAntiforgeryToken(await session.Client.GetStringAsync("/"));
        var result = await session.PostAsync("/beoordeel", new Dictionary<string, string> { ["peildatum"] = "2026-03-01", ["tekst"] = Scenario.S1Yaml.Replace(", heeft_perspectiefplan: true", "") });
        var html = await result.Content.ReadAsStringAsync();
        html.Should().Contain("Antwoorden verwerken", "the page with questions has the most forms");
        EveryPostFormHasAnAntiforgeryToken(html);
        var whatIf = await session.PostAsync("/wat-als", new Dictionary<string, string>
        {
            ["peildatum"] = "2026-03-01", ["household"] = System.Text.Json.JsonSerializer.Serialize(Scenario.S1Object), ["afwijking"] = Scenario.Proposal,
        });
        EveryPostFormHasAnAntiforgeryToken(await whatIf.Content.ReadAsStringAsync());
        EveryPostFormHasAnAntiforgeryToken(await factory.CreateClient().GetStringAsync("/aanmelden"));
    }

    [Fact]
    public async Task Sign_in_page_is_dutch_labels_every_input_and_marks_the_users_as_demo()
    {
        var response = await factory.CreateClient().GetAsync("/aanmelden");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("<html lang=\"nl\">").And.Contain("<h1>Aanmelden</h1>").And.Contain("Demo:").And.Contain("teamleider-demo")
            .And.NotContain("demo-teamleider", "the page lists the demo users, not their passwords");
        EveryControlHasALabel(html);
    }

    [Fact]
    public async Task Result_page_labels_every_input_and_carries_the_household_in_the_form()
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("2026-03-01"), "peildatum" },
            { new StringContent(Scenario.S1Yaml), "tekst" },
        };
        var response = await (await Session()).PostAsync("/beoordeel", form);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("Kostendelersnorm duwt volwassen kind de deur uit").And.Contain("Participatiewet art. 18 lid 1").And.Contain("name=\"household\"");
        EveryControlHasALabel(html);
    }

    [Fact]
    public async Task Result_page_starts_with_the_completeness_verdict_as_an_alert_when_the_packs_cannot_judge_the_date()
    {
        // The entry page proposes today's date; on 2026-11-30 the national pack has no bijstandsnormen any more.
        var form = new MultipartFormDataContent { { new StringContent("2026-11-30"), "peildatum" }, { new StringContent(Scenario.S1Yaml), "tekst" } };
        var response = await (await Session()).PostAsync("/beoordeel", form);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        var alert = html.IndexOf("<div class=\"alert completeness\" role=\"alert\"", StringComparison.Ordinal);
        alert.Should().BeGreaterThan(0, "an incomplete result is a clear alert");
        alert.Should().BeLessThan(html.IndexOf("id=\"h-botsingen\"", StringComparison.Ordinal), "the verdict comes before the collisions");
        html.Should().Contain("Onvolledig").And.Contain("pw.norm.alleenstaande").And.Contain("na 30 juni 2026");
        EveryControlHasALabel(html);

        var complete = new MultipartFormDataContent { { new StringContent("2026-03-01"), "peildatum" }, { new StringContent(Scenario.S1Yaml), "tekst" } };
        var ok = await (await (await Session()).PostAsync("/beoordeel", complete)).Content.ReadAsStringAsync();
        ok.Should().Contain("class=\"notice completeness\"").And.Contain("Volledig:").And.NotContain("alert completeness");
    }

    [Fact]
    public async Task Result_page_marks_illustrative_costs_and_says_why_a_deviation_is_not_proposed()
    {
        var illustrative = await Result(Scenario.S1Yaml);
        illustrative.Should().Contain(">illustratief</span>").And.Contain("kosten.opvang_per_maand");

        var withoutPlan = await Result(Scenario.S1Yaml.Replace("heeft_perspectiefplan: true", "heeft_perspectiefplan: false"));
        withoutPlan.Should().Contain("<h3>Niet voorgesteld</h3>").And.Contain("niet toegestaan: voorwaarde");
    }

    [Fact]
    public async Task Result_page_lists_the_facts_no_pack_uses()
    {
        var html = await Result(Scenario.S1Yaml);
        html.Should().Contain("id=\"h-ongebruikt\"").And.Contain("<code>huishouden.huur</code>", "the national pack reads no rent");
    }

    private async Task<string> Result(string yaml)
    {
        var form = new MultipartFormDataContent { { new StringContent("2026-03-01"), "peildatum" }, { new StringContent(yaml), "tekst" } };
        var response = await (await Session()).PostAsync("/beoordeel", form);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Uploaded_yaml_file_is_evaluated()
    {
        // Padded past ASP.NET Core's default 64 KB in-memory threshold: the host keeps uploads in memory (no temp file).
        var yaml = "# " + new string('x', 100 * 1024) + "\n" + Scenario.S1Yaml;
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(yaml));
        file.Headers.ContentType = new("application/yaml");
        var form = new MultipartFormDataContent { { new StringContent("2026-03-01"), "peildatum" }, { file, "bestand", "s1.yaml" } };
        var response = await (await Session()).PostAsync("/beoordeel", form);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Kostendelersnorm duwt volwassen kind de deur uit");
    }

    [Fact]
    public async Task Impossible_date_on_the_form_is_shown_with_the_field()
    {
        var form = new Dictionary<string, string> { ["peildatum"] = "2026-02-30", ["lid1.id"] = "moeder" };
        var response = await (await Session()).PostAsync("/beoordeel", form);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("role=\"alert\"").And.Contain("2026-02-30").And.Contain("href=\"#peildatum\"");
    }

    [Fact]
    public async Task Unknown_fact_in_pasted_yaml_is_422_with_the_message()
    {
        var form = new Dictionary<string, string> { ["peildatum"] = "2026-03-01", ["tekst"] = "leden:\n  - { id: moeder, lievelingskleur: blauw }\n" };
        var response = await (await Session()).PostAsync("/beoordeel", form);
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).Should().Contain("lievelingskleur");
    }

    [Fact]
    public async Task Oversized_form_is_413()
    {
        var form = new Dictionary<string, string> { ["peildatum"] = "2026-03-01", ["tekst"] = new string('#', 300 * 1024) };
        var response = await (await Session()).PostAsync("/beoordeel", form);
        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }
}
