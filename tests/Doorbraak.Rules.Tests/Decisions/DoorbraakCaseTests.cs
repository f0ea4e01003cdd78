using System.Text.Json;
using Doorbraak.Rules.Tests.Evaluation;

namespace Doorbraak.Rules.Tests.Decisions;

public class DoorbraakCaseTests
{
    private static readonly DateOnly Peildatum = new(2026, 3, 1);
    private const string Deviation = "afw.kostendelersnorm-tijdelijk";

    private static DecisionRequest Accept(string mandate = "teamleider") =>
        new(Deviation, DecisionOutcome.Accepted, "T. Leider", mandate, "Sem dreigt dakloos te raken; zijn plan voor werk en woonruimte is haalbaar.");

    [Fact]
    public void A_case_decides_and_assembles_on_its_own_evaluation()
    {
        var store = new InMemoryPrecedentSource();
        var planner = new DoorbraakPlanner(new DoorbraakEngine(MiniPack.Load(), store), precedents: store);
        var @case = planner.OpenCase(MiniPack.S1(), Peildatum, caseReference: "dossier-7");

        @case.Result.Proposals.Should().ContainSingle(p => p.Id == Deviation);
        var decision = @case.Decide(Accept());
        decision.Outcome.Should().Be(DecisionOutcome.Accepted);
        @case.Decisions.Should().ContainSingle().Which.Should().BeSameAs(decision);
        store.ForDeviation(Deviation).Should().ContainSingle().Which.CaseReference.Should().Be("dossier-7");

        var plan = @case.Assemble();
        plan.CaseReference.Should().Be("dossier-7");
        plan.Decisions.Should().ContainSingle().Which.ProposalId.Should().Be(Deviation);
        plan.Cost.Difference.Should().BeLessThan(0, "opvang costs more than the norm difference");
    }

    [Fact]
    public void The_case_keeps_its_evaluation_when_the_host_changes_the_household_afterwards()
    {
        var planner = new DoorbraakPlanner(new DoorbraakEngine(MiniPack.Load()));
        var household = MiniPack.S1();
        var @case = planner.OpenCase(household, Peildatum);
        household.Members[0].ReceivesBijstand = false;
        @case.Decide(Accept()).Outcome.Should().Be(DecisionOutcome.Accepted);
    }

    [Fact]
    public void A_refused_decision_is_a_result_not_an_exception()
    {
        var planner = new DoorbraakPlanner(new DoorbraakEngine(MiniPack.Load()));
        var @case = planner.OpenCase(MiniPack.S1(), Peildatum);
        var attempt = @case.TryDecide(Accept("consulent"));
        attempt.Succeeded.Should().BeFalse();
        attempt.Refusal!.Code.Should().Be(DecisionRefusalCode.Mandate);
        attempt.Refusal.Message.Should().Contain("teamleider");
        @case.Decisions.Should().BeEmpty();
    }

    [Fact]
    public void Mandates_are_the_ladder_names_in_any_case()
    {
        var planner = new DoorbraakPlanner(new DoorbraakEngine(MiniPack.Load()));
        var @case = planner.OpenCase(MiniPack.S1(), Peildatum);
        @case.Decide(Accept("TeamLeider")).Mandate.Should().Be("teamleider");
    }

    [Fact]
    public void A_decision_on_another_household_is_refused()
    {
        var engine = new DoorbraakEngine(MiniPack.Load());
        var planner = new DoorbraakPlanner(engine);
        var result = engine.Evaluate(MiniPack.S1(), Peildatum);
        var attempt = planner.TryDecide(MiniPack.S1(sonBirthYear: 1996), result, Accept());
        attempt.Refusal!.Code.Should().Be(DecisionRefusalCode.OtherHousehold);
        planner.TryDecide(MiniPack.S1(), result, Accept()).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void A_decision_on_a_result_of_other_packs_is_refused()
    {
        var result = new DoorbraakEngine(MiniPack.Load()).Evaluate(MiniPack.S1(), Peildatum);
        var otherPacks = MiniPack.Load(MiniPack.Rules.Replace("limits: { duration: P6M }", "limits: { duration: P3M }"));
        var planner = new DoorbraakPlanner(new DoorbraakEngine(otherPacks));
        var act = () => planner.Decide(MiniPack.S1(), result, Accept());
        act.Should().Throw<DecisionException>().Where(e => e.Code == DecisionRefusalCode.OtherPacks).WithMessage("*andere pakketten*");
        var read = ResultJson.Deserialize(ResultJson.Serialize(result));
        planner.TryDecide(MiniPack.S1(), read, Accept()).Refusal!.Code.Should().Be(DecisionRefusalCode.OtherPacks, "a result read back from JSON is checked by its pack hashes");
    }

    [Fact]
    public void A_decision_uses_the_options_the_result_was_evaluated_with()
    {
        var engine = new DoorbraakEngine(MiniPack.Load());
        var planner = new DoorbraakPlanner(engine);
        var english = new EvaluationOptions { Language = ReportLanguage.English, HorizonMonths = 6 };
        var result = engine.Evaluate(MiniPack.S1(), Peildatum, english);
        var decision = planner.Decide(MiniPack.S1(), result, Accept());
        var plan = planner.Assemble(MiniPack.S1(), result, [decision], new PlanDetails { CaseReference = "x", Language = ReportLanguage.English });
        plan.Cost.HorizonMonths.Should().Be(6);
    }

    [Fact]
    public void Decision_outcomes_and_refusal_codes_bind_from_json_as_words()
    {
        JsonSerializer.Deserialize<DecisionOutcome>("\"accepted\"").Should().Be(DecisionOutcome.Accepted);
        JsonSerializer.Deserialize<DecisionOutcome>("\"Rejected\"").Should().Be(DecisionOutcome.Rejected);
        JsonSerializer.Serialize(DecisionOutcome.Changed).Should().Be("\"changed\"");
        JsonSerializer.Serialize(GoalActivation.HoldsToday).Should().Be("\"holds-today\"");
        JsonSerializer.Serialize(DecisionRefusalCode.OtherHousehold).Should().Be("\"other-household\"");
        ResultJson.NameOf(CollisionKind.Contradiction).Should().Be("contradiction");
    }
}
