using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Conditions;

namespace Doorbraak.Rules.Evaluation;

/// <summary>Evaluating an expression inside an evaluation while keeping the frame's log of reads as it was.</summary>
internal static class Deciding
{
    /// <summary>Evaluates; when the outcome is unknown, <paramref name="unknowns"/> lists the unknown facts it read (null otherwise).</summary>
    public static FactValue Decide(this CompiledExpression expression, EvaluationFrame frame, EntityInstance? scope, out List<FactRead>? unknowns)
    {
        var mark = frame.Reads.Count;
        var value = expression.Evaluate(frame, scope);
        unknowns = value.IsUnknown ? frame.Reads.GetRange(mark, frame.Reads.Count - mark).FindAll(r => r.Value.IsUnknown) : null;
        frame.Reads.RemoveRange(mark, frame.Reads.Count - mark);
        return value;
    }

    /// <summary>Evaluates without keeping any reads.</summary>
    public static FactValue Decide(this CompiledExpression expression, EvaluationFrame frame, EntityInstance? scope = null) =>
        Decide(expression, frame, scope, out _);
}
