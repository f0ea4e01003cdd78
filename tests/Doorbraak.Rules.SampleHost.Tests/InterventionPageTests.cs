using System.Net;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;

namespace Doorbraak.Rules.SampleHost.Tests;

/// <summary>
/// The sample host on a small test pack with interventions (written to a temporary folder): a proposal shows its steps as
/// intervention or deviation, a request says what to ask, and the what-if page names the steps.
/// </summary>
public sealed class InterventionHostFactory : SampleHostFactory
{
    public const string Manifest = """
        id: test.interventies-host
        version: 1.0.0
        title: Interventies (test)
        jurisdiction: NL
        format: 2
        valid: { from: 2000-01-01 }
        """;

    public const string Content = """
        facts:
          huishouden.schuldhulp_geweigerd: { type: boolean, description: Schuldhulp is geweigerd, default: false }
        authorities:
          - { id: cjib, title: CJIB, law: Wet administratiefrechtelijke handhaving verkeersvoorschriften }
        rules:
          - id: shv.weigering
            title: Geen schuldhulp bij een openstaande boete
            law: { law: Testwet, article: "2" }
            force: werkinstructie
            domain: schulden
            applies: any schulden where soort = "boete" and status = "open"
            determines: { huishouden.schuldhulp_geweigerd: true }
        goals:
          - id: doel.schuldhulp
            title: Schuldhulp mogelijk
            domain: schulden
            holds: not huishouden.schuldhulp_geweigerd
        deviations:
          - id: afw.weigering-opzij
            title: Werkinstructie opzij zetten
            deviates: shv.weigering
            change: { suspend: true }
            basis: { law: Testwet, article: "2", kind: werkinstructie }
            mandate: teamleider
            limits: { duration: P3M }
        interventions:
          - id: int.boete-regeling
            title: Betalingsregeling voor de boete vragen
            action: overig
            basis: { law: Testwet, article: "3", kind: taak }
            change:
              elements:
                - { collection: schulden, where: soort = "boete", set: { status: "regeling" } }
            resolves: [doel.schuldhulp]
            mandate: regisseur
            decider: cjib
            deliver: [overzicht van de schulden]
        """;

    public const string Household = """
        leden:
          - { id: a, rol: aanvrager, geboren: 1980-05-01 }
        schulden:
          - { soort: boete, bedrag: 400, status: open }
        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "doorbraak-interventies-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var pack = Path.Combine(_root, "interventies");
        Directory.CreateDirectory(pack);
        File.WriteAllText(Path.Combine(pack, "pack.yaml"), Manifest);
        File.WriteAllText(Path.Combine(pack, "content.yaml"), Content);
        builder.UseSetting("Doorbraak:PacksRoot", _root);
        builder.UseSetting("Doorbraak:Packs", "interventies");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}

public sealed class InterventionPageTests(InterventionHostFactory factory) : IClassFixture<InterventionHostFactory>
{
    private async Task<(PageSession Session, string Html)> Result()
    {
        var session = await factory.SignInAsync("regisseur");
        var form = new MultipartFormDataContent { { new StringContent("2026-03-01"), "peildatum" }, { new StringContent(InterventionHostFactory.Household), "tekst" } };
        var response = await session.PostAsync("/beoordeel", form);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (session, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_proposal_shows_its_steps_as_intervention_or_deviation_and_a_request()
    {
        var (_, html) = await Result();
        html.Should().Contain("<dt>Stappen</dt>");
        html.Should().Contain("<strong>Interventie (overig)</strong>: Betalingsregeling voor de boete vragen <span class=\"path\">int.boete-regeling</span> — een handeling binnen de wet, geen afwijking van een regel; besluit door cjib (verzoek)");
        html.Should().Contain("<strong>Afwijking</strong> van regel <span class=\"path\">shv.weigering</span>: Werkinstructie opzij zetten");
        html.Should().Contain("<dt>Verzoek</dt><dd>Vraag CJIB om: Betalingsregeling voor de boete vragen; grondslag: Testwet art. 3; aanleveren: overzicht van de schulden</dd>");
        html.Should().Contain("(taak) — eigen grondslag van de interventie").And.Contain("(werkinstructie) — afwijking van regel shv.weigering");
    }

    [Fact]
    public async Task The_what_if_page_names_the_intervention_step()
    {
        var (session, html) = await Result();
        // The what-if form of the intervention's proposal, with the hidden fields it carries (household, peildatum, decisions).
        var start = html.IndexOf("value=\"int.boete-regeling\"", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0);
        var formStart = html.LastIndexOf("<form", start, StringComparison.Ordinal);
        var form = html[formStart..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        form.Should().Contain("action=\"/wat-als\"");
        var fields = System.Text.RegularExpressions.Regex.Matches(form, "<input type=\"hidden\" name=\"(?<n>[^\"]+)\" value=\"(?<v>[^\"]*)\"")
            .Where(m => m.Groups["n"].Value != "__RequestVerificationToken")
            .ToDictionary(m => m.Groups["n"].Value, m => System.Net.WebUtility.HtmlDecode(m.Groups["v"].Value));
        fields["afwijking"].Should().Be("int.boete-regeling");
        var response = await session.PostAsync("/wat-als", fields);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync();
        page.Should().Contain("Stappen: <span class=\"path\">interventie (overig) int.boete-regeling</span>");
        page.Should().Contain("Verzoek: Vraag CJIB om: Betalingsregeling voor de boete vragen");
    }
}
