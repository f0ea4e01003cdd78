using Doorbraak.Rules.Source;
using Doorbraak.Rules.Source.Yaml;
using Doorbraak.Rules.Packs;
using Doorbraak.Rules.Compilation;

namespace Doorbraak.Rules;

/// <summary>Options for loading packs.</summary>
public sealed class PackLoadOptions
{
    /// <summary>The largest pack file in bytes. <value>Default: 1 MiB.</value></summary>
    public int MaxFileBytes { get; init; } = 1024 * 1024;

    /// <summary>The deepest YAML nesting. <value>Default: 32.</value></summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>The most YAML events in one file. <value>Default: 100,000.</value></summary>
    public int MaxEvents { get; init; } = 100_000;

    /// <summary>
    /// The most bytes all files of one pack may hold together (DBR1312); reading stops once a pack is over it.
    /// <value>Default: 2 MiB (the national pack is about 0.2 MiB; three valid files just under 1 MiB took 16 s or more to load).</value>
    /// </summary>
    public long MaxPackBytes { get; init; } = 2L * 1024 * 1024;

    /// <summary>The most YAML files one pack may have (DBR1313). <value>Default: 500.</value></summary>
    public int MaxPackFiles { get; init; } = 500;

    /// <summary>
    /// The cost budget of one rule (or goal, collision, cost, deviation): its estimated steps of work for one household,
    /// where a quantifier or aggregate over a list costs its body once per element and lists are counted as
    /// <see cref="CostListLength"/> elements, so nested quantifiers multiply (DBR1310). The shipped packs' most expensive item is
    /// about 1,000 steps; four nested quantifiers over a list are about 43,000, five about 433,000. <value>Default: 100,000.</value>
    /// </summary>
    public long MaxRuleCost { get; init; } = 100_000;

    /// <summary>The cost budget of the whole pack set: the sum of every item's estimate (DBR1311). The shipped packs together are about 7,400. <value>Default: 1,000,000.</value></summary>
    public long MaxPackSetCost { get; init; } = 1_000_000;

    /// <summary>
    /// The most rules, goals, collisions, costs, deviations and interventions a pack set may have together (DBR1314),
    /// checked before anything is compiled: compiling costs about 2 ms per rule, so 6,000 rules in a 2 MiB pack would take
    /// more than 10 s to load. The shipped packs together have about 110. <value>Default: 2,000.</value>
    /// </summary>
    public int MaxItems { get; init; } = 2_000;

    /// <summary>How many elements each list (members, debts, provisions) is counted as in the cost estimate. <value>Default: 10.</value></summary>
    public int CostListLength { get; init; } = 10;

    /// <summary>
    /// Refuse every pack that is not signed (pack.jws, see <see cref="PackSignatures"/>) by one of <see cref="TrustedKeys"/>,
    /// or whose files changed since it was signed. <value>Default: false.</value>
    /// </summary>
    public bool RequireSignatures { get; init; }

    /// <summary>The public keys whose pack signatures are trusted when <see cref="RequireSignatures"/> is on.</summary>
    public IList<TrustedPackKey> TrustedKeys { get; } = new List<TrustedPackKey>();

    /// <summary>Functions the host adds to the condition language.</summary>
    public IList<IConditionFunction> Functions { get; } = new List<IConditionFunction>();

    internal YamlLimits Limits => new(MaxFileBytes, MaxDepth, MaxEvents, MaxPackBytes, MaxPackFiles);
}

/// <summary>
/// A set of policy packs, loaded, validated and compiled as a whole: either every pack loads, or
/// <see cref="PackLoadException"/> lists every problem and nothing is loaded.
/// </summary>
/// <threadsafety>Immutable; share one instance between threads.</threadsafety>
public sealed partial class PackSet
{
    internal PackSet(CompiledRuleSet plan, IReadOnlyList<Diagnostic> warnings)
    {
        RuleSet = plan;
        Warnings = warnings;
        Packs = plan.Packs.Packs.Select(p => new PackInfo(p.Manifest.Id, p.Manifest.Version.ToString(), p.Manifest.Title, p.Sha256)
        {
            Signer = p.Signature?.Signer,
            KeyId = p.Signature?.KeyId,
        }).ToList();
    }

    internal CompiledRuleSet RuleSet { get; }

    /// <summary>The packs in load order (each after the packs it requires), with content hashes.</summary>
    public IReadOnlyList<PackInfo> Packs { get; }

    /// <summary>
    /// The JSON Schema of a household document for these packs: every fact they know, with its type, description and
    /// question; for editors, form generators and API contracts (docs/schema/household.schema.json is this schema
    /// for the shipped national pack).
    /// </summary>
    public string HouseholdJsonSchema() =>
        Facts.HouseholdJsonSchema.Generate(RuleSet.Schema, "Huishouden voor " + string.Join(", ", Packs.Select(p => $"{p.Id} {p.Version}")),
            RuleSet.Packs.Situations.Select(x => (x.Id, x.Title)).ToList());

    /// <summary>Warnings found while loading (the set loaded anyway).</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; }

    /// <summary>Loads, validates and compiles packs. Throws <see cref="PackLoadException"/> with every problem found.</summary>
    /// <param name="sources">The packs, in any order.</param>
    /// <param name="options">Limits and host functions; null for the defaults.</param>
    public static PackSet Load(IEnumerable<PolicyPackSource> sources, PackLoadOptions? options = null)
    {
        var (set, diagnostics) = TryLoad(sources, options);
        return set ?? throw new PackLoadException(diagnostics);
    }

    /// <summary>Loads packs from folders. See <see cref="Load(IEnumerable{PolicyPackSource}, PackLoadOptions?)"/>.</summary>
    public static PackSet LoadDirectories(params string[] folders) => Load(folders.Select(PolicyPackSource.FromDirectory));

    /// <summary>Loads packs; returns the set, or null with the diagnostics. Never throws for bad packs.</summary>
    public static (PackSet? Set, IReadOnlyList<Diagnostic> Diagnostics) TryLoad(IEnumerable<PolicyPackSource> sources, PackLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        options ??= new PackLoadOptions();
        var bag = new DiagnosticBag();
        var functions = new Dictionary<string, IConditionFunction>(StringComparer.Ordinal);
        foreach (var f in options.Functions)
        {
            if (!functions.TryAdd(f.Name, f))
                bag.Report(DiagnosticCatalog.DuplicateHostFunction, SourceLocation.None, $"Two host functions are named '{f.Name}'; register each function once.");
        }
        var merged = PackSetLoader.ReadAndMerge(sources.ToList(), bag, options.Limits, options.RequireSignatures ? options.TrustedKeys.ToList() : null);
        CompiledRuleSet? plan = null;
        // Compiled also when a pack failed to read: the packs that read cleanly are checked too, so one load reports all.
        if (merged is not null && WithinItemLimit(merged, options, bag)) plan = RuleSetCompiler.Compile(merged, functions, bag);
        // The cost budget (issue #20): a rule whose estimated work per household is too large is refused at load.
        if (plan is not null) CostBudget.Check(plan, options, bag);
        var sorted = bag.Items.OrderBy(d => d.Location.File, StringComparer.Ordinal).ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ToList();
        if (plan is null || bag.HasErrors) return (null, sorted);
        return (new PackSet(plan, sorted), sorted);
    }

    /// <summary>Whether the set has at most <see cref="PackLoadOptions.MaxItems"/> items; if not, DBR1314 at the first one over it, and nothing is compiled.</summary>
    private static bool WithinItemLimit(MergedPacks merged, PackLoadOptions options, DiagnosticBag bag)
    {
        var items = merged.Rules.Cast<PackItem>().Concat(merged.Goals).Concat(merged.Collisions).Concat(merged.Costs).Concat(merged.Deviations).ToList();
        if (items.Count <= options.MaxItems) return true;
        bag.Report(DiagnosticCatalog.TooManyItems, items[options.MaxItems].Location,
            $"The pack set has {items.Count:N0} rules, goals, collisions, costs, deviations and interventions; at most {options.MaxItems:N0} are allowed, " +
            "because each is compiled when the packs load. Split the packs so that a host loads only those it needs, or raise PackLoadOptions.MaxItems.");
        return false;
    }
}

/// <summary>Thrown when a pack set does not load; <see cref="Diagnostics"/> lists every problem with its place.</summary>
public sealed class PackLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PackLoadException(IReadOnlyList<Diagnostic> diagnostics)
        : base($"The policy packs did not load ({diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error)} error(s)):{Environment.NewLine}{string.Join(Environment.NewLine, diagnostics)}")
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every problem found, as <c>path:line:column: error CODE: message</c>.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
