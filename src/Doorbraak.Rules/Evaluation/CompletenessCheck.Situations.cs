using Doorbraak.Rules.Wording;

namespace Doorbraak.Rules.Evaluation;

internal static partial class CompletenessCheck
{
    /// <summary>
    /// A <see cref="GapKind.SituationNotCovered"/> gap for every situation the household names that no loaded pack
    /// covers: the packs cannot say which outcome it changes, so it affects every active goal and every collision.
    /// </summary>
    private static void Situations(EvaluationSession session, IReadOnlyList<FoundCollision> collisions, List<Gap> gaps)
    {
        var packs = session.RuleSet.Packs;
        if (session.Household.Situations.Count == 0) return;
        var covered = packs.Covers.Select(c => c.Situation).ToHashSet(StringComparer.Ordinal);
        var words = Texts.Of(session.Lang);
        var affects = session.RuleSet.Goals.Where(g => session.IsActive(g.Index)).Select(g => g.Id)
            .Concat(collisions.Select(c => c.Result.Id)).Distinct().ToList();
        foreach (var id in session.Household.Situations.Distinct(StringComparer.Ordinal))
        {
            if (covered.Contains(id)) continue;
            var s = packs.Situations.First(x => x.Id == id);
            var advice = s.Advice is { } a && session.Lang == ReportLanguage.Dutch ? a.Trim() : words.Format("engine.gap.situation-advice", ("law", s.Law));
            var message = words.Format("engine.gap.situation-not-covered", ("title", s.Title), ("law", s.Law), ("advice", advice));
            gaps.Add(new Gap(GapKind.SituationNotCovered, id, message, affects));
        }
    }
}
