using System.Globalization;
using System.Text;

namespace Doorbraak.Rules.Conditions.Ast;

/// <summary>Prints a syntax tree as canonical, parseable text, with parentheses only where needed.</summary>
internal static class Printer
{
    // precedence: 0 if/quantifier, 1 or, 2 and, 3 not, 4 comparison, 5 additive, 6 multiplicative, 7 negation, 8 primary
    public static string Print(Node node)
    {
        var sb = new StringBuilder();
        Write(sb, node, 0);
        return sb.ToString();
    }

    /// <summary>A literal as source text: <c>12.5</c>, <c>€ 12.50</c>, <c>2026-01-01</c>, <c>P6M</c>, <c>"tekst"</c>, <c>true</c>.</summary>
    public static string Literal(FactValue v)
    {
        if (v.IsUnknown) return "unknown";
        return v.Kind switch
        {
            FactKind.Number => v.AsDecimal.ToString(CultureInfo.InvariantCulture),
            FactKind.Money => "€ " + v.AsDecimal.ToString(CultureInfo.InvariantCulture),
            FactKind.Text => "\"" + v.AsText.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
            _ => v.ToString(),
        };
    }

    private static int Precedence(Node n) => n switch
    {
        IfNode or QuantifierNode => 0,
        BinaryNode { Op: BinaryOp.Or } => 1,
        BinaryNode { Op: BinaryOp.And } => 2,
        UnaryNode { Op: UnaryOp.Not } => 3,
        BinaryNode { Op: BinaryOp.Add or BinaryOp.Subtract } => 5,
        BinaryNode { Op: BinaryOp.Multiply or BinaryOp.Divide } => 6,
        BinaryNode or BetweenNode or InNode => 4,
        UnaryNode => 7,
        LiteralNode { Value.IsUnknown: false } l when l.Value.Kind is FactKind.Number or FactKind.Money && l.Value.AsDecimal < 0 => 7,
        _ => 8,
    };

    public static string OpText(BinaryOp op) => op switch
    {
        BinaryOp.Or => "or",
        BinaryOp.And => "and",
        BinaryOp.Equal => "=",
        BinaryOp.NotEqual => "!=",
        BinaryOp.Less => "<",
        BinaryOp.LessEqual => "<=",
        BinaryOp.Greater => ">",
        BinaryOp.GreaterEqual => ">=",
        BinaryOp.Add => "+",
        BinaryOp.Subtract => "-",
        BinaryOp.Multiply => "*",
        _ => "/",
    };

    private static void Write(StringBuilder sb, Node node, int min)
    {
        var p = Precedence(node);
        if (p < min)
        {
            sb.Append('(');
            Write(sb, node, 0);
            sb.Append(')');
            return;
        }
        switch (node)
        {
            case LiteralNode l:
                sb.Append(Literal(l.Value));
                break;
            case NameNode n:
                sb.Append(n.Name);
                break;
            case UnaryNode { Op: UnaryOp.Not } u:
                sb.Append("not ");
                Write(sb, u.Operand, 3);
                break;
            case UnaryNode u:
                sb.Append('-');
                Write(sb, u.Operand, 7);
                break;
            case BinaryNode b:
                var left = p is 4 ? p + 1 : p;
                Write(sb, b.Left, left);
                sb.Append(' ').Append(OpText(b.Op)).Append(' ');
                Write(sb, b.Right, p + 1);
                break;
            case BetweenNode bt:
                Write(sb, bt.Value, 5);
                sb.Append(" between ");
                Write(sb, bt.Low, 5);
                sb.Append(" and ");
                Write(sb, bt.High, 5);
                break;
            case InNode i:
                Write(sb, i.Value, 5);
                sb.Append(" in [");
                for (var k = 0; k < i.Items.Count; k++)
                {
                    if (k > 0) sb.Append(", ");
                    Write(sb, i.Items[k], 0);
                }
                sb.Append(']');
                break;
            case IfNode f:
                sb.Append("if ");
                Write(sb, f.Condition, 0);
                sb.Append(" then ");
                Write(sb, f.Then, 0);
                sb.Append(" else ");
                Write(sb, f.Else, 0);
                break;
            case QuantifierNode q:
                sb.Append(q.Kind switch { QuantifierKind.Any => "any ", QuantifierKind.All => "all ", _ => "no " });
                sb.Append(q.Collection.Name).Append(" where ");
                Write(sb, q.Condition, 0);
                break;
            case AggregateNode a:
                sb.Append(a.Kind.ToString().ToLowerInvariant()).Append('(');
                if (a.Value is not null)
                {
                    Write(sb, a.Value, 0);
                    sb.Append(" of ");
                }
                sb.Append(a.Collection.Name);
                if (a.Where is not null)
                {
                    sb.Append(" where ");
                    Write(sb, a.Where, 0);
                }
                sb.Append(')');
                break;
            case CallNode c:
                sb.Append(c.Name).Append('(');
                for (var k = 0; k < c.Arguments.Count; k++)
                {
                    if (k > 0) sb.Append(", ");
                    Write(sb, c.Arguments[k], 0);
                }
                sb.Append(')');
                break;
        }
    }
}
