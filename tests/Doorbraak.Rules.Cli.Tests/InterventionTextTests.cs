namespace Doorbraak.Rules.Cli.Tests;

/// <summary>Interventions in the CLI's text report, in explain and in <c>doorbraak docs</c>, on the small test pack tests/testpacks/interventies.</summary>
public class InterventionTextTests
{
    private const string Household = """
        leden:
          - { id: a, rol: aanvrager, geboren: 1980-05-01 }
        schulden:
          - { id: cjib-1, soort: boete, bedrag: 400, status: open }
        """;

    private static (string Pack, string Household) Write(TempDir temp)
    {
        // The test pack shared with the sample host's tests.
        var pack = Path.Combine(Repo.Root, "tests", "testpacks", "interventies");
        var household = Path.Combine(temp.Path, "h.yaml");
        File.WriteAllText(household, Household);
        return (pack, household);
    }

    [Fact]
    public void The_text_report_names_each_step_as_an_intervention_with_its_request_and_until()
    {
        using var temp = new TempDir();
        var (pack, household) = Write(temp);
        var run = Cli.Run("evaluate", household, "--packs", pack, "--date", "2026-03-01");
        run.Code.Should().Be(0, run.ToString());
        run.Out.Should().Contain("Stappen:")
            .And.Contain("- interventie (overig) int.boete-regeling: Betalingsregeling voor de boete vragen; besluit: regisseur, vraag aan cjib")
            .And.Contain("Verzoek: Vraag CJIB om: Betalingsregeling voor de boete vragen; grondslag: Testwet art. 3; aanleveren: overzicht van de schulden")
            .And.Contain("Grondslag: Testwet art. 3 (taak) — eigen grondslag van de interventie; wijkt van geen regel af")
            .And.Contain("- interventie (betaling) int.boete-betalen: De boete betalen; besluit: teamleider")
            .And.Contain("tot peildatum >= 2026-06-01 (daaraan is naar verwachting voldaan op 1 juni 2026, dus het duurt 3 maanden)");
        run.Out.Should().NotContain("afwijking van \n").And.NotContain("— afwijking van  ");
    }

    [Fact]
    public void Explain_of_an_intervention_proposal_shows_its_step()
    {
        using var temp = new TempDir();
        var (pack, household) = Write(temp);
        var run = Cli.Run("explain", household, "--packs", pack, "--date", "2026-03-01", "--proposal", "int.boete-betalen");
        run.Code.Should().Be(0, run.ToString());
        run.Out.Should().Contain("- interventie (betaling) int.boete-betalen: De boete betalen; besluit: teamleider")
            .And.Contain("Grondslag: Testverordening art. 2 (budget) — eigen grondslag van de interventie");
    }

    [Fact]
    public void Docs_list_the_interventions_with_what_they_change_who_decides_and_their_limits()
    {
        using var temp = new TempDir();
        var (pack, _) = Write(temp);
        var run = Cli.Run("docs", pack, "--out", Path.Combine(temp.Path, "out"));
        run.Code.Should().Be(0, run.ToString());
        var md = File.ReadAllText(Path.Combine(temp.Path, "out", "interventies.md"));
        md.Should().Contain("- [Interventions](#interventions) (2)").And.Contain("## Interventions");
        md.Should().Contain("### Betalingsregeling voor de boete vragen").And.Contain("`int.boete-regeling` · overig · `").And.Contain("interventies/content.yaml:20`");
        md.Should().Contain("- Change: in `schulden`, each element where `soort = \"boete\"`: set `status` = `\"regeling\"`");
        md.Should().Contain("- Change: in `schulden`, the element with id `cjib-1`: set `status` = `\"betaald\"`, `bedrag` = `0`");
        md.Should().Contain("- Aims at: [`doel.schuldhulp`](interventies.md#doel-schuldhulp)");
        md.Should().Contain("- Decided by: cjib (a request; deliver: overzicht van de schulden)");
        md.Should().Contain("- Mandate: up to EUR 600.00 teamleider, above that manager");
        md.Should().Contain("- Limits: until `peildatum >= 2026-06-01`, at most P6M");
        md.Should().Contain("- Costs: gemeente `400` once");
    }
}
