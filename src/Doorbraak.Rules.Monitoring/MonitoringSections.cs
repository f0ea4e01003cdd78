using System.Text.Json.Serialization;

namespace Doorbraak.Rules.Monitoring;

/// <summary>
/// A norm checked against the report's period: a KPI's own norm or a dated, categorised norm from a pack's <c>norms:</c> section
/// (for a KPI, population indicator, scale or budget line).
/// </summary>
/// <param name="Id">The norm's id (a KPI's own norm has the KPI's id).</param>
/// <param name="For">What it applies to: a KPI, indicator, scale or budget line id.</param>
/// <param name="Title">What is measured, for the council.</param>
/// <param name="Category"><c>financieel</c>, <c>kwantitatief</c> or <c>kwalitatief</c>.</param>
/// <param name="Unit">The unit of the target.</param>
/// <param name="Target">The target.</param>
/// <param name="Direction">At least or at most.</param>
/// <param name="Deadline">By when, if given.</param>
/// <param name="Illustrative">Whether the target is an example, not adopted.</param>
/// <param name="Source">Where the norm comes from.</param>
/// <param name="Current">The value in the report's period.</param>
/// <param name="Status">The value against the norm.</param>
/// <param name="DeadlinePassed">Whether the deadline has passed at the end of the report's period.</param>
public sealed record NormCheck(string Id, string For, string Title, string Category, string Unit, decimal Target, NormDirection Direction, DateOnly? Deadline,
    bool Illustrative, string? Source, Figure Current, NormStatus Status, bool DeadlinePassed);

/// <summary>A population indicator's value in one period.</summary>
/// <param name="Period">The period the figure concerns.</param>
/// <param name="Value">The value (suppressed when it rests on a small number of people).</param>
/// <param name="Reference">The reference value for that period, if known.</param>
/// <param name="Source">Where the figure comes from (the pack's source, or the host's file).</param>
public sealed record IndicatorValue(ReportPeriod Period, Figure Value, decimal? Reference, string? Source);

/// <summary>A population indicator with its figures up to the report's period, the norm in force and the trend.</summary>
/// <param name="Indicator">The indicator as the pack declares it.</param>
/// <param name="Series">Its figures, oldest first; the last is the latest up to the end of the report's period.</param>
/// <param name="Norm">The norm in force (the first whose deadline has not passed, else the last), if any.</param>
/// <param name="Trend">The latest figure against the one before.</param>
/// <param name="Better">Whether the trend is an improvement (by the indicator's <c>better</c>), when known.</param>
public sealed record IndicatorResult(IndicatorDeclaration Indicator, IReadOnlyList<IndicatorValue> Series, NormCheck? Norm, TrendDirection Trend, bool? Better)
{
    /// <summary>The latest figure, if any.</summary>
    [JsonIgnore]
    public IndicatorValue? Current => Series.Count == 0 ? null : Series[^1];
}

/// <summary>A scale at one review moment, over the households with a review at that moment in the report's period and a score at the start.</summary>
/// <param name="Months">The moment: 6 or 12 months.</param>
/// <param name="Households">The households measured.</param>
/// <param name="ImprovedShare">Share (%) of those households whose mean score improved (by the scale's <c>improved_by</c>, or at all).</param>
/// <param name="WorseShare">Share (%) whose mean score got worse.</param>
/// <param name="MeanAtStart">Their mean score at the start.</param>
/// <param name="MeanNow">Their mean score at the moment.</param>
public sealed record ScaleMoment(int Months, Figure Households, Figure ImprovedShare, Figure WorseShare, Figure MeanAtStart, Figure MeanNow);

/// <summary>A quality-of-life or self-reliance scale in the report.</summary>
/// <param name="Scale">The scale as the pack declares it.</param>
/// <param name="Moments">At 6 and at 12 months, in the report's period.</param>
/// <param name="Series">The share improved at 12 months per trend period, oldest first.</param>
/// <param name="Norm">The norm in force on the share improved at 12 months, if any.</param>
public sealed record ScaleResult(ScaleDeclaration Scale, IReadOnlyList<ScaleMoment> Moments, IReadOnlyList<KpiPeriodValue> Series, NormCheck? Norm);

/// <summary>Stapeling at one moment: provisions and professionals per household, and whether the goals the provisions are for hold.</summary>
/// <param name="Months">0 (start), 6 or 12.</param>
/// <param name="Households">Households with a record at this moment in the report's period (of those that recorded their support at the start).</param>
/// <param name="ProvisionsPerHousehold">Mean number of provisions per household.</param>
/// <param name="ProfessionalsPerHousehold">Mean number of professionals per household.</param>
/// <param name="GoalsHoldShare">Of the provisions that serve plan goals, the share (%) whose goals all hold at this review (none at the start).</param>
public sealed record StapelingMoment(int Months, Figure Households, Figure ProvisionsPerHousehold, Figure ProfessionalsPerHousehold, Figure GoalsHoldShare);

/// <summary>A budget line in the report's budget year: spend against budget, and the overspend.</summary>
/// <param name="Line">The budget line as the pack declares it.</param>
/// <param name="Year">The budget year (of the end of the report's period).</param>
/// <param name="Budget">The year's budget, if the pack gives one.</param>
/// <param name="Spent">The spend the host supplied for the year up to the end of the report's period.</param>
/// <param name="SpentShare">Spent as a share (%) of the budget.</param>
/// <param name="ElapsedShare">The share (%) of the year passed at the end of the report's period.</param>
/// <param name="AheadOfProRata">Spent minus the budget's pro-rata part for the time passed (positive: spending faster than budgeted).</param>
/// <param name="Overspend">Spent minus budget when above it (the overspend KPI); 0 when within budget.</param>
/// <param name="Norm">The norm in force on the share spent (default: at most 100%).</param>
/// <param name="Illustrative">Whether the budget amount is an example.</param>
public sealed record BudgetResult(BudgetLineDeclaration Line, int Year, decimal? Budget, decimal Spent, decimal? SpentShare, decimal ElapsedShare,
    decimal? AheadOfProRata, decimal? Overspend, NormCheck? Norm, bool Illustrative);
