using Doorbraak.Rules.Conditions.Runtime;
using Doorbraak.Rules.Wording;

namespace Doorbraak.Rules.Evaluation;

internal static partial class CompletenessCheck
{
    /// <summary>
    /// A rule, goal, collision or deviation whose condition stayed unknown although every household fact it read is
    /// known and every parameter it reads has a value (those are missing facts and parameter gaps), with the exact cause
    /// the condition runtime saw (a division by zero, a number too large, a date out of range, a wrong rounding, a host
    /// function that failed).
    /// </summary>
    private static void Undecided(EvaluationSession session, IReadOnlyList<FoundCollision> collisions, List<Gap> gaps)
    {
        if (session.UndecidedWithoutFacts.Count == 0) return;
        var withoutValue = ParametersWithoutValueIds(session);
        var words = Texts.Of(session.Lang);
        foreach (var (id, expression, cause) in session.UndecidedWithoutFacts)
        {
            if (expression.ParametersRead.Any(p => withoutValue.Contains(p.Id))) continue;
            if (gaps.Any(g => g.Kind == GapKind.Undecided && g.Subject == id)) continue;
            var affects = new List<string> { id };
            affects.AddRange(collisions.Where(c => c.Result.Goal == id || c.Result.Rules.Contains(id)).Select(c => c.Result.Id));
            gaps.Add(new Gap(GapKind.Undecided, id, words.Format("engine.completeness.undecided", ("subject", id), ("condition", expression.Text), ("cause", words[CauseKey(cause)])), affects.Distinct().ToList()));
        }
    }

    private static string CauseKey(UnknownCause cause) => cause switch
    {
        UnknownCause.DivisionByZero => "engine.completeness.cause.division-by-zero",
        UnknownCause.Overflow => "engine.completeness.cause.overflow",
        UnknownCause.DateOutOfRange => "engine.completeness.cause.date-out-of-range",
        UnknownCause.InvalidRounding => "engine.completeness.cause.invalid-rounding",
        UnknownCause.FunctionFailed => "engine.completeness.cause.function-failed",
        _ => "engine.completeness.cause.unknown",
    };
}
