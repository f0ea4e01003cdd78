using Doorbraak.Rules.Monitoring;

namespace Doorbraak.Rules.Tests.Monitoring;

/// <summary>
/// Eight plans whose KPI values are computed by hand in docs/monitoring.md terms (see the comments on each test).
/// Q1 2026 cohort (breakthrough in the quarter): P1-P4; Q4 2025 cohort: P5, P6; P7 and P8 are older plans with 12-month reviews in Q1 2026.
/// </summary>
internal static class MonitoringFixture
{
    public static readonly ReportPeriod Q1 = ReportPeriod.Parse("2026-Q1");

    public static KpiCatalog Catalog(params KpiSpec[] kpis) => new(kpis.Length > 0 ? kpis : AllKpis(),
        new Dictionary<string, string> { ["doel.dak"] = "wonen", ["doel.schulden"] = "schulden", ["doel.inkomen"] = "inkomen", ["doel.zorg"] = "zorg" },
        new Dictionary<string, string> { ["pw.verrekening"] = "inkomen", ["pw.kostendelersnorm"] = "inkomen" },
        new Dictionary<string, string> { ["pw.verrekening"] = "Verrekening", ["pw.kostendelersnorm"] = "Kostendelersnorm" });

    public static KpiSpec[] AllKpis() =>
    [
        new("k.started", "Gestart", KpiMeasures.CasesStarted, null, null, null, null, null),
        new("k.closed", "Afgesloten", KpiMeasures.CasesClosed, null, null, null, null, null),
        new("k.domain", "Botsingen per domein", KpiMeasures.CollisionsByDomain, null, null, null, null, null),
        new("k.rule", "Botsingen per regel", KpiMeasures.CollisionsByRule, null, null, null, null, null),
        new("k.basis", "Afwijkingen per grondslag", KpiMeasures.DeviationsByBasis, null, null, null, null, null),
        new("k.mandate", "Afwijkingen per mandaat", KpiMeasures.DeviationsByMandate, null, null, null, null, null),
        new("k.days", "Doorlooptijd", KpiMeasures.DaysToBreakthrough, null, null, new KpiNorm(30, NormDirection.AtMost, new DateOnly(2026, 12, 31)), "LMM", null),
        new("k.cost", "Besparing per casus", KpiMeasures.CostCurrentVsBreakthrough, null, null, new KpiNorm(20000, NormDirection.AtLeast, new DateOnly(2026, 12, 31)), "Den Haag", null),
        new("k.goals6", "Doelen 6m", KpiMeasures.GoalsMetShare6m, null, null, new KpiNorm(60, NormDirection.AtLeast, new DateOnly(2026, 12, 31)), null, null),
        new("k.goals12", "Doelen 12m", KpiMeasures.GoalsMetShare12m, null, null, new KpiNorm(60, NormDirection.AtLeast, new DateOnly(2025, 12, 31)), null, null),
        new("k.zrm", "Zelfredzaamheid", KpiMeasures.SelfRelianceChange, null, null, new KpiNorm(0.5m, NormDirection.AtLeast, null), null, null),
        new("k.recurrence", "Terugval", KpiMeasures.RecurrenceShare, null, null, new KpiNorm(15, NormDirection.AtMost, null), null, null),
    ];

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static CollisionResult Collision(string id, string? goal, params string[] rules) =>
        new(id, CollisionKind.Declared, id, CollisionSeverity.High, goal, rules, ["lid1"], id, new Explanation(id, StatementSource.Engine, [], []));

    private static RecordedDecision Decision(DecisionOutcome outcome, string mandate, params string[] basis) =>
        new("p", ["afw"], "Afwijking", outcome, "regisseur", mandate, mandate, "Motivering", basis, "Grenzen", null, null, [],
            new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), null, [], new Dictionary<string, string>());

    private static CostLine Line(string payer, decimal current, decimal breakthrough) => new("kosten.x", "Post", payer, current, breakthrough);

    private static Dictionary<string, int> Z(params (string Key, int Score)[] scores) => scores.ToDictionary(s => s.Key, s => s.Score);

    public static PlanReview Review(string moment, DateOnly date, string[] met, string[] notMet, Dictionary<string, int>? before = null, Dictionary<string, int>? after = null) =>
        new(moment, date, met, notMet, before ?? [], after ?? [], new Dictionary<string, decimal>(), null);

    public static DoorbraakPlan Plan(string id, DateOnly? first, DateOnly breakthrough, CollisionResult[]? collisions = null, RecordedDecision[]? decisions = null,
        CostLine[]? lines = null, params PlanReview[] reviews)
    {
        var l = lines ?? [];
        var current = l.Sum(x => x.CurrentMonthly) * 12;
        var route = l.Sum(x => x.ProposalMonthly) * 12;
        var plan = new DoorbraakPlan(id, "regisseur", ReportLanguage.Dutch, "Samenvatting", breakthrough, first, breakthrough, ["lid1"], collisions ?? [], decisions ?? [], [], [], [],
            new PlanCost(12, current, route, route - current, l), [], new PlanAudit([], "test", breakthrough, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        foreach (var r in reviews) plan = plan.WithReview(r);
        return plan;
    }

    public static IReadOnlyList<DoorbraakPlan> Plans() =>
    [
        // P1: 15 days; wonen; Pw 18-1 by teamleider; saving (3000 + 1000 - 1400) * 12 = 31,200 (all gemeente).
        Plan("P1", D(2026, 1, 5), D(2026, 1, 20), [Collision("c.kostendeler", "doel.dak", "pw.kostendelersnorm")],
            [Decision(DecisionOutcome.Accepted, "teamleider", "Pw 18-1")], [Line("gemeente", 3000, 0), Line("gemeente", 1000, 1400)]),
        // P2: 30 days; schulden (2 rules) and inkomen; one accepted (Awb 4:84, teamleider), one rejected; saving (2500 - 350) * 12 = 25,800.
        Plan("P2", D(2026, 1, 10), D(2026, 2, 9), [Collision("c.schuld", "doel.schulden", "wgs.a", "wgs.b"), Collision("c.verrekening", "doel.inkomen", "pw.verrekening")],
            [Decision(DecisionOutcome.Accepted, "teamleider", "Awb 4:84"), Decision(DecisionOutcome.Rejected, "consulent", "Awb 4:93")],
            [Line("corporatie", 2500, 0), Line("gemeente", 0, 350)]),
        // P3: 91 days (first contact in Q4 2025); zorg; changed (Jeugdwet 1.1, manager); saving (4000 - 500 - 2000) * 12 = 18,000.
        Plan("P3", D(2025, 12, 1), D(2026, 3, 2), [Collision("c.zorg", "doel.zorg", "jw.einde")],
            [Decision(DecisionOutcome.Changed, "manager", "Jeugdwet 1.1")], [Line("zorgverzekeraar", 4000, 500), Line("gemeente", 0, 2000)]),
        // P4: no first contact (started on its breakthrough date); a collision without goal, counted in its rule's domain (inkomen); two bases; saving 400 * 12 = 4,800.
        Plan("P4", null, D(2026, 3, 31), [Collision("c.los", null, "pw.verrekening")],
            [Decision(DecisionOutcome.Accepted, "teamleider", "Awb 4:84", "Pw 18-1")], [Line("gemeente", 500, 100)]),
        // P5: Q4 2025 cohort, 20 days, saving 12,000; 6-month review in Q1 2026: 2 of 3 goals; ZRM financien 2->3, huisvesting 1->3.
        Plan("P5", D(2025, 10, 1), D(2025, 10, 21), [Collision("c.kostendeler", "doel.dak", "pw.kostendelersnorm")],
            [Decision(DecisionOutcome.Accepted, "consulent", "Pw 18-1")], [Line("gemeente", 1000, 0)],
            Review("6m", D(2026, 3, 20), ["a", "b"], ["c"], Z(("financien", 2), ("huisvesting", 1)), Z(("financien", 3), ("huisvesting", 3)))),
        // P6: Q4 2025 cohort, 30 days, no costs; 6-month review in Q1 2026: 1 of 3 goals; ZRM financien 3->2.
        Plan("P6", D(2025, 11, 1), D(2025, 12, 1), null, null, null,
            Review("6m", D(2026, 2, 15), ["a"], ["b", "c"], Z(("financien", 3)), Z(("financien", 2)))),
        // P7: older plan; 12-month review in Q1 2026: 2 of 2 goals, closed, no recurrence; ZRM financien 1->3, justitie 2->2.
        Plan("P7", D(2024, 12, 20), D(2025, 1, 15), null, null, null,
            Review("6m", D(2025, 7, 15), ["a"], ["b"]),
            Review("12m", D(2026, 1, 20), ["a", "b"], [], Z(("financien", 1), ("justitie", 2)), Z(("financien", 3), ("justitie", 2))) with { Closed = true }),
        // P8: older plan; 12-month review in Q1 2026: 0 of 1 goal, recurrence, not closed, no ZRM scores.
        Plan("P8", D(2025, 1, 2), D(2025, 2, 1), null, null, null,
            Review("12m", D(2026, 2, 5), [], ["a"]) with { Recurrence = true }),
    ];

    public static MonitoringReport Report(int threshold, params KpiSpec[] kpis) =>
        MonitoringAggregator.Compute(Catalog(kpis), Plans(), Q1, new MonitoringOptions { SuppressionThreshold = threshold, TrendPeriods = 2, GeneratedOn = new DateOnly(2026, 4, 15) });
}
