using Doorbraak.Rules.Source;
using Doorbraak.Rules.Compilation;
using Doorbraak.Rules.Wording;

namespace Doorbraak.Rules.Evaluation;



/// <summary>The what-if queries behind <see cref="DoorbraakEngine"/>.</summary>
internal static class WhatIfQueries
{
    public static CompiledDeviation[] Resolve(CompiledRuleSet plan, IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var list = new List<CompiledDeviation>();
        foreach (var id in ids)
        {
            if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException("A deviation id is empty or null; name each deviation by its id.", nameof(ids));
            var d = plan.Deviations.FirstOrDefault(x => x.Id == id)
                ?? throw new ArgumentException($"No loaded pack defines the deviation '{id}'{Suggest.Hint(id, plan.Deviations.Select(x => x.Id))}.", nameof(ids));
            list.Add(d);
        }
        if (list.Count == 0) throw new ArgumentException("Name at least one deviation.", nameof(ids));
        return list.ToArray();
    }

    public static WhatIfResult Apply(EvaluationSession ctx, CompiledDeviation[] set)
    {
        var collisions = CollisionFinder.Find(ctx);
        var allowed = new SortedDictionary<string, bool?>(StringComparer.Ordinal);
        foreach (var d in set)
            allowed[d.Id] = Evaluator.Bool(d.Allowed?.Decide(ctx.Base.Frame) ?? FactValue.True);
        var outcome = OutcomeClassifier.Classify(ctx, set, collisions);
        var goalResults = Evaluator.GoalResults(ctx, outcome.Reprojection.Goals);
        var cost = ProposalFinder.Cost(ctx, set, outcome.Reprojection.Projection);
        var lang = ctx.Lang;
        var notAllowed = allowed.Where(kv => kv.Value != true).Select(kv => kv.Key).ToList();
        var (resolves, leaves, creates) = (outcome.Resolves, outcome.Leaves, outcome.Creates);
        var words = Texts.Of(lang);
        var summary = words.Format("engine.what-if.summary", ("outcome", outcome.Id), ("resolves", resolves.Count), ("leaves", leaves.Count), ("creates", creates.Count),
                ("months", cost.HorizonMonths), ("difference", ctx.Options.Redact ? Texts.Redacted : words.Money(cost.Difference)))
            + (notAllowed.Count == 0 ? "" : words.Format("engine.what-if.not-allowed", ("deviations", string.Join(", ", notAllowed))));
        var request = ProposalFinder.Request(ctx, set);
        if (request is not null) summary += " " + request.Text;
        return new WhatIfResult(set.Select(d => d.Id).ToList(), allowed, resolves, leaves, creates, goalResults, ctx.Options.Redact ? cost.WithoutAmounts() : cost, summary)
        {
            Steps = set.Select(d => ProposalFinder.Step(ctx, d, outcome.Reprojection.Projection)).ToList(),
            Request = request,
        };
    }

    public static IReadOnlyList<DeviationInfo> ForRule(CompiledRuleSet plan, string ruleId, ReportLanguage lang)
    {
        var index = plan.Rules.ToList().FindIndex(r => r.Id == ruleId);
        if (index < 0) throw new ArgumentException($"No loaded pack defines the rule '{ruleId}'{Suggest.Hint(ruleId, plan.Rules.Select(r => r.Id))}.", nameof(ruleId));
        return plan.Deviations.Where(d => d.Rule == index).Select(d => Info(plan, d, lang)).ToList();
    }

    public static DeviationInfo Info(CompiledRuleSet plan, CompiledDeviation d, ReportLanguage lang)
    {
        var def = d.Definition;
        var limits = ProposalFinder.Limits([def], lang);
        var rule = d.Rule >= 0 ? plan.Rules[d.Rule].Id : "";
        return new DeviationInfo(def.Id, def.Title, rule, def.Change.Kind.ToString().ToLowerInvariant(),
            ProposalFinder.Basis(plan, d, lang), def.Mandate, def.Allowed?.Text, limits,
            def.Review.Select(r => FactValue.FormatDuration(r.Months, r.Days)).ToList());
    }

    /// <summary>The smallest sets of applied rules whose outcomes, set aside, let the goal hold (whether or not the goal is active).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> RulesBlocking(EvaluationSession ctx, string goalId)
    {
        var goal = ctx.RuleSet.Goals.FirstOrDefault(g => g.Id == goalId)
            ?? throw new ArgumentException($"No loaded pack defines the goal '{goalId}'{Suggest.Hint(goalId, ctx.RuleSet.Goals.Select(g => g.Id))}.", nameof(goalId));
        if (!ctx.HoldsProjected[goal.Index].IsFalse) return [];
        return BlockingRules.SmallestSets(ctx, goal).Select(set => (IReadOnlyList<string>)set.Select(i => ctx.RuleSet.Rules[i].Id).ToList()).ToList();
    }
}
