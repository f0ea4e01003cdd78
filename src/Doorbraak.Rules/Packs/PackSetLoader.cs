using Doorbraak.Rules.Source;
using Doorbraak.Rules.Source.Yaml;
using Doorbraak.Rules.Facts;

namespace Doorbraak.Rules.Packs;

/// <summary>The packs of a set, ordered so that each comes after what it requires, with overrides applied.</summary>
internal sealed class MergedPacks
{
    public required IReadOnlyList<PackDefinition> Packs { get; init; }
    public required IReadOnlyList<FactExtension> Facts { get; init; }
    public required IReadOnlyList<ParameterDefinition> Parameters { get; init; }
    public required IReadOnlyList<RuleDefinition> Rules { get; init; }
    public required IReadOnlyList<GoalDefinition> Goals { get; init; }
    public required IReadOnlyList<CollisionDeclaration> Collisions { get; init; }
    public required IReadOnlyList<DeviationDefinition> Deviations { get; init; }
    public required IReadOnlyList<CostDefinition> Costs { get; init; }
    public required IReadOnlyList<KpiDefinition> Kpis { get; init; }
    public required IReadOnlyList<SituationDefinition> Situations { get; init; }

    /// <summary>Every pack's statement that it models a situation, in load order.</summary>
    public required IReadOnlyList<SituationCover> Covers { get; init; }
}

/// <summary>Reads several packs, resolves their requirements and merges them, honouring explicit overrides only.</summary>
internal static class PackSetLoader
{
    public static MergedPacks? ReadAndMerge(IReadOnlyList<PolicyPackSource> sources, DiagnosticBag bag, YamlLimits limits, IReadOnlyList<TrustedPackKey>? requireSignedBy = null)
    {
        var packs = new List<PackDefinition>();
        foreach (var source in sources)
        {
            var files = source.ReadFiles(bag, limits);
            if (files is null) continue;
            (string, string)? signature = null;
            if (requireSignedBy is not null)
            {
                // Verified before anything is parsed: an unsigned or changed pack is not read further.
                signature = PackSignatures.Check(source.Name, files, source.ReadSignature(bag), requireSignedBy, bag);
                if (signature is null) continue;
            }
            var pack = PackReader.Read(source.Name, files, bag, limits);
            if (pack is not null)
            {
                pack.Signature = signature;
                packs.Add(pack);
            }
        }
        if (bag.HasErrors) return null;

        var byId = new Dictionary<string, PackDefinition>(StringComparer.Ordinal);
        foreach (var p in packs)
        {
            if (!byId.TryAdd(p.Manifest.Id, p))
                bag.Report(DiagnosticCatalog.PackLoadedTwice, p.Manifest.Location, $"The pack id '{p.Manifest.Id}' is loaded twice (also from {byId[p.Manifest.Id].Root}); load each pack once.");
        }
        if (bag.HasErrors) return null;

        foreach (var p in packs)
        {
            foreach (var req in p.Manifest.Requires)
            {
                if (!byId.TryGetValue(req.PackId, out var dep))
                    bag.Report(DiagnosticCatalog.RequiredPackMissing, req.Location, $"The pack '{p.Manifest.Id}' requires '{req.PackId}', which is not loaded{Suggest.Hint(req.PackId, byId.Keys)}. Add that pack to the set.");
                else if (!req.Range.Contains(dep.Manifest.Version))
                    bag.Report(DiagnosticCatalog.RequiredVersionMismatch, req.Location, $"The pack '{p.Manifest.Id}' requires '{req.PackId}' {req.RangeText}, but version {dep.Manifest.Version} is loaded. Load a matching version or widen the range.");
            }
        }
        if (bag.HasErrors) return null;

        var ordered = TopologicalOrder(packs, byId, bag);
        if (ordered is null) return null;
        return Merge(ordered, bag);
    }

    private static List<PackDefinition>? TopologicalOrder(List<PackDefinition> packs, Dictionary<string, PackDefinition> byId, DiagnosticBag bag)
    {
        var result = new List<PackDefinition>();
        var state = new Dictionary<string, int>(); // 1 = visiting, 2 = done
        foreach (var start in packs)
        {
            if (state.ContainsKey(start.Manifest.Id)) continue;
            // Iterative depth-first search; the path is kept to name a cycle.
            var stack = new Stack<(PackDefinition Pack, int Next)>();
            stack.Push((start, 0));
            state[start.Manifest.Id] = 1;
            while (stack.Count > 0)
            {
                var (pack, next) = stack.Pop();
                if (next < pack.Manifest.Requires.Count)
                {
                    stack.Push((pack, next + 1));
                    var dep = byId[pack.Manifest.Requires[next].PackId];
                    state.TryGetValue(dep.Manifest.Id, out var s);
                    if (s == 1)
                    {
                        var path = stack.Reverse().Select(e => e.Pack.Manifest.Id).SkipWhile(id => id != dep.Manifest.Id).Append(dep.Manifest.Id);
                        bag.Report(DiagnosticCatalog.RequirementCycle, pack.Manifest.Requires[next].Location, $"Packs require each other in a cycle: {string.Join(" -> ", path)}. Remove one of these requirements.");
                        return null;
                    }
                    if (s == 0)
                    {
                        state[dep.Manifest.Id] = 1;
                        stack.Push((dep, 0));
                    }
                }
                else
                {
                    state[pack.Manifest.Id] = 2;
                    result.Add(pack);
                }
            }
        }
        return result;
    }

    private static MergedPacks? Merge(List<PackDefinition> ordered, DiagnosticBag bag)
    {
        var facts = new Dictionary<string, FactExtension>(StringComparer.Ordinal);
        var schema = new Facts.FactSchema();
        foreach (var p in ordered)
        {
            foreach (var f in p.Facts)
            {
                var key = $"{f.Entity}.{f.Name}";
                if (schema.GetEntity(f.Entity).TryGetField(f.Name, out _))
                    bag.Report(DiagnosticCatalog.BuiltInFactName, f.Location, $"'{key}' is a built-in fact; use it as it is, or choose another name.");
                else if (facts.TryGetValue(key, out var earlier))
                    bag.Report(earlier.PackId == f.PackId ? DiagnosticCatalog.DuplicateId : DiagnosticCatalog.DefinedByEarlierPack, f.Location, $"The fact '{key}' is already declared by {earlier.PackId} at {earlier.Location}; declare it once.");
                else
                    facts.Add(key, f);
            }
        }

        // An override is judged against the packs its own pack requires (directly or through others): then the pack it
        // overrides always loads first, whatever order the folders are given in.
        var byId = ordered.ToDictionary(p => p.Manifest.Id, StringComparer.Ordinal);
        var required = ordered.ToDictionary(p => p.Manifest.Id, p => Requirements(p, byId), StringComparer.Ordinal);
        var overriding = new HashSet<PackItem>(ReferenceEqualityComparer.Instance);
        foreach (var p in ordered)
            foreach (var item in p.Items)
            {
                if (item.Overrides is not { } ov || ov.Pack == p.Manifest.Id || required[p.Manifest.Id].Contains(ov.Pack)) continue;
                // A pack that is not loaded or does not define the item is reported as such below (DBR1036).
                if (!byId.TryGetValue(ov.Pack, out var target) || !target.Items.Any(i => i.Id == item.Id)) continue;
                bag.Report(DiagnosticCatalog.OverrideWithoutRequires, ov.Location, $"'{item.Id}' overrides {ov.Pack}, but {p.Manifest.Id} does not require {ov.Pack}; add '- {{ pack: {ov.Pack}, version: \">=...\" }}' under 'requires' in its pack.yaml, so that the override holds whatever order the packs are loaded in.");
                overriding.Add(item);
            }
        var items = new Dictionary<string, PackItem>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var p in ordered)
        {
            foreach (var item in p.Items)
            {
                if (overriding.Contains(item)) continue;
                if (!items.TryGetValue(item.Id, out var earlier))
                {
                    if (item.Overrides is { } ov)
                        bag.Report(DiagnosticCatalog.OverrideTargetNotFound, ov.Location, $"'{item.Id}' says it overrides {ov.Pack}, but no earlier pack defines '{item.Id}'{Suggest.Hint(item.Id, items.Keys)}.");
                    items.Add(item.Id, item);
                    order.Add(item.Id);
                    continue;
                }
                if (earlier.PackId == item.PackId)
                {
                    bag.Report(DiagnosticCatalog.DuplicateId, item.Location, $"The id '{item.Id}' is used twice in {item.PackId} (first at {earlier.Location}); ids must be unique.");
                    continue;
                }
                if (item.Overrides is null)
                {
                    bag.Report(DiagnosticCatalog.DefinedByEarlierPack, item.Location, $"'{item.Id}' is already defined by {earlier.PackId} at {earlier.Location}. To replace it, add 'overrides: {{ pack: {earlier.PackId}, basis: ... }}' (allowed only where {earlier.PackId} marks it 'open'); otherwise choose another id.");
                    continue;
                }
                if (item.GetType() != earlier.GetType())
                {
                    bag.Report(DiagnosticCatalog.OverrideKindMismatch, item.Location, $"'{item.Id}' overrides a {Kind(earlier)} of {earlier.PackId} with a {Kind(item)}; an override must be of the same kind.");
                    continue;
                }
                if (item.Overrides.Pack != earlier.PackId)
                {
                    bag.Report(DiagnosticCatalog.OverrideTargetNotFound, item.Overrides.Location, $"'{item.Id}' says it overrides {item.Overrides.Pack}, but it is defined by {earlier.PackId}.");
                    continue;
                }
                if (earlier.Open is null)
                {
                    bag.Report(DiagnosticCatalog.OverrideNotOpen, item.Location, $"{earlier.PackId} does not leave room to override '{item.Id}' (it has no 'open'); a local pack can only change what the earlier pack delegates.");
                    continue;
                }
                var level = p.Manifest.Level;
                if (earlier.Open.To == "gemeente" && level != "municipal" || earlier.Open.To == "regio" && level == "national")
                {
                    bag.Report(DiagnosticCatalog.OverrideNotOpen, item.Location, $"{earlier.PackId} leaves '{item.Id}' open to {(earlier.Open.To == "gemeente" ? "municipal packs (open: {{ to: gemeente }})" : "regional and municipal packs (open: {{ to: regio }})")} only; {p.Manifest.Id} is a {level} pack and cannot override it.");
                    continue;
                }
                if (item.Overrides.Basis.ToString().Length == 0)
                {
                    bag.Report(DiagnosticCatalog.OverrideWithoutBasis, item.Overrides.Location, "An override needs its own legal basis ('basis').");
                    continue;
                }
                items[item.Id] = item;
            }
        }

        var all = order.Select(id => items[id]).ToList();
        var merged = new MergedPacks
        {
            Packs = ordered,
            Facts = facts.Values.ToList(),
            Parameters = all.OfType<ParameterDefinition>().ToList(),
            Rules = all.OfType<RuleDefinition>().ToList(),
            Goals = all.OfType<GoalDefinition>().ToList(),
            Collisions = all.OfType<CollisionDeclaration>().ToList(),
            Deviations = all.OfType<DeviationDefinition>().ToList(),
            Costs = all.OfType<CostDefinition>().ToList(),
            Kpis = all.OfType<KpiDefinition>().ToList(),
            Situations = all.OfType<SituationDefinition>().ToList(),
            Covers = ordered.SelectMany(p => p.Covers).ToList(),
        };
        CheckReferences(merged, bag);
        return bag.HasErrors ? null : merged;
    }

    private static HashSet<string> Requirements(PackDefinition pack, Dictionary<string, PackDefinition> byId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<PackDefinition>([pack]);
        while (stack.Count > 0)
            foreach (var r in stack.Pop().Manifest.Requires)
                if (seen.Add(r.PackId) && byId.TryGetValue(r.PackId, out var dep)) stack.Push(dep);
        return seen;
    }

    private static string Kind(PackItem item) => item switch
    {
        ParameterDefinition => "parameter",
        RuleDefinition r => r.Kind == RuleKind.Rule ? "rule" : "consequence",
        GoalDefinition => "goal",
        CollisionDeclaration => "collision",
        DeviationDefinition => "deviation",
        CostDefinition => "cost",
        SituationDefinition => "situation",
        _ => "KPI",
    };

    private static void CheckReferences(MergedPacks m, DiagnosticBag bag)
    {
        var rules = m.Rules.Select(r => r.Id).ToHashSet();
        var goals = m.Goals.Select(g => g.Id).ToHashSet();
        var parameters = m.Parameters.Select(p => p.Id).ToHashSet();
        foreach (var c in m.Collisions)
        {
            foreach (var r in c.Rules)
                if (!rules.Contains(r)) bag.Report(DiagnosticCatalog.UndefinedReference, c.Location, $"The collision '{c.Id}' names the rule '{r}', which no loaded pack defines{Suggest.Hint(r, rules)}.");
            if (!goals.Contains(c.Goal)) bag.Report(DiagnosticCatalog.UndefinedReference, c.Location, $"The collision '{c.Id}' names the goal '{c.Goal}', which no loaded pack defines{Suggest.Hint(c.Goal, goals)}.");
        }
        var situations = m.Situations.Select(s => s.Id).ToHashSet();
        foreach (var c in m.Covers)
            if (!situations.Contains(c.Situation))
                bag.Report(DiagnosticCatalog.UndefinedReference, c.Location, $"{c.PackId} covers the situation '{c.Situation}', which no loaded pack declares under 'situations'{Suggest.Hint(c.Situation, situations)}.");
        foreach (var d in m.Deviations)
        {
            if (!rules.Contains(d.Deviates)) bag.Report(DiagnosticCatalog.UndefinedReference, d.Location, $"The deviation '{d.Id}' deviates from '{d.Deviates}', which no loaded pack defines{Suggest.Hint(d.Deviates, rules)}.");
            if (d.Change.ParameterId is { } pid && !parameters.Contains(pid))
                bag.Report(DiagnosticCatalog.UndefinedReference, d.Change.Location, $"The deviation '{d.Id}' changes the parameter '{pid}', which no loaded pack defines{Suggest.Hint(pid, parameters)}.");
        }
    }
}
