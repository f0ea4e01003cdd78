using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Packs;
using Doorbraak.Rules.Compilation;
using Doorbraak.Rules.Wording;

namespace Doorbraak.Rules.Evaluation;

/// <summary>A collision with what the proposal stage needs to test whether a deviation resolves it.</summary>
internal sealed record FoundCollision(CollisionResult Result, int Goal, IReadOnlyList<int> Rules, Contradiction? Contradiction);

/// <summary>Finds derived collisions (by counterfactual re-projection), declared ones, and contradictions.</summary>
internal static class CollisionFinder
{
    /// <summary>At most this many applied rules are considered per failing goal (the rest is reported in the trace).</summary>
    public const int MaxCandidates = 12;

    /// <summary>The largest set of rule outcomes set aside together.</summary>
    public const int MaxSetSize = 3;

    public static List<FoundCollision> Find(EvaluationContext ctx)
    {
        var plan = ctx.Plan;
        var found = new List<FoundCollision>();
        var declaredUsed = new HashSet<string>(StringComparer.Ordinal);

        foreach (var goal in plan.Goals)
        {
            if (!ctx.Active[goal.Index] || !ctx.HoldsProjected[goal.Index].IsFalse) continue;
            var sets = SmallestSets(ctx, goal, Candidates(ctx, goal));
            if (sets.Count == 0) continue;
            var union = sets.SelectMany(s => s).Distinct().Order().ToArray();
            var declared = plan.Collisions.FirstOrDefault(c => c.Goal == goal.Index && c.Rules.Intersect(union).Any() && !declaredUsed.Contains(c.Definition.Id) && WhenHolds(ctx, c));
            if (declared is not null) declaredUsed.Add(declared.Definition.Id);
            found.Add(Derived(ctx, goal, sets, union, declared));
        }

        foreach (var c in plan.Collisions)
        {
            if (declaredUsed.Contains(c.Definition.Id)) continue;
            if (!ctx.HoldsProjected[c.Goal].IsFalse || !c.Rules.All(ctx.Base.Applied.Contains)) continue;
            if (!WhenHolds(ctx, c)) continue;
            found.Add(Declared(ctx, c));
        }

        foreach (var x in ctx.Base.Contradictions)
            found.Add(ContradictionResult(ctx, x));

        return found.OrderBy(f => f.Result.Id, StringComparer.Ordinal).ToList();
    }

    private static bool WhenHolds(EvaluationContext ctx, CompiledCollision c)
    {
        if (c.When is null) return true;
        var v = c.When.Decide(ctx.Base.Frame, null, out var unknowns);
        ctx.Missing.Add(unknowns, c.Definition.Id);
        return v.IsTrue;
    }

    /// <summary>Applied rules (law, not consequences: experience is not set aside) that can reach the goal.</summary>
    public static List<int> Candidates(EvaluationContext ctx, CompiledGoal goal) =>
        goal.Cone.Where(i => ctx.Base.Applied.Contains(i) && ctx.Plan.Rules[i].Definition.Kind == RuleKind.Rule).Take(MaxCandidates).ToList();

    /// <summary>The smallest sets of applied rule outcomes whose removal lets the goal hold.</summary>
    private static List<int[]> SmallestSets(EvaluationContext ctx, CompiledGoal goal, List<int> candidates)
    {
        for (var size = 1; size <= Math.Min(MaxSetSize, candidates.Count); size++)
        {
            var sets = new List<int[]>();
            foreach (var set in Combinations(candidates, size))
            {
                if (ctx.HoldsWithout(goal, set)) sets.Add(set);
            }
            if (sets.Count > 0) return sets;
        }
        return [];
    }

    public static string Key(IEnumerable<int> rules) => "-" + string.Join(",", rules);

    public static IEnumerable<int[]> Combinations(IReadOnlyList<int> items, int size)
    {
        var idx = new int[size];
        for (var i = 0; i < size; i++) idx[i] = i;
        while (true)
        {
            yield return idx.Select(i => items[i]).ToArray();
            var k = size - 1;
            while (k >= 0 && idx[k] == items.Count - size + k) k--;
            if (k < 0) yield break;
            idx[k]++;
            for (var j = k + 1; j < size; j++) idx[j] = idx[j - 1] + 1;
        }
    }

    private static FoundCollision Derived(EvaluationContext ctx, CompiledGoal goal, List<int[]> sets, int[] union, CompiledCollision? declared)
    {
        var plan = ctx.Plan;
        var lang = ctx.Lang;
        var rules = union.Select(i => plan.Rules[i]).ToList();
        var members = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            var (_, cf) = ctx.Reproject(Key(set), ProjectionChanges.Without(set));
            members.UnionWith(AffectedMembers(ctx, ctx.Base.Household, cf.Household, plan));
        }
        var alternatives = sets.Select(s => Texts.Join(s.Select(i => $"{plan.Rules[i].Definition.Title} ({plan.Rules[i].Definition.Citation})"), lang));
        var ruleNames = string.Join(Texts.Pick(lang, "; of zonder die van ", "; or without that of "), alternatives);
        var text = Texts.Pick(lang,
            $"Het doel '{goal.Definition.Title}' wordt niet gehaald in de rechtmatige situatie. Zonder de uitkomst van {ruleNames} wordt het wel gehaald.",
            $"The goal '{goal.Definition.Title}' fails in the lawful situation. Without the outcome of {ruleNames} it would hold.");
        if (ctx.HoldsToday[goal.Index].IsTrue)
            text += Texts.Pick(lang, " Vandaag wordt het doel nog gehaald.", " Today the goal still holds.");
        string id, title, severity, kind;
        if (declared is not null)
        {
            id = declared.Definition.Id;
            title = declared.Definition.Title;
            severity = declared.Definition.Severity.ToString().ToLowerInvariant();
            kind = "declared";
            var explain = lang == ReportLanguage.English && declared.Definition.ExplainEn is { } en ? en : declared.Definition.Explain;
            text = explain.Trim() + " " + text;
        }
        else
        {
            id = $"botsing.{goal.Id}";
            title = Texts.Pick(lang, $"{string.Join(" + ", rules.Select(r => r.Definition.Title))} × {goal.Definition.Title}", $"{string.Join(" + ", rules.Select(r => r.Definition.Title))} × {goal.Definition.Title}");
            severity = "medium";
            kind = "derived";
        }
        var trace = GoalTrace(ctx, goal, rules, text);
        var result = new CollisionResult(id, kind, title, severity, goal.Id, rules.Select(r => r.Id).ToList(), members.ToList(), text, trace)
        {
            Alternatives = sets.Select(s => (IReadOnlyList<string>)s.Select(i => plan.Rules[i].Id).ToList()).ToList(),
        };
        return new FoundCollision(result, goal.Index, union, null);
    }

    private static FoundCollision Declared(EvaluationContext ctx, CompiledCollision c)
    {
        var plan = ctx.Plan;
        var goal = plan.Goals[c.Goal];
        var rules = c.Rules.Select(i => plan.Rules[i]).ToList();
        var (_, cf) = ctx.Reproject(Key(c.Rules.OrderBy(i => i)), ProjectionChanges.Without(c.Rules));
        var members = AffectedMembers(ctx, ctx.Base.Household, cf.Household, plan);
        var text = (ctx.Lang == ReportLanguage.English && c.Definition.ExplainEn is { } en ? en : c.Definition.Explain).Trim();
        var result = new CollisionResult(c.Definition.Id, "declared", c.Definition.Title, c.Definition.Severity.ToString().ToLowerInvariant(), goal.Id,
            rules.Select(r => r.Id).ToList(), members, text, GoalTrace(ctx, goal, rules, text));
        return new FoundCollision(result, c.Goal, c.Rules, null);
    }

    private static FoundCollision ContradictionResult(EvaluationContext ctx, Contradiction x)
    {
        var lang = ctx.Lang;
        var a = x.First.Rule.Definition;
        var b = x.Second.Rule.Definition;
        var text = Texts.Pick(lang,
            $"{a.Title} ({a.Citation}) bepaalt {x.First.Path} = {ctx.Show(x.First.After)}, maar {b.Title} ({b.Citation}) bepaalt {ctx.Show(x.Second.After)}. Beide regels zijn van toepassing; ze spreken elkaar tegen.",
            $"{a.Title} ({a.Citation}) sets {x.First.Path} = {ctx.Show(x.First.After)}, but {b.Title} ({b.Citation}) sets {ctx.Show(x.Second.After)}. Both rules apply; they contradict each other.");
        var members = x.First.Instance.Schema.Name == FactSchema.MemberEntity ? new List<string> { MemberId(x.First.Instance) } : new List<string>();
        var trace = new Explanation(text, "law",
            [new ConditionOutcome($"{a.Id}: {x.First.Path}", ctx.Show(x.First.After)), new ConditionOutcome($"{b.Id}: {x.Second.Path}", ctx.Show(x.Second.After))],
            (x.First.Trace?.Reads ?? []).Concat(x.Second.Trace?.Reads ?? []).Select(r => new FactUsed($"{r.Instance.Key}.{r.Field.Name}", ctx.Show(r.Value))).Distinct().ToList());
        var result = new CollisionResult($"tegenstrijdig.{a.Id}.{b.Id}", "contradiction", Texts.Pick(lang, $"{a.Title} tegenover {b.Title}", $"{a.Title} versus {b.Title}"),
            "high", null, [a.Id, b.Id], members, text, trace);
        return new FoundCollision(result, -1, [x.First.Rule.Index, x.Second.Rule.Index], x);
    }

    private static Explanation GoalTrace(EvaluationContext ctx, CompiledGoal goal, List<CompiledRule> rules, string text)
    {
        if (!ctx.Options.IncludeExplanations) return Evaluator.None with { Text = text };
        var frame = ctx.Base.Frame;
        frame.Tracing = true;
        var mark = frame.Reads.Count;
        goal.Holds.Evaluate(frame, null);
        frame.Tracing = false;
        var trace = Projector.Trace(goal.Holds, frame, null, mark);
        frame.Reads.RemoveRange(mark, frame.Reads.Count - mark);
        var conditions = new List<ConditionOutcome>
        {
            new(Texts.Pick(ctx.Lang, $"doel {goal.Id}: {goal.Holds.Text}", $"goal {goal.Id}: {goal.Holds.Text}"), Texts.Outcome(ctx.HoldsProjected[goal.Index], ctx.Lang)),
        };
        conditions.AddRange(trace.Clauses.Count > 1 ? trace.Clauses.Select(c => new ConditionOutcome(c.Clause, Texts.Outcome(c.Outcome, ctx.Lang))) : []);
        foreach (var r in rules)
            conditions.Add(new ConditionOutcome(Texts.Pick(ctx.Lang, $"regel {r.Id} is toegepast", $"rule {r.Id} applied"), Texts.Outcome(FactValue.True, ctx.Lang)));
        var facts = trace.Reads.Select(r => new FactUsed($"{r.Instance.Key}.{r.Field.Name}", ctx.Show(r.Value))).ToList();
        foreach (var w in ctx.Base.Writes.Where(w => rules.Contains(w.Rule)))
            facts.Add(new FactUsed(w.Path, ctx.Show(w.After)));
        return new Explanation(text, "engine", conditions, facts.Distinct().ToList());
    }

    /// <summary>Members whose projected facts differ between two projections.</summary>
    public static List<string> AffectedMembers(EvaluationContext ctx, EntityInstance a, EntityInstance b, CompiledRuleSet plan)
    {
        var result = new List<string>();
        var ma = a.Collections[plan.MembersField.Slot];
        var mb = b.Collections[plan.MembersField.Slot];
        for (var i = 0; i < ma.Length && i < mb.Length; i++)
            if (!ma[i].Values.AsSpan().SequenceEqual(mb[i].Values)) result.Add(MemberId(ma[i]));
        if (result.Count == 0 && !a.Values.AsSpan().SequenceEqual(b.Values))
            result.AddRange(ma.Select(MemberId));
        return result;
    }

    public static string MemberId(EntityInstance member) => member.Key.StartsWith("leden[", StringComparison.Ordinal) ? member.Key[6..^1] : member.Key;
}
