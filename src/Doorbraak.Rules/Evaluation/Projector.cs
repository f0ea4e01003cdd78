using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Conditions;
using Doorbraak.Rules.Packs;
using Doorbraak.Rules.Compilation;

namespace Doorbraak.Rules.Evaluation;

/// <summary>
/// Changes to a projection: rule outcomes set aside (counterfactuals) and deviations applied. Immutable, and equal
/// when they change the same things, so that a session can key its re-projections by the changes themselves.
/// </summary>
internal sealed class ProjectionChanges : IEquatable<ProjectionChanges>
{
    private static readonly HashSet<int> NoRules = new();

    private ProjectionChanges(HashSet<int> suppressed, CompiledDeviation[] deviations, IReadOnlySet<int>? only)
    {
        Suppressed = suppressed;
        Deviations = deviations;
        Only = only;
    }

    public static ProjectionChanges None { get; } = new(NoRules, [], null);

    /// <summary>Rules whose outcomes are set aside (not applied at all).</summary>
    public IReadOnlySet<int> Suppressed { get; }

    /// <summary>When set, only these rules run (a goal's cone: enough to decide that goal, cheaper than all rules).</summary>
    public IReadOnlySet<int>? Only { get; }

    /// <summary>Deviations applied, in the order given.</summary>
    public IReadOnlyList<CompiledDeviation> Deviations { get; }

    public bool IsEmpty => Suppressed.Count == 0 && Deviations.Count == 0;

    public static ProjectionChanges Without(IEnumerable<int> rules, IReadOnlySet<int>? only = null) => new(rules.ToHashSet(), [], only);

    public static ProjectionChanges With(IEnumerable<CompiledDeviation> deviations)
    {
        var list = deviations.ToArray();
        var suppressed = new HashSet<int>();
        foreach (var d in list)
            if (!d.IsIntervention && d.Definition.Change.Kind is ChangeKind.Suspend or ChangeKind.Exempt) suppressed.Add(d.Rule);
        return new ProjectionChanges(suppressed, list, null);
    }

    public bool Equals(ProjectionChanges? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        if (!Suppressed.SetEquals(other.Suppressed) || Deviations.Count != other.Deviations.Count) return false;
        for (var i = 0; i < Deviations.Count; i++)
            if (Deviations[i].Index != other.Deviations[i].Index) return false;
        if (Only is null || other.Only is null) return Only is null && other.Only is null;
        return ReferenceEquals(Only, other.Only) || Only.SetEquals(other.Only);
    }

    public override bool Equals(object? obj) => Equals(obj as ProjectionChanges);

    public override int GetHashCode()
    {
        var h = new HashCode();
        var sum = 0;
        foreach (var r in Suppressed) sum += r * 397 + 1;
        h.Add(sum);
        foreach (var d in Deviations) h.Add(d.Index);
        h.Add(Only?.Count ?? -1);
        return h.ToHashCode();
    }
}

/// <summary>How a rule's condition was decided: each clause's outcome and the facts read (captured in detailed projections only).</summary>
internal sealed record RuleTrace(IReadOnlyList<(string Clause, FactValue Outcome)> Clauses, IReadOnlyList<FactRead> Reads);

/// <summary>One value a rule wrote.</summary>
internal sealed record Written(CompiledRule Rule, EntityInstance Instance, FieldDefinition Field, FactValue Before, FactValue After, RuleTrace? Trace)
{
    private string? _path;

    /// <summary>Where the value was written, <c>huishouden.bijstandsnorm</c> or <c>leden[zoon].kostendeler</c>; formatted when a result asks for it.</summary>
    public string Path => _path ??= $"{Instance.Key}.{Field.Name}";

    /// <summary>Equal when the positional members are (the formatted path is a cache, not part of the value).</summary>
    public bool Equals(Written? other) =>
        other is not null && Rule == other.Rule && Instance == other.Instance && Field == other.Field && Before == other.Before && After == other.After && Trace == other.Trace;

    public override int GetHashCode() => HashCode.Combine(Rule, Instance, Field, Before, After, Trace);
}

/// <summary>A rule whose condition was unknown, with the unknown facts it read.</summary>
internal sealed record Undecided(CompiledRule Rule, EntityInstance? Element, IReadOnlyList<FactRead> UnknownReads);

/// <summary>Two rules that wrote different values to the same fact.</summary>
internal sealed record Contradiction(Written First, Written Second);

/// <summary>A rule whose outcome was held back: the fact it waits for (<c>waits_for</c>) was not true.</summary>
internal sealed record HeldBack(CompiledRule Rule, EntityInstance? Element, FactValue Wait);

/// <summary>A blockade met: rules of a <c>waits_for</c> cycle each held back by another one of them; what they determine is left unknown.</summary>
internal sealed record MetBlockade(CompiledBlockade Group, IReadOnlyList<CompiledRule> Rules, bool Settled);

internal sealed class Projection
{
    public required EntityInstance Household { get; init; }
    public required EvaluationFrame Frame { get; init; }
    public List<Written> Writes { get; } = new();
    public List<Undecided> Undecided { get; } = new();

    /// <summary>Values a rule wrote as unknown because a fact its determination reads is unknown, with those facts (base projection only).</summary>
    public List<(Written Write, IReadOnlyList<FactRead> UnknownReads)> UnknownValues { get; } = new();
    public List<Contradiction> Contradictions { get; } = new();
    public HashSet<int> Applied { get; } = new();
    public List<HeldBack> HeldBack { get; } = new();
    public List<MetBlockade> Blockades { get; } = new();
}

/// <summary>One projection under way: the copy being written, its frame, the changes, and what is tracked.</summary>
internal sealed class ProjectionRun
{
    public required CompiledRuleSet Plan { get; init; }
    public required Projection Projection { get; init; }
    public required ProjectionChanges Changes { get; init; }
    public required DateOnly Date { get; init; }

    /// <summary>The last write to each fact (detailed projections only: contradictions and unknown values).</summary>
    public Dictionary<(EntityInstance, int), Written>? Writers { get; init; }

    /// <summary>Capture how each applied rule's condition was decided.</summary>
    public bool Trace { get; init; }

    /// <summary>Facts of elements an intervention set (<c>change.elements</c>), with their values: rules do not undo them.</summary>
    public Dictionary<(EntityInstance, int), FactValue>? Pinned { get; init; }

    public EvaluationFrame Frame => Projection.Frame;

    /// <summary>Whether the rule runs in this projection: not set aside, valid on the date, and in the goal's cone when one is given.</summary>
    public bool Runs(CompiledRule rule) =>
        !Changes.Suppressed.Contains(rule.Index) && rule.ValidOn(Date) && (Changes.Only is not { } only || only.Contains(rule.Index));
}

/// <summary>
/// Applies rules and consequences in plan order to a copy of the supplied situation: the compiled backend. The steps
/// (<see cref="Start"/>, <see cref="Fire"/>, <see cref="NoteUndecided"/>) are shared with other backends, so that
/// what a rule writes, and how contradictions and unknown values are tracked, is the same whichever engine decides
/// the conditions.
/// </summary>
internal static class Projector
{
    // detailed: track contradictions (the base projection); trace: capture how each rule's condition was decided.
    // into: a household of the same shape to overwrite (for projections that are not kept), or null for a new copy.
    public static Projection Project(CompiledRuleSet plan, EntityInstance supplied, FactValue[] parameters, DateOnly date, ProjectionChanges changes, bool detailed, bool trace = false, EntityInstance? into = null)
    {
        var run = Start(plan, supplied, parameters, date, changes, detailed, trace, into);
        for (var i = 0; i < plan.Rules.Count; i++)
        {
            if (plan.BlockadeAt.Count > 0 && plan.BlockadeAt[i] is { } group)
            {
                RunGroup(run, group);
                i += group.Count - 1;
                continue;
            }
            RunRule(run, plan.Rules[i]);
        }
        return run.Projection;
    }

    /// <summary>A copy of the supplied situation (or <paramref name="into"/> overwritten), with parameter deviations applied, ready for rules.</summary>
    public static ProjectionRun Start(CompiledRuleSet plan, EntityInstance supplied, FactValue[] parameters, DateOnly date, ProjectionChanges changes, bool detailed, bool trace, EntityInstance? into)
    {
        EntityInstance household;
        if (into is null)
        {
            household = supplied.Clone();
        }
        else
        {
            into.CopyFrom(supplied);
            household = into;
        }
        if (changes.Deviations.Any(d => d.Parameter is not null))
        {
            parameters = (FactValue[])parameters.Clone();
            var sourceFrame = new EvaluationFrame(supplied, parameters, date);
            foreach (var d in changes.Deviations)
                if (d.Parameter is { } p) parameters[p.Slot] = d.ParameterValue!.Evaluate(sourceFrame, null);
        }
        var frame = new EvaluationFrame(household, parameters, date);
        // An intervention changes the situation itself: its facts are set before the rules run, and stay set (ApplyDeviations).
        foreach (var d in changes.Deviations)
        {
            if (!d.IsIntervention) continue;
            foreach (var s in d.Sets)
            {
                var target = s.Target.Kind == TargetKind.Household ? household : frame.MemberWithRole(s.Target.Role!, plan.RoleField, plan.MembersField);
                if (target is null) continue;
                target.Values[s.Target.Field.Slot] = s.Value.Evaluate(frame, null);
                if (s.Target.Field == plan.RoleField) frame.ForgetRoles();
            }
        }
        var pinned = PinElements(plan, frame, changes);
        return new ProjectionRun
        {
            Pinned = pinned,
            Plan = plan,
            Projection = new Projection { Household = household, Frame = frame },
            Changes = changes,
            Date = date,
            Writers = detailed ? new Dictionary<(EntityInstance, int), Written>() : null,
            Trace = trace,
        };
    }

    /// <summary>
    /// An intervention's changes to elements (<c>change.elements</c>): each picked element gets its facts set before the
    /// rules run, and they stay set (the values are kept in the run, so that a rule that determines them does not undo
    /// them). An element whose pick is unknown (a <c>where</c> that reads an unknown fact, or no id) may or may not be
    /// changed: a fact that the change would give another value becomes unknown, never silently kept or changed.
    /// </summary>
    private static Dictionary<(EntityInstance, int), FactValue>? PinElements(CompiledRuleSet plan, EvaluationFrame frame, ProjectionChanges changes)
    {
        Dictionary<(EntityInstance, int), FactValue>? pinned = null;
        foreach (var d in changes.Deviations)
        {
            if (!d.IsIntervention || d.ElementSets.Count == 0) continue;
            foreach (var change in d.ElementSets)
            {
                foreach (var element in frame.Household.Collections[change.Collection.Slot])
                {
                    var picks = change.Picks(frame, element);
                    if (picks.IsFalse) continue;
                    // All values first, on the element as it was, so that one set does not feed another.
                    var values = change.Sets.Select(s => s.Value.Evaluate(frame, element)).ToArray();
                    for (var i = 0; i < values.Length; i++)
                    {
                        var slot = change.Sets[i].Target.Field.Slot;
                        var value = picks.IsTrue || values[i] == element.Values[slot] ? values[i] : FactValue.Unknown;
                        element.Values[slot] = value;
                        (pinned ??= new())[(element, slot)] = value;
                    }
                    if (change.Sets.Any(s => s.Target.Field == plan.RoleField)) frame.ForgetRoles();
                }
            }
        }
        return pinned;
    }

    /// <summary>One rule, for the household or each element of its collection, when it runs in this projection.</summary>
    public static void RunRule(ProjectionRun run, CompiledRule rule)
    {
        if (!run.Runs(rule)) return;
        if (rule.ForEach is { } coll)
        {
            foreach (var element in run.Frame.Household.Collections[coll.Slot])
                Apply(run, rule, element);
        }
        else
        {
            Apply(run, rule, null);
        }
    }

    /// <summary>
    /// Rules that wait on each other run together until nothing changes: a rule whose waited-for fact became true in an
    /// earlier pass gives its outcome in the next. The passes are bounded (one per rule, plus one to see that nothing
    /// changes); a group that does not settle within them leaves what it determines unknown. Only the last pass is
    /// recorded, with the values from before the group ran. Rules still held back by each other at the end are a
    /// blockade: what they determine (the facts the others wait for) is unknown, neither true nor false, until a
    /// deviation breaks the loop. Every backend runs a blockade group through this step.
    /// </summary>
    public static void RunGroup(ProjectionRun run, CompiledBlockade group)
    {
        var (plan, frame, projection) = (run.Plan, run.Frame, run.Projection);
        var household = frame.Household;
        var rules = group.Rules.Select(i => plan.Rules[i]).ToList();
        var original = new Dictionary<(EntityInstance, int), FactValue>();
        List<(EntityInstance, int, FactValue)>? previous = null;
        List<int>? previousHeld = null;
        var settled = false;
        for (var pass = 0; pass <= rules.Count + 1 && !settled; pass++)
        {
            var scratch = new ProjectionRun { Plan = plan, Projection = new Projection { Household = household, Frame = frame }, Changes = run.Changes, Date = run.Date, Writers = null, Trace = false, Pinned = run.Pinned };
            foreach (var r in rules) RunRule(scratch, r);
            foreach (var w in scratch.Projection.Writes) original.TryAdd((w.Instance, w.Field.Slot), w.Before);
            var now = scratch.Projection.Writes.Select(w => (w.Instance, w.Field.Slot, w.After)).ToList();
            var held = scratch.Projection.HeldBack.Select(h => h.Rule.Index).Distinct().Order().ToList();
            settled = previous is not null && now.SequenceEqual(previous) && held.SequenceEqual(previousHeld!);
            previous = now;
            previousHeld = held;
        }

        var first = projection.Writes.Count;
        var firstHeld = projection.HeldBack.Count;
        foreach (var r in rules) RunRule(run, r);
        for (var i = first; i < projection.Writes.Count; i++)
            if (original.TryGetValue((projection.Writes[i].Instance, projection.Writes[i].Field.Slot), out var before))
                projection.Writes[i] = projection.Writes[i] with { Before = before };

        var stuck = projection.HeldBack.Skip(firstHeld).Select(h => h.Rule).Distinct().ToList();
        if (!settled) stuck = rules;
        // Keep only rules held back by another held-back rule: a rule that waits for a fact no stuck rule determines is not in the loop.
        bool changed;
        do
        {
            changed = stuck.RemoveAll(r => r.WaitField is not { } f || !stuck.Any(o => o != r && o.Writes.Contains(f))) > 0;
        } while (changed);
        if (stuck.Count == 0) return;
        foreach (var r in stuck)
        {
            foreach (var det in r.Determines)
            {
                var target = det.Target.Kind switch
                {
                    TargetKind.Household => frame.Household,
                    TargetKind.Role => frame.MemberWithRole(det.Target.Role!, plan.RoleField, plan.MembersField),
                    _ => null,
                };
                if (target is not null) target.Values[det.Target.Field.Slot] = FactValue.Unknown;
            }
        }
        projection.Blockades.Add(new MetBlockade(group, stuck, settled));
    }

    /// <summary>A deviation that breaks the rule's wait (<c>breaks</c>, or a <c>set</c> of its outcome) lets it give its outcome without waiting.</summary>
    private static bool WaitLifted(CompiledRule rule, ProjectionChanges changes)
    {
        foreach (var d in changes.Deviations)
            if (d.Definition.Breaks.Contains(rule.Id) || (d.Rule == rule.Index && d.Definition.Change.Kind == ChangeKind.Set)) return true;
        return false;
    }

    private static void Apply(ProjectionRun run, CompiledRule rule, EntityInstance? element)
    {
        if (rule.Applies is { } applies)
        {
            FactValue ok;
            List<FactRead>? reads = null;
            using (var scope = run.Frame.Capture(run.Trace))
            {
                ok = applies.Evaluate(run.Frame, element);
                if (run.Trace && ok.IsTrue) reads = scope.Distinct();
                // Re-projections only need to know that a rule was undecided; the base projection also says why.
                if (ok.IsUnknown)
                    run.Projection.Undecided.Add(new Undecided(rule, element, run.Writers is null ? [] : scope.Unknowns()));
            }
            if (!ok.IsTrue) return;
            if (reads is not null)
            {
                Fire(run, rule, element, new RuleTrace(Deciding.Clauses(applies, run.Frame, element), reads));
                return;
            }
        }
        Fire(run, rule, element);
    }

    /// <summary>Records that the rule's condition is unknown, with the unknown facts it read (detailed projections only).</summary>
    public static void NoteUndecided(ProjectionRun run, CompiledRule rule, EntityInstance? element)
    {
        IReadOnlyList<FactRead> unknowns = [];
        if (run.Writers is not null && rule.Applies is { } applies)
        {
            using var scope = run.Frame.Capture();
            applies.Evaluate(run.Frame, element);
            unknowns = scope.Unknowns();
        }
        run.Projection.Undecided.Add(new Undecided(rule, element, unknowns));
    }

    /// <summary>
    /// The rule applies (its condition held): writes what it determines, with the deviations of this projection applied.
    /// <paramref name="trace"/> is how the condition was decided, when the caller captured it; otherwise it is captured
    /// here when the run traces.
    /// </summary>
    public static void Fire(ProjectionRun run, CompiledRule rule, EntityInstance? element, RuleTrace? trace = null)
    {
        var (plan, frame, projection, changes, writers) = (run.Plan, run.Frame, run.Projection, run.Changes, run.Writers);
        if (trace is null && run.Trace && rule.Applies is { } applies) trace = applies.Explain(frame, element);

        if (rule.Wait is { } wait && !WaitLifted(rule, changes))
        {
            var waited = wait.Evaluate(frame, element);
            if (!waited.IsTrue)
            {
                projection.HeldBack.Add(new HeldBack(rule, element, waited));
                return;
            }
        }
        projection.Applied.Add(rule.Index);
        foreach (var det in rule.Determines)
        {
            var target = det.Target.Kind switch
            {
                TargetKind.Household => frame.Household,
                TargetKind.Element => element,
                _ => frame.MemberWithRole(det.Target.Role!, plan.RoleField, plan.MembersField),
            };
            if (target is null) continue;
            var value = det.Value.Decide(frame, element, out var valueUnknowns);
            value = ApplyDeviations(rule, det, value, frame, element, changes);
            // A fact of an element an intervention set stays as the intervention set it.
            if (run.Pinned is { } pinned && pinned.TryGetValue((target, det.Target.Field.Slot), out var kept)) value = kept;
            var before = target.Values[det.Target.Field.Slot];
            target.Values[det.Target.Field.Slot] = value;
            if (det.Target.Field == plan.RoleField) frame.ForgetRoles();
            var written = new Written(rule, target, det.Target.Field, before, value, trace);
            projection.Writes.Add(written);
            if (writers is not null && value.IsUnknown && valueUnknowns is { Count: > 0 }) projection.UnknownValues.Add((written, valueUnknowns));
            if (writers is not null)
            {
                var key = (target, det.Target.Field.Slot);
                if (writers.TryGetValue(key, out var earlier) && earlier.Rule.Index != rule.Index && earlier.After != value && !rule.Reads.Contains(det.Target.Field))
                    projection.Contradictions.Add(new Contradiction(earlier, written));
                writers[key] = written;
            }
        }
    }


    private static FactValue ApplyDeviations(CompiledRule rule, CompiledDetermination det, FactValue value, EvaluationFrame frame, EntityInstance? element, ProjectionChanges changes)
    {
        if (changes.Deviations.Count == 0) return value;
        foreach (var d in changes.Deviations)
        {
            if (d.IsIntervention)
            {
                // A rule that determines a fact the intervention set does not undo the intervention.
                foreach (var s in d.Sets)
                    if (s.Target.Field == det.Target.Field && det.Target.Kind == s.Target.Kind) value = s.Value.Evaluate(frame, element);
                continue;
            }
            if (d.Rule != rule.Index) continue;
            switch (d.Definition.Change.Kind)
            {
                case ChangeKind.Set:
                    foreach (var s in d.Sets)
                        if (s.Target.Field == det.Target.Field) value = s.Value.Evaluate(frame, element);
                    break;
                case ChangeKind.Waive when d.Fact == det.Target.Field && !value.IsUnknown:
                    value = value.Kind == FactKind.Money ? FactValue.Money(0) : FactValue.Number(0);
                    break;
                case ChangeKind.Spread when d.Fact == det.Target.Field && !value.IsUnknown:
                    var spread = decimal.Round(value.AsDecimal / d.Definition.Change.SpreadMonths, 2, MidpointRounding.AwayFromZero);
                    value = value.Kind == FactKind.Money ? FactValue.Money(spread) : FactValue.Number(spread);
                    break;
                case ChangeKind.Postpone when det.Target.Field.Type.Kind == FactKind.Date && !value.IsUnknown:
                    var (months, days) = d.Definition.Change.Postpone;
                    value = FactValue.Date(FactValue.AddDuration(value.AsDate, months, days));
                    break;
            }
        }
        return value;
    }
}
