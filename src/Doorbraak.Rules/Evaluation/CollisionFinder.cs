using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Packs;
using Doorbraak.Rules.Compilation;
using Doorbraak.Rules.Wording;

namespace Doorbraak.Rules.Evaluation;

/// <summary>A collision with what the proposal stage needs to test whether a deviation resolves it.</summary>
internal sealed record FoundCollision(CollisionResult Result, int Goal, IReadOnlyList<int> Rules, Contradiction? Contradiction, MetBlockade? Blockade = null);

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
            var projected = ctx.HoldsProjected[goal.Index];
            if (!ctx.IsActive(goal.Index) || projected.IsTrue) continue;
            var hinges = new Hinges();
            BlockingSearch search;
            if (projected.IsFalse)
            {
                search = BlockingRules.Search(ctx, goal, hinges);
            }
            else
            {
                // Unknown on the projection: a collision only if setting rules aside provably lets the goal hold, and then
                // conditional on what makes the goal unknown (it may already hold).
                search = new BlockingSearch(BlockingRules.SmallestSets(ctx, goal), true);
                goal.Holds.Decide(ctx.Base.Frame, null, out var unknowns);
                hinges.Add(unknowns, goal.Holds.ParametersRead, ctx.Parameters);
            }
            var sets = search.Sets;
            if (sets.Count == 0) continue;
            var union = sets.SelectMany(s => s).Distinct().Order().ToArray();
            var declared = plan.Collisions.FirstOrDefault(c => c.Goal == goal.Index && c.Rules.Intersect(union).Any() && !declaredUsed.Contains(c.Definition.Id) && ctx.WhenHolds(c));
            if (declared is not null) declaredUsed.Add(declared.Definition.Id);
            found.Add(Derived(ctx, goal, sets, union, declared, search.Conditional ? hinges : null));
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

        foreach (var b in ctx.Base.Blockades)
            found.Add(Blockade(ctx, b));

        return found.OrderBy(f => f.Result.Id, StringComparer.Ordinal).ToList();
    }

    private static FoundCollision Derived(EvaluationSession ctx, CompiledGoal goal, List<int[]> sets, int[] union, CompiledCollision? declared, Hinges? hinges)
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
        var words = Texts.Of(lang);
        var alternatives = sets.Select(s => words.Join(s.Select(i => words.Format("engine.collision.rule", ("title", plan.Rules[i].Definition.Title), ("citation", plan.Rules[i].Definition.Citation)))));
        var ruleNames = string.Join(words["engine.collision.or-without"], alternatives);
        var text = words.Format("engine.collision.goal-fails", ("goal", goal.Definition.Title), ("rules", ruleNames));
        if (ctx.HoldsToday[goal.Index].IsTrue)
            text += words["engine.collision.goal-holds-today"];
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
            title = words.Format("engine.collision.derived-title", ("rules", string.Join(" + ", rules.Select(r => r.Definition.Title))), ("goal", goal.Definition.Title));
            severity = CollisionSeverity.Medium;
            kind = CollisionKind.Derived;
        }
        if (hinges is not null)
        {
            text += words.Format(ctx.HoldsProjected[goal.Index].IsUnknown ? "engine.collision.conditional-goal" : "engine.collision.conditional",
                ("facts", words.Join(hinges.Paths)));
            ctx.AddMissing(hinges.Reads, id);
        }
        var trace = GoalTrace(ctx, goal, rules, text);
        var result = new CollisionResult(id, kind, title, severity, goal.Id, rules.Select(r => r.Id).ToList(), members.ToList(), text, trace)
        {
            Alternatives = sets.Select(s => (IReadOnlyList<string>)s.Select(i => plan.Rules[i].Id).ToList()).ToList(),
            Conditional = hinges is not null,
            HingesOn = hinges?.Paths.ToList() ?? [],
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
        var text = Texts.Format(lang, "engine.collision.contradiction", ("titleA", a.Title), ("citationA", a.Citation), ("path", x.First.Path),
            ("valueA", ctx.Show(x.First.After)), ("titleB", b.Title), ("citationB", b.Citation), ("valueB", ctx.Show(x.Second.After)));
        var members = x.First.Instance.Schema.Name == FactSchema.MemberEntity ? new List<string> { MemberId(x.First.Instance) } : new List<string>();
        var trace = new Explanation(text, StatementSource.Law,
            [new ConditionOutcome($"{a.Id}: {x.First.Path}", ctx.Show(x.First.After)), new ConditionOutcome($"{b.Id}: {x.Second.Path}", ctx.Show(x.Second.After))],
            (x.First.Trace?.Reads ?? []).Concat(x.Second.Trace?.Reads ?? []).Select(r => new FactUsed($"{r.Instance.Key}.{r.Field.Name}", ctx.Show(r.Value))).Distinct().ToList());
        var result = new CollisionResult($"tegenstrijdig.{a.Id}.{b.Id}", CollisionKind.Contradiction, Texts.Format(lang, "engine.collision.contradiction-title", ("titleA", a.Title), ("titleB", b.Title)),
            CollisionSeverity.High, null, [a.Id, b.Id], members, text, trace);
        return new FoundCollision(result, -1, [x.First.Rule.Index, x.Second.Rule.Index], x);
    }

    /// <summary>
    /// A blockade met on the projection: the waiting rules with what each waits for and from whom, the goals they hold
    /// back, and the deviations that break the loop. Its rules include the rules those deviations deviate from, so that
    /// they are tried as proposals; it is resolved when the loop no longer holds on the re-projection.
    /// </summary>
    private static FoundCollision Blockade(EvaluationSession ctx, MetBlockade b)
    {
        var plan = ctx.RuleSet;
        var words = Texts.Of(ctx.Lang);
        var rules = b.Rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var waits = rules.Select(r => new BlockadeWait(r.Id, r.Definition.WaitsFor!.Fact, r.Definition.WaitsFor.Provider, r.Definition.Applies?.Text.Trim())).ToList();
        var goals = rules.SelectMany(r => r.HoldsBack).Distinct().Order().Select(i => plan.Goals[i]).ToList();
        var ids = rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var breakers = plan.Deviations.Where(d => d.Definition.Breaks.Any(ids.Contains)
            || (d.Rule >= 0 && ids.Contains(plan.Rules[d.Rule].Id) && d.Definition.Change.Kind == ChangeKind.Set && d.Sets.Any(x => rules.Any(r => r.WaitField == x.Target.Field || b.Rules.Any(o => o.WaitField == x.Target.Field))))
            // An intervention that sets a waited-for fact before the rules run breaks the loop too.
            || (d.Rule < 0 && d.Sets.Any(x => b.Rules.Any(o => o.WaitField == x.Target.Field)))).ToList();
        var text = words.Format("engine.collision.blockade",
            ("waits", words.Join(rules.Select(r => words.Format("engine.collision.blockade-wait", ("title", r.Definition.Title), ("rule", r.Id), ("fact", r.Definition.WaitsFor!.Fact), ("provider", r.Definition.WaitsFor.Provider))))),
            ("goals", goals.Count == 0 ? words["engine.collision.blockade-no-goals"] : words.Join(goals.Select(g => "'" + g.Definition.Title + "'"))));
        text += breakers.Count > 0
            ? words.Format("engine.collision.blockade-breaks", ("deviations", words.Join(breakers.Select(d => $"{d.Definition.Title} ({d.Id})"))))
            : words["engine.collision.blockade-no-breaker"];
        var trace = ctx.Options.IncludeExplanations
            ? new Explanation(text, StatementSource.Engine,
                rules.Select(r => new ConditionOutcome($"{r.Id}: waits_for {r.Definition.WaitsFor!.Fact}", Texts.Outcome(FactValue.Unknown, ctx.Lang))).ToList(),
                rules.Select(r => new FactUsed(r.Definition.WaitsFor!.Fact, ctx.Show(FactValue.Unknown))).Distinct().ToList())
            : Evaluator.None with { Text = text };
        var id = "blokkade." + string.Join(".", rules.Select(r => r.Id));
        var result = new CollisionResult(id, CollisionKind.Blokkade, words.Format("engine.collision.blockade-title", ("rules", string.Join(" ⇄ ", rules.Select(r => r.Definition.Title)))),
            CollisionSeverity.High, goals.FirstOrDefault()?.Id, rules.Select(r => r.Id).ToList(), [], text, trace)
        {
            Waits = waits,
            HeldBack = goals.Select(g => g.Id).ToList(),
            BrokenBy = breakers.Select(d => d.Id).ToList(),
        };
        var involved = rules.Select(r => r.Index).Concat(breakers.Select(d => d.Rule)).Distinct().Order().ToList();
        return new FoundCollision(result, -1, involved, null, b);
    }

    private static Explanation GoalTrace(EvaluationSession ctx, CompiledGoal goal, List<CompiledRule> rules, string text)
    {
        if (!ctx.Options.IncludeExplanations) return Evaluator.None with { Text = text };
        var trace = goal.Holds.Explain(ctx.Base.Frame, null);
        var conditions = new List<ConditionOutcome>
        {
            new(Texts.Format(ctx.Lang, "engine.collision.goal-condition", ("goal", goal.Id), ("condition", goal.Holds.Text)), Texts.Outcome(ctx.HoldsProjected[goal.Index], ctx.Lang)),
        };
        conditions.AddRange(trace.Clauses.Count > 1 ? trace.Clauses.Select(c => new ConditionOutcome(c.Clause, Texts.Outcome(c.Outcome, ctx.Lang))) : []);
        foreach (var r in rules)
            conditions.Add(new ConditionOutcome(Texts.Format(ctx.Lang, "engine.collision.rule-applied", ("rule", r.Id)), Texts.Outcome(FactValue.True, ctx.Lang)));
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
