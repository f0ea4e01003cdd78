using System.Text.Json.Serialization;

namespace Doorbraak.Rules.Monitoring;

/// <summary>
/// A figure in a report: a value, or nothing (no data), or suppressed because it rests on fewer households or items than the threshold.
/// A suppressed figure never carries its value: <see cref="Value"/> is null and renderers show <c>&lt; 5</c>.
/// </summary>
/// <param name="Value">The value; null when there is no data or when suppressed.</param>
/// <param name="Suppressed">Whether the figure was suppressed to protect households.</param>
public readonly record struct Figure(decimal? Value, bool Suppressed)
{
    /// <summary>No data.</summary>
    public static Figure None => new(null, false);

    /// <summary>A suppressed figure.</summary>
    public static Figure Hidden => new(null, true);

    /// <summary>Whether a value can be shown.</summary>
    [JsonIgnore]
    public bool HasValue => Value is not null;

    /// <summary>A shown value.</summary>
    public static Figure Of(decimal value) => new(value, false);
}

/// <summary>How a KPI's value compares with its norm.</summary>
public enum NormStatus
{
    /// <summary>The value meets the norm.</summary>
    Met,
    /// <summary>The value does not meet the norm.</summary>
    NotMet,
    /// <summary>There is no value for the period (no plans or reviews to measure).</summary>
    NoData,
    /// <summary>The value is suppressed (small numbers), so no statement is made.</summary>
    Suppressed,
    /// <summary>The KPI has no norm.</summary>
    NoNorm,
    /// <summary>The KPI cannot be computed (unknown measure, bad filter); see <see cref="KpiResult.Problem"/>.</summary>
    Invalid,
}

/// <summary>The direction of a KPI's value against the previous period.</summary>
public enum TrendDirection
{
    /// <summary>No comparison possible (a value is missing or suppressed).</summary>
    Unknown,
    /// <summary>Higher than the previous period.</summary>
    Up,
    /// <summary>Lower.</summary>
    Down,
    /// <summary>Equal.</summary>
    Equal,
}

/// <summary>A KPI's value in one period and the number of households it rests on.</summary>
/// <param name="Period">The period.</param>
/// <param name="Value">The value.</param>
/// <param name="Households">The number of households (plans) the value rests on.</param>
public sealed record KpiPeriodValue(ReportPeriod Period, Figure Value, Figure Households);

/// <summary>One row of a KPI's breakdown (by domain, rule, basis, mandate, payer or ZRM domain) in the report's period.</summary>
/// <param name="Key">The key (domain, rule id, citation, mandate level, payer, ZRM domain).</param>
/// <param name="Label">What to show.</param>
/// <param name="Value">The row's value.</param>
/// <param name="Households">The households it rests on.</param>
public sealed record KpiBreakdownRow(string Key, string Label, Figure Value, Figure Households);

/// <summary>A KPI computed over the plans: its value per period, the comparison with its norm and the previous period, and its breakdown.</summary>
/// <param name="Kpi">The KPI.</param>
/// <param name="Series">The value in each period of the report, oldest first; the last is the report's period.</param>
/// <param name="Status">The report period's value against the norm.</param>
/// <param name="Trend">The report period against the one before.</param>
/// <param name="Better">Whether the trend is an improvement by the norm's direction (null: no norm or no trend).</param>
/// <param name="Breakdown">The breakdown in the report's period (empty for measures without one).</param>
/// <param name="Problem">Why the KPI could not be computed, if so.</param>
public sealed record KpiResult(KpiSpec Kpi, IReadOnlyList<KpiPeriodValue> Series, NormStatus Status, TrendDirection Trend, bool? Better,
    IReadOnlyList<KpiBreakdownRow> Breakdown, string? Problem)
{
    /// <summary>The value in the report's period.</summary>
    [JsonIgnore]
    public KpiPeriodValue Current => Series[^1];

    /// <summary>The value in the period before, if the report has one.</summary>
    [JsonIgnore]
    public KpiPeriodValue? Previous => Series.Count > 1 ? Series[^2] : null;

    /// <summary>Whether the norm's deadline has passed at the end of the report's period.</summary>
    public bool DeadlinePassed => Kpi.Norm?.Deadline is { } d && d <= Current.Period.End;
}

/// <summary>The yearly cost of the current route against the breakthrough route for one payer, over the plans with their breakthrough in the period.</summary>
/// <param name="Payer">The payer (gemeente, zorgverzekeraar, corporatie, Rijk, maatschappij...).</param>
/// <param name="Households">The households with a cost line for this payer.</param>
/// <param name="CurrentRoute">Total yearly cost on the current route.</param>
/// <param name="BreakthroughRoute">Total yearly cost on the breakthrough route.</param>
/// <param name="Saving">Current minus breakthrough (positive: saved).</param>
/// <param name="SavingPerCase">Saving divided by the households.</param>
public sealed record PayerCost(string Payer, Figure Households, Figure CurrentRoute, Figure BreakthroughRoute, Figure Saving, Figure SavingPerCase);

/// <summary>
/// The monitoring of a period: KPI values with trend and norm status, the cost comparison per payer, and the problems found.
/// Computed by <see cref="MonitoringAggregator"/>; rendered by <see cref="CouncilReport"/>. Every count under the threshold is already suppressed here.
/// </summary>
/// <param name="Title">The report title.</param>
/// <param name="Period">The report's period.</param>
/// <param name="Periods">The periods of the trend, oldest first (the last is <paramref name="Period"/>).</param>
/// <param name="Threshold">Counts below this are suppressed.</param>
/// <param name="GeneratedOn">The date the report was made.</param>
/// <param name="Plans">Plans with their breakthrough in the period.</param>
/// <param name="Reviews">Reviews dated in the period.</param>
/// <param name="Kpis">The KPIs, in catalog order.</param>
/// <param name="Cost">The cost comparison per payer in the period; the last row is the total (payer <c>totaal</c>).</param>
/// <param name="Problems">KPIs that could not be computed and other remarks.</param>
public sealed record MonitoringReport(string Title, ReportPeriod Period, IReadOnlyList<ReportPeriod> Periods, int Threshold, DateOnly GeneratedOn,
    Figure Plans, Figure Reviews, IReadOnlyList<KpiResult> Kpis, IReadOnlyList<PayerCost> Cost, IReadOnlyList<string> Problems)
{
    /// <summary>The population indicators the packs declare, with the host's figures up to the report's period.</summary>
    public IReadOnlyList<IndicatorResult> Indicators { get; init; } = [];

    /// <summary>The quality-of-life and self-reliance scales the packs declare, measured in the plan reviews.</summary>
    public IReadOnlyList<ScaleResult> Scales { get; init; } = [];

    /// <summary>Stapeling at the start, at 6 and at 12 months (empty when no plan records its provisions and professionals).</summary>
    public IReadOnlyList<StapelingMoment> Stapeling { get; init; } = [];

    /// <summary>Every norm with its date and category (KPIs' own norms and the packs' <c>norms:</c>), checked against the period.</summary>
    public IReadOnlyList<NormCheck> Norms { get; init; } = [];

    /// <summary>The budget lines with spend against budget.</summary>
    public IReadOnlyList<BudgetResult> Budget { get; init; } = [];

    /// <summary>Where the host's figures come from (a file name), if any were supplied.</summary>
    public string? FiguresSource { get; init; }
}
