using Doorbraak.Rules.Source;
using Doorbraak.Rules.Conditions.Ast;

namespace Doorbraak.Rules.Conditions.Parsing;

/// <summary>
/// Recursive-descent parser. Recursion happens only for brackets, <c>if</c> and quantifiers, whose
/// nesting <see cref="CheckLimits"/> bounds on the token list before parsing starts; operator chains
/// and prefix operators are parsed with loops.
/// </summary>
internal sealed class Parser
{
    public const int MaxLength = 4096;
    public const int MaxDepth = 32;

    private static readonly Dictionary<string, (int Months, int Days)> DurationWords = new(StringComparer.Ordinal)
    {
        ["day"] = (0, 1), ["days"] = (0, 1), ["dag"] = (0, 1), ["dagen"] = (0, 1),
        ["week"] = (0, 7), ["weeks"] = (0, 7), ["weken"] = (0, 7),
        ["month"] = (1, 0), ["months"] = (1, 0), ["maand"] = (1, 0), ["maanden"] = (1, 0),
        ["year"] = (12, 0), ["years"] = (12, 0), ["jaar"] = (12, 0), ["jaren"] = (12, 0),
    };

    private readonly List<Token> _tokens;
    private int _pos;

    private Parser(List<Token> tokens) => _tokens = tokens;

    private sealed class ParseError(ExpressionError error) : Exception(error.Message)
    {
        public ExpressionError Error { get; } = error;
    }

    /// <summary>Tokenizes, checks the limits and parses. Returns null and adds errors on failure.</summary>
    public static Node? Parse(string text, List<ExpressionError> errors)
    {
        if (text.Length > MaxLength)
        {
            errors.Add(new(DiagnosticCatalog.ExpressionTooLong, MaxLength, $"The expression is {text.Length} characters long; the limit is {MaxLength}. Split it into smaller rules or facts."));
            return null;
        }
        var count = errors.Count;
        var tokens = Tokenizer.Tokenize(text, errors);
        if (errors.Count > count) return null;
        if (tokens.Count == 1)
        {
            errors.Add(new(DiagnosticCatalog.EmptyExpression, 0, "The expression is empty; write a condition or a value."));
            return null;
        }
        if (!CheckLimits(tokens, errors)) return null;
        var parser = new Parser(tokens);
        try
        {
            var node = parser.Expression();
            var next = parser.Peek;
            if (next.Kind != TokenKind.End)
            {
                var hint = next.Kind switch
                {
                    TokenKind.RParen or TokenKind.RBracket => " There is no opening bracket for it.",
                    TokenKind.Equal or TokenKind.NotEqual or TokenKind.Less or TokenKind.LessEqual or TokenKind.Greater or TokenKind.GreaterEqual or TokenKind.Between or TokenKind.In
                        => " Comparisons cannot be chained; join them with 'and'.",
                    _ => " Expected an operator or the end of the expression.",
                };
                throw Error(next.Start, $"Unexpected {next.Describe()}.{hint}");
            }
            return node;
        }
        catch (ParseError e)
        {
            errors.Add(e.Error);
            return null;
        }
    }

    /// <summary>
    /// Nesting depth on the token list: every open bracket counts one, and every <c>if</c>,
    /// <c>any</c>, <c>all</c> and <c>no</c> counts one until the bracket it is in closes.
    /// </summary>
    internal static bool CheckLimits(List<Token> tokens, List<ExpressionError> errors)
    {
        var stack = new Stack<int>();
        var depth = 0;
        foreach (var t in tokens)
        {
            switch (t.Kind)
            {
                case TokenKind.LParen or TokenKind.LBracket:
                    stack.Push(depth);
                    depth++;
                    break;
                case TokenKind.RParen or TokenKind.RBracket:
                    if (stack.Count > 0) depth = stack.Pop();
                    continue;
                case TokenKind.If or TokenKind.Any or TokenKind.All or TokenKind.No:
                    depth++;
                    break;
                default:
                    continue;
            }
            if (depth > MaxDepth)
            {
                errors.Add(new(DiagnosticCatalog.ExpressionTooDeep, t.Start, $"The expression is nested more than {MaxDepth} levels deep (brackets, if, any, all, no); simplify it or split it up."));
                return false;
            }
        }
        return true;
    }

    private Token Peek => _tokens[_pos];

    private Token Advance() => _tokens[_pos++];

    private static ParseError Error(int offset, string message) => new(new ExpressionError(DiagnosticCatalog.SyntaxError, offset, message));

    private Token Expect(TokenKind kind, string what)
    {
        var t = Peek;
        if (t.Kind != kind) throw Error(t.Start, $"Expected {what}, but found {t.Describe()}.");
        return Advance();
    }

    private Node Expression() => Or();

    private Node Or()
    {
        var left = And();
        while (Peek.Kind == TokenKind.Or)
        {
            var op = Advance();
            left = new BinaryNode(BinaryOp.Or, left, And(), op.Start);
        }
        return left;
    }

    private Node And()
    {
        var left = Not();
        while (Peek.Kind == TokenKind.And)
        {
            var op = Advance();
            left = new BinaryNode(BinaryOp.And, left, Not(), op.Start);
        }
        return left;
    }

    private Node Not()
    {
        var starts = new List<int>();
        while (Peek.Kind == TokenKind.Not) starts.Add(Advance().Start);
        var node = Comparison();
        for (var i = starts.Count - 1; i >= 0; i--) node = new UnaryNode(UnaryOp.Not, node, starts[i]);
        return node;
    }

    private Node Comparison()
    {
        var left = Additive();
        var t = Peek;
        BinaryOp? op = t.Kind switch
        {
            TokenKind.Equal => BinaryOp.Equal,
            TokenKind.NotEqual => BinaryOp.NotEqual,
            TokenKind.Less => BinaryOp.Less,
            TokenKind.LessEqual => BinaryOp.LessEqual,
            TokenKind.Greater => BinaryOp.Greater,
            TokenKind.GreaterEqual => BinaryOp.GreaterEqual,
            _ => null,
        };
        if (op is not null)
        {
            Advance();
            return new BinaryNode(op.Value, left, Additive(), t.Start);
        }
        if (t.Kind == TokenKind.Between)
        {
            Advance();
            var low = Additive();
            Expect(TokenKind.And, "'and' between the two bounds of 'between'");
            return new BetweenNode(left, low, Additive());
        }
        if (t.Kind == TokenKind.In)
        {
            Advance();
            Expect(TokenKind.LBracket, "'[' to start the list after 'in', as in x in [\"a\", \"b\"]");
            var items = new List<Node>();
            if (Peek.Kind == TokenKind.RBracket) throw Error(Peek.Start, "The list after 'in' is empty; name at least one value.");
            items.Add(Expression());
            while (Peek.Kind == TokenKind.Comma)
            {
                Advance();
                items.Add(Expression());
            }
            var close = Expect(TokenKind.RBracket, "',' or ']' in the list after 'in'");
            return new InNode(left, items, close.End);
        }
        return left;
    }

    private Node Additive()
    {
        var left = Multiplicative();
        while (Peek.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance();
            left = new BinaryNode(op.Kind == TokenKind.Plus ? BinaryOp.Add : BinaryOp.Subtract, left, Multiplicative(), op.Start);
        }
        return left;
    }

    private Node Multiplicative()
    {
        var left = Negation();
        while (Peek.Kind is TokenKind.Star or TokenKind.Slash)
        {
            var op = Advance();
            left = new BinaryNode(op.Kind == TokenKind.Star ? BinaryOp.Multiply : BinaryOp.Divide, left, Negation(), op.Start);
        }
        return left;
    }

    private Node Negation()
    {
        var starts = new List<int>();
        while (Peek.Kind == TokenKind.Minus) starts.Add(Advance().Start);
        var node = Primary();
        for (var i = starts.Count - 1; i >= 0; i--) node = new UnaryNode(UnaryOp.Negate, node, starts[i]);
        return node;
    }

    private Node Primary()
    {
        var t = Peek;
        switch (t.Kind)
        {
            case TokenKind.Number:
                Advance();
                if (Peek.Kind == TokenKind.Identifier && DurationWords.TryGetValue(Peek.Text, out var unit))
                {
                    var word = Advance();
                    var n = t.Value.AsDecimal;
                    if (n != decimal.Truncate(n) || n > 9999)
                        throw Error(t.Start, $"A duration needs a whole number of at most 9999, not {t.Text}.");
                    var k = (int)n;
                    return new LiteralNode(FactValue.Duration(k * unit.Months, k * unit.Days), t.Start, word.End);
                }
                return new LiteralNode(t.Value, t.Start, t.End);
            case TokenKind.Date or TokenKind.Duration or TokenKind.Text:
                Advance();
                return new LiteralNode(t.Value, t.Start, t.End);
            case TokenKind.True or TokenKind.False:
                Advance();
                return new LiteralNode(FactValue.Bool(t.Kind == TokenKind.True), t.Start, t.End);
            case TokenKind.Euro:
                Advance();
                return Money(t);
            case TokenKind.Identifier when t.Text == "EUR" && _tokens[_pos + 1].Kind == TokenKind.Number:
                Advance();
                return Money(t);
            case TokenKind.Identifier:
                Advance();
                if (Peek.Kind == TokenKind.LParen) return Call(t);
                return new NameNode(t.Text, t.Start);
            case TokenKind.LParen:
                Advance();
                var inner = Expression();
                Expect(TokenKind.RParen, "')' to close the '(' opened before");
                return inner;
            case TokenKind.If:
                Advance();
                var c = Expression();
                Expect(TokenKind.Then, "'then' after the condition of 'if'");
                var a = Expression();
                Expect(TokenKind.Else, "'else' after the 'then' value; an 'if' always needs both values");
                var b = Expression();
                return new IfNode(c, a, b, t.Start);
            case TokenKind.Any or TokenKind.All or TokenKind.No:
                Advance();
                var coll = CollectionName(t.Text);
                Expect(TokenKind.Where, $"'where' after '{t.Text} {coll.Name}', as in {t.Text} leden where leeftijd >= 18");
                var cond = Expression();
                var kind = t.Kind switch { TokenKind.Any => QuantifierKind.Any, TokenKind.All => QuantifierKind.All, _ => QuantifierKind.No };
                return new QuantifierNode(kind, coll, cond, t.Start);
            case TokenKind.End:
                throw Error(t.Start, "The expression ends too early; a value or name is missing.");
            default:
                throw Error(t.Start, $"Unexpected {t.Describe()}; expected a value, a name or '('.");
        }
    }

    private LiteralNode Money(Token currency)
    {
        var n = Peek;
        if (n.Kind != TokenKind.Number) throw Error(n.Start, $"Expected an amount after '{currency.Text}', as in € 1401.50.");
        Advance();
        return new LiteralNode(FactValue.Money(n.Value.AsDecimal), currency.Start, n.End);
    }

    private NameNode CollectionName(string after)
    {
        var t = Peek;
        if (t.Kind != TokenKind.Identifier) throw Error(t.Start, $"Expected a collection (leden, schulden, voorzieningen) after '{after}', but found {t.Describe()}.");
        Advance();
        return new NameNode(t.Text, t.Start);
    }

    private Node Call(Token name)
    {
        Advance(); // (
        var args = new List<Node>();
        AggregateKind? aggregate = name.Text switch
        {
            "count" => AggregateKind.Count,
            "sum" => AggregateKind.Sum,
            "min" => AggregateKind.Min,
            "max" => AggregateKind.Max,
            _ => null,
        };
        if (aggregate == AggregateKind.Count)
        {
            var coll = CollectionName("count(");
            Node? where = null;
            if (Peek.Kind == TokenKind.Where)
            {
                Advance();
                where = Expression();
            }
            var close = Expect(TokenKind.RParen, "')' or 'where' in count(...)");
            return new AggregateNode(AggregateKind.Count, null, coll, where, name.Start, close.End);
        }
        if (Peek.Kind != TokenKind.RParen)
        {
            args.Add(Expression());
            if (aggregate is not null && Peek.Kind == TokenKind.Of)
            {
                Advance();
                var coll = CollectionName("of");
                Node? where = null;
                if (Peek.Kind == TokenKind.Where)
                {
                    Advance();
                    where = Expression();
                }
                var close = Expect(TokenKind.RParen, $"')' or 'where' in {name.Text}(...)");
                return new AggregateNode(aggregate.Value, args[0], coll, where, name.Start, close.End);
            }
            if (aggregate == AggregateKind.Sum)
                throw Error(Peek.Start, "Expected 'of' in sum(...); write sum(bedrag of schulden) or sum(bedrag of schulden where ...).");
            while (Peek.Kind == TokenKind.Comma)
            {
                Advance();
                args.Add(Expression());
            }
        }
        var end = Expect(TokenKind.RParen, $"',' or ')' in the call of {name.Text}");
        return new CallNode(name.Text, args, name.Start, end.End);
    }
}
