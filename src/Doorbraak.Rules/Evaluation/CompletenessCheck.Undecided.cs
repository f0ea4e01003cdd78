using Doorbraak.Rules.Wording;

namespace Doorbraak.Rules.Evaluation;

internal static partial class CompletenessCheck
{
    /// <summary>
    /// A rule, goal, collision or deviation whose condition stayed unknown although every household fact it read is
    /// known and every parameter it reads has a value (those are missing facts and parameter gaps). The condition
    /// runtime does not say why a value is unknown, so the reason names the usual causes (a division by zero, a
    /// date out of range) rather than the exact one.
    /// </summary>
    private static void Undecided(EvaluationSession session, IReadOnlyList<FoundCollision> collisions, List<Gap> gaps)
    {
        if (session.UndecidedWithoutFacts.Count == 0) return;
        var withoutValue = ParametersWithoutValueIds(session);
        var words = Texts.Of(session.Lang);
        foreach (var (id, expression) in session.UndecidedWithoutFacts)
        {
            if (expression.ParametersRead.Any(p => withoutValue.Contains(p.Id))) continue;
            if (gaps.Any(g => g.Kind == GapKind.Undecided && g.Subject == id)) continue;
            var affects = new List<string> { id };
            affects.AddRange(collisions.Where(c => c.Result.Goal == id || c.Result.Rules.Contains(id)).Select(c => c.Result.Id));
            gaps.Add(new Gap(GapKind.Undecided, id, words.Format("engine.completeness.undecided", ("subject", id), ("condition", expression.Text)), affects.Distinct().ToList()));
        }
    }
}
