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
internal sealed record Written(CompiledRule Rule, EntityInstance Instance, FieldDefinition Field, FactValue Before, FactValue After, string Path, RuleTrace? Trace);

/// <summary>A rule whose condition was unknown, with the unknown facts it read.</summary>
internal sealed record Undecided(CompiledRule Rule, EntityInstance? Element, IReadOnlyList<FactRead> UnknownReads);

/// <summary>Two rules that wrote different values to the same fact.</summary>
internal sealed record Contradiction(Written First, Written Second);

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
}

/// <summary>Applies rules and consequences in plan order to a copy of the supplied situation.</summary>
internal static class Projector
{
    // detailed: track contradictions (the base projection); trace: capture how each rule's condition was decided.
    // into: a household of the same shape to overwrite (for projections that are not kept), or null for a new copy.
    public static Projection Project(CompiledRuleSet plan, EntityInstance supplied, FactValue[] parameters, DateOnly date, ProjectionChanges changes, bool detailed, bool trace = false, EntityInstance? into = null)
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
        var projection = new Projection { Household = household, Frame = frame };
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
        var writers = detailed ? new Dictionary<(EntityInstance, int), Written>() : null;

        foreach (var rule in plan.Rules)
        {
            if (changes.Suppressed.Contains(rule.Index) || !rule.ValidOn(date)) continue;
            if (changes.Only is { } only && !only.Contains(rule.Index)) continue;
            if (rule.ForEach is { } coll)
            {
                foreach (var element in household.Collections[coll.Slot])
                    Apply(plan, rule, element, frame, projection, changes, writers, trace);
            }
            else
            {
                Apply(plan, rule, null, frame, projection, changes, writers, trace);
            }
        }
        return projection;
    }

    private static void Apply(CompiledRuleSet plan, CompiledRule rule, EntityInstance? element, EvaluationFrame frame, Projection projection, ProjectionChanges changes, Dictionary<(EntityInstance, int), Written>? writers, bool tracing)
    {
        RuleTrace? trace = null;
        if (rule.Applies is { } applies)
        {
            FactValue ok;
            List<FactRead>? reads = null;
            using (var scope = frame.Capture(tracing))
            {
                ok = applies.Evaluate(frame, element);
                if (tracing && ok.IsTrue) reads = scope.Distinct();
                // Re-projections only need to know that a rule was undecided; the base projection also says why.
                if (ok.IsUnknown)
                    projection.Undecided.Add(new Undecided(rule, element, writers is null ? [] : scope.Unknowns()));
            }
            if (!ok.IsTrue) return;
            if (reads is not null) trace = new RuleTrace(Deciding.Clauses(applies, frame, element), reads);
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
            var before = target.Values[det.Target.Field.Slot];
            target.Values[det.Target.Field.Slot] = value;
            if (det.Target.Field == plan.RoleField) frame.ForgetRoles();
            var path = $"{target.Key}.{det.Target.Field.Name}";
            var written = new Written(rule, target, det.Target.Field, before, value, path, trace);
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
