using Doorbraak.Rules.Source;
using Doorbraak.Rules.Inspection;
namespace Doorbraak.Rules.Monitoring;

/// <summary>Whether a KPI's value should be at least or at most its target.</summary>
public enum NormDirection
{
    /// <summary>The value should be at least the target (<c>at_least</c>).</summary>
    AtLeast,
    /// <summary>The value should be at most the target (<c>at_most</c>).</summary>
    AtMost,
}

/// <summary>A KPI's norm (streefnorm): the target, its direction and by when it should be met.</summary>
/// <param name="Target">The target value, in the KPI's unit.</param>
/// <param name="Direction">At least or at most.</param>
/// <param name="Deadline">By when (null: no date given).</param>
public sealed record KpiNorm(decimal Target, NormDirection Direction, DateOnly? Deadline)
{
    /// <summary>Whether <paramref name="value"/> meets the norm.</summary>
    public bool IsMetBy(decimal value) => Direction == NormDirection.AtLeast ? value >= Target : value <= Target;
}

/// <summary>A KPI as a pack defines it in its <c>kpis:</c> section (or as a host builds it).</summary>
/// <param name="Id">The KPI id.</param>
/// <param name="Title">Its title (Dutch).</param>
/// <param name="Measure">One of <see cref="KpiMeasures.All"/>.</param>
/// <param name="Description">What it means, for the council.</param>
/// <param name="Unit">The unit (default: <see cref="KpiMeasures.DefaultUnit"/>).</param>
/// <param name="Norm">The norm, if any.</param>
/// <param name="Source">Where the KPI or its norm comes from.</param>
/// <param name="Filter">For a measure with a breakdown: the one key the value is taken from (a domain, rule, basis, mandate level, payer or ZRM domain).</param>
public sealed record KpiSpec(string Id, string Title, string Measure, string? Description, string? Unit, KpiNorm? Norm, string? Source, string? Filter)
{
    /// <summary>The pack that defines the KPI, if it comes from a pack.</summary>
    public string? PackId { get; init; }

    /// <summary>The unit to show: <see cref="Unit"/> or the measure's default.</summary>
    public string DisplayUnit => Unit ?? KpiMeasures.DefaultUnit(Measure);
}

/// <summary>
/// What the monitoring needs from a pack set: the KPIs and the domains and titles of goals and rules (to count collisions by domain).
/// Build it with <see cref="FromPackSet"/> or, without packs, with the constructor.
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed class KpiCatalog
{
    private readonly Dictionary<string, string> _goalDomains;
    private readonly Dictionary<string, string> _ruleDomains;
    private readonly Dictionary<string, string> _ruleTitles;

    /// <summary>Creates a catalog.</summary>
    /// <param name="kpis">The KPIs, in report order.</param>
    /// <param name="goalDomains">Goal id to domain (collisions are counted in the domain of the goal that fails).</param>
    /// <param name="ruleDomains">Rule id to domain (used for collisions without a goal).</param>
    /// <param name="ruleTitles">Rule id to title (labels in the breakdown by rule).</param>
    public KpiCatalog(IEnumerable<KpiSpec> kpis, IReadOnlyDictionary<string, string>? goalDomains = null,
        IReadOnlyDictionary<string, string>? ruleDomains = null, IReadOnlyDictionary<string, string>? ruleTitles = null)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        Kpis = kpis.ToList();
        _goalDomains = goalDomains is null ? new(StringComparer.Ordinal) : new(goalDomains, StringComparer.Ordinal);
        _ruleDomains = ruleDomains is null ? new(StringComparer.Ordinal) : new(ruleDomains, StringComparer.Ordinal);
        _ruleTitles = ruleTitles is null ? new(StringComparer.Ordinal) : new(ruleTitles, StringComparer.Ordinal);
    }

    /// <summary>The KPIs, in the order of the packs and their files.</summary>
    public IReadOnlyList<KpiSpec> Kpis { get; }

    /// <summary>The packs' population indicators, scales, norms, budget lines and council meetings. <value>Default: none.</value></summary>
    public MonitoringDeclarations Declarations { get; init; } = MonitoringDeclarations.Empty;

    /// <summary>The KPIs of a loaded pack set (every pack's <c>kpis:</c> section, in load order) with the goals' and rules' domains.</summary>
    public static KpiCatalog FromPackSet(PackSet packs)
    {
        ArgumentNullException.ThrowIfNull(packs);
        var view = packs.Inspect();
        var kpis = view.Kpis.Select(k => new KpiSpec(k.Id, k.Title, k.Measure, k.Description, k.Unit,
            k.Norm is null ? null : new KpiNorm(k.Norm.Target, k.Norm.Direction == "at_most" ? NormDirection.AtMost : NormDirection.AtLeast, k.Norm.Deadline),
            k.Source, k.Filter) { PackId = k.PackId });
        var goals = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var g in view.Goals) goals[g.Id] = g.Domain;
        var ruleDomains = new Dictionary<string, string>(StringComparer.Ordinal);
        var ruleTitles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in view.Rules)
        {
            ruleDomains[r.Id] = r.Domain;
            ruleTitles[r.Id] = r.Title;
        }
        return new KpiCatalog(kpis, goals, ruleDomains, ruleTitles) { Declarations = view.Monitoring };
    }

    /// <summary>Problems with the KPIs that can be found without plans: unknown measures, a filter on a measure without breakdown, duplicate ids.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var k in Kpis)
        {
            if (!seen.Add(k.Id)) problems.Add($"KPI '{k.Id}' is defined twice.");
            var problem = MeasureProblem(k);
            if (problem is not null) problems.Add(problem);
        }
        problems.AddRange(DeclarationProblems());
        return problems;
    }

    /// <summary>Ids used twice across KPIs, indicators, scales and budget lines, and norms for an id none of them has.</summary>
    internal IEnumerable<string> DeclarationProblems()
    {
        var d = Declarations;
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var k in Kpis) owners.TryAdd(k.Id, "KPI");
        foreach (var (id, what, pack) in d.Indicators.Select(i => (i.Id, "indicator", i.PackId)).Concat(d.Scales.Select(x => (x.Id, "scale", x.PackId)))
                     .Concat(d.Budget.Select(b => (b.Id, "budget line", b.PackId))))
        {
            if (!owners.TryAdd(id, what)) yield return $"The {what} '{id}' (pack {pack}) has the id of a {owners[id]} already declared; give it its own id.";
        }
        var norms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in d.Norms)
        {
            if (!norms.Add(n.Id)) yield return $"The norm '{n.Id}' (pack {n.PackId}) is declared twice; give each norm its own id.";
            if (!owners.ContainsKey(n.For))
                yield return $"The norm '{n.Id}' (pack {n.PackId}, {n.Location}) is for '{n.For}', which is no KPI, indicator, scale or budget line of the loaded packs{Suggest.Hint(n.For, owners.Keys)}.";
        }
    }

    internal static string? MeasureProblem(KpiSpec k)
    {
        if (!KpiMeasures.IsKnown(k.Measure))
            return $"KPI '{k.Id}'{(k.PackId is null ? "" : $" (pack {k.PackId})")}: unknown measure '{k.Measure}'{Suggest.Hint(k.Measure, KpiMeasures.All)}. "
                + $"Known measures: {string.Join(", ", KpiMeasures.All)}.";
        if (k.Filter is not null && !KpiMeasures.HasBreakdown(k.Measure))
            return $"KPI '{k.Id}': measure '{k.Measure}' has no breakdown, so its filter '{k.Filter}' cannot be applied; remove the filter.";
        return null;
    }

    /// <summary>The domain a collision is counted in: the domain of its goal, else of its first rule, else <c>overig</c>.</summary>
    public string DomainOf(CollisionResult collision)
    {
        ArgumentNullException.ThrowIfNull(collision);
        if (collision.Goal is not null && _goalDomains.TryGetValue(collision.Goal, out var d)) return d;
        foreach (var r in collision.Rules)
        {
            if (_ruleDomains.TryGetValue(r, out var rd)) return rd;
        }
        return "overig";
    }

    /// <summary>The title of a rule, or its id when unknown.</summary>
    public string RuleTitle(string ruleId) => _ruleTitles.TryGetValue(ruleId, out var t) ? t : ruleId;
}
