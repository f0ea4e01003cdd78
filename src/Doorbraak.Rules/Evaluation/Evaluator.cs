using Doorbraak.Rules.Source;
using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Packs;
using Doorbraak.Rules.Compilation;
using Doorbraak.Rules.Wording;

namespace Doorbraak.Rules.Evaluation;

/// <summary>Evaluates one household: projection, goals, collisions, missing facts, then proposals.</summary>
internal static class Evaluator
{
    public static EvaluationResult Evaluate(CompiledRuleSet ruleSet, EvaluationBackend backend, IReadOnlyList<PackInfo> packs, Household household, DateOnly date, EvaluationOptions options, IPrecedentSource? precedents) =>
        Evaluate(EvaluationSession.Open(ruleSet, household, date, options, backend), packs, precedents);

    /// <summary>
    /// Every stage on an open session. Missing facts come from every stage that reads facts (goals, undecided rules,
    /// declared collisions, the conditions of the deviations that could resolve a collision, and the costs of a proposal,
    /// an intervention's own costs included, when there is a deviation to propose; derived facts are asked through what they derive from), whether or not
    /// proposals are searched, so that they do not depend on the options.
    /// </summary>
    public static EvaluationResult Evaluate(EvaluationSession session, IReadOnlyList<PackInfo> packs, IPrecedentSource? precedents)
    {
        var determinations = Determinations(session);
        var goals = GoalResults(session, session.HoldsProjected);
        var collisions = CollisionFinder.Find(session);
        var candidates = ProposalFinder.Candidates(session, collisions);
        if (candidates.Count > 0) session.RecordCostUnknowns(candidates);
        var proposals = session.Options.IncludeProposals ? ProposalFinder.Find(session, collisions, candidates, precedents) : [];
        var audit = new AuditBlock(packs, DoorbraakEngine.EngineVersion, session.Date) { Backend = session.Backend.Name };
        var notProposed = session.Options.IncludeProposals ? ProposalFinder.WhyNot(session, collisions, proposals) : [];
        var result = new EvaluationResult(determinations, goals, collisions.Select(c => c.Result).ToList(), session.MissingFacts, proposals, audit)
        {
            NotProposed = notProposed,
            Completeness = CompletenessCheck.Of(session, collisions),
            UnusedFacts = UnusedFacts.Of(session),
        };
        EvaluationProvenance.Attach(result, EvaluationProvenance.Create(session));
        return result;
    }

    /// <summary>Every goal with its state today and on <paramref name="projected"/> (the base projection or a re-projection).</summary>
    public static List<GoalResult> GoalResults(EvaluationSession session, FactValue[] projected) =>
        session.RuleSet.Goals.Select(g => new GoalResult(g.Id, g.Definition.Title, g.Definition.Domain, session.IsActive(g.Index), session.Activation[g.Index],
            Bool(session.HoldsToday[g.Index]), Bool(projected[g.Index]))).ToList();

    public static bool? Bool(FactValue v) => v.IsUnknown ? null : v.IsTrue;

    private static List<DeterminationResult> Determinations(EvaluationSession ctx)
    {
        var list = new List<DeterminationResult>(ctx.Base.Writes.Count);
        foreach (var w in ctx.Base.Writes)
        {
            var def = w.Rule.Definition;
            var law = def.Kind == RuleKind.Rule;
            var texts = RuleTexts.Of(def, ctx.Lang);
            list.Add(new DeterminationResult(def.Id, law ? StatementSource.Law : StatementSource.Practice, def.Title, texts.Citation, def.Citation.Url, w.Path,
                ctx.Options.Redact ? Texts.Redacted : w.After.ToString(), ctx.Options.Redact ? Texts.Redacted : w.Before.ToString(), ExplainRule(ctx, w))
            {
                Force = def.Force,
                ForceText = texts.Force,
                Grondslag = texts.Grondslag,
            });
        }
        return list;
    }

    /// <summary>
    /// The texts of a rule that are the same for every household (citation, force, grondslag, the lead of an explanation
    /// about the household, the closing remarks), made once per rule and language instead of once per written fact.
    /// </summary>
    private sealed record RuleTexts(string Citation, string? Force, string? Grondslag, string HouseholdLead, string Extra)
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<RuleDefinition, RuleTexts?[]> Cache = new();

        public static RuleTexts Of(RuleDefinition def, ReportLanguage lang)
        {
            var slots = Cache.GetValue(def, static _ => new RuleTexts?[Enum.GetValues<ReportLanguage>().Length]);
            var i = (int)lang;
            if (Volatile.Read(ref slots[i]) is { } hit) return hit;
            var words = Texts.Of(lang);
            var force = Texts.Force(def, lang);
            var extra = def.Explain is { } e && lang == ReportLanguage.Dutch ? " " + e.Trim() : "";
            if (force is not null) extra += words.Format("engine.rule.force", ("force", force));
            var texts = new RuleTexts(def.Citation.ToString(), force, Texts.Grondslag(def, lang), Lead(words, def, ""), extra);
            Volatile.Write(ref slots[i], texts);
            return texts;
        }

        public static string Lead(WordingTable words, RuleDefinition def, string who) =>
            words.Format(def.Kind == RuleKind.Rule ? "engine.rule.law-says" : "engine.rule.experience-shows", ("citation", def.Citation), ("title", def.Title), ("who", who));
    }

    public static readonly Explanation None = new("", StatementSource.None, [], []);

    public static Explanation ExplainRule(EvaluationSession ctx, Written w)
    {
        if (!ctx.Options.IncludeExplanations) return None;
        var def = w.Rule.Definition;
        var lang = ctx.Lang;
        var law = def.Kind == RuleKind.Rule;
        var words = Texts.Of(lang);
        var texts = RuleTexts.Of(def, lang);
        var lead = w.Instance == ctx.Base.Household ? texts.HouseholdLead : RuleTexts.Lead(words, def, words.Format("engine.rule.for-member", ("member", w.Instance.Key)));
        var because = w.Trace is { Clauses.Count: > 0 } t
            ? words.Format("engine.rule.because", ("conditions", words.Join(t.Clauses.Select(c => words.Format("engine.rule.condition", ("condition", c.Clause), ("outcome", Texts.Outcome(c.Outcome, lang)))))))
            : "";
        var set = words.Format("engine.rule.sets", ("path", w.Path), ("value", ctx.Show(w.After)))
            + (w.Before.IsUnknown ? "." : words.Format("engine.rule.was", ("value", ctx.Show(w.Before))));
        return new Explanation(lead + because + set + texts.Extra, law ? StatementSource.Law : StatementSource.Practice,
            w.Trace?.Clauses.Select(c => new ConditionOutcome(c.Clause, Texts.Outcome(c.Outcome, lang))).ToList() ?? [],
            w.Trace?.Reads.Select(r => new FactUsed($"{r.Instance.Key}.{r.Field.Name}", ctx.Show(r.Value))).ToList() ?? []);
    }
}
