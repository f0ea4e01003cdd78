namespace Doorbraak.Rules;

/// <summary>A KPI norm as a pack declares it (<c>norm:</c> of a KPI).</summary>
/// <param name="Target">The target value, in the KPI's unit.</param>
/// <param name="Direction"><c>at_least</c> or <c>at_most</c>.</param>
/// <param name="Deadline">By when the norm should be met (null: no date given).</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record PackKpiNorm(decimal Target, string Direction, DateOnly? Deadline);

/// <summary>A KPI as a pack declares it in its <c>kpis:</c> section. The monitoring package computes it.</summary>
/// <param name="Id">The KPI id.</param>
/// <param name="PackId">The pack that declares it.</param>
/// <param name="Title">Its title.</param>
/// <param name="Measure">The measure's name, such as <c>cases_started</c> (checked by the monitoring, not by the loader).</param>
/// <param name="Description">What it means, for the council.</param>
/// <param name="Unit">The unit, if given.</param>
/// <param name="Norm">The norm, if given.</param>
/// <param name="Source">Where the KPI or its norm comes from.</param>
/// <param name="Filter">For a measure with a breakdown: the one key the value is taken from.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record PackKpi(string Id, string PackId, string Title, string Measure, string? Description, string? Unit, PackKpiNorm? Norm, string? Source, string? Filter);

/// <summary>The domain of a rule or goal of a pack set, such as <c>inkomen</c> or <c>wonen</c>.</summary>
/// <param name="Id">The rule or goal id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Domain">Its domain.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record PackItemDomain(string Id, string Title, string Domain);

public sealed partial class PackSet
{
    private IReadOnlyList<PackKpi>? _kpis;
    private IReadOnlyList<PackItemDomain>? _ruleDomains;
    private IReadOnlyList<PackItemDomain>? _goalDomains;

    /// <summary>The KPIs declared in the packs' <c>kpis:</c> sections, in load order (overrides applied).</summary>
    public IReadOnlyList<PackKpi> Kpis => _kpis ??= Plan.Packs.Kpis
        .Select(k => new PackKpi(k.Id, k.PackId, k.Title, k.Measure, k.Description, k.Unit,
            k.Norm is null ? null : new PackKpiNorm(k.Norm.Target, k.Norm.Direction, k.Norm.Deadline), k.Source, k.Filter))
        .ToList();

    /// <summary>The rules of the set with their titles and domains, in load order.</summary>
    public IReadOnlyList<PackItemDomain> RuleDomains => _ruleDomains ??= Plan.Packs.Rules.Select(r => new PackItemDomain(r.Id, r.Title, r.Domain)).ToList();

    /// <summary>The goals of the set with their titles and domains, in load order.</summary>
    public IReadOnlyList<PackItemDomain> GoalDomains => _goalDomains ??= Plan.Packs.Goals.Select(g => new PackItemDomain(g.Id, g.Title, g.Domain)).ToList();
}
