using Doorbraak.Rules.Inspection;
using Doorbraak.Rules.Tests.Evaluation;

namespace Doorbraak.Rules.Tests.Packs;

/// <summary>
/// Mandaatbesluiten of several loaded packs: a municipal pack's setting goes before a regional pack's, the regional one
/// applies to the rest, two packs of the same level that disagree are a load error, and the folder order never matters.
/// </summary>
public class MandatePrecedenceTests
{
    private static readonly DateOnly Peildatum = new(2026, 3, 1);

    private static PolicyPackSource Gemeente(string timeOut) => TestPacksFor.Local($$"""
        mandates:
          basis: { law: "Mandaatbesluit gemeente 2026", article: "3" }
          set:
            int.time-out: {{timeOut}}
        """, "gemeente", "test.gemeente", "municipal");

    private static PolicyPackSource Regio() => TestPacksFor.Local("""
        mandates:
          basis: { law: "Mandaatbesluit regio 2026", article: "5" }
          set:
            int.time-out: manager
            int.huur-betalen: consulent
        """, "regio", "test.regio", "regional");

    private static PolicyPackSource OtherGemeente(string timeOut) => TestPacksFor.Local($$"""
        mandates:
          basis: { law: "Mandaatbesluit andere gemeente 2026", article: "7" }
          set:
            int.time-out: {{timeOut}}
        """, "andere-gemeente", "test.andere-gemeente", "municipal");

    private static IReadOnlyList<Diagnostic> Errors(params PolicyPackSource[] sources) =>
        PackSet.TryLoad(sources).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_municipal_mandaatbesluit_goes_before_the_regional_one_whatever_the_folder_order(bool regionFirst)
    {
        PolicyPackSource[] sources = regionFirst
            ? [InterventionPack.Source(), Regio(), Gemeente("teamleider")]
            : [InterventionPack.Source(), Gemeente("teamleider"), Regio()];
        var set = PackSet.Load(sources);
        var view = set.Inspect();

        var timeOut = view.Interventions.Single(i => i.Id == "int.time-out");
        timeOut.Mandate.Should().Be("teamleider");
        timeOut.MandateSetBy.Should().Be("test.gemeente");
        // The regional mandaatbesluit applies to what the municipal one leaves alone.
        var huur = view.Interventions.Single(i => i.Id == "int.huur-betalen");
        huur.Mandate.Should().Be("consulent");
        huur.MandateSetBy.Should().Be("test.regio");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_proposal_says_which_packs_mandaatbesluit_set_the_mandate(bool regionFirst)
    {
        PolicyPackSource[] sources = regionFirst
            ? [InterventionPack.Source(), Regio(), Gemeente("teamleider")]
            : [InterventionPack.Source(), Gemeente("teamleider"), Regio()];
        var result = new DoorbraakEngine(PackSet.Load(sources)).Evaluate(InterventionPack.Household(9500), Peildatum);
        var step = result.Proposals.Single(x => x.Id == "int.time-out").Steps.Single();
        step.Mandate.Should().Be("teamleider");
        step.MandateSetBy.Should().Be("test.gemeente");
        step.MandateBasis.Should().Be("Mandaatbesluit gemeente 2026 art. 3");
    }

    [Fact]
    public void Without_a_mandaatbesluit_a_step_names_no_source()
    {
        var result = new DoorbraakEngine(PackSet.Load([InterventionPack.Source()])).Evaluate(InterventionPack.Household(9500), Peildatum);
        var step = result.Proposals.Single(x => x.Id == "int.time-out").Steps.Single();
        step.Mandate.Should().Be("open");
        step.MandateSetBy.Should().BeNull();
        step.MandateBasis.Should().BeNull();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Two_municipal_packs_that_set_one_mandate_differently_are_refused_with_both_places(bool swapped)
    {
        PolicyPackSource[] sources = swapped
            ? [InterventionPack.Source(), OtherGemeente("manager"), Gemeente("teamleider")]
            : [InterventionPack.Source(), Gemeente("teamleider"), OtherGemeente("manager")];
        var errors = Errors(sources);
        errors.Should().ContainSingle().Which.ToString().Should().Be(
            "gemeente/mandaat.yaml:4:5: error DBR1165: The mandaatbesluiten of test.andere-gemeente (andere-gemeente/mandaat.yaml:4:5: manager) " +
            "and test.gemeente (gemeente/mandaat.yaml:4:5: teamleider) both set the mandate of 'int.time-out', and both are municipal packs, so neither goes first. " +
            "Load only the pack of the municipality or region you work for, or make the two settings the same.");
    }

    [Fact]
    public void Two_municipal_packs_that_set_one_mandate_alike_load()
    {
        var set = PackSet.Load([InterventionPack.Source(), OtherGemeente("teamleider"), Gemeente("teamleider")]);
        var timeOut = set.Inspect().Interventions.Single(i => i.Id == "int.time-out");
        timeOut.Mandate.Should().Be("teamleider");
        // Equal settings: the first pack id in ordinal order is named, whatever the folder order.
        timeOut.MandateSetBy.Should().Be("test.andere-gemeente");
    }

    [Fact]
    public void Two_regional_packs_that_disagree_are_refused_but_a_municipal_setting_settles_the_item()
    {
        var otherRegio = TestPacksFor.Local("""
            mandates:
              basis: { law: "Mandaatbesluit andere regio 2026" }
              set:
                int.time-out: college
            """, "andere-regio", "test.andere-regio", "regional");
        Errors(InterventionPack.Source(), Regio(), otherRegio).Should().ContainSingle().Which.Code.Should().Be("DBR1165");
        var set = PackSet.Load([InterventionPack.Source(), Regio(), otherRegio, Gemeente("regisseur")]);
        set.Inspect().Interventions.Single(i => i.Id == "int.time-out").Mandate.Should().Be("regisseur");
    }
}
