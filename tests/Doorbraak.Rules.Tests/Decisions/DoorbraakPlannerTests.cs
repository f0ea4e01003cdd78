using Doorbraak.Rules.Evaluation;
using Doorbraak.Rules.Tests.Evaluation;

namespace Doorbraak.Rules.Tests.Decisions;

public class DoorbraakPlannerTests
{
    private static readonly DateOnly Peildatum = new(2026, 3, 1);
    private const string Deviation = "afw.kostendelersnorm-tijdelijk";

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly FixedTime Clock = new(new DateTimeOffset(2026, 3, 2, 10, 30, 0, TimeSpan.Zero));

    private static (DoorbraakEngine Engine, DoorbraakPlanner Planner, EvaluationResult Result) Setup(IPrecedentSource? precedents = null, int sonBirthYear = 1997)
    {
        var engine = new DoorbraakEngine(MiniPack.Load(MiniPack.Rules.Replace("limits: { duration: P6M }", "limits: { duration: P6M, times: 1 }")), precedents);
        return (engine, new DoorbraakPlanner(engine, Clock, precedents), engine.Evaluate(MiniPack.S1(sonBirthYear), Peildatum));
    }

    private static DecisionRequest Accept(string mandate = "teamleider") =>
        new(Deviation, DecisionOutcome.Accepted, "T. Leider", mandate, "Sem dreigt dakloos te raken; zijn plan voor werk en woonruimte is haalbaar.")
        {
            Actions = [new AgreedAction("Sem schrijft zich in bij woningnet", "Sem met regisseur", new DateOnly(2026, 4, 1))],
        };

    [Fact]
    public void A_decision_by_someone_without_the_mandate_is_refused()
    {
        var (_, planner, result) = Setup();
        var act = () => planner.Decide(MiniPack.S1(), result, Accept(mandate: "consulent"));
        act.Should().Throw<DecisionException>().Where(e => e.Code == DecisionRefusalCode.Mandate).WithMessage("*teamleider*of hoger*consulent*");
    }

    [Fact]
    public void A_decision_beyond_the_limits_is_refused()
    {
        var (_, planner, result) = Setup();
        var longer = () => planner.Decide(MiniPack.S1(), result, Accept() with { Outcome = DecisionOutcome.Changed, DurationMonths = 9 });
        longer.Should().Throw<DecisionException>().Where(e => e.Code == DecisionRefusalCode.Limits).WithMessage("*9 maanden*6 maanden*");
        var again = () => planner.Decide(MiniPack.S1(), result, Accept() with { TimesGrantedBefore = 1 });
        again.Should().Throw<DecisionException>().Where(e => e.Code == DecisionRefusalCode.Limits).WithMessage("*1 keer*");
    }

    [Fact]
    public void A_decision_without_motivation_or_on_a_deviation_not_allowed_is_refused()
    {
        var (_, planner, result) = Setup();
        var bare = () => planner.Decide(MiniPack.S1(), result, Accept() with { Motivation = " " });
        bare.Should().Throw<DecisionException>().Where(e => e.Code == DecisionRefusalCode.Motivation);

        var (_, planner25, result25) = Setup(sonBirthYear: 2000);
        var notAllowed = () => planner25.Decide(MiniPack.S1(2000), result25, Accept());
        notAllowed.Should().Throw<DecisionException>().Where(e => e.Code == DecisionRefusalCode.NotAllowed).WithMessage("*niet toegestaan*");
        var unknown = () => planner.Decide(MiniPack.S1(), result, Accept() with { ProposalId = "afw.kostendelersnorm-tijdelij" });
        unknown.Should().Throw<DecisionException>().Where(e => e.Code == DecisionRefusalCode.UnknownProposal).WithMessage("*did you mean*");
    }

    [Fact]
    public void An_accepted_decision_records_period_reviews_and_time_from_the_clock()
    {
        var (_, planner, result) = Setup();
        var d = planner.Decide(MiniPack.S1(), result, Accept());
        d.StartDate.Should().Be(Peildatum);
        d.EndDate.Should().Be(new DateOnly(2026, 8, 31));
        d.ReviewDates.Should().Equal(new DateOnly(2026, 6, 1), new DateOnly(2026, 9, 1));
        d.DecidedAt.Should().Be(Clock.GetUtcNow());
        d.RequiredMandate.Should().Be("teamleider");
        d.Basis.Should().Equal("Participatiewet art. 18 lid 1");
        d.PrecedentFacts.Should().Equal(new Dictionary<string, string> { ["huishouden.kostendelers"] = "2", ["lid.dreigt_dakloos"] = "true", ["lid.rol"] = "kind" });

        var shorter = planner.Decide(MiniPack.S1(), result, Accept() with { Outcome = DecisionOutcome.Changed, DurationMonths = 3 });
        shorter.EndDate.Should().Be(new DateOnly(2026, 5, 31));
    }

    [Fact]
    public void Equal_cases_are_treated_equally_unless_a_reason_is_given()
    {
        var precedents = new InMemoryPrecedentSource();
        var (_, first, firstResult) = Setup(precedents);
        // The planner keeps every recorded decision in its precedent store.
        first.Decide(MiniPack.S1(), firstResult, Accept() with { Outcome = DecisionOutcome.Rejected, CaseReference = "dossier-0" });
        precedents.ForDeviation(firstResult.Proposals.Single().Deviations.Single()).Should().ContainSingle()
            .Which.Should().Match<PrecedentRecord>(p => p.CaseReference == "dossier-0" && p.Outcome == DecisionOutcome.Rejected);

        var (_, planner, result) = Setup(precedents);
        result.Proposals.Single().Precedents.Should().ContainSingle().Which.Should().Match<PrecedentMatch>(m => m.CaseReference == "dossier-0" && m.Similarity == 1m && m.Outcome == DecisionOutcome.Rejected);
        var differs = () => planner.Decide(MiniPack.S1(), result, Accept());
        differs.Should().Throw<DecisionException>().Where(e => e.Code == DecisionRefusalCode.Precedent).WithMessage("*dossier-0*");
        planner.Decide(MiniPack.S1(), result, Accept() with { ReasonForDifference = "Sem heeft nu wel een plan." })
            .ReasonForDifference.Should().Be("Sem heeft nu wel een plan.");
    }

    private static DoorbraakPlan Plan(ReportLanguage lang = ReportLanguage.Dutch, string motivation = "Sem dreigt dakloos te raken.")
    {
        var (_, planner, result) = Setup();
        var decision = planner.Decide(MiniPack.S1(), result, Accept() with { Motivation = motivation });
        return planner.Assemble(MiniPack.S1(), result, [decision], new PlanDetails { CaseReference = "dossier-1", Regisseur = "R. Egisseur", FirstContact = new DateOnly(2026, 1, 15), Language = lang });
    }

    [Fact]
    public void The_plan_holds_collisions_decisions_actions_reviews_cost_and_audit()
    {
        var plan = Plan();
        plan.Collisions.Select(c => c.Id).Should().Equal("botsing.kostendeler-jongvolwassene");
        plan.Decisions.Should().ContainSingle().Which.Outcome.Should().Be(DecisionOutcome.Accepted);
        plan.OpenProposals.Should().BeEmpty();
        plan.Actions.Should().ContainSingle().Which.Owner.Should().Be("Sem met regisseur");
        plan.ReviewDates.Should().Equal(new DateOnly(2026, 6, 1), new DateOnly(2026, 9, 1));
        plan.Cost.CurrentRoute.Should().Be(48012.84m);
        plan.Cost.BreakthroughRoute.Should().Be(32415.42m);
        plan.Summary.Should().Be("1 botsing(en) gevonden; 1 afwijking(en) besloten, 0 afgewezen; 1 botsing(en) opgelost. Kostenverschil over 12 maanden: EUR -15.597,42.");
        plan.Audit.Packs.Single().Sha256.Should().MatchRegex("^[0-9a-f]{64}$");
        plan.Audit.GeneratedAt.Should().Be(Clock.GetUtcNow());
        plan.Audit.ReferenceDate.Should().Be(Peildatum);
    }

    [Fact]
    public void Cost_lines_resting_on_an_illustrative_parameter_are_marked_in_markdown_and_html()
    {
        var plan = Plan();
        plan.Cost.Lines.Single(l => l.Cost == "kosten.opvang").Illustrative.Should().BeTrue();
        var md = PlanExport.ToMarkdown(plan);
        md.Should().Contain("| Opvang (illustratief) |").And.Contain("illustratieve waarden uit het pakket (kosten.opvang_per_maand)");
        md.Should().NotContain("Bijstand (illustratief)");
        var html = PlanExport.ToHtml(plan);
        html.Should().Contain("<td>Opvang (illustratief)</td>").And.Contain("<p class=\"illustrative\">");
        PlanExport.ToJson(plan).Should().Contain("\"illustrative\": true");
    }

    [Fact]
    public void The_plan_round_trips_through_json()
    {
        var plan = Plan().WithReview(new PlanReview("6m", new DateOnly(2026, 9, 1), ["doel.dak"], [], new Dictionary<string, int> { ["wonen"] = 2 },
            new Dictionary<string, int> { ["wonen"] = 4 }, new Dictionary<string, decimal> { ["gemeente"] = 1401.50m }, "Doorgaan"));
        var json = PlanExport.ToJson(plan);
        json.Should().Contain("\"caseReference\": \"dossier-1\"").And.Contain("\"decisions\"").And.Contain("\"sha256\"").And.Contain("\"reviews\"");
        var back = PlanExport.FromJson(json);
        PlanExport.ToJson(back).Should().Be(json);
        back.Reviews.Single().SelfRelianceAfter["wonen"].Should().Be(4);
    }

    [Fact]
    public void The_markdown_plan_reads_as_a_dutch_doorbraakplan()
    {
        var md = PlanExport.ToMarkdown(Plan());
        md.Should().StartWith("# Doorbraakplan: dossier-1");
        md.Should().Contain("## Botsingen").And.Contain("Kostendelersnorm duwt volwassen kind de deur uit (`botsing.kostendeler-jongvolwassene`)");
        md.Should().Contain("- **Besluit**: akkoord").And.Contain("- **Grondslag**: Participatiewet art. 18 lid 1");
        md.Should().Contain("- **Periode**: 1 maart 2026 – 31 augustus 2026").And.Contain("1 juni 2026, 1 september 2026");
        md.Should().Contain("| Bijstand | gemeente | EUR 1.001,07 | EUR 1.401,50 |");
        md.Should().Contain("| Sem schrijft zich in bij woningnet | Sem met regisseur | 1 april 2026 |");
        md.Should().Contain("| test.mini | 1.0.0 | `");
    }

    [Fact]
    public void The_html_plan_is_escaped_and_english_on_request()
    {
        var html = PlanExport.ToHtml(Plan(motivation: "Risico <script>alert(1)</script> & meer"));
        html.Should().StartWith("<!DOCTYPE html>").And.Contain("<html lang=\"nl\">").And.Contain("<h1>Doorbraakplan: dossier-1</h1>");
        html.Should().Contain("Risico &lt;script&gt;alert(1)&lt;/script&gt; &amp; meer").And.NotContain("<script>");
        html.Should().Contain("<dt>Besloten door</dt><dd>T. Leider (teamleider; vereist teamleider)</dd>");
        html.Should().Contain("<td class=\"num\">EUR 3.000,00</td>");

        var en = PlanExport.ToHtml(Plan(ReportLanguage.English));
        en.Should().Contain("<html lang=\"en\">").And.Contain("Breakthrough plan").And.Contain("<dd>accepted</dd>").And.Contain("1 March 2026");
    }

    [Fact]
    public void A_draft_plan_lists_the_open_proposals_with_motivation_and_checklist()
    {
        var (_, planner, result) = Setup();
        var draft = planner.Assemble(MiniPack.S1(), result, [], new PlanDetails { CaseReference = "concept" });
        draft.OpenProposals.Should().ContainSingle();
        var md = PlanExport.ToMarkdown(draft);
        md.Should().Contain("## Openstaande voorstellen (nog te besluiten)").And.Contain("- [ ] Plan van de jongere").And.Contain("(concept)");
        draft.Cost.Difference.Should().Be(0);
    }
}
