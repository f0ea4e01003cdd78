using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Conditions.Ast;
using Doorbraak.Rules.Wording;
using static Doorbraak.Rules.Tests.Conditions.TestWorld;

namespace Doorbraak.Rules.Tests.Conditions;

/// <summary>Random well-typed syntax trees and random households (with unknowns) for the property tests.</summary>
internal sealed class RandomExpressions(Random rng)
{
    private static readonly string[] Texts = ["bijstand", "ww", "geen", "aanvrager", "huur", "a \"b\" \\ c", ""];
    private static readonly decimal[] Decimals = [0m, 1m, 1.5m, 2m, 18m, 27m, 55m, 100m, 780m, 1401.50m, 0.25m];
    private static readonly string[] Dates = ["2024-02-29", "2026-01-31", "2026-03-01", "2025-12-31", "1970-05-12", "1997-09-03", "2026-04-15"];
    private readonly List<string> _scopes = new(); // entity names of the enclosing quantifiers, innermost last

    private T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private bool Chance(int percent) => rng.Next(100) < percent;

    private static LiteralNode Lit(FactValue v) => new(v, 0, 0);

    private static NameNode Name(string n) => new(n, 0);

    public Node Generate(FactKind kind, int depth)
    {
        if (depth <= 0 || Chance(25)) return Leaf(kind);
        var d = depth - 1;
        switch (kind)
        {
            case FactKind.Boolean:
                switch (rng.Next(12))
                {
                    case 0: return new BinaryNode(BinaryOp.And, Generate(kind, d), Generate(kind, d), 0);
                    case 1: return new BinaryNode(BinaryOp.Or, Generate(kind, d), Generate(kind, d), 0);
                    case 2: return new UnaryNode(UnaryOp.Not, Generate(kind, d), 0);
                    case 3:
                    {
                        var k = Pick([FactKind.Number, FactKind.Money, FactKind.Date]);
                        return new BinaryNode(Pick([BinaryOp.Less, BinaryOp.LessEqual, BinaryOp.Greater, BinaryOp.GreaterEqual, BinaryOp.Equal, BinaryOp.NotEqual]), Generate(k, d), Generate(k, d), 0);
                    }
                    case 4:
                    {
                        var k = Pick([FactKind.Text, FactKind.Boolean, FactKind.Duration]);
                        return new BinaryNode(Pick([BinaryOp.Equal, BinaryOp.NotEqual]), Generate(k, d), Generate(k, d), 0);
                    }
                    case 5:
                    {
                        var k = Pick([FactKind.Number, FactKind.Money, FactKind.Date]);
                        return new BetweenNode(Generate(k, d), Generate(k, d), Generate(k, d));
                    }
                    case 6:
                    {
                        var k = Pick([FactKind.Number, FactKind.Text]);
                        return new InNode(Generate(k, d), Enumerable.Range(0, rng.Next(1, 4)).Select(_ => Generate(k, d)).ToList(), 0);
                    }
                    case 7: return If(kind, d);
                    case 8 or 9:
                    {
                        var (coll, entity) = Collection();
                        _scopes.Add(entity);
                        var cond = Generate(FactKind.Boolean, d);
                        _scopes.RemoveAt(_scopes.Count - 1);
                        return new QuantifierNode(Pick([QuantifierKind.Any, QuantifierKind.All, QuantifierKind.No]), Name(coll), cond, 0);
                    }
                    case 10: return new CallNode("bekend", [Generate(Pick([FactKind.Number, FactKind.Money, FactKind.Boolean]), d)], 0, 0);
                    default: return Leaf(kind);
                }
            case FactKind.Number:
                switch (rng.Next(12))
                {
                    case 0: return new BinaryNode(Pick([BinaryOp.Add, BinaryOp.Subtract, BinaryOp.Multiply, BinaryOp.Divide]), Generate(kind, d), Generate(kind, d), 0);
                    case 1: return new BinaryNode(BinaryOp.Divide, Generate(FactKind.Money, d), Generate(FactKind.Money, d), 0);
                    case 2: return new UnaryNode(UnaryOp.Negate, Generate(kind, d), 0);
                    case 3: return Aggregate(kind, d);
                    case 4: return new CallNode(Pick(["min", "max"]), Enumerable.Range(0, rng.Next(2, 4)).Select(_ => Generate(kind, d)).ToList(), 0, 0);
                    case 5: return new CallNode("leeftijd", [Generate(FactKind.Date, d)], 0, 0);
                    case 6: return new CallNode(Pick(["maanden_tussen", "dagen_tussen", "leeftijd_op"]), [Generate(FactKind.Date, d), Generate(FactKind.Date, d)], 0, 0);
                    case 7: return new CallNode("afronden", [Generate(kind, d), Lit(FactValue.Number(rng.Next(0, 3)))], 0, 0);
                    case 8: return new CallNode("abs", [Generate(kind, d)], 0, 0);
                    case 9: return If(kind, d);
                    default: return Leaf(kind);
                }
            case FactKind.Money:
                switch (rng.Next(11))
                {
                    case 0: return new BinaryNode(Pick([BinaryOp.Add, BinaryOp.Subtract]), Generate(kind, d), Generate(kind, d), 0);
                    case 1: return Chance(50)
                        ? new BinaryNode(BinaryOp.Multiply, Generate(kind, d), Generate(FactKind.Number, d), 0)
                        : new BinaryNode(BinaryOp.Multiply, Generate(FactKind.Number, d), Generate(kind, d), 0);
                    case 2: return new BinaryNode(BinaryOp.Divide, Generate(kind, d), Generate(FactKind.Number, d), 0);
                    case 3: return new UnaryNode(UnaryOp.Negate, Generate(kind, d), 0);
                    case 4: return Aggregate(kind, d);
                    case 5: return new CallNode(Pick(["min", "max"]), Enumerable.Range(0, rng.Next(2, 4)).Select(_ => Generate(kind, d)).ToList(), 0, 0);
                    case 6: return new CallNode(Pick(["abs", "halveer"]), [Generate(kind, d)], 0, 0);
                    case 7: return new CallNode("afronden", [Generate(kind, d), Lit(FactValue.Number(rng.Next(0, 3)))], 0, 0);
                    case 8: return If(kind, d);
                    default: return Leaf(kind);
                }
            case FactKind.Date:
                switch (rng.Next(6))
                {
                    case 0: return new BinaryNode(Pick([BinaryOp.Add, BinaryOp.Subtract]), Generate(kind, d), Generate(FactKind.Duration, d), 0);
                    case 1: return new BinaryNode(BinaryOp.Add, Generate(FactKind.Duration, d), Generate(kind, d), 0);
                    case 2: return new CallNode(Pick(["min", "max"]), [Generate(kind, d), Generate(kind, d)], 0, 0);
                    case 3: return Aggregate(kind, d);
                    case 4: return If(kind, d);
                    default: return Leaf(kind);
                }
            case FactKind.Duration:
                return rng.Next(3) == 0 ? new BinaryNode(Pick([BinaryOp.Add, BinaryOp.Subtract]), Generate(kind, d), Generate(kind, d), 0) : Leaf(kind);
            default:
                return rng.Next(4) == 0 ? If(kind, d) : Leaf(kind);
        }
    }

    private IfNode If(FactKind kind, int d) => new(Generate(FactKind.Boolean, d), Generate(kind, d), Generate(kind, d), 0);

    private (string Collection, string Entity) Collection() => Chance(60) ? ("leden", "lid") : ("schulden", "schuld");

    private AggregateNode Aggregate(FactKind kind, int d)
    {
        var (coll, entity) = kind == FactKind.Money ? Collection() : ("leden", "lid");
        _scopes.Add(entity);
        Node? value = kind switch
        {
            FactKind.Money => Name(entity == "lid" ? "inkomen" : "bedrag"),
            FactKind.Date => Name("geboren"),
            _ => Chance(50) ? null : Name("leeftijd"),
        };
        if (value is not null && Chance(30)) value = Generate(kind, d);
        var kindOf = value is null ? AggregateKind.Count : kind == FactKind.Date ? Pick([AggregateKind.Min, AggregateKind.Max]) : Pick([AggregateKind.Sum, AggregateKind.Min, AggregateKind.Max]);
        var where = Chance(60) ? Generate(FactKind.Boolean, d) : null;
        _scopes.RemoveAt(_scopes.Count - 1);
        return new AggregateNode(kindOf, value, Name(coll), where, 0, 0);
    }

    private Node Leaf(FactKind kind)
    {
        var scope = _scopes.Count > 0 ? _scopes[^1] : null;
        var names = new List<string>();
        switch (kind)
        {
            case FactKind.Boolean:
                names.AddRange(["huishouden.ontruiming_aangezegd", "aanvrager.student", "partner.werkt"]);
                if (scope == "lid") names.AddRange(["student", "werkt"]);
                if (scope == "schuld") names.Add("fraude");
                if (Chance(30)) return Lit(FactValue.Bool(Chance(50)));
                break;
            case FactKind.Number:
                names.AddRange(["huishouden.huurachterstand_maanden", "aanvrager.leeftijd", "pw.kostendeler.leeftijd"]);
                if (scope == "lid") names.Add("leeftijd");
                if (Chance(40)) return Lit(FactValue.Number(Pick(Decimals)));
                break;
            case FactKind.Money:
                names.AddRange(["huishouden.huur", "huishouden.vermogen", "partner.inkomen", "pw.norm.alleenstaande"]);
                if (scope == "lid") names.Add("inkomen");
                if (scope == "schuld") names.Add("bedrag");
                if (Chance(40)) return Lit(FactValue.Money(Pick(Decimals)));
                break;
            case FactKind.Date:
                names.AddRange(["peildatum", "huishouden.ontruimingsdatum", "aanvrager.geboren", "pw.kostendelers.ingang"]);
                if (scope == "lid") names.Add("geboren");
                if (Chance(40)) return Lit(D(Pick(Dates)));
                break;
            case FactKind.Duration:
                return Lit(Chance(50) ? FactValue.Duration(rng.Next(0, 25), 0) : FactValue.Duration(rng.Next(0, 3), rng.Next(0, 40)));
            default:
                names.AddRange(["aanvrager.uitkering", "huishouden.gemeente"]);
                if (scope == "lid") names.Add("uitkering");
                if (scope == "schuld") names.Add("soort");
                if (Chance(50)) return Lit(FactValue.Text(Pick(Texts)));
                break;
        }
        return Name(Pick(names));
    }

    private FactValue Maybe(FactValue v) => Chance(25) ? FactValue.Unknown : v;

    /// <summary>A random household: 0-3 members with random roles, 0-3 debts, any fact possibly unknown.</summary>
    public EntityInstance Household()
    {
        var s = TestSchema;
        var h = Entity(s.Household, "huishouden",
            ("huur", Maybe(M(Pick(Decimals)))), ("vermogen", Maybe(M(Pick(Decimals)))), ("huurachterstand_maanden", Maybe(N(Pick(Decimals)))),
            ("ontruiming_aangezegd", Maybe(B(Chance(50)))), ("ontruimingsdatum", Maybe(D(Pick(Dates)))), ("gemeente", Maybe(T(Pick(Texts)))));
        h.Collections[Field(s.Household, "leden").Slot] = Enumerable.Range(0, rng.Next(4)).Select(i => Entity(s.Member, $"leden[{i}]",
            ("rol", Maybe(T(Pick(["aanvrager", "partner", "kind"])))), ("leeftijd", Maybe(N(Pick(Decimals)))), ("inkomen", Maybe(M(Pick(Decimals)))),
            ("geboren", Maybe(D(Pick(Dates)))), ("student", Maybe(B(Chance(50)))), ("werkt", Maybe(B(Chance(50)))), ("uitkering", Maybe(T(Pick(Texts)))))).ToArray();
        h.Collections[Field(s.Household, "schulden").Slot] = Enumerable.Range(0, rng.Next(4)).Select(i => Entity(s.Debt, $"schulden[{i}]",
            ("bedrag", Maybe(M(Pick(Decimals)))), ("fraude", Maybe(B(Chance(50)))), ("soort", Maybe(T(Pick(Texts)))))).ToArray();
        return h;
    }

    public FactValue[] ParameterValues()
    {
        var p = TestWorld.ParameterValues();
        for (var i = 0; i < p.Length; i++) p[i] = Maybe(p[i]);
        return p;
    }
}
