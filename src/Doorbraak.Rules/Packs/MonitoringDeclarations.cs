using Doorbraak.Rules.Source;

namespace Doorbraak.Rules;

/// <summary>A reference value a pack gives for a population indicator: the national figure or that of a comparable group.</summary>
/// <param name="Label">Whose figure it is (<c>Nederland</c>, <c>gemeenten 50.000-100.000 inwoners</c>).</param>
/// <param name="Value">The value, in the indicator's unit.</param>
/// <param name="Period">The period it concerns (<c>2018</c>), if given.</param>
/// <param name="Source">Where the figure comes from.</param>
public sealed record IndicatorReference(string Label, decimal Value, string? Period, string? Source);

/// <summary>A published figure of the municipality's own that a pack records for an indicator (for instance from the budget).</summary>
/// <param name="Period">The period (<c>2018</c>, <c>2026-Q1</c>).</param>
/// <param name="Value">The value, in the indicator's unit.</param>
/// <param name="Source">Where the figure comes from.</param>
public sealed record IndicatorFigure(string Period, decimal Value, string? Source);

/// <summary>A population indicator declared in a pack's <c>indicators:</c> section (see docs/monitoring.md).</summary>
/// <param name="Id">The indicator id.</param>
/// <param name="PackId">The pack that declares it.</param>
/// <param name="Title">Its title (Dutch).</param>
/// <param name="Definition">What is counted and over whom.</param>
/// <param name="Unit">The unit (<c>per 1.000 inwoners</c>, <c>%</c>, <c>aantal</c>).</param>
/// <param name="Set">The set it belongs to (<c>BBV</c> for the mandatory indicators of the Besluit begroting en verantwoording), if any.</param>
/// <param name="Source">Who publishes the figures (CBS, GMSD, ...).</param>
/// <param name="Better"><c>higher</c> or <c>lower</c>: which way is an improvement.</param>
/// <param name="References">Reference values (national, comparable group).</param>
/// <param name="Figures">Published own figures the pack records.</param>
/// <param name="Location">Where it is declared.</param>
public sealed record IndicatorDeclaration(string Id, string PackId, string Title, string? Definition, string Unit, string? Set, string? Source,
    string Better, IReadOnlyList<IndicatorReference> References, IReadOnlyList<IndicatorFigure> Figures, SourceLocation Location);

/// <summary>A domain of a quality-of-life or self-reliance scale.</summary>
/// <param name="Id">The key used in reviews (<c>financien</c>).</param>
/// <param name="Title">Its name.</param>
public sealed record ScaleDomain(string Id, string Title);

/// <summary>
/// A quality-of-life or self-reliance scale declared in a pack's <c>scales:</c> section: domains with levels (such as the
/// Zelfredzaamheid-Matrix) or a single score (no domains). Regisseurs record it at the start and at the 6- and 12-month reviews.
/// </summary>
/// <param name="Id">The scale id.</param>
/// <param name="PackId">The pack that declares it.</param>
/// <param name="Title">Its name.</param>
/// <param name="Description">What it measures.</param>
/// <param name="Min">The lowest level.</param>
/// <param name="Max">The highest level.</param>
/// <param name="Better"><c>higher</c> or <c>lower</c>.</param>
/// <param name="ImprovedBy">The change of a household's mean score that counts as improved (null: any change for the better).</param>
/// <param name="Domains">The domains; empty for a single score (recorded under the key <c>score</c>).</param>
/// <param name="Source">Where the scale comes from.</param>
/// <param name="Location">Where it is declared.</param>
public sealed record ScaleDeclaration(string Id, string PackId, string Title, string? Description, decimal Min, decimal Max, string Better,
    decimal? ImprovedBy, IReadOnlyList<ScaleDomain> Domains, string? Source, SourceLocation Location);

/// <summary>A dated, categorised norm in a pack's <c>norms:</c> section, for a KPI, indicator, scale or budget line.</summary>
/// <param name="Id">The norm id.</param>
/// <param name="PackId">The pack that declares it.</param>
/// <param name="For">The id of the KPI, indicator, scale or budget line it applies to.</param>
/// <param name="Category"><c>financieel</c>, <c>kwantitatief</c> or <c>kwalitatief</c>.</param>
/// <param name="Target">The target value, in the unit of what it applies to.</param>
/// <param name="Direction"><c>at_least</c> or <c>at_most</c>.</param>
/// <param name="Deadline">By when (streefdatum), if given.</param>
/// <param name="Title">A title for the council, if given.</param>
/// <param name="Source">Where the norm comes from (a council decision, a motion).</param>
/// <param name="Illustrative">Whether the target is an example, not adopted.</param>
/// <param name="Location">Where it is declared.</param>
public sealed record NormDeclaration(string Id, string PackId, string For, string Category, decimal Target, string Direction, DateOnly? Deadline,
    string? Title, string? Source, bool Illustrative, SourceLocation Location);

/// <summary>The amount of a budget line for one year.</summary>
/// <param name="Year">The budget year.</param>
/// <param name="Amount">The amount in euros.</param>
/// <param name="Source">Where it comes from (the budget, a council decision).</param>
/// <param name="Illustrative">Whether the amount is an example.</param>
public sealed record BudgetAmount(int Year, decimal Amount, string? Source, bool Illustrative);

/// <summary>A budget line declared in a pack's <c>budget:</c> section; the host supplies the spend per period.</summary>
/// <param name="Id">The budget line id.</param>
/// <param name="PackId">The pack that declares it.</param>
/// <param name="Title">Its title.</param>
/// <param name="Description">What it pays for.</param>
/// <param name="Amounts">The amount per year.</param>
/// <param name="Location">Where it is declared.</param>
public sealed record BudgetLineDeclaration(string Id, string PackId, string Title, string? Description, IReadOnlyList<BudgetAmount> Amounts, SourceLocation Location);

/// <summary>A council meeting date from a pack's <c>council_meetings:</c> section; each meeting closes a reporting period.</summary>
/// <param name="Date">The date of the meeting.</param>
/// <param name="PackId">The pack that lists it.</param>
public sealed record CouncilMeeting(DateOnly Date, string PackId);

/// <summary>What the packs of a set declare for council monitoring besides KPIs, in load order.</summary>
/// <param name="Indicators">Population indicators.</param>
/// <param name="Scales">Quality-of-life and self-reliance scales.</param>
/// <param name="Norms">Dated, categorised norms.</param>
/// <param name="Budget">Budget lines.</param>
/// <param name="CouncilMeetings">Council meeting dates, sorted.</param>
public sealed record MonitoringDeclarations(IReadOnlyList<IndicatorDeclaration> Indicators, IReadOnlyList<ScaleDeclaration> Scales,
    IReadOnlyList<NormDeclaration> Norms, IReadOnlyList<BudgetLineDeclaration> Budget, IReadOnlyList<CouncilMeeting> CouncilMeetings)
{
    /// <summary>Nothing declared.</summary>
    public static MonitoringDeclarations Empty { get; } = new([], [], [], [], []);
}
