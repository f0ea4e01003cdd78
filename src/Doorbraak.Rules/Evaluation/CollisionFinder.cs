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
    public static List<FoundCollision> Find(EvaluationSession ctx)
    {
        var plan = ctx.RuleSet;
        var found = new List<FoundCollision>();
        var declaredUsed = new HashSet<string>(StringComparer.Ordinal);

        foreach (var goal in plan.Goals)
        {
            if (!ctx.IsActive(goal.Index) || !ctx.HoldsProjected[goal.Index].IsFalse) continue;
            var sets = BlockingRules.SmallestSets(ctx, goal);
            if (sets.Count == 0) continue;
            var union = sets.SelectMany(s => s).Distinct().Order().ToArray();
            var declared = plan.Collisions.FirstOrDefault(c => c.Goal == goal.Index && c.Rules.Intersect(union).Any() && !declaredUsed.Contains(c.Definition.Id) && ctx.WhenHolds(c));
            if (declared is not null) declaredUsed.Add(declared.Definition.Id);
            found.Add(Derived(ctx, goal, sets, union, declared));
        }

        foreach (var c in plan.Collisions)
        {
            if (declaredUsed.Contains(c.Definition.Id)) continue;
            if (!ctx.HoldsProjected[c.Goal].IsFalse || !c.Rules.All(ctx.Base.Applied.Contains)) continue;
            if (!ctx.WhenHolds(c)) continue;
            found.Add(Declared(ctx, c));
        }

        foreach (var x in ctx.Base.Contradictions)
            found.Add(ContradictionResult(ctx, x));

        return found.OrderBy(f => f.Result.Id, StringComparer.Ordinal).ToList();
    }

    private static FoundCollision Derived(EvaluationSession ctx, CompiledGoal goal, List<int[]> sets, int[] union, CompiledCollision? declared)
    {
        var plan = ctx.RuleSet;
        var lang = ctx.Lang;
        var rules = union.Select(i => plan.Rules[i]).ToList();
        var members = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            var (_, cf) = ctx.Reproject(ProjectionChanges.Without(set));
            members.UnionWith(AffectedMembers(ctx, ctx.Base.Household, cf.Household, plan));
        }
        var alternatives = sets.Select(s => Texts.Join(s.Select(i => $"{plan.Rules[i].Definition.Title} ({plan.Rules[i].Definition.Citation})"), lang));
        var ruleNames = string.Join(Texts.Pick(lang, "; of zonder die van ", "; or without that of "), alternatives);
        var text = Texts.Pick(lang,
            $"Het doel '{goal.Definition.Title}' wordt niet gehaald in de rechtmatige situatie. Zonder de uitkomst van {ruleNames} wordt het wel gehaald.",
            $"The goal '{goal.Definition.Title}' fails in the lawful situation. Without the outcome of {ruleNames} it would hold.");
        if (ctx.HoldsToday[goal.Index].IsTrue)
            text += Texts.Pick(lang, " Vandaag wordt het doel nog gehaald.", " Today the goal still holds.");
        string id, title;
        CollisionSeverity severity;
        CollisionKind kind;
        if (declared is not null)
        {
            id = declared.Definition.Id;
            title = declared.Definition.Title;
            severity = Severity(declared.Definition.Severity);
            kind = CollisionKind.Declared;
            var explain = lang == ReportLanguage.English && declared.Definition.ExplainEn is { } en ? en : declared.Definition.Explain;
            text = explain.Trim() + " " + text;
        }
        else
        {
            id = $"botsing.{goal.Id}";
            title = Texts.Pick(lang, $"{string.Join(" + ", rules.Select(r => r.Definition.Title))} × {goal.Definition.Title}", $"{string.Join(" + ", rules.Select(r => r.Definition.Title))} × {goal.Definition.Title}");
            severity = CollisionSeverity.Medium;
            kind = CollisionKind.Derived;
        }
        var trace = GoalTrace(ctx, goal, rules, text);
        var result = new CollisionResult(id, kind, title, severity, goal.Id, rules.Select(r => r.Id).ToList(), members.ToList(), text, trace)
        {
            Alternatives = sets.Select(s => (IReadOnlyList<string>)s.Select(i => plan.Rules[i].Id).ToList()).ToList(),
        };
        return new FoundCollision(result, goal.Index, union, null);
    }

    private static FoundCollision Declared(EvaluationSession ctx, CompiledCollision c)
    {
        var plan = ctx.RuleSet;
        var goal = plan.Goals[c.Goal];
        var rules = c.Rules.Select(i => plan.Rules[i]).ToList();
        var (_, cf) = ctx.Reproject(ProjectionChanges.Without(c.Rules));
        var members = AffectedMembers(ctx, ctx.Base.Household, cf.Household, plan);
        var text = (ctx.Lang == ReportLanguage.English && c.Definition.ExplainEn is { } en ? en : c.Definition.Explain).Trim();
        var result = new CollisionResult(c.Definition.Id, CollisionKind.Declared, c.Definition.Title, Severity(c.Definition.Severity), goal.Id,
            rules.Select(r => r.Id).ToList(), members, text, GoalTrace(ctx, goal, rules, text));
        return new FoundCollision(result, c.Goal, c.Rules, null);
    }

    private static FoundCollision ContradictionResult(EvaluationSession ctx, Contradiction x)
    {
        var lang = ctx.Lang;
        var a = x.First.Rule.Definition;
        var b = x.Second.Rule.Definition;
        var text = Texts.Pick(lang,
            $"{a.Title} ({a.Citation}) bepaalt {x.First.Path} = {ctx.Show(x.First.After)}, maar {b.Title} ({b.Citation}) bepaalt {ctx.Show(x.Second.After)}. Beide regels zijn van toepassing; ze spreken elkaar tegen.",
            $"{a.Title} ({a.Citation}) sets {x.First.Path} = {ctx.Show(x.First.After)}, but {b.Title} ({b.Citation}) sets {ctx.Show(x.Second.After)}. Both rules apply; they contradict each other.");
        var members = x.First.Instance.Schema.Name == FactSchema.MemberEntity ? new List<string> { MemberId(x.First.Instance) } : new List<string>();
        var trace = new Explanation(text, StatementSource.Law,
            [new ConditionOutcome($"{a.Id}: {x.First.Path}", ctx.Show(x.First.After)), new ConditionOutcome($"{b.Id}: {x.Second.Path}", ctx.Show(x.Second.After))],
            (x.First.Trace?.Reads ?? []).Concat(x.Second.Trace?.Reads ?? []).Select(r => new FactUsed($"{r.Instance.Key}.{r.Field.Name}", ctx.Show(r.Value))).Distinct().ToList());
        var result = new CollisionResult($"tegenstrijdig.{a.Id}.{b.Id}", CollisionKind.Contradiction, Texts.Pick(lang, $"{a.Title} tegenover {b.Title}", $"{a.Title} versus {b.Title}"),
            CollisionSeverity.High, null, [a.Id, b.Id], members, text, trace);
        return new FoundCollision(result, -1, [x.First.Rule.Index, x.Second.Rule.Index], x);
    }

    private static Explanation GoalTrace(EvaluationSession ctx, CompiledGoal goal, List<CompiledRule> rules, string text)
    {
        if (!ctx.Options.IncludeExplanations) return Evaluator.None with { Text = text };
        var trace = goal.Holds.Explain(ctx.Base.Frame, null);
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
        return new Explanation(text, StatementSource.Engine, conditions, facts.Distinct().ToList());
    }

    /// <summary>Members whose projected facts differ between two projections.</summary>
    public static List<string> AffectedMembers(EvaluationSession ctx, EntityInstance a, EntityInstance b, CompiledRuleSet plan)
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

    public static string MemberId(EntityInstance member) => member.Id ?? member.Key;

    private static CollisionSeverity Severity(Severity s) => s switch
    {
        Packs.Severity.Low => CollisionSeverity.Low,
        Packs.Severity.Medium => CollisionSeverity.Medium,
        Packs.Severity.High => CollisionSeverity.High,
        _ => CollisionSeverity.Critical,
    };
}
