namespace Doorbraak.Rules.Monitoring;

/// <summary>
/// The fixed set of measures a KPI in a pack's <c>kpis:</c> section can use (see docs/monitoring.md for how each is computed).
/// </summary>
public static class KpiMeasures
{
    /// <summary>Households whose first contact (or, without one, the breakthrough) falls in the period.</summary>
    public const string CasesStarted = "cases_started";

    /// <summary>Households whose case was closed at a review dated in the period (<see cref="PlanReview.Closed"/>).</summary>
    public const string CasesClosed = "cases_closed";

    /// <summary>Collisions in plans with their breakthrough in the period, by domain of the goal that fails.</summary>
    public const string CollisionsByDomain = "collisions_by_domain";

    /// <summary>Collisions in plans with their breakthrough in the period, by rule involved.</summary>
    public const string CollisionsByRule = "collisions_by_rule";

    /// <summary>Deviations granted (accepted or changed) in plans with their breakthrough in the period, by legal basis.</summary>
    public const string DeviationsByBasis = "deviations_by_basis";

    /// <summary>Deviations granted in plans with their breakthrough in the period, by the decider's mandate level.</summary>
    public const string DeviationsByMandate = "deviations_by_mandate";

    /// <summary>Median number of days from first contact to breakthrough, for breakthroughs in the period.</summary>
    public const string DaysToBreakthrough = "days_to_breakthrough";

    /// <summary>Average yearly saving per case (current route minus breakthrough route), by payer, for breakthroughs in the period.</summary>
    public const string CostCurrentVsBreakthrough = "cost_current_vs_breakthrough";

    /// <summary>Share (%) of plan goals met at the 6-month reviews dated in the period.</summary>
    public const string GoalsMetShare6m = "goals_met_share_6m";

    /// <summary>Share (%) of plan goals met at the 12-month reviews dated in the period.</summary>
    public const string GoalsMetShare12m = "goals_met_share_12m";

    /// <summary>Mean change in self-reliance scores (ZRM, 1-5) between start and each household's latest review in the period, by domain.</summary>
    public const string SelfRelianceChange = "self_reliance_change";

    /// <summary>Share (%) of 12-month reviews dated in the period that report recurrence.</summary>
    public const string RecurrenceShare = "recurrence_share";

    /// <summary>Every measure, in the order the council report shows them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        CasesStarted, CasesClosed, CollisionsByDomain, CollisionsByRule, DeviationsByBasis, DeviationsByMandate,
        DaysToBreakthrough, CostCurrentVsBreakthrough, GoalsMetShare6m, GoalsMetShare12m, SelfRelianceChange, RecurrenceShare,
    ];

    /// <summary>Whether <paramref name="measure"/> is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string measure) => All.Contains(measure, StringComparer.Ordinal);

    /// <summary>Whether the measure has a breakdown (by domain, rule, basis, mandate, payer or ZRM domain) that a KPI's <c>filter</c> can select one key of.</summary>
    public static bool HasBreakdown(string measure) => measure is CollisionsByDomain or CollisionsByRule or DeviationsByBasis or DeviationsByMandate
        or CostCurrentVsBreakthrough or SelfRelianceChange;

    /// <summary>The default unit of a measure, in Dutch (<c>aantal</c>, <c>dagen</c>, <c>EUR</c>, <c>%</c>, <c>punten</c>).</summary>
    public static string DefaultUnit(string measure) => measure switch
    {
        DaysToBreakthrough => "dagen",
        CostCurrentVsBreakthrough => "EUR",
        GoalsMetShare6m or GoalsMetShare12m or RecurrenceShare => "%",
        SelfRelianceChange => "punten",
        _ => "aantal",
    };

    /// <summary>Whether the measure is a plain count of households or items (suppressed below the threshold), rather than a share, mean or median.</summary>
    public static bool IsCount(string measure) => measure is CasesStarted or CasesClosed or CollisionsByDomain or CollisionsByRule
        or DeviationsByBasis or DeviationsByMandate;

    /// <summary>The 13 domains of the Zelfredzaamheid-Matrix (ZRM 2017), as keys for <see cref="PlanReview.SelfRelianceBefore"/>, with their Dutch names.</summary>
    public static IReadOnlyList<(string Key, string Title)> ZrmDomains { get; } =
    [
        ("financien", "Financiën"),
        ("werk-opleiding", "Werk & opleiding"),
        ("tijdsbesteding", "Tijdsbesteding"),
        ("huisvesting", "Huisvesting"),
        ("huiselijke-relaties", "Huiselijke relaties"),
        ("geestelijke-gezondheid", "Geestelijke gezondheid"),
        ("lichamelijke-gezondheid", "Lichamelijke gezondheid"),
        ("middelengebruik", "Middelengebruik"),
        ("basale-adl", "Basale ADL"),
        ("instrumentele-adl", "Instrumentele ADL"),
        ("sociaal-netwerk", "Sociaal netwerk"),
        ("maatschappelijke-participatie", "Maatschappelijke participatie"),
        ("justitie", "Justitie"),
    ];
}
