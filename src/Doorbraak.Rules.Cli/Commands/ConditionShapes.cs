using Doorbraak.Rules.Inspection;

namespace Doorbraak.Rules.Cli.Commands;

/// <summary>
/// A conservative look at two parsed conditions: do they visibly exclude each other? Takes each condition's
/// top-level <c>and</c> parts and looks for a part and its negation (<c>c</c> and <c>not c</c>), or two comparisons
/// of the same left side with disjoint ranges (<c>x &lt; 27</c> and <c>x &gt;= 27</c>, <c>count(...) = 0</c> and
/// <c>count(...) &gt;= 1</c>, <c>rol = "aanvrager"</c> and <c>rol = "partner"</c>). "No" means "not shown", not
/// "they overlap". Parts are compared by their canonical text, so spacing and parentheses do not matter.
/// </summary>
internal static class ConditionShapes
{
    public static bool Exclusive(ConditionNode a, ConditionNode b)
    {
        var pa = Conjuncts(a).ToList();
        var pb = Conjuncts(b).ToList();
        foreach (var x in pa)
        {
            foreach (var y in pb)
            {
                if (Negates(x, y) || Negates(y, x)) return true;
                if (Compare.Of(x) is { } cx && Compare.Of(y) is { } cy && cx.Left == cy.Left && Disjoint(cx, cy)) return true;
            }
        }
        return false;
    }

    /// <summary>The top-level <c>and</c> parts (the tree keeps nested <c>and</c>s flat already).</summary>
    internal static IEnumerable<ConditionNode> Conjuncts(ConditionNode node) =>
        node is AndCondition and ? and.Operands.SelectMany(Conjuncts) : [node];

    private static bool Negates(ConditionNode x, ConditionNode y) => x is NotCondition not && not.Operand.Text == y.Text;

    /// <summary>A comparison as "left op literal-or-expression", with a literal on the left turned around.</summary>
    private sealed record Compare(string Left, ComparisonOperator Op, ConditionNode Right)
    {
        public static Compare? Of(ConditionNode node)
        {
            if (node is not Comparison c) return null;
            if (c.Left is Literal && c.Right is not Literal) return new Compare(c.Right.Text, Flip(c.Operator), c.Left);
            return new Compare(c.Left.Text, c.Operator, c.Right);
        }

        private static ComparisonOperator Flip(ComparisonOperator op) => op switch
        {
            ComparisonOperator.Less => ComparisonOperator.Greater,
            ComparisonOperator.LessOrEqual => ComparisonOperator.GreaterOrEqual,
            ComparisonOperator.Greater => ComparisonOperator.Less,
            ComparisonOperator.GreaterOrEqual => ComparisonOperator.LessOrEqual,
            _ => op,
        };
    }

    private static bool Disjoint(Compare x, Compare y)
    {
        decimal vx, vy;
        if (x.Right.Text == y.Right.Text) vx = vy = 0;
        else if (Number(x.Right) is { } nx && Number(y.Right) is { } ny) (vx, vy) = (nx, ny);
        else if (x.Right is Literal { Value.IsUnknown: false } lx && y.Right is Literal { Value.IsUnknown: false } ly)
            // Two different literals that are not numbers (text, dates, booleans): only equality is told apart.
            return x.Op == ComparisonOperator.Equal && y.Op == ComparisonOperator.Equal && !lx.Value.Equals(ly.Value);
        else return false;
        if (x.Op == ComparisonOperator.NotEqual || y.Op == ComparisonOperator.NotEqual)
            return vx == vy && ((x.Op == ComparisonOperator.NotEqual && y.Op == ComparisonOperator.Equal) || (y.Op == ComparisonOperator.NotEqual && x.Op == ComparisonOperator.Equal));
        var (lx2, lxi, hx, hxi) = Range(x.Op, vx);
        var (ly2, lyi, hy, hyi) = Range(y.Op, vy);
        return Below(hx, hxi, ly2, lyi) || Below(hy, hyi, lx2, lxi);
    }

    private static decimal? Number(ConditionNode node) => node switch
    {
        Literal { Value.IsUnknown: false } l when l.Value.Kind is FactKind.Number or FactKind.Money => l.Value.AsDecimal,
        Negation { Operand: Literal { Value.IsUnknown: false } l } when l.Value.Kind is FactKind.Number or FactKind.Money => -l.Value.AsDecimal,
        _ => null,
    };

    /// <summary>The range of values a comparison allows: low and high bound, each inclusive or not (null: unbounded).</summary>
    private static (decimal? Low, bool LowIn, decimal? High, bool HighIn) Range(ComparisonOperator op, decimal v) => op switch
    {
        ComparisonOperator.Equal => (v, true, v, true),
        ComparisonOperator.Less => (null, false, v, false),
        ComparisonOperator.LessOrEqual => (null, false, v, true),
        ComparisonOperator.Greater => (v, false, null, false),
        _ => (v, true, null, false), // >=
    };

    /// <summary>Whether a range ending at <paramref name="high"/> lies wholly below one starting at <paramref name="low"/>.</summary>
    private static bool Below(decimal? high, bool highIn, decimal? low, bool lowIn) =>
        high is { } h && low is { } l && (h < l || (h == l && !(highIn && lowIn)));
}
