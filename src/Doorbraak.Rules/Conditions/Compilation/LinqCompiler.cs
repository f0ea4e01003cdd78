using System.Linq.Expressions;
using System.Reflection;
using Doorbraak.Rules.Conditions.Ast;
using Doorbraak.Rules.Conditions.Binding;
using Doorbraak.Rules.Conditions.Runtime;
using Doorbraak.Rules.Facts;
using LX = System.Linq.Expressions.Expression;

namespace Doorbraak.Rules.Conditions.Compilation;

/// <summary>
/// Lowers a bound tree to one System.Linq.Expressions lambda and compiles it. Every call goes to a
/// method of <see cref="Ops"/> chosen here by the compiler, never by name from the expression text.
/// </summary>
internal sealed class LinqCompiler
{
    private static readonly Dictionary<string, MethodInfo> OpsMethods = typeof(Ops)
        .GetMethods(BindingFlags.Public | BindingFlags.Static)
        .GroupBy(m => m.Name + "/" + m.GetParameters().Length)
        .ToDictionary(g => g.Key, g => g.Single());

    private static readonly PropertyInfo HouseholdProperty = typeof(EvaluationFrame).GetProperty(nameof(EvaluationFrame.Household))!;
    private static readonly PropertyInfo IsTrueProperty = typeof(FactValue).GetProperty(nameof(FactValue.IsTrue))!;
    private static readonly PropertyInfo IsFalseProperty = typeof(FactValue).GetProperty(nameof(FactValue.IsFalse))!;
    private static readonly LX UnknownValue = LX.Constant(FactValue.Unknown, typeof(FactValue));
    private static readonly LX TrueValue = LX.Constant(FactValue.True, typeof(FactValue));
    private static readonly LX FalseValue = LX.Constant(FactValue.False, typeof(FactValue));

    private readonly ParameterExpression _frame = LX.Parameter(typeof(EvaluationFrame), "frame");
    private readonly ParameterExpression _scope = LX.Parameter(typeof(EntityInstance), "scope");
    private readonly Dictionary<int, ParameterExpression> _elements = new();

    private LinqCompiler() => _elements[0] = _scope;

    public static Func<EvaluationFrame, EntityInstance?, FactValue> Compile(Bound bound)
    {
        var c = new LinqCompiler();
        var body = c.Lower(bound);
        return LX.Lambda<Func<EvaluationFrame, EntityInstance?, FactValue>>(body, c._frame, c._scope).Compile();
    }

    private static MethodInfo Op(string name, int arity) => OpsMethods[name + "/" + arity];

    private static LX Call(string name, params LX[] args) => LX.Call(Op(name, args.Length), args);

    private LX Lower(Bound b)
    {
        switch (b)
        {
            case BLiteral l:
                return LX.Constant(l.Value, typeof(FactValue));
            case BField f:
                return Call(nameof(Ops.Read), _frame, Entity(f.Source), LX.Constant(f.Field));
            case BParameter p:
                return Call(nameof(Ops.Parameter), _frame, LX.Constant(p.Parameter.Slot), LX.Constant(p.Parameter.Type.Kind));
            case BReferenceDate:
                return Call(nameof(Ops.ReferenceDate), _frame);
            case BUnary u:
                return Call(u.Op == UnaryOp.Not ? nameof(Ops.Not) : nameof(Ops.Negate), Lower(u.Operand));
            case BBinary { Op: BinaryOp.And } and:
                return ShortCircuit(and, IsFalseProperty, FalseValue, nameof(Ops.And));
            case BBinary { Op: BinaryOp.Or } or:
                return ShortCircuit(or, IsTrueProperty, TrueValue, nameof(Ops.Or));
            case BBinary bin:
                return Call(bin.Op switch
                {
                    BinaryOp.Equal => nameof(Ops.Equal),
                    BinaryOp.NotEqual => nameof(Ops.NotEqual),
                    BinaryOp.Less => nameof(Ops.Less),
                    BinaryOp.LessEqual => nameof(Ops.LessEqual),
                    BinaryOp.Greater => nameof(Ops.Greater),
                    BinaryOp.GreaterEqual => nameof(Ops.GreaterEqual),
                    BinaryOp.Add => nameof(Ops.Add),
                    BinaryOp.Subtract => nameof(Ops.Subtract),
                    BinaryOp.Multiply => nameof(Ops.Multiply),
                    _ => nameof(Ops.Divide),
                }, Lower(bin.Left), Lower(bin.Right));
            case BBetween bt:
                return Call(nameof(Ops.Between), Lower(bt.Value), Lower(bt.Low), Lower(bt.High));
            case BIn i:
                return Call(nameof(Ops.In), Lower(i.Value), Values(i.Items));
            case BIf f:
            {
                var c = LX.Variable(typeof(FactValue), "c");
                return LX.Block(typeof(FactValue), [c],
                    LX.Assign(c, Lower(f.Condition)),
                    LX.Condition(LX.Property(c, IsTrueProperty), Lower(f.Then),
                        LX.Condition(LX.Property(c, IsFalseProperty), Lower(f.Else), UnknownValue)));
            }
            case BQuantifier q:
                return Call(q.Kind switch { QuantifierKind.Any => nameof(Ops.Any), QuantifierKind.All => nameof(Ops.All), _ => nameof(Ops.No) },
                    Items(q.Collection), Element(q.ElementId, q.Condition)!);
            case BAggregate a:
            {
                var items = Items(a.Collection);
                var where = a.Where is null ? LX.Constant(null, typeof(Func<EntityInstance, FactValue>)) : Element(a.ElementId, a.Where);
                return a.Kind switch
                {
                    AggregateKind.Count => Call(nameof(Ops.Count), items, where),
                    AggregateKind.Sum => Call(nameof(Ops.Sum), items, Element(a.ElementId, a.Value!), where,
                        LX.Constant(a.Type.Kind == FactKind.Money ? FactValue.Money(0) : FactValue.Number(0), typeof(FactValue))),
                    _ => Call(nameof(Ops.Extreme), items, Element(a.ElementId, a.Value!), where, LX.Constant(a.Kind == AggregateKind.Max)),
                };
            }
            case BBuiltinCall call:
            {
                var args = call.Arguments.Select(Lower).ToArray();
                return call.Function switch
                {
                    BuiltinFunction.Leeftijd => Call(nameof(Ops.Age), _frame, args[0]),
                    BuiltinFunction.LeeftijdOp => Call(nameof(Ops.AgeOn), args[0], args[1]),
                    BuiltinFunction.MaandenTussen => Call(nameof(Ops.MonthsBetween), args[0], args[1]),
                    BuiltinFunction.DagenTussen => Call(nameof(Ops.DaysBetween), args[0], args[1]),
                    BuiltinFunction.Afronden => Call(nameof(Ops.Round), args[0], args[1]),
                    BuiltinFunction.Abs => Call(nameof(Ops.Abs), args[0]),
                    BuiltinFunction.Bekend => Call(nameof(Ops.Known), args[0]),
                    BuiltinFunction.Min => Call(nameof(Ops.Extreme), Values(call.Arguments), LX.Constant(false)),
                    _ => Call(nameof(Ops.Extreme), Values(call.Arguments), LX.Constant(true)),
                };
            }
            case BHostCall h:
                return Call(nameof(Ops.CallHost), LX.Constant(h.Function, typeof(IConditionFunction)), Values(h.Arguments), _frame, LX.Constant(h.Type.Kind));
            default:
                throw new InvalidOperationException($"Cannot compile {b.GetType().Name}.");
        }
    }

    private LX Values(IReadOnlyList<Bound> items) => LX.NewArrayInit(typeof(FactValue), items.Select(Lower));

    /// <summary><c>l = left; l.IsFalse ? false : Ops.And(l, right)</c> (and the dual for or): the right side is not evaluated when the left decides.</summary>
    private LX ShortCircuit(BBinary b, PropertyInfo decides, LX result, string rest)
    {
        var l = LX.Variable(typeof(FactValue), "l");
        return LX.Block(typeof(FactValue), [l],
            LX.Assign(l, Lower(b.Left)),
            LX.Condition(LX.Property(l, decides), result, Call(rest, l, Lower(b.Right))));
    }

    private LX Entity(EntityRef source) => source switch
    {
        HouseholdRef => LX.Property(_frame, HouseholdProperty),
        RoleRef r => Call(nameof(Ops.Role), _frame, LX.Constant(r.Role), LX.Constant(r.RoleField), LX.Constant(r.MembersField)),
        ElementRef e => _elements[e.Id],
        _ => throw new InvalidOperationException(),
    };

    private LX Items(BCollection c) => Call(nameof(Ops.Items), Entity(c.Source), LX.Constant(c.Field.Slot));

    /// <summary>A nested lambda over the current element; it closes over the frame and outer elements.</summary>
    private LX Element(int id, Bound body)
    {
        var p = LX.Parameter(typeof(EntityInstance), "e" + id);
        _elements[id] = p;
        var lambda = LX.Lambda<Func<EntityInstance, FactValue>>(Lower(body), p);
        _elements.Remove(id);
        return lambda;
    }
}
