namespace Doorbraak.Rules.Conditions.Ast;

/// <summary>A node of the syntax tree, with its span (offsets into the expression text).</summary>
internal abstract class Node
{
    protected Node(int start, int end)
    {
        Start = start;
        End = end;
    }

    /// <summary>Offset of the node's first character.</summary>
    public int Start { get; }

    /// <summary>Offset just after the node's last character.</summary>
    public int End { get; }

    public override string ToString() => Printer.Print(this);
}

internal enum UnaryOp { Not, Negate }

internal enum BinaryOp { Or, And, Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual, Add, Subtract, Multiply, Divide }

internal enum QuantifierKind { Any, All, No }

internal enum AggregateKind { Count, Sum, Min, Max }

/// <summary>A literal: number, money, date, duration, text or boolean.</summary>
internal sealed class LiteralNode(FactValue value, int start, int end) : Node(start, end)
{
    public FactValue Value { get; } = value;
}

/// <summary>A name: a fact path, a parameter id, a collection, <c>peildatum</c>.</summary>
internal sealed class NameNode(string name, int start) : Node(start, start + name.Length)
{
    public string Name { get; } = name;
}

/// <summary><c>not x</c> or <c>-x</c>.</summary>
internal sealed class UnaryNode(UnaryOp op, Node operand, int start) : Node(start, operand.End)
{
    public UnaryOp Op { get; } = op;
    public Node Operand { get; } = operand;
}

/// <summary>An infix operator.</summary>
internal sealed class BinaryNode(BinaryOp op, Node left, Node right, int opStart) : Node(left.Start, right.End)
{
    public BinaryOp Op { get; } = op;
    public Node Left { get; } = left;
    public Node Right { get; } = right;

    /// <summary>Offset of the operator token.</summary>
    public int OpStart { get; } = opStart;
}

/// <summary><c>x between low and high</c> (inclusive).</summary>
internal sealed class BetweenNode(Node value, Node low, Node high) : Node(value.Start, high.End)
{
    public Node Value { get; } = value;
    public Node Low { get; } = low;
    public Node High { get; } = high;
}

/// <summary><c>x in [a, b, c]</c>.</summary>
internal sealed class InNode(Node value, IReadOnlyList<Node> items, int end) : Node(value.Start, end)
{
    public Node Value { get; } = value;
    public IReadOnlyList<Node> Items { get; } = items;
}

/// <summary><c>if c then a else b</c>.</summary>
internal sealed class IfNode(Node condition, Node then, Node @else, int start) : Node(start, @else.End)
{
    public Node Condition { get; } = condition;
    public Node Then { get; } = then;
    public Node Else { get; } = @else;
}

/// <summary><c>any|all|no collection where condition</c>.</summary>
internal sealed class QuantifierNode(QuantifierKind kind, NameNode collection, Node condition, int start) : Node(start, condition.End)
{
    public QuantifierKind Kind { get; } = kind;
    public NameNode Collection { get; } = collection;
    public Node Condition { get; } = condition;
}

/// <summary><c>count(coll [where c])</c>, <c>sum|min|max(value of coll [where c])</c>.</summary>
internal sealed class AggregateNode(AggregateKind kind, Node? value, NameNode collection, Node? where, int start, int end) : Node(start, end)
{
    public AggregateKind Kind { get; } = kind;
    public Node? Value { get; } = value;
    public NameNode Collection { get; } = collection;
    public Node? Where { get; } = where;
}

/// <summary>A function call <c>name(a, b)</c>; also the variadic <c>min(a, b)</c> and <c>max(a, b)</c>.</summary>
internal sealed class CallNode(string name, IReadOnlyList<Node> arguments, int start, int end) : Node(start, end)
{
    public string Name { get; } = name;
    public IReadOnlyList<Node> Arguments { get; } = arguments;
}
