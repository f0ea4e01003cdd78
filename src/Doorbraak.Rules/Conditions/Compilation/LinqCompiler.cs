using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Conditions.Ast;
using Doorbraak.Rules.Conditions.Binding;
using Doorbraak.Rules.Conditions.Runtime;
using System.Linq.Expressions;
using System.Reflection;
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
    private static readonly PropertyInfo IsUnknownProperty = typeof(FactValue).GetProperty(nameof(FactValue.IsUnknown))!;
    private static readonly MethodInfo NumberMethod = typeof(FactValue).GetMethod(nameof(FactValue.Number))!;
    private static readonly LX UnknownValue = LX.Constant(FactValue.Unknown, typeof(FactValue));
    private static readonly LX TrueValue = LX.Constant(FactValue.True, typeof(FactValue));
    private static readonly LX FalseValue = LX.Constant(FactValue.False, typeof(FactValue));

    private readonly ParameterExpression _frame = LX.Parameter(typeof(EvaluationFrame), "frame");
    private readonly ParameterExpression _scope = LX.Parameter(typeof(EntityInstance), "scope");
    private readonly Dictionary<int, ParameterExpression> _elements = new();

    private LinqCompiler() => _elements[0] = _scope;

    /// <summary>The expression tree of a bound expression, a function of the frame and the current element.</summary>
    public static Expression<Func<EvaluationFrame, EntityInstance?, FactValue>> Tree(Bound bound)
    {
        var c = new LinqCompiler();
        var body = c.Lower(bound);
        return LX.Lambda<Func<EvaluationFrame, EntityInstance?, FactValue>>(body, c._frame, c._scope);
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
                return Quantifier(q);
            case BAggregate a:
                return Aggregate(a);
            case BBuiltinCall call:
            {
                var args = call.Arguments.Select(Lower).ToArray();
                return call.Function switch
                {
                    BuiltinFunction.Leeftijd => Call(nameof(Ops.Age), _frame, args[0]),
                    BuiltinFunction.LeeftijdOp => Call(nameof(Ops.AgeOn), args[0], args[1]),
                    BuiltinFunction.AgeCompare => Call(nameof(Ops.AgeCompare), args[0], args[1], args[2], args[3]),
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

    /// <summary>The values as an array: built once at compile time when they are all literals (no allocation per evaluation).</summary>
    private LX Values(IReadOnlyList<Bound> items) =>
        items.All(i => i is BLiteral)
            ? LX.Constant(items.Select(i => ((BLiteral)i).Value).ToArray(), typeof(FactValue[]))
            : LX.NewArrayInit(typeof(FactValue), items.Select(Lower));

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

    /// <summary>
    /// An inline loop over a collection (no delegate, no closure, nothing allocated per evaluation): the element is a
    /// local variable that inner expressions read; <paramref name="perElement"/> may break out with a result.
    /// </summary>
    private LX Loop(BCollection collection, int id, ParameterExpression[] state, LX[] init, Func<LabelTarget, LX> perElement, Func<LX> atEnd)
    {
        var items = LX.Variable(typeof(EntityInstance[]), "items" + id);
        var i = LX.Variable(typeof(int), "i" + id);
        var e = LX.Variable(typeof(EntityInstance), "e" + id);
        var done = LX.Label(typeof(FactValue), "done" + id);
        var source = Items(collection);
        _elements[id] = e;
        var step = perElement(done);
        _elements.Remove(id);
        var loop = LX.Loop(
            LX.Block(
                LX.IfThen(LX.GreaterThanOrEqual(i, LX.ArrayLength(items)), LX.Break(done, atEnd())),
                LX.Assign(e, LX.ArrayIndex(items, i)),
                step,
                LX.PostIncrementAssign(i)),
            done);
        LX[] body = [LX.Assign(items, source), LX.Assign(i, LX.Constant(0)), .. init, loop];
        return LX.Block(typeof(FactValue), [items, i, e, .. state], body);
    }

    /// <summary><c>any</c>/<c>all</c>/<c>no</c> in Kleene logic: stops at the first deciding element.</summary>
    private LX Quantifier(BQuantifier q)
    {
        var all = q.Kind == QuantifierKind.All;
        var unknown = LX.Variable(typeof(bool), "unknown" + q.ElementId);
        var loop = Loop(q.Collection, q.ElementId, [unknown], [LX.Assign(unknown, LX.Constant(false))], done =>
        {
            var v = LX.Variable(typeof(FactValue), "v" + q.ElementId);
            return LX.Block([v],
                LX.Assign(v, Lower(q.Condition)),
                LX.IfThen(LX.Property(v, all ? IsFalseProperty : IsTrueProperty), LX.Break(done, all ? FalseValue : TrueValue)),
                LX.IfThen(LX.Property(v, IsUnknownProperty), LX.Assign(unknown, LX.Constant(true))));
        }, () => LX.Condition(unknown, UnknownValue, all ? TrueValue : FalseValue));
        return q.Kind == QuantifierKind.No ? Call(nameof(Ops.Not), loop) : loop;
    }

    /// <summary>count/sum/min/max over a collection; unknown as soon as a relevant condition or value is unknown.</summary>
    private LX Aggregate(BAggregate a)
    {
        var id = a.ElementId;
        if (a.Kind == AggregateKind.Count)
        {
            if (a.Where is null) return Call(nameof(Ops.CountAll), Items(a.Collection));
            var n = LX.Variable(typeof(int), "n" + id);
            return Loop(a.Collection, id, [n], [LX.Assign(n, LX.Constant(0))], done =>
            {
                var w = LX.Variable(typeof(FactValue), "w" + id);
                return LX.Block([w],
                    LX.Assign(w, Lower(a.Where)),
                    LX.IfThen(LX.Property(w, IsUnknownProperty), LX.Break(done, UnknownValue)),
                    LX.IfThen(LX.Property(w, IsTrueProperty), LX.PostIncrementAssign(n)));
            }, () => LX.Call(NumberMethod, LX.Convert(n, typeof(decimal))));
        }

        var acc = LX.Variable(typeof(FactValue), "acc" + id);
        var start = a.Kind == AggregateKind.Sum
            ? LX.Constant(a.Type.Kind == FactKind.Money ? FactValue.Money(0) : FactValue.Number(0), typeof(FactValue))
            : UnknownValue;
        return Loop(a.Collection, id, [acc], [LX.Assign(acc, start)], done =>
        {
            var v = LX.Variable(typeof(FactValue), "v" + id);
            LX take = a.Kind == AggregateKind.Sum
                ? LX.Block(
                    LX.Assign(acc, Call(nameof(Ops.Add), acc, Lower(a.Value!))),
                    LX.IfThen(LX.Property(acc, IsUnknownProperty), LX.Break(done, acc)))
                : LX.Block([v],
                    LX.Assign(v, Lower(a.Value!)),
                    LX.IfThen(LX.Property(v, IsUnknownProperty), LX.Break(done, v)),
                    LX.Assign(acc, Call(nameof(Ops.Better), acc, v, LX.Constant(a.Kind == AggregateKind.Max))));
            if (a.Where is null) return take;
            var w = LX.Variable(typeof(FactValue), "w" + id);
            return LX.Block([w],
                LX.Assign(w, Lower(a.Where)),
                LX.IfThen(LX.Property(w, IsUnknownProperty), LX.Break(done, UnknownValue)),
                LX.IfThen(LX.Property(w, IsTrueProperty), take));
        }, () => acc);
    }
}
