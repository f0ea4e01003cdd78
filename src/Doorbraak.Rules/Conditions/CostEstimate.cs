using Doorbraak.Rules.Conditions.Binding;

namespace Doorbraak.Rules.Conditions;

/// <summary>
/// A compile-time estimate of the work one expression does for one household, in steps (issue #20, cost bombs): every node
/// is one step, and a quantifier or aggregate over a list costs its body once per element, with each list taken to hold
/// <c>listLength</c> elements. Nested quantifiers therefore multiply: seven nested <c>any leden where</c> over ten members
/// are about 4.4e7 steps. The sum saturates at <see cref="long.MaxValue"/>; the tree is bounded by the parser's depth limit.
/// </summary>
internal static class CostEstimate
{
    public static long Of(Bound b, int listLength) => b switch
    {
        BQuantifier q => Add(Add(1, Of(q.Collection, listLength)), Times(listLength, Add(1, Of(q.Condition, listLength)))),
        BAggregate a => Add(Add(1, Of(a.Collection, listLength)),
            Times(listLength, Add(1, Add(a.Where is null ? 0 : Of(a.Where, listLength), a.Value is null ? 0 : Of(a.Value, listLength))))),
        BUnary u => Add(1, Of(u.Operand, listLength)),
        BBinary bin => Add(1, Add(Of(bin.Left, listLength), Of(bin.Right, listLength))),
        BBetween bt => Add(1, Add(Of(bt.Value, listLength), Add(Of(bt.Low, listLength), Of(bt.High, listLength)))),
        BIn i => Sum(Add(1, Of(i.Value, listLength)), i.Items, listLength),
        BIf f => Add(1, Add(Of(f.Condition, listLength), Add(Of(f.Then, listLength), Of(f.Else, listLength)))),
        BBuiltinCall call => Sum(1, call.Arguments, listLength),
        BHostCall h => Sum(1, h.Arguments, listLength),
        _ => 1,
    };

    /// <summary>The cost of an expression, or 0 for none.</summary>
    public static long Of(CompiledExpression? e, int listLength) => e is null ? 0 : Of(e.Bound, listLength);

    private static long Sum(long start, IReadOnlyList<Bound> items, int listLength)
    {
        var total = start;
        foreach (var x in items) total = Add(total, Of(x, listLength));
        return total;
    }

    public static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    public static long Times(long a, long b) => a != 0 && b > long.MaxValue / a ? long.MaxValue : a * b;
}
