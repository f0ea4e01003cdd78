using System.Net;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;

namespace Doorbraak.Rules.SampleHost.Tests;

/// <summary>
/// The sample host on the small test pack with interventions (tests/testpacks/interventies): a proposal shows its steps as
/// intervention or deviation, a request says what to ask, and the what-if page names the steps.
/// </summary>
public sealed class InterventionHostFactory : SampleHostFactory
{
    public const string Household = """
        leden:
          - { id: a, rol: aanvrager, geboren: 1980-05-01 }
        schulden:
          - { soort: boete, bedrag: 400, status: open }
        """;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The test pack shared with the CLI's tests.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Doorbraak.Rules.sln"))) root = root.Parent;
        builder.UseSetting("Doorbraak:PacksRoot", Path.Combine(root!.FullName, "tests", "testpacks"));
        builder.UseSetting("Doorbraak:Packs", "interventies");
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
