using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Conditions;
using Doorbraak.Rules.Packs;
using Doorbraak.Rules.Compilation;

namespace Doorbraak.Rules.Evaluation;

/// <summary>Changes to a projection: rule outcomes set aside (counterfactuals) and deviations applied.</summary>
internal sealed class ProjectionChanges
{
    public static ProjectionChanges None { get; } = new();

    public HashSet<int> Suppressed { get; } = new();

    /// <summary>When set, only these rules run (a goal's cone: enough to decide that goal, cheaper than all rules).</summary>
    public IReadOnlySet<int>? Only { get; init; }
    public List<CompiledDeviation> Deviations { get; } = new();

    public bool IsEmpty => Suppressed.Count == 0 && Deviations.Count == 0;

    public static ProjectionChanges Without(IEnumerable<int> rules, IReadOnlySet<int>? only = null)
    {
        var c = new ProjectionChanges { Only = only };
        c.Suppressed.UnionWith(rules);
        return c;
    }

    public static ProjectionChanges With(IEnumerable<CompiledDeviation> deviations)
    {
        var c = new ProjectionChanges();
        foreach (var d in deviations)
        {
            c.Deviations.Add(d);
            if (d.Definition.Change.Kind is Packs.ChangeKind.Suspend or Packs.ChangeKind.Exempt) c.Suppressed.Add(d.Rule);
        }
        return c;
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
            var mark = frame.Reads.Count;
            frame.Tracing = tracing;
            var ok = applies.Evaluate(frame, element);
            frame.Tracing = false;
            if (tracing && ok.IsTrue) trace = Trace(applies, frame, element, mark);
            if (!ok.IsTrue)
            {
                // Re-projections only need to know that a rule was undecided; the base projection also says why.
                if (ok.IsUnknown)
                    projection.Undecided.Add(new Undecided(rule, element, writers is null ? [] : frame.Reads.Skip(mark).Where(r => r.Value.IsUnknown).ToList()));
                frame.Reads.RemoveRange(mark, frame.Reads.Count - mark);
                return;
            }
            frame.Reads.RemoveRange(mark, frame.Reads.Count - mark);
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
            var value = det.Value.Decide(frame, element);
            value = ApplyDeviations(rule, det, value, frame, element, changes);
            var before = target.Values[det.Target.Field.Slot];
            target.Values[det.Target.Field.Slot] = value;
            if (det.Target.Field == plan.RoleField) frame.ForgetRoles();
            var path = $"{target.Key}.{det.Target.Field.Name}";
            var written = new Written(rule, target, det.Target.Field, before, value, path, trace);
            projection.Writes.Add(written);
            if (writers is not null)
            {
                var key = (target, det.Target.Field.Slot);
                if (writers.TryGetValue(key, out var earlier) && earlier.Rule.Index != rule.Index && earlier.After != value && !rule.Reads.Contains(det.Target.Field))
                    projection.Contradictions.Add(new Contradiction(earlier, written));
                writers[key] = written;
            }
        }
    }


    /// <summary>Captures the reads of a condition just evaluated, and each top-level clause's outcome.</summary>
    internal static RuleTrace Trace(Conditions.CompiledExpression condition, EvaluationFrame frame, EntityInstance? element, int mark)
    {
        var reads = Distinct(frame.Reads.Skip(mark));
        var clauses = new List<(string, FactValue)>();
        var parts = condition.Clauses.Count > 0 ? condition.Clauses : [condition];
        var before = frame.Reads.Count;
        foreach (var c in parts) clauses.Add((c.Text, c.Evaluate(frame, element)));
        frame.Reads.RemoveRange(before, frame.Reads.Count - before);
        return new RuleTrace(clauses, reads);
    }

    internal static List<FactRead> Distinct(IEnumerable<FactRead> reads)
    {
        var seen = new HashSet<(EntityInstance, FieldDefinition)>();
        var list = new List<FactRead>();
        foreach (var r in reads)
            if (seen.Add((r.Instance, r.Field))) list.Add(r);
        return list;
    }

    private static FactValue ApplyDeviations(CompiledRule rule, CompiledDetermination det, FactValue value, EvaluationFrame frame, EntityInstance? element, ProjectionChanges changes)
    {
        if (changes.Deviations.Count == 0) return value;
        foreach (var d in changes.Deviations)
        {
            if (d.Rule != rule.Index) continue;
            switch (d.Definition.Change.Kind)
            {
                case Packs.ChangeKind.Set:
                    foreach (var s in d.Sets)
                        if (s.Target.Field == det.Target.Field) value = s.Value.Evaluate(frame, element);
                    break;
                case Packs.ChangeKind.Waive when d.Fact == det.Target.Field && !value.IsUnknown:
                    value = value.Kind == FactKind.Money ? FactValue.Money(0) : FactValue.Number(0);
                    break;
                case Packs.ChangeKind.Spread when d.Fact == det.Target.Field && !value.IsUnknown:
                    var spread = decimal.Round(value.AsDecimal / d.Definition.Change.SpreadMonths, 2, MidpointRounding.AwayFromZero);
                    value = value.Kind == FactKind.Money ? FactValue.Money(spread) : FactValue.Number(spread);
                    break;
                case Packs.ChangeKind.Postpone when det.Target.Field.Type.Kind == FactKind.Date && !value.IsUnknown:
                    var (months, days) = d.Definition.Change.Postpone;
                    value = FactValue.Date(FactValue.AddDuration(value.AsDate, months, days));
                    break;
            }
        }
        return value;
    }
}
