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

    /// <summary>The roles that can hold a mandate, lowest rank first: the packs' <c>roles</c>, or the built-in ladder when no pack declares any.</summary>
    public IReadOnlyList<RoleDefinition> Roles { get; init; } = Mandates.DefaultRoles;

    /// <summary>The authorities outside the municipality the packs declare.</summary>
    public IReadOnlyList<AuthorityDefinition> Authorities { get; init; } = [];

    /// <summary>The rank of a role id, or -1 when it is no role (such as <c>open</c>).</summary>
    public int RoleRank(string role)
    {
        foreach (var r in Roles)
            if (r.Id == role) return r.Rank;
        return -1;
    }
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
        // A pack that did not read is left out, and so is every pack that requires a pack that is not there while one
        // failed (it may be that one): the later phases (requirements, merge, compilation) then run on the packs that
        // read cleanly, so that one load reports their errors too, without follow-on noise from what already failed.
        var someFailed = bag.HasErrors;
        if (someFailed)
        {
            bool dropped;
            do
            {
                var ids = packs.Select(p => p.Manifest.Id).ToHashSet(StringComparer.Ordinal);
                dropped = packs.RemoveAll(p => p.Manifest.Requires.Any(r => !ids.Contains(r.PackId))) > 0;
            } while (dropped);
            if (packs.Count == 0) return null;
        }
        var baseline = Errors(bag);

        var byId = new Dictionary<string, PackDefinition>(StringComparer.Ordinal);
        foreach (var p in packs)
        {
            if (!byId.TryAdd(p.Manifest.Id, p))
                bag.Report(DiagnosticCatalog.PackLoadedTwice, p.Manifest.Location, $"The pack id '{p.Manifest.Id}' is loaded twice (also from {byId[p.Manifest.Id].Root}); load each pack once.");
        }
        if (Errors(bag) > baseline) return null;

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
        if (Errors(bag) > baseline) return null;

        var ordered = TopologicalOrder(packs, byId, bag);
        if (ordered is null) return null;
        return Merge(ordered, bag, baseline);
    }

    private static int Errors(DiagnosticBag bag) => bag.Items.Count(d => d.Severity == DiagnosticSeverity.Error);

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

    private static MergedPacks? Merge(List<PackDefinition> ordered, DiagnosticBag bag, int baseline)
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
                if (item is ParameterDefinition { AddsTo: not null } added)
                {
                    if (AddPeriods(p, added, items.GetValueOrDefault(added.Id), bag) is { } updated) items[added.Id] = updated;
                    continue;
                }
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
                items[item.Id] = item is ParameterDefinition over ? FallBack(over, (ParameterDefinition)earlier) : item;
            }
        }

        ApplyMandates(ordered, items, bag);

        var roles = new Dictionary<string, RoleDefinition>(StringComparer.Ordinal);
        var authorities = new Dictionary<string, AuthorityDefinition>(StringComparer.Ordinal);
        foreach (var p in ordered)
        {
            foreach (var r in p.Roles)
                if (!roles.TryAdd(r.Id, r)) bag.Report(DiagnosticCatalog.DuplicateId, r.Location, $"The role '{r.Id}' is already declared by {roles[r.Id].PackId} at {roles[r.Id].Location}; declare each role once (a later pack may add roles between existing ranks).");
            foreach (var a in p.Authorities)
                if (!authorities.TryAdd(a.Id, a)) bag.Report(DiagnosticCatalog.DuplicateId, a.Location, $"The authority '{a.Id}' is already declared by {authorities[a.Id].PackId} at {authorities[a.Id].Location}; declare it once.");
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
            Roles = roles.Count == 0 ? Mandates.DefaultRoles : roles.Values.OrderBy(r => r.Rank).ToList(),
            Authorities = authorities.Values.ToList(),
        };
        CheckReferences(merged, bag);
        ForceFit.Check(merged, bag);
        return Errors(bag) > baseline ? null : merged;
    }

    /// <summary>How local a pack's level is: a municipal pack's mandaatbesluit goes before a regional one's, which goes before a national one's.</summary>
    private static int Locality(string level) => level switch { "municipal" => 2, "regional" => 1, _ => 0 };

    /// <summary>
    /// Applies the packs' mandaatbesluiten (<c>mandates:</c>). Per item the most local setting wins: a municipal pack's
    /// before a regional pack's (a municipality in a region loads both; its own mandaatbesluit decides its items, the
    /// regional one the rest). Two packs of the same level that set one item's mandate differently are refused with both
    /// places, so that the result never depends on the order the pack folders are given in.
    /// </summary>
    private static void ApplyMandates(List<PackDefinition> ordered, Dictionary<string, PackItem> items, DiagnosticBag bag)
    {
        var levels = ordered.ToDictionary(p => p.Manifest.Id, p => p.Manifest.Level, StringComparer.Ordinal);
        var byTarget = new Dictionary<string, List<MandateAssignment>>(StringComparer.Ordinal);
        foreach (var p in ordered)
            foreach (var a in p.MandateAssignments)
            {
                if (items.TryGetValue(a.Target, out var target) && target is DeviationDefinition d && d.PackId != a.PackId)
                {
                    if (!byTarget.TryGetValue(a.Target, out var list)) byTarget[a.Target] = list = [];
                    list.Add(a);
                }
                else
                    bag.Report(DiagnosticCatalog.MandateTargetUnknown, a.Location, $"The mandaatbesluit of {a.PackId} sets the mandate of '{a.Target}', but no earlier pack defines a deviation or intervention with that id{Suggest.Hint(a.Target, items.Values.OfType<DeviationDefinition>().Where(x => x.PackId != a.PackId).Select(x => x.Id))}.");
            }
        foreach (var (targetId, list) in byTarget)
        {
            // The most local level wins; within it the pack id decides which (equal) setting is named as the source.
            var top = list.Max(a => Locality(levels[a.PackId]));
            var winners = list.Where(a => Locality(levels[a.PackId]) == top).OrderBy(a => a.PackId, StringComparer.Ordinal).ToList();
            var conflict = winners.FirstOrDefault(a => !SameMandate(a, winners[0]));
            if (conflict is not null)
            {
                bag.Report(DiagnosticCatalog.MandateSetTwice, conflict.Location,
                    $"The mandaatbesluiten of {winners[0].PackId} ({winners[0].Location}: {MandateText(winners[0])}) and {conflict.PackId} ({conflict.Location}: {MandateText(conflict)}) " +
                    $"both set the mandate of '{targetId}', and both are {levels[conflict.PackId]} packs, so neither goes first. " +
                    $"Load only the pack of the municipality or region you work for, or make the two settings the same.");
                continue;
            }
            var w = winners[0];
            var d = (DeviationDefinition)items[targetId];
            items[targetId] = d with { DeclaredMandate = d.DeclaredMandate ?? d.Mandate, Mandate = w.Mandate, Ladder = w.Ladder, MandateBasis = w.Basis, MandateLocation = w.Location, MandateSetBy = w.PackId };
        }
    }

    private static bool SameMandate(MandateAssignment a, MandateAssignment b) =>
        a.Mandate == b.Mandate && a.Ladder.Select(s => (s.UpTo, s.UpToParameter, s.Role)).SequenceEqual(b.Ladder.Select(s => (s.UpTo, s.UpToParameter, s.Role)));

    private static string MandateText(MandateAssignment a) => a.Ladder.Count == 0
        ? a.Mandate
        : string.Join(", ", a.Ladder.Select(s => s.UpTo is { } u ? $"up to {u} {s.Role}" : s.UpToParameter is { } p ? $"up to {p} {s.Role}" : $"above that {s.Role}"));

    /// <summary>
    /// A parameter update (<c>adds_to</c>): the earlier pack's parameter with the added periods. A period is only added:
    /// one that restates a given period exactly is accepted as it is, one that starts on the day a given period starts
    /// changes that period, and one that overlaps a given period is refused; both with the places of both periods.
    /// </summary>
    private static ParameterDefinition? AddPeriods(PackDefinition pack, ParameterDefinition added, PackItem? earlierItem, DiagnosticBag bag)
    {
        var target = added.AddsTo!;
        if (!pack.Manifest.Requires.Any(r => r.PackId == target))
        {
            bag.Report(DiagnosticCatalog.AddsToInvalid, added.AddsToLocation, $"'{added.Id}' adds periods to {target}, but {pack.Manifest.Id} does not declare that pack; add updates: [{{ pack: {target}, version: \"...\" }}] to its pack.yaml.");
            return null;
        }
        if (earlierItem is not ParameterDefinition earlier)
        {
            bag.Report(DiagnosticCatalog.AddsToInvalid, added.AddsToLocation, earlierItem is null
                ? $"'{added.Id}' adds periods to {target}, but no earlier pack defines the parameter '{added.Id}'. Use the parameter's id as {target} declares it, and load {target} with this pack."
                : $"'{added.Id}' adds periods to {target}, but '{added.Id}' is not a parameter there.");
            return null;
        }
        if (earlier.PackId != target)
        {
            bag.Report(DiagnosticCatalog.AddsToInvalid, added.AddsToLocation, $"'{added.Id}' says it adds periods to {target}, but the parameter is defined by {earlier.PackId} at {earlier.Location}; write adds_to: {earlier.PackId}.");
            return null;
        }
        if (!added.Type.Equals(earlier.Type))
        {
            bag.Report(DiagnosticCatalog.AddsToInvalid, added.Location, $"'{added.Id}' is {earlier.Type} in {target} ({earlier.Location}); the added periods are declared as {added.Type}. Use the same type.");
            return null;
        }
        var values = earlier.Values.ToList();
        var ok = true;
        foreach (var v in added.Values)
        {
            var restated = false;
            foreach (var e in earlier.Values)
            {
                if (e.From == v.From && e.To == v.To && e.Value == v.Value)
                {
                    restated = true;
                }
                else if (e.From == v.From)
                {
                    bag.Report(DiagnosticCatalog.AddedPeriodChangesExisting, v.Location, $"The period from {v.From:yyyy-MM-dd} changes the period {Period(e)} that {target} already gives for '{added.Id}' at {e.Location} ({e.Value} there, {v.Value} here); an update pack only adds periods. To replace a value, {target} must leave the parameter open and this pack must override it.");
                    ok = false;
                }
                else if (Overlap(e, v))
                {
                    bag.Report(DiagnosticCatalog.AddedPeriodOverlaps, v.Location, $"The added period {Period(v)} overlaps the period {Period(e)} of '{added.Id}' at {e.Location}; start the added period after {(e.To is { } t ? t.ToString("yyyy-MM-dd") : "the given period, which has no end (it needs a 'to' in " + target + ")")}.");
                    ok = false;
                }
            }
            if (!restated) values.Add(v);
        }
        if (!ok) return null;
        values.Sort((a, b) => a.From.CompareTo(b.From));
        return earlier with { Values = values };
    }

    /// <summary>
    /// An override of a parameter replaces only the periods it gives: outside them the earlier pack's values still hold
    /// (an earlier period that is partly covered is cut to the days the override leaves free).
    /// </summary>
    private static ParameterDefinition FallBack(ParameterDefinition over, ParameterDefinition earlier)
    {
        var values = over.Values.ToList();
        foreach (var e in earlier.Values)
        {
            var pieces = new List<(DateOnly From, DateOnly? To)> { (e.From, e.To) };
            foreach (var o in over.Values)
            {
                var next = new List<(DateOnly From, DateOnly? To)>();
                foreach (var (from, to) in pieces)
                {
                    var end = to ?? DateOnly.MaxValue;
                    var oEnd = o.To ?? DateOnly.MaxValue;
                    if (o.From > end || oEnd < from)
                    {
                        next.Add((from, to));
                        continue;
                    }
                    if (from < o.From) next.Add((from, o.From.AddDays(-1)));
                    if (oEnd < end) next.Add((oEnd.AddDays(1), to));
                }
                pieces = next;
            }
            values.AddRange(pieces.Select(x => e with { From = x.From, To = x.To }));
        }
        values.Sort((a, b) => a.From.CompareTo(b.From));
        return over with { Values = values };
    }

    private static bool Overlap(ParameterValue a, ParameterValue b) =>
        a.From <= (b.To ?? DateOnly.MaxValue) && b.From <= (a.To ?? DateOnly.MaxValue);

    private static string Period(ParameterValue v) => v.To is { } t ? $"{v.From:yyyy-MM-dd} to {t:yyyy-MM-dd}" : $"from {v.From:yyyy-MM-dd} (no end)";

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
        var roleIds = m.Roles.Select(r => r.Id).ToList();
        var authorityIds = m.Authorities.Select(a => a.Id).ToList();
        foreach (var d in m.Deviations)
        {
            var what = d.IsIntervention ? "intervention" : "deviation";
            foreach (var (role, at) in d.Ladder.Count > 0 ? d.Ladder.Select(s => (s.Role, s.Location)) : [(d.Mandate, d.MandateLocation)])
            {
                if (role == Mandates.Open && d.Ladder.Count == 0) continue;
                if (!roleIds.Contains(role))
                    bag.Report(DiagnosticCatalog.UnknownRole, at, $"The {what} '{d.Id}' names the mandate '{role}', which is no declared role ({string.Join(", ", roleIds)}; lowest first) nor 'open'{Suggest.Hint(role, roleIds)}.");
            }
            foreach (var step in d.Ladder)
                if (step.UpToParameter is { } lp && !parameters.Contains(lp))
                    bag.Report(DiagnosticCatalog.UndefinedReference, step.Location, $"The mandate ladder of '{d.Id}' names the parameter '{lp}', which no loaded pack defines{Suggest.Hint(lp, parameters)}.");
            if (d.Limits.AmountParameter is { } ap && !parameters.Contains(ap))
                bag.Report(DiagnosticCatalog.UndefinedReference, d.Location, $"The limits of '{d.Id}' name the parameter '{ap}' as amount, which no loaded pack defines{Suggest.Hint(ap, parameters)}.");
            if (d.IsRequest)
            {
                if (!authorityIds.Contains(d.Decider))
                    bag.Report(DiagnosticCatalog.UnknownAuthority, d.DeciderLocation, $"The {what} '{d.Id}' names the decider '{d.Decider}', which is neither 'gemeente' nor a declared authority ({(authorityIds.Count == 0 ? "none declared; add them under 'authorities'" : string.Join(", ", authorityIds))}){Suggest.Hint(d.Decider, authorityIds.Append(Mandates.Municipality))}.");
                else if (d.Deliver.Count == 0)
                    bag.Report(DiagnosticCatalog.RequestWithoutDeliver, d.DeciderLocation, $"The {what} '{d.Id}' is a request to {d.Decider}, but does not say what the regisseur must send it; add 'deliver: [...]'.");
            }
            if (d.IsIntervention)
            {
                foreach (var g in d.Resolves)
                    if (!goals.Contains(g)) bag.Report(DiagnosticCatalog.UndefinedReference, d.Location, $"The intervention '{d.Id}' resolves the goal '{g}', which no loaded pack defines{Suggest.Hint(g, goals)}.");
                continue;
            }
            if (!rules.Contains(d.Deviates)) bag.Report(DiagnosticCatalog.UndefinedReference, d.Location, $"The deviation '{d.Id}' deviates from '{d.Deviates}', which no loaded pack defines{Suggest.Hint(d.Deviates, rules)}.");
            if (d.Change.ParameterId is { } pid && !parameters.Contains(pid))
                bag.Report(DiagnosticCatalog.UndefinedReference, d.Change.Location, $"The deviation '{d.Id}' changes the parameter '{pid}', which no loaded pack defines{Suggest.Hint(pid, parameters)}.");
        }
    }
}
