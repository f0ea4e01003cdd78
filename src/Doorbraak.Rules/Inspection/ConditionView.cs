using Doorbraak.Rules.Conditions.Parsing;
using Doorbraak.Rules.Source;
using Ast = Doorbraak.Rules.Conditions.Ast;

namespace Doorbraak.Rules.Inspection;

/// <summary>A condition or expression of a pack: its text as written, where it is written, and its parsed tree.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed class ConditionView
{
    private readonly ConditionSource _source;

    private ConditionView(ConditionSource source, ConditionNode root)
    {
        _source = source;
        Root = root;
    }

    /// <summary>The text as written in the pack (trimmed).</summary>
    public string Text => _source.Text.Trim();

    /// <summary>Where the text starts in the pack file.</summary>
    public SourceLocation Location => _source.Start;

    /// <summary>The parsed tree; node offsets are offsets into the untrimmed text as the pack file holds it.</summary>
    public ConditionNode Root { get; }

    /// <summary>The file position of a node of <see cref="Root"/>.</summary>
    /// <param name="node">A node of this condition's tree.</param>
    public SourceLocation LocationOf(ConditionNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return _source.LocationAt(node.Start);
    }

    /// <summary>The trimmed text.</summary>
    public override string ToString() => Text;

    internal static ConditionView? From(ConditionSource? source, IReadOnlySet<string> parameterIds)
    {
        if (source is null) return null;
        var errors = new List<ExpressionError>();
        var node = Parser.Parse(source.Text, errors)
            ?? throw new InvalidOperationException($"A loaded condition did not parse at {source.Start}: {source.Text}");
        return new ConditionView(source, new ConditionTreeBuilder(parameterIds).Build(node));
    }
}

/// <summary>Turns the internal syntax tree into the public one.</summary>
internal sealed class ConditionTreeBuilder(IReadOnlySet<string> parameterIds)
{
    public ConditionNode Build(Ast.Node node)
    {
        ConditionNode built = node switch
        {
            Ast.LiteralNode l => new Literal(l.Value, l.Start, l.End),
            Ast.NameNode n => parameterIds.Contains(n.Name) ? new ParameterReference(n.Name, n.Start, n.End) : new FactReference(n.Name, n.Start, n.End),
            Ast.UnaryNode { Op: Ast.UnaryOp.Not } u => new NotCondition(Build(u.Operand), u.Start, u.End),
            Ast.UnaryNode u => new Negation(Build(u.Operand), u.Start, u.End),
            Ast.BinaryNode { Op: Ast.BinaryOp.And } b => new AndCondition(Flatten(b, Ast.BinaryOp.And), b.Start, b.End),
            Ast.BinaryNode { Op: Ast.BinaryOp.Or } b => new OrCondition(Flatten(b, Ast.BinaryOp.Or), b.Start, b.End),
            Ast.BinaryNode { Op: Ast.BinaryOp.Add or Ast.BinaryOp.Subtract or Ast.BinaryOp.Multiply or Ast.BinaryOp.Divide } b =>
                new Arithmetic(Build(b.Left), b.Op switch
                {
                    Ast.BinaryOp.Add => ArithmeticOperator.Add,
                    Ast.BinaryOp.Subtract => ArithmeticOperator.Subtract,
                    Ast.BinaryOp.Multiply => ArithmeticOperator.Multiply,
                    _ => ArithmeticOperator.Divide,
                }, Build(b.Right), b.Start, b.End),
            Ast.BinaryNode b => new Comparison(Build(b.Left), b.Op switch
            {
                Ast.BinaryOp.Equal => ComparisonOperator.Equal,
                Ast.BinaryOp.NotEqual => ComparisonOperator.NotEqual,
                Ast.BinaryOp.Less => ComparisonOperator.Less,
                Ast.BinaryOp.LessEqual => ComparisonOperator.LessOrEqual,
                Ast.BinaryOp.Greater => ComparisonOperator.Greater,
                _ => ComparisonOperator.GreaterOrEqual,
            }, Build(b.Right), b.Start, b.End),
            Ast.BetweenNode bt => new Between(Build(bt.Value), Build(bt.Low), Build(bt.High), bt.Start, bt.End),
            Ast.InNode i => new InList(Build(i.Value), i.Items.Select(Build).ToList(), i.Start, i.End),
            Ast.IfNode f => new IfThenElse(Build(f.Condition), Build(f.Then), Build(f.Else), f.Start, f.End),
            Ast.QuantifierNode q => new Quantifier(q.Kind switch
            {
                Ast.QuantifierKind.Any => QuantifierKind.Any,
                Ast.QuantifierKind.All => QuantifierKind.All,
                _ => QuantifierKind.No,
            }, q.Collection.Name, Build(q.Condition), q.Start, q.End),
            Ast.AggregateNode a => new Aggregate(a.Kind switch
            {
                Ast.AggregateKind.Count => AggregateKind.Count,
                Ast.AggregateKind.Sum => AggregateKind.Sum,
                Ast.AggregateKind.Min => AggregateKind.Min,
                _ => AggregateKind.Max,
            }, a.Value is null ? null : Build(a.Value), a.Collection.Name, a.Where is null ? null : Build(a.Where), a.Start, a.End),
            Ast.CallNode c => new FunctionCall(c.Name, c.Arguments.Select(Build).ToList(), c.Start, c.End),
            _ => throw new InvalidOperationException($"Unknown syntax node {node.GetType().Name}."),
        };
        built.Text = Ast.Printer.Print(node);
        return built;
    }

    private List<ConditionNode> Flatten(Ast.BinaryNode node, Ast.BinaryOp op)
    {
        var parts = new List<ConditionNode>();
        void Walk(Ast.Node n)
        {
            if (n is Ast.BinaryNode b && b.Op == op)
            {
                Walk(b.Left);
                Walk(b.Right);
            }
            else parts.Add(Build(n));
        }
        Walk(node);
        return parts;
    }
}
