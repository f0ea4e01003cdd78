namespace Doorbraak.Rules.Cli.Tests;

/// <summary>Interventions in the CLI's text report, in explain and in <c>doorbraak docs</c>, on a small pack written to a temporary folder.</summary>
public class InterventionTextTests
{
    private const string Manifest = """
        id: test.interventies-cli
        version: 1.0.0
        title: Interventies (test)
        jurisdiction: NL
        format: 2
        valid: { from: 2000-01-01 }
        """;

    private const string Content = """
        facts:
          schuld.id: { type: text, description: Kenmerk van de schuld }
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
          - id: int.boete-betalen
            title: De boete betalen
            action: betaling
            basis: { law: Testverordening, article: "2", kind: budget }
            change:
              elements:
                - { collection: schulden, id: cjib-1, set: { status: "betaald", bedrag: 0 } }
            resolves: [doel.schuldhulp]
            mandate:
              - { up_to: 600, role: teamleider }
              - { role: manager }
            limits: { until: peildatum >= 2026-06-01, max: P6M }
            costs:
              - { payer: gemeente, once: 400 }
        """;

    private const string Household = """
        leden:
          - { id: a, rol: aanvrager, geboren: 1980-05-01 }
        schulden:
          - { id: cjib-1, soort: boete, bedrag: 400, status: open }
        """;

    private static (string Pack, string Household) Write(TempDir temp)
    {
        var pack = Path.Combine(temp.Path, "interventies");
        Directory.CreateDirectory(pack);
        File.WriteAllText(Path.Combine(pack, "pack.yaml"), Manifest);
        File.WriteAllText(Path.Combine(pack, "content.yaml"), Content);
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
