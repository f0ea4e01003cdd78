using Doorbraak.Rules.Tests.Evaluation;

namespace Doorbraak.Rules.Tests.Decisions;

/// <summary>
/// An open mandate that no loaded local pack sets is delegated to nobody: the competent body itself (the top of the
/// packs' role ladder, the college) decides; a lower role is refused at the pack's 'mandate: open'.
/// </summary>
public class OpenMandateDecisionTests
{
    private static readonly DateOnly Peildatum = new(2026, 3, 1);
    private const string Deviation = "afw.kostendelersnorm-tijdelijk";
    private const string National = "afw.kostendelersnorm-tijdelijk-buiten-beschouwing";

    private static string Dir(string name) => Path.Combine(RepoRoot.Path, "policypacks", name);

    private static readonly Lazy<PackSet> NationalOnly = new(() => PackSet.LoadDirectories(Dir("nl-sociaal-domein")));

    private static readonly Lazy<PackSet> WithVlaardingen = new(() => PackSet.LoadDirectories(Dir("nl-sociaal-domein"), Dir("gemeente-vlaardingen")));

    private static DecisionRequest Accept(string proposal, string mandate) =>
        new(proposal, DecisionOutcome.Accepted, "Beslisser", mandate, "Afwijken voorkomt dakloosheid; zes maanden met een plan.");

    private static (DoorbraakPlanner Planner, Household Household, EvaluationResult Result) Mini()
    {
        var engine = new DoorbraakEngine(MiniPack.Load(MiniPack.Rules.Replace("mandate: teamleider", "mandate: open")));
        return (new DoorbraakPlanner(engine), MiniPack.S1(), engine.Evaluate(MiniPack.S1(), Peildatum));
    }

    private static (DoorbraakPlanner Planner, Household Household, EvaluationResult Result) Shipped(PackSet packs)
    {
        var engine = new DoorbraakEngine(packs);
        var household = engine.ReadHousehold(File.ReadAllText(Path.Combine(RepoRoot.Path, "samples", "households", "s1-kostendelersnorm.yaml")), "s1");
        return (new DoorbraakPlanner(engine), household, engine.Evaluate(household, Peildatum));
    }

    [Fact]
    public void The_proposal_says_the_college_decides_and_the_result_has_no_gap_for_it()
    {
        var (_, _, result) = Mini();
        var p = result.Proposals.Single(x => x.Id == Deviation);
        p.Mandate.Should().Be("open");
        p.MandateFallback.Should().Be("college");
        p.MandateNote.Should().Be("Mandaat niet vastgelegd: zolang geen lokaal mandaatbesluit het aan een functie opdraagt, besluit het bevoegde bestuursorgaan zelf (College, mandaat 'college')");
        p.Checklist.Should().Contain(p.MandateNote);
        result.Completeness.Complete.Should().BeTrue();
    }

    [Fact]
    public void The_college_decides_without_acknowledging_a_gap_and_the_record_says_the_college_was_required()
    {
        var (planner, household, result) = Mini();
        var attempt = planner.TryDecide(household, result, Accept(Deviation, "college"));
        attempt.Succeeded.Should().BeTrue();
        attempt.Decision!.Mandate.Should().Be("college");
        attempt.Decision.RequiredMandate.Should().Be("college");
        attempt.Decision.EndDate.Should().Be(new DateOnly(2026, 8, 31));
    }

    [Theory]
    [InlineData("teamleider")]
    [InlineData("directeur")]
    public void A_lower_role_is_refused_at_the_packs_open_mandate_naming_who_may_decide(string role)
    {
        var (planner, household, result) = Mini();
        var attempt = planner.TryDecide(household, result, Accept(Deviation, role));
        attempt.Succeeded.Should().BeFalse();
        attempt.Refusal!.Code.Should().Be(DecisionRefusalCode.Mandate);
        attempt.Refusal.Diagnostic.Code.Should().Be("DBR4012");
        attempt.Refusal.Diagnostic.Location.Line.Should().BeGreaterThan(0);
        attempt.Refusal.Message.Should().Contain($"Het mandaat voor {Deviation} is niet gedelegeerd")
            .And.Contain(attempt.Refusal.Diagnostic.Location.ToString() + " zegt 'mandate: open'")
            .And.Contain("College (mandaat 'college')").And.Contain($"'{role}' mag hier niet over besluiten");
    }

    [Fact]
    public void Rejecting_stays_open_to_any_role_as_for_a_set_mandate()
    {
        var (planner, household, result) = Mini();
        var attempt = planner.TryDecide(household, result, Accept(Deviation, "teamleider") with { Outcome = DecisionOutcome.Rejected });
        attempt.Succeeded.Should().BeTrue();
        attempt.Decision!.RequiredMandate.Should().Be("college");
    }

    [Fact]
    public void With_only_the_national_pack_the_kostendelersnorm_proposal_is_for_the_college()
    {
        var (planner, household, result) = Shipped(NationalOnly.Value);
        result.Completeness.Complete.Should().BeTrue();
        var p = result.Proposals.Single(x => x.Id == National);
        p.Mandate.Should().Be("open");
        p.MandateFallback.Should().Be("college");
        p.MandateNote.Should().Contain("College van burgemeester en wethouders, mandaat 'college'");
        p.Motivation.Should().Contain("Besluit door: Mandaat niet vastgelegd");

        var refused = planner.TryDecide(household, result, Accept(National, "teamleider"));
        refused.Refusal!.Diagnostic.Code.Should().Be("DBR4012");
        refused.Refusal.Diagnostic.Location.File.Replace('\\', '/').Should().EndWith("deviations/participatiewet.yaml");
        // At the 'mandate: open' of that deviation in the national pack.
        var lines = File.ReadAllLines(Path.Combine(Dir("nl-sociaal-domein"), "deviations", "participatiewet.yaml"));
        var entry = Array.FindIndex(lines, l => l.Contains($"id: {National}", StringComparison.Ordinal));
        var mandateLine = Array.FindIndex(lines, entry, l => l.StartsWith("    mandate: open", StringComparison.Ordinal)) + 1;
        refused.Refusal.Diagnostic.Location.Line.Should().Be(mandateLine);
        refused.Refusal.Diagnostic.Location.Column.Should().Be("    mandate: ".Length + 1);
        planner.TryDecide(household, result, Accept(National, "college")).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void A_local_mandaatbesluit_delegates_it_to_the_teamleider()
    {
        var (planner, household, result) = Shipped(WithVlaardingen.Value);
        var p = result.Proposals.Single(x => x.Id == National);
        p.Mandate.Should().Be("teamleider");
        p.MandateFallback.Should().BeNull();
        p.MandateNote.Should().BeNull();
        var d = planner.TryDecide(household, result, Accept(National, "teamleider"));
        d.Succeeded.Should().BeTrue();
        d.Decision!.RequiredMandate.Should().Be("teamleider");
    }
}
