namespace Doorbraak.Rules.Inspection;

/// <summary>A node of a parsed condition or expression, as a pack wrote it (before type checking).</summary>
/// <remarks>Compare two nodes by <see cref="Text"/>, the canonical print: nodes do not compare by value.</remarks>
public abstract class ConditionNode
{
    private protected ConditionNode(int start, int end)
    {
        Start = start;
        End = end;
    }

    /// <summary>Offset of the node's first character in the expression text.</summary>
    public int Start { get; }

    /// <summary>Offset just after the node's last character.</summary>
    public int End { get; }

    /// <summary>The node printed as canonical, parseable text (single spaces, parentheses only where needed).</summary>
    public string Text { get; internal set; } = "";

    /// <summary>The canonical text.</summary>
    public sealed override string ToString() => Text;
}

/// <summary>A comparison operator.</summary>
public enum ComparisonOperator
{
    /// <summary><c>=</c></summary>
    Equal,
    /// <summary><c>!=</c> or <c>&lt;&gt;</c></summary>
    NotEqual,
    /// <summary><c>&lt;</c></summary>
    Less,
    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,
    /// <summary><c>&gt;</c></summary>
    Greater,
    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,
}

/// <summary>An arithmetic operator.</summary>
public enum ArithmeticOperator
{
    /// <summary><c>+</c></summary>
    Add,
    /// <summary><c>-</c></summary>
    Subtract,
    /// <summary><c>*</c></summary>
    Multiply,
    /// <summary><c>/</c></summary>
    Divide,
}

/// <summary>The quantifier of <c>any|all|no collection where condition</c>.</summary>
public enum QuantifierKind
{
    /// <summary><c>any</c>: at least one element.</summary>
    Any,
    /// <summary><c>all</c>: every element.</summary>
    All,
    /// <summary><c>no</c>: no element.</summary>
    No,
}

/// <summary>The aggregate of <c>count|sum|min|max(...)</c> over a collection.</summary>
public enum AggregateKind
{
    /// <summary><c>count(collection [where c])</c></summary>
    Count,
    /// <summary><c>sum(value of collection [where c])</c></summary>
    Sum,
    /// <summary><c>min(value of collection [where c])</c></summary>
    Min,
    /// <summary><c>max(value of collection [where c])</c></summary>
    Max,
}

/// <summary><c>a and b and c</c>, flattened: nested <c>and</c>s are one node.</summary>
public sealed class AndCondition : ConditionNode
{
    internal AndCondition(IReadOnlyList<ConditionNode> operands, int start, int end) : base(start, end)
    {
        Operands = operands;
    }

    /// <summary>The parts, in order (two or more).</summary>
    public IReadOnlyList<ConditionNode> Operands { get; }
}

/// <summary><c>a or b or c</c>, flattened: nested <c>or</c>s are one node.</summary>
public sealed class OrCondition : ConditionNode
{
    internal OrCondition(IReadOnlyList<ConditionNode> operands, int start, int end) : base(start, end)
    {
        Operands = operands;
    }

    /// <summary>The alternatives, in order (two or more).</summary>
    public IReadOnlyList<ConditionNode> Operands { get; }
}

/// <summary><c>not a</c>.</summary>
public sealed class NotCondition : ConditionNode
{
    internal NotCondition(ConditionNode operand, int start, int end) : base(start, end)
    {
        Operand = operand;
    }

    /// <summary>The negated condition.</summary>
    public ConditionNode Operand { get; }
}

/// <summary><c>left op right</c> with a comparison operator.</summary>
public sealed class Comparison : ConditionNode
{
    internal Comparison(ConditionNode left, ComparisonOperator @operator, ConditionNode right, int start, int end) : base(start, end)
    {
        Left = left;
        Operator = @operator;
        Right = right;
    }

    /// <summary>The left side.</summary>
    public ConditionNode Left { get; }

    /// <summary>The operator.</summary>
    public ComparisonOperator Operator { get; }

    /// <summary>The right side.</summary>
    public ConditionNode Right { get; }
}

/// <summary><c>left op right</c> with an arithmetic operator.</summary>
public sealed class Arithmetic : ConditionNode
{
    internal Arithmetic(ConditionNode left, ArithmeticOperator @operator, ConditionNode right, int start, int end) : base(start, end)
    {
        Left = left;
        Operator = @operator;
        Right = right;
    }

    /// <summary>The left operand.</summary>
    public ConditionNode Left { get; }

    /// <summary>The operator.</summary>
    public ArithmeticOperator Operator { get; }

    /// <summary>The right operand.</summary>
    public ConditionNode Right { get; }
}

/// <summary><c>-x</c>.</summary>
public sealed class Negation : ConditionNode
{
    internal Negation(ConditionNode operand, int start, int end) : base(start, end)
    {
        Operand = operand;
    }

    /// <summary>The negated number or amount.</summary>
    public ConditionNode Operand { get; }
}

/// <summary>
/// A name that is not a parameter: a fact path (<c>aanvrager.leeftijd</c>, <c>huishouden.huur</c>), a collection
/// (<c>leden</c>), a field of the current element inside a quantifier, or <c>peildatum</c>.
/// </summary>
public sealed class FactReference : ConditionNode
{
    internal FactReference(string path, int start, int end) : base(start, end)
    {
        Path = path;
    }

    /// <summary>The name as written.</summary>
    public string Path { get; }
}

/// <summary>A parameter of the pack set (<c>pw.kostendelersnorm</c>); its values over time are in <see cref="PackSetView.Parameters"/>.</summary>
public sealed class ParameterReference : ConditionNode
{
    internal ParameterReference(string id, int start, int end) : base(start, end)
    {
        Id = id;
    }

    /// <summary>The parameter id.</summary>
    public string Id { get; }
}

/// <summary>A literal: number, money, date, duration, text, boolean or <c>unknown</c>.</summary>
public sealed class Literal : ConditionNode
{
    internal Literal(FactValue value, int start, int end) : base(start, end)
    {
        Value = value;
    }

    /// <summary>The value.</summary>
    public FactValue Value { get; }
}

/// <summary><c>value between low and high</c> (inclusive).</summary>
public sealed class Between : ConditionNode
{
    internal Between(ConditionNode value, ConditionNode low, ConditionNode high, int start, int end) : base(start, end)
    {
        Value = value;
        Low = low;
        High = high;
    }

    /// <summary>The tested value.</summary>
    public ConditionNode Value { get; }

    /// <summary>The lower bound.</summary>
    public ConditionNode Low { get; }

    /// <summary>The upper bound.</summary>
    public ConditionNode High { get; }
}

/// <summary><c>value in [a, b, c]</c>.</summary>
public sealed class InList : ConditionNode
{
    internal InList(ConditionNode value, IReadOnlyList<ConditionNode> items, int start, int end) : base(start, end)
    {
        Value = value;
        Items = items;
    }

    /// <summary>The tested value.</summary>
    public ConditionNode Value { get; }

    /// <summary>The listed values.</summary>
    public IReadOnlyList<ConditionNode> Items { get; }
}

/// <summary><c>if condition then a else b</c>.</summary>
public sealed class IfThenElse : ConditionNode
{
    internal IfThenElse(ConditionNode condition, ConditionNode then, ConditionNode @else, int start, int end) : base(start, end)
    {
        Condition = condition;
        Then = then;
        Else = @else;
    }

    /// <summary>The condition.</summary>
    public ConditionNode Condition { get; }

    /// <summary>The value when it holds.</summary>
    public ConditionNode Then { get; }

    /// <summary>The value otherwise.</summary>
    public ConditionNode Else { get; }
}

/// <summary><c>any|all|no collection where condition</c>.</summary>
public sealed class Quantifier : ConditionNode
{
    internal Quantifier(QuantifierKind kind, string collection, ConditionNode condition, int start, int end) : base(start, end)
    {
        Kind = kind;
        Collection = collection;
        Condition = condition;
    }

    /// <summary>The quantifier.</summary>
    public QuantifierKind Kind { get; }

    /// <summary>The collection (<c>leden</c>, <c>schulden</c>, <c>voorzieningen</c>).</summary>
    public string Collection { get; }

    /// <summary>The condition each element is tested against.</summary>
    public ConditionNode Condition { get; }
}

/// <summary><c>count(collection [where c])</c> or <c>sum|min|max(value of collection [where c])</c>.</summary>
public sealed class Aggregate : ConditionNode
{
    internal Aggregate(AggregateKind kind, ConditionNode? value, string collection, ConditionNode? where, int start, int end) : base(start, end)
    {
        Kind = kind;
        Value = value;
        Collection = collection;
        Where = where;
    }

    /// <summary>The aggregate.</summary>
    public AggregateKind Kind { get; }

    /// <summary>The aggregated value; null for <c>count</c>.</summary>
    public ConditionNode? Value { get; }

    /// <summary>The collection.</summary>
    public string Collection { get; }

    /// <summary>The filter, or null.</summary>
    public ConditionNode? Where { get; }
}

/// <summary>A function call <c>name(a, b)</c>: a built-in function or one the host registered.</summary>
public sealed class FunctionCall : ConditionNode
{
    internal FunctionCall(string name, IReadOnlyList<ConditionNode> arguments, int start, int end) : base(start, end)
    {
        Name = name;
        Arguments = arguments;
    }

    /// <summary>The function's name.</summary>
    public string Name { get; }

    /// <summary>The arguments.</summary>
    public IReadOnlyList<ConditionNode> Arguments { get; }
}
