using Doorbraak.Rules.Tests.Evaluation;

namespace Doorbraak.Rules.Tests.Decisions;

/// <summary>A proposal an outside authority decides is a request: the planner never records it as a decision taken.</summary>
public class RequestDecisionTests
{
    private static readonly DateOnly Peildatum = new(2026, 3, 1);

    private static (DoorbraakPlanner Planner, Household Household, EvaluationResult Result) Setup(decimal arrears = 0, decimal vermogen = -1200)
    {
        var engine = new DoorbraakEngine(InterventionPack.Load());
        var household = InterventionPack.Household(arrears, vermogen);
        return (new DoorbraakPlanner(engine), household, engine.Evaluate(household, Peildatum));
    }

    private static DecisionRequest Ask(string id = "int.toeslagen-regeling", string mandate = "regisseur") =>
        new(id, DecisionOutcome.Accepted, "R. Regisseur", mandate, "Betalingsregeling nodig om de schuld beheersbaar te houden.");

    [Fact]
    public void A_request_recorded_as_a_decision_is_refused()
    {
        var (planner, household, result) = Setup();
        var attempt = planner.TryDecide(household, result, Ask());
        attempt.Refusal.Should().NotBeNull();
        attempt.Refusal!.Code.Should().Be(DecisionRefusalCode.Request);
        attempt.Refusal.Diagnostic.Code.Should().Be("DBR4100");
        attempt.Refusal.Diagnostic.Message.Should().Contain("verzoek aan Dienst Toeslagen").And.Contain("RequestSent");
    }

    [Fact]
    public void That_the_request_was_sent_is_recorded_without_dates_or_a_precedent()
    {
        var (planner, household, result) = Setup();
        var attempt = planner.TryDecide(household, result, Ask() with { RequestSent = true });
        attempt.Refusal.Should().BeNull();
        var d = attempt.Decision!;
        d.RequestedFrom.Should().Be("dienst-toeslagen");
        d.StartDate.Should().BeNull();
        d.EndDate.Should().BeNull();
    }

    [Fact]
    public void Mandates_are_checked_against_the_roles_the_packs_declare()
    {
        var (planner, household, result) = Setup(arrears: 2500, vermogen: 0);
        var low = planner.TryDecide(household, result, Ask("int.huur-betalen", "teamleider"));
        low.Refusal!.Code.Should().Be(DecisionRefusalCode.Mandate, "2500 is over the teamleider's step of the ladder");
        var unknown = planner.TryDecide(household, result, Ask("int.huur-betalen", "directeur"));
        unknown.Refusal!.Diagnostic.Message.Should().Contain("consulent, regisseur, teamleider, manager, college", "the pack declares no directeur");
        planner.TryDecide(household, result, Ask("int.huur-betalen", "manager")).Decision.Should().NotBeNull();
    }

    [Fact]
    public void The_plan_shows_each_step_kind_and_the_request()
    {
        var (planner, household, result) = Setup(arrears: 400, vermogen: -1200);
        var plan = planner.Assemble(household, result, [], new PlanDetails { CaseReference = "Z-1" });
        var md = PlanExport.ToMarkdown(plan);
        md.Should().Contain("- **Stappen**: interventie (betaling) int.huur-betalen");
        md.Should().Contain("- **Stappen**: afwijking afw.ontruiming-een-maand-uitstellen");
        md.Should().Contain("- **Verzoek**: Vraag Dienst Toeslagen om: Persoonlijke betalingsregeling vragen");
        PlanExport.ToHtml(plan).Should().Contain("<dt>Verzoek</dt>");
    }
}
