using Doorbraak.Rules.Source;
using Doorbraak.Rules.Conditions.Parsing;
using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Conditions;
using Doorbraak.Rules.Conditions.Ast;

namespace Doorbraak.Rules.Conditions.Binding;

/// <summary>
/// Resolves names against the fact schema, parameters and functions, and type-checks. Reports
/// every problem it finds (not only the first) at the offset of the offending sub-expression.
/// </summary>
internal sealed class Binder
{
    /// <summary>The built-in function names; host functions cannot replace them.</summary>
    public static readonly IReadOnlyList<string> BuiltinNames =
        ["leeftijd", "leeftijd_op", "maanden_tussen", "dagen_tussen", "afronden", "abs", "bekend", "min", "max", "count", "sum"];

    public const string ReferenceDateName = "peildatum";

    private readonly ConditionEnvironment _env;
    private readonly string _text;
    private readonly List<ExpressionError> _errors;
    private readonly List<(int Id, EntitySchema Entity)> _scopes = new();
    private int _nextElementId = 1;

    public Binder(ConditionEnvironment env, string text, EntitySchema? scope, List<ExpressionError> errors)
    {
        _env = env;
        _text = text;
        _errors = errors;
        if (scope is not null) _scopes.Add((0, scope));
    }

    /// <summary>Binds the whole expression and checks it against <paramref name="expected"/> (null: any scalar).</summary>
    public Bound? BindTop(Node node, FactType? expected)
    {
        var b = Bind(node);
        if (b is null) return null;
        if (expected is null) return Scalar(b);
        b = Coerce(b, expected);
        if (!b.Type.Equals(expected))
        {
            if (b is BCollection) return Scalar(b);
            Error(DiagnosticCatalog.WrongResultType, b.Start, expected.Kind == FactKind.Boolean
                ? $"This expression gives {A(b.Type)}, but a condition (true or false) is needed here; compare it with something, as in {Snippet(b)} > 0."
                : $"This expression gives {A(b.Type)}, but {A(expected)} is needed here.");
            return null;
        }
        return b;
    }

    private void Error(DiagnosticDescriptor descriptor, int offset, string message) => _errors.Add(new ExpressionError(descriptor, offset, message));

    private string Snippet(Bound b) => Snippet(b.Start, b.End);

    private string Snippet(int start, int end)
    {
        var s = _text[start..end].Trim();
        return s.Length > 40 ? s[..37] + "..." : s;
    }

    internal static string A(FactType t) => t.Kind switch
    {
        FactKind.Boolean => "a boolean (true/false)",
        FactKind.Number => "a number",
        FactKind.Money => "an amount of money",
        FactKind.Date => "a date",
        FactKind.Duration => "a duration",
        FactKind.Text => "text",
        FactKind.Entity => $"an entity ({t.EntityName})",
        _ => $"a list of {t.EntityName}",
    };

    /// <summary>Rejects collections and entities where a value is needed.</summary>
    private Bound? Scalar(Bound? b)
    {
        if (b is BCollection c)
        {
            Error(DiagnosticCatalog.NotAValue, c.Start, $"'{Snippet(c)}' is a list of {c.Element.Name}, not a single value; use any/all/no ... where, count({Snippet(c)}) or sum(... of {Snippet(c)}).");
            return null;
        }
        return b;
    }

    private Bound? BindScalar(Node n) => Scalar(Bind(n));

    private static bool IsNumberLiteral(Bound b) =>
        b is BLiteral { Type.Kind: FactKind.Number } || b is BUnary { Op: UnaryOp.Negate, Operand: var o } && IsNumberLiteral(o);

    /// <summary>A number literal becomes money where money is needed (<c>huishouden.huur > 0</c>).</summary>
    private static Bound Coerce(Bound b, FactType target)
    {
        if (target.Kind != FactKind.Money || !IsNumberLiteral(b)) return b;
        return b switch
        {
            BLiteral l => new BLiteral(FactValue.Money(l.Value.AsDecimal), FactType.Money, l.Start, l.End),
            BUnary u => new BUnary(u.Op, Coerce(u.Operand, target), FactType.Money, u.Start),
            _ => b,
        };
    }

    private static void Unify(ref Bound a, ref Bound b)
    {
        a = Coerce(a, b.Type);
        b = Coerce(b, a.Type);
    }

    private static bool IsOrdered(FactType t) => t.Kind is FactKind.Number or FactKind.Money or FactKind.Date;

    private Bound? Bind(Node node)
    {
        switch (node)
        {
            case LiteralNode l:
                return new BLiteral(l.Value, TypeOf(l.Value), l.Start, l.End);
            case NameNode n:
                return Resolve(n);
            case UnaryNode u:
                return BindUnary(u);
            case BinaryNode b:
                return BindBinary(b);
            case BetweenNode bt:
                return BindBetween(bt);
            case InNode i:
                return BindIn(i);
            case IfNode f:
                return BindIf(f);
            case QuantifierNode q:
                return BindQuantifier(q);
            case AggregateNode a:
                return BindAggregate(a);
            case CallNode c:
                return BindCall(c);
            default:
                throw new InvalidOperationException("Unknown node " + node.GetType().Name);
        }
    }

    private static FactType TypeOf(FactValue v) => v.Kind switch
    {
        FactKind.Boolean => FactType.Boolean,
        FactKind.Number => FactType.Number,
        FactKind.Money => FactType.Money,
        FactKind.Date => FactType.Date,
        FactKind.Duration => FactType.Duration,
        _ => FactType.Text,
    };

    // ---- names ----

    private Bound? Resolve(NameNode n)
    {
        var name = n.Name;
        if (_env.Parameters.TryGetValue(name, out var parameter)) return new BParameter(parameter, n.Start, n.End);
        var segments = name.Split('.');
        var first = segments[0];
        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            if (_scopes[i].Entity.TryGetField(first, out var f))
                return FieldOf(new ElementRef(_scopes[i].Entity, _scopes[i].Id), f, n, segments, 1);
        }
        var schema = _env.Schema;
        if (first == ReferenceDateName && segments.Length == 1) return new BReferenceDate(n.Start, n.End);
        EntityRef? entity = null;
        if (first == FactSchema.HouseholdEntity) entity = new HouseholdRef(schema.Household);
        else if (FactSchema.RoleSelectors.Contains(first))
        {
            schema.Member.TryGetField("rol", out var roleField);
            schema.Household.TryGetField("leden", out var members);
            entity = new RoleRef(schema.Member, first, roleField, members);
        }
        else if (schema.Household.TryGetField(first, out var coll) && coll.Type.Kind == FactKind.List)
        {
            return FieldOf(new HouseholdRef(schema.Household), coll, n, segments, 1);
        }
        if (entity is null)
        {
            Error(DiagnosticCatalog.UnknownName, n.Start, $"Unknown name '{name}'{Suggest.Hint(name, NameCandidates(segments.Length > 1))}. Names are facts (huishouden.huur, aanvrager.leeftijd), collections (leden, schulden, voorzieningen), parameters or peildatum.");
            return null;
        }
        if (segments.Length == 1)
        {
            Error(DiagnosticCatalog.NotAValue, n.Start, $"'{first}' is {(entity is HouseholdRef ? "the household" : "a member")}, not a value; name one of its facts, as in {first}.{(entity is HouseholdRef ? "huur" : "leeftijd")}.");
            return null;
        }
        var offset = n.Start + first.Length + 1;
        if (!entity.Entity.TryGetField(segments[1], out var field))
        {
            Error(DiagnosticCatalog.UnknownMember, offset, $"{entity.Entity.Name} has no fact '{segments[1]}'{Suggest.Hint(segments[1], entity.Entity.Fields.Select(x => x.Name))}.");
            return null;
        }
        return FieldOf(entity, field, n, segments, 2);
    }

    private Bound? FieldOf(EntityRef source, FieldDefinition field, NameNode n, string[] segments, int used)
    {
        if (segments.Length > used)
        {
            var offset = n.Start + string.Join('.', segments.Take(used)).Length + 1;
            Error(DiagnosticCatalog.UnknownMember, offset, $"'{string.Join('.', segments.Take(used))}' is {A(field.Type)} and has no part '{segments[used]}'.");
            return null;
        }
        if (field.Type.Kind == FactKind.List)
            return new BCollection(source, field, _env.Schema.GetEntity(field.Type.EntityName!), n.Start, n.End);
        return new BField(source, field, n.Start, n.End);
    }

    private IEnumerable<string> NameCandidates(bool dotted)
    {
        var schema = _env.Schema;
        var list = new List<string>();
        foreach (var (_, entity) in _scopes) list.AddRange(entity.Fields.Select(f => f.Name));
        list.Add(ReferenceDateName);
        list.Add(FactSchema.HouseholdEntity);
        list.AddRange(FactSchema.RoleSelectors);
        list.AddRange(schema.Household.Fields.Where(f => f.Type.Kind == FactKind.List).Select(f => f.Name));
        if (dotted)
        {
            list.AddRange(schema.Household.Fields.Select(f => $"{FactSchema.HouseholdEntity}.{f.Name}"));
            foreach (var role in FactSchema.RoleSelectors) list.AddRange(schema.Member.Fields.Select(f => $"{role}.{f.Name}"));
        }
        list.AddRange(_env.Parameters.Keys);
        return list;
    }

    private BCollection? BindCollection(NameNode n, string construct)
    {
        var b = Resolve(n);
        if (b is null) return null;
        if (b is BCollection c) return c;
        Error(DiagnosticCatalog.NotACollection, n.Start, $"'{n.Name}' is {A(b.Type)}, not a collection; {construct} works on a collection such as leden, schulden or voorzieningen.");
        return null;
    }

    // ---- operators ----

    private Bound? BindUnary(UnaryNode u)
    {
        var operand = BindScalar(u.Operand);
        if (operand is null) return null;
        if (u.Op == UnaryOp.Not)
        {
            if (operand.Type.Kind != FactKind.Boolean)
            {
                Error(DiagnosticCatalog.TypeMismatch, operand.Start, $"'not' needs a condition (true or false), but '{Snippet(operand)}' is {A(operand.Type)}.");
                return null;
            }
            return new BUnary(UnaryOp.Not, operand, FactType.Boolean, u.Start);
        }
        if (operand.Type.Kind is not (FactKind.Number or FactKind.Money))
        {
            Error(DiagnosticCatalog.TypeMismatch, operand.Start, $"A minus sign needs a number or an amount of money, but '{Snippet(operand)}' is {A(operand.Type)}.");
            return null;
        }
        return new BUnary(UnaryOp.Negate, operand, operand.Type, u.Start);
    }

    private Bound? BindBinary(BinaryNode node)
    {
        var left = BindScalar(node.Left);
        var right = BindScalar(node.Right);
        if (left is null || right is null) return null;
        var op = node.Op;
        var opText = Printer.OpText(op);
        if (op is BinaryOp.And or BinaryOp.Or)
        {
            var ok = true;
            foreach (var side in new[] { left, right })
            {
                if (side.Type.Kind == FactKind.Boolean) continue;
                Error(DiagnosticCatalog.TypeMismatch, side.Start, $"'{opText}' joins conditions (true or false), but '{Snippet(side)}' is {A(side.Type)}.");
                ok = false;
            }
            return ok ? new BBinary(op, left, right, FactType.Boolean) : null;
        }
        if (op is not (BinaryOp.Multiply or BinaryOp.Divide)) Unify(ref left, ref right);
        var (l, r) = (left.Type.Kind, right.Type.Kind);
        FactType? result = null;
        string? hint = null;
        switch (op)
        {
            case BinaryOp.Equal or BinaryOp.NotEqual:
                if (l == r) result = FactType.Boolean;
                break;
            case BinaryOp.Less or BinaryOp.LessEqual or BinaryOp.Greater or BinaryOp.GreaterEqual:
                if (l == r && IsOrdered(left.Type)) result = FactType.Boolean;
                else if (l == r) hint = $" {Capital(A(left.Type))} can only be compared with = and !=.";
                break;
            case BinaryOp.Add:
                result = (l, r) switch
                {
                    (FactKind.Number, FactKind.Number) => FactType.Number,
                    (FactKind.Money, FactKind.Money) => FactType.Money,
                    (FactKind.Date, FactKind.Duration) or (FactKind.Duration, FactKind.Date) => FactType.Date,
                    (FactKind.Duration, FactKind.Duration) => FactType.Duration,
                    _ => null,
                };
                if (l == FactKind.Date && r == FactKind.Number) hint = " Add a duration instead, as in 30 days or P1M.";
                break;
            case BinaryOp.Subtract:
                result = (l, r) switch
                {
                    (FactKind.Number, FactKind.Number) => FactType.Number,
                    (FactKind.Money, FactKind.Money) => FactType.Money,
                    (FactKind.Date, FactKind.Duration) => FactType.Date,
                    (FactKind.Duration, FactKind.Duration) => FactType.Duration,
                    _ => null,
                };
                if (l == FactKind.Date && r == FactKind.Date) hint = " Use dagen_tussen(a, b) or maanden_tussen(a, b) for the time between two dates.";
                break;
            case BinaryOp.Multiply:
                result = (l, r) switch
                {
                    (FactKind.Number, FactKind.Number) => FactType.Number,
                    (FactKind.Money, FactKind.Number) or (FactKind.Number, FactKind.Money) => FactType.Money,
                    _ => null,
                };
                break;
            case BinaryOp.Divide:
                result = (l, r) switch
                {
                    (FactKind.Number, FactKind.Number) => FactType.Number,
                    (FactKind.Money, FactKind.Number) => FactType.Money,
                    (FactKind.Money, FactKind.Money) => FactType.Number,
                    _ => null,
                };
                break;
        }
        if (result is null)
        {
            var verb = op switch
            {
                BinaryOp.Add => "add",
                BinaryOp.Subtract => "subtract",
                BinaryOp.Multiply => "multiply",
                BinaryOp.Divide => "divide",
                _ => "compare",
            };
            var joiner = op switch { BinaryOp.Subtract => "from", BinaryOp.Multiply => "by", BinaryOp.Divide => "by", BinaryOp.Add => "to", _ => "with" };
            Error(DiagnosticCatalog.TypeMismatch, right.Start,
                op == BinaryOp.Subtract
                    ? $"Cannot subtract {A(right.Type)} ('{Snippet(right)}') from {A(left.Type)} ('{Snippet(left)}') with '-'.{hint}"
                    : $"Cannot {verb} {A(left.Type)} ('{Snippet(left)}') {joiner} {A(right.Type)} ('{Snippet(right)}') with '{opText}'.{hint}");
            return null;
        }
        if (op is BinaryOp.Less or BinaryOp.LessEqual or BinaryOp.Greater or BinaryOp.GreaterEqual or BinaryOp.Equal or BinaryOp.NotEqual && l == FactKind.Number)
        {
            // A person's age compared with an age that may have months (a parameter such as pw.aow_leeftijd, 67 years and
            // 3 months from 2028): compared exactly to the day, not in whole years. Whole-number literals stay as they are.
            if (AgeSource(left) is { } la && !IsWholeLiteral(right))
                return new BBinary(op, AgeCompare(la, left, right), Zero(right), FactType.Boolean);
            if (AgeSource(right) is { } ra && !IsWholeLiteral(left))
                return new BBinary(op, Zero(left), AgeCompare(ra, right, left), FactType.Boolean);
        }
        return new BBinary(op, left, right, result);
    }

    private static bool IsWholeLiteral(Bound b) => b is BLiteral { Value: var v } && !v.IsUnknown && v.AsDecimal == decimal.Truncate(v.AsDecimal);

    private static BLiteral Zero(Bound at) => new(FactValue.Number(0), FactType.Number, at.Start, at.End);

    private static BBuiltinCall AgeCompare((Bound Birth, Bound On) age, Bound ageSide, Bound other) =>
        new(BuiltinFunction.AgeCompare, [ageSide, age.Birth, age.On, other], FactType.Number, ageSide.Start, ageSide.End);

    /// <summary>For a person's age (the derived <c>leeftijd</c>, <c>leeftijd(x)</c> or <c>leeftijd_op(x, d)</c>): the birth date and the date it is taken on.</summary>
    private (Bound Birth, Bound On)? AgeSource(Bound b)
    {
        switch (b)
        {
            case BField f when HouseholdReader.IsDerived(f.Field) && f.Source.Entity.TryGetField(BuiltInFacts.BirthDate, out var born):
                return (new BField(f.Source, born, f.Start, f.End), new BReferenceDate(f.Start, f.End));
            case BBuiltinCall { Function: BuiltinFunction.Leeftijd } c:
                return (c.Arguments[0], new BReferenceDate(c.Start, c.End));
            case BBuiltinCall { Function: BuiltinFunction.LeeftijdOp } c:
                return (c.Arguments[0], c.Arguments[1]);
            default:
                return null;
        }
    }

    private static string Capital(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    private Bound? BindBetween(BetweenNode node)
    {
        var value = BindScalar(node.Value);
        var low = BindScalar(node.Low);
        var high = BindScalar(node.High);
        if (value is null || low is null || high is null) return null;
        var target = new[] { value, low, high }.Any(b => b.Type.Kind == FactKind.Money) ? FactType.Money : value.Type;
        value = Coerce(value, target);
        low = Coerce(low, target);
        high = Coerce(high, target);
        if (!IsOrdered(value.Type))
        {
            Error(DiagnosticCatalog.TypeMismatch, value.Start, $"'between' works on numbers, amounts and dates, but '{Snippet(value)}' is {A(value.Type)}.");
            return null;
        }
        foreach (var bound in new[] { low, high })
        {
            if (bound.Type.Equals(value.Type)) continue;
            Error(DiagnosticCatalog.TypeMismatch, bound.Start, $"Cannot compare {A(value.Type)} ('{Snippet(value)}') with {A(bound.Type)} ('{Snippet(bound)}') in 'between'.");
            return null;
        }
        return new BBetween(value, low, high);
    }

    private Bound? BindIn(InNode node)
    {
        var value = BindScalar(node.Value);
        var items = node.Items.Select(BindScalar).ToList();
        if (value is null || items.Any(i => i is null)) return null;
        var target = value.Type.Kind == FactKind.Money || items.Any(i => i!.Type.Kind == FactKind.Money) ? FactType.Money : value.Type;
        value = Coerce(value, target);
        var bound = new List<Bound>();
        var ok = true;
        foreach (var item in items)
        {
            var c = Coerce(item!, target);
            if (!c.Type.Equals(value.Type))
            {
                Error(DiagnosticCatalog.TypeMismatch, c.Start, $"'{Snippet(c)}' is {A(c.Type)}, but '{Snippet(value)}' is {A(value.Type)}; every value in the list after 'in' must have the same type.");
                ok = false;
            }
            bound.Add(c);
        }
        return ok ? new BIn(value, bound, node.End) : null;
    }

    private Bound? BindIf(IfNode node)
    {
        var c = BindScalar(node.Condition);
        var a = BindScalar(node.Then);
        var b = BindScalar(node.Else);
        if (c is null || a is null || b is null) return null;
        if (c.Type.Kind != FactKind.Boolean)
        {
            Error(DiagnosticCatalog.TypeMismatch, c.Start, $"The condition after 'if' must be true or false, but '{Snippet(c)}' is {A(c.Type)}.");
            return null;
        }
        Unify(ref a, ref b);
        if (!a.Type.Equals(b.Type))
        {
            Error(DiagnosticCatalog.TypeMismatch, b.Start, $"The 'else' value '{Snippet(b)}' is {A(b.Type)}, but the 'then' value '{Snippet(a)}' is {A(a.Type)}; both must have the same type.");
            return null;
        }
        return new BIf(c, a, b, node.Start);
    }

    private Bound? BindCondition(Node node, string construct)
    {
        var c = BindScalar(node);
        if (c is null) return null;
        if (c.Type.Kind != FactKind.Boolean)
        {
            Error(DiagnosticCatalog.TypeMismatch, c.Start, $"The condition after '{construct}' must be true or false, but '{Snippet(c)}' is {A(c.Type)}.");
            return null;
        }
        return c;
    }

    private Bound? BindQuantifier(QuantifierNode q)
    {
        var word = q.Kind.ToString().ToLowerInvariant();
        var coll = BindCollection(q.Collection, $"'{word}'");
        if (coll is null) return null;
        var id = _nextElementId++;
        _scopes.Add((id, coll.Element));
        var cond = BindCondition(q.Condition, "where");
        _scopes.RemoveAt(_scopes.Count - 1);
        return cond is null ? null : new BQuantifier(q.Kind, coll, id, cond, q.Start, q.End);
    }

    private Bound? BindAggregate(AggregateNode a)
    {
        var word = a.Kind.ToString().ToLowerInvariant();
        var coll = BindCollection(a.Collection, $"{word}(...)");
        if (coll is null) return null;
        var id = _nextElementId++;
        _scopes.Add((id, coll.Element));
        var value = a.Value is null ? null : BindScalar(a.Value);
        var where = a.Where is null ? null : BindCondition(a.Where, "where");
        _scopes.RemoveAt(_scopes.Count - 1);
        if ((a.Value is not null && value is null) || (a.Where is not null && where is null)) return null;
        FactType type = FactType.Number;
        if (value is not null)
        {
            var ok = a.Kind == AggregateKind.Sum
                ? value.Type.Kind is FactKind.Number or FactKind.Money
                : IsOrdered(value.Type);
            if (!ok)
            {
                Error(DiagnosticCatalog.TypeMismatch, value.Start, $"{word}(...) needs {(a.Kind == AggregateKind.Sum ? "numbers or amounts" : "numbers, amounts or dates")}, but '{Snippet(value)}' is {A(value.Type)}.");
                return null;
            }
            type = value.Type;
        }
        return new BAggregate(a.Kind, value, coll, id, where, type, a.Start, a.End);
    }

    // ---- functions ----

    private Bound? BindCall(CallNode c)
    {
        var builtin = c.Name switch
        {
            "leeftijd" => BuiltinFunction.Leeftijd,
            "leeftijd_op" => BuiltinFunction.LeeftijdOp,
            "maanden_tussen" => BuiltinFunction.MaandenTussen,
            "dagen_tussen" => BuiltinFunction.DagenTussen,
            "afronden" => BuiltinFunction.Afronden,
            "abs" => BuiltinFunction.Abs,
            "bekend" => BuiltinFunction.Bekend,
            "min" => BuiltinFunction.Min,
            "max" => BuiltinFunction.Max,
            _ => (BuiltinFunction?)null,
        };
        if (builtin is null && !_env.HostFunctions.TryGetValue(c.Name, out _))
        {
            Error(DiagnosticCatalog.UnknownFunction, c.Start, $"Unknown function '{c.Name}'{Suggest.Hint(c.Name, BuiltinNames.Concat(_env.HostFunctions.Keys))}. The functions are {string.Join(", ", BuiltinNames.Concat(_env.HostFunctions.Keys.Order(StringComparer.Ordinal)))}.");
            foreach (var a in c.Arguments) BindScalar(a);
            return null;
        }
        var args = c.Arguments.Select(BindScalar).ToList();
        if (args.Any(a => a is null)) return null;
        var bound = args.Select(a => a!).ToList();
        if (builtin is null) return BindHostCall(c, _env.HostFunctions[c.Name], bound);
        switch (builtin.Value)
        {
            case BuiltinFunction.Leeftijd:
                return Fixed(c, builtin.Value, bound, [FactType.Date], FactType.Number);
            case BuiltinFunction.LeeftijdOp or BuiltinFunction.MaandenTussen or BuiltinFunction.DagenTussen:
                return Fixed(c, builtin.Value, bound, [FactType.Date, FactType.Date], FactType.Number);
            case BuiltinFunction.Bekend:
                if (!Arity(c, bound, 1, "one fact")) return null;
                return new BBuiltinCall(builtin.Value, bound, FactType.Boolean, c.Start, c.End);
            case BuiltinFunction.Abs:
                if (!Arity(c, bound, 1, "a number or an amount")) return null;
                if (!NumberOrMoney(c, bound[0], 1)) return null;
                return new BBuiltinCall(builtin.Value, bound, bound[0].Type, c.Start, c.End);
            case BuiltinFunction.Afronden:
                if (!Arity(c, bound, 2, "a number or an amount, and the number of decimals")) return null;
                if (!NumberOrMoney(c, bound[0], 1)) return null;
                if (bound[1].Type.Kind != FactKind.Number)
                {
                    Error(DiagnosticCatalog.TypeMismatch, bound[1].Start, $"Argument 2 of afronden is the number of decimals and must be a number, but '{Snippet(bound[1])}' is {A(bound[1].Type)}.");
                    return null;
                }
                return new BBuiltinCall(builtin.Value, bound, bound[0].Type, c.Start, c.End);
            default: // min, max
                if (bound.Count < 2)
                {
                    Error(DiagnosticCatalog.WrongArgumentCount, c.Start, $"{c.Name}(...) needs at least 2 values, as in {c.Name}(a, b), or a collection, as in {c.Name}(inkomen of leden); it got {bound.Count}.");
                    return null;
                }
                var target = bound.Any(b => b.Type.Kind == FactKind.Money) ? FactType.Money : bound[0].Type;
                bound = bound.Select(b => Coerce(b, target)).ToList();
                if (!IsOrdered(bound[0].Type))
                {
                    Error(DiagnosticCatalog.TypeMismatch, bound[0].Start, $"{c.Name}(...) works on numbers, amounts or dates, but '{Snippet(bound[0])}' is {A(bound[0].Type)}.");
                    return null;
                }
                foreach (var b in bound)
                {
                    if (b.Type.Equals(bound[0].Type)) continue;
                    Error(DiagnosticCatalog.TypeMismatch, b.Start, $"All values of {c.Name}(...) must have the same type: '{Snippet(b)}' is {A(b.Type)}, '{Snippet(bound[0])}' is {A(bound[0].Type)}.");
                    return null;
                }
                return new BBuiltinCall(builtin.Value, bound, bound[0].Type, c.Start, c.End);
        }
    }

    private bool Arity(CallNode c, List<Bound> args, int count, string what)
    {
        if (args.Count == count) return true;
        Error(DiagnosticCatalog.WrongArgumentCount, c.Start, $"{c.Name}(...) takes {count} argument{(count == 1 ? "" : "s")} ({what}), not {args.Count}.");
        return false;
    }

    private bool NumberOrMoney(CallNode c, Bound b, int index)
    {
        if (b.Type.Kind is FactKind.Number or FactKind.Money) return true;
        Error(DiagnosticCatalog.TypeMismatch, b.Start, $"Argument {index} of {c.Name} must be a number or an amount, but '{Snippet(b)}' is {A(b.Type)}.");
        return false;
    }

    private BBuiltinCall? Fixed(CallNode c, BuiltinFunction f, List<Bound> args, FactType[] types, FactType result)
    {
        if (!Arity(c, args, types.Length, string.Join(", ", types.Select(t => t.ToString())))) return null;
        if (!CheckArguments(c, args, types)) return null;
        return new BBuiltinCall(f, args, result, c.Start, c.End);
    }

    private bool CheckArguments(CallNode c, List<Bound> args, IReadOnlyList<FactType> types)
    {
        var ok = true;
        for (var i = 0; i < args.Count; i++)
        {
            args[i] = Coerce(args[i], types[i]);
            if (args[i].Type.Equals(types[i])) continue;
            Error(DiagnosticCatalog.TypeMismatch, args[i].Start, $"Argument {i + 1} of {c.Name} must be {A(types[i])}, but '{Snippet(args[i])}' is {A(args[i].Type)}.");
            ok = false;
        }
        return ok;
    }

    private Bound? BindHostCall(CallNode c, IConditionFunction f, List<Bound> args)
    {
        if (!f.ReturnType.IsScalar || f.ParameterTypes.Any(t => !t.IsScalar))
        {
            Error(DiagnosticCatalog.HostFunctionNotScalar, c.Start, $"The host function '{c.Name}' is registered with a non-scalar type; host functions take and return only boolean, number, money, date, duration or text.");
            return null;
        }
        if (!Arity(c, args, f.ParameterTypes.Count, string.Join(", ", f.ParameterTypes.Select(t => t.ToString())))) return null;
        if (!CheckArguments(c, args, f.ParameterTypes)) return null;
        return new BHostCall(f, args, c.Start, c.End);
    }
}
