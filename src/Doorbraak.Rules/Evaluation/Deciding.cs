using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Conditions;

namespace Doorbraak.Rules.Evaluation;

/// <summary>Evaluating an expression inside an evaluation; its reads are forgotten afterwards.</summary>
internal static class Deciding
{
    /// <summary>Evaluates; when the outcome is unknown, <paramref name="unknowns"/> lists the unknown facts it read (null otherwise).</summary>
    public static FactValue Decide(this CompiledExpression expression, EvaluationFrame frame, EntityInstance? scope, out List<FactRead>? unknowns)
    {
        using var reads = frame.Capture();
        var value = expression.Evaluate(frame, scope);
        unknowns = value.IsUnknown ? reads.Unknowns() : null;
        return value;
    }

    /// <summary>Evaluates without keeping any reads.</summary>
    public static FactValue Decide(this CompiledExpression expression, EvaluationFrame frame, EntityInstance? scope = null)
    {
        using var _ = frame.Capture();
        return expression.Evaluate(frame, scope);
    }

    /// <summary>Evaluates a condition with every read recorded: each top-level clause's outcome and the facts read.</summary>
    public static RuleTrace Explain(this CompiledExpression condition, EvaluationFrame frame, EntityInstance? scope)
    {
        List<FactRead> reads;
        using (var all = frame.Capture(trace: true))
        {
            condition.Evaluate(frame, scope);
            reads = all.Distinct();
        }
        return new RuleTrace(Clauses(condition, frame, scope), reads);
    }

    /// <summary>Each top-level clause's outcome (the reads are forgotten).</summary>
    public static IReadOnlyList<(string Clause, FactValue Outcome)> Clauses(CompiledExpression condition, EvaluationFrame frame, EntityInstance? scope)
    {
        var parts = condition.Clauses.Count > 0 ? condition.Clauses : [condition];
        var clauses = new List<(string, FactValue)>(parts.Count);
        using var _ = frame.Capture();
        foreach (var c in parts) clauses.Add((c.Text, c.Evaluate(frame, scope)));
        return clauses;
    }
}
