using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Conditions.Ast;
using Doorbraak.Rules.Conditions.Binding;

namespace Doorbraak.Rules.Tests.Conditions;

/// <summary>
/// The oracle for the compiler: a plain tree-walking interpreter over the bound tree, written
/// independently of Runtime/Ops (no short-circuiting, result kinds from the static types, month
/// arithmetic by counting). Lives only in the tests.
/// </summary>
internal sealed class ReferenceInterpreter
{
    private readonly EvaluationFrame _frame;
    private readonly Dictionary<int, EntityInstance?> _elements = new();

    private ReferenceInterpreter(EvaluationFrame frame, EntityInstance? scope)
    {
        _frame = frame;
        _elements[0] = scope;
    }

    public static FactValue Evaluate(Bound bound, EvaluationFrame frame, EntityInstance? scope) => new ReferenceInterpreter(frame, scope).Eval(bound);

    private static readonly FactValue U = FactValue.Unknown;

    private static FactValue Bool(bool b) => b ? FactValue.True : FactValue.False;

    private static FactValue Num(decimal d, FactType t) => t.Kind == FactKind.Money ? FactValue.Money(d) : FactValue.Number(d);

    // Kleene truth values as 0 (false), 1 (unknown), 2 (true)
    private static int Truth(FactValue v) => v.IsUnknown ? 1 : v.AsBool ? 2 : 0;

    private static FactValue FromTruth(int t) => t == 1 ? U : Bool(t == 2);

    private EntityInstance? Entity(EntityRef r)
    {
        switch (r)
        {
            case HouseholdRef:
                return _frame.Household;
            case RoleRef role:
                foreach (var m in _frame.Household.Collections[role.MembersField.Slot])
                {
                    var v = m.Values[role.RoleField.Slot];
                    if (!v.IsUnknown && v.Kind == FactKind.Text && v.AsText == role.Role) return m;
                }
                return null;
            case ElementRef e:
                return _elements[e.Id];
            default:
                throw new InvalidOperationException();
        }
    }

    private EntityInstance[] Items(BCollection c) => Entity(c.Source) is { } e ? e.Collections[c.Field.Slot] : [];

    private List<FactValue> Each(int id, EntityInstance[] items, Bound body)
    {
        var results = new List<FactValue>();
        foreach (var item in items)
        {
            _elements[id] = item;
            results.Add(Eval(body));
        }
        _elements.Remove(id);
        return results;
    }

    private static int Cmp(FactValue a, FactValue b) => a.Kind == FactKind.Date ? a.AsDate.CompareTo(b.AsDate) : a.AsDecimal.CompareTo(b.AsDecimal);

    private static bool Eq(FactValue a, FactValue b) => a.Kind switch
    {
        FactKind.Number or FactKind.Money => a.AsDecimal == b.AsDecimal,
        FactKind.Duration => a.DurationMonths == b.DurationMonths && a.DurationDays == b.DurationDays,
        FactKind.Date => a.AsDate == b.AsDate,
        FactKind.Text => a.AsText == b.AsText,
        _ => a.AsBool == b.AsBool,
    };

    private FactValue Eval(Bound b)
    {
        switch (b)
        {
            case BLiteral l:
                return l.Value;
            case BField f:
            {
                var e = Entity(f.Source);
                if (e is null) return U;
                var v = e.Values[f.Field.Slot];
                return v.IsUnknown || v.Kind == f.Field.Type.Kind ? v : U;
            }
            case BParameter p:
                return _frame.Parameters[p.Parameter.Slot];
            case BReferenceDate:
                return FactValue.Date(_frame.ReferenceDate);
            case BUnary u:
            {
                var v = Eval(u.Operand);
                if (v.IsUnknown) return U;
                return u.Op == UnaryOp.Not ? Bool(!v.AsBool) : Num(-v.AsDecimal, u.Type);
            }
            case BBinary { Op: BinaryOp.And } and:
                return FromTruth(Math.Min(Truth(Eval(and.Left)), Truth(Eval(and.Right))));
            case BBinary { Op: BinaryOp.Or } or:
                return FromTruth(Math.Max(Truth(Eval(or.Left)), Truth(Eval(or.Right))));
            case BBinary bin:
                return Binary(bin, Eval(bin.Left), Eval(bin.Right));
            case BBetween bt:
            {
                var x = Eval(bt.Value);
                var lo = Eval(bt.Low);
                var hi = Eval(bt.High);
                var a = x.IsUnknown || lo.IsUnknown ? 1 : Cmp(x, lo) >= 0 ? 2 : 0;
                var c = x.IsUnknown || hi.IsUnknown ? 1 : Cmp(x, hi) <= 0 ? 2 : 0;
                return FromTruth(Math.Min(a, c));
            }
            case BIn i:
            {
                var x = Eval(i.Value);
                var t = 0;
                foreach (var item in i.Items.Select(Eval))
                    t = Math.Max(t, x.IsUnknown || item.IsUnknown ? 1 : Eq(x, item) ? 2 : 0);
                return FromTruth(t);
            }
            case BIf f:
            {
                var c = Eval(f.Condition);
                var then = Eval(f.Then);
                var @else = Eval(f.Else);
                return c.IsUnknown ? U : c.AsBool ? then : @else;
            }
            case BQuantifier q:
            {
                var truths = Each(q.ElementId, Items(q.Collection), q.Condition).Select(Truth).ToList();
                var any = truths.Count == 0 ? 0 : truths.Max();
                var all = truths.Count == 0 ? 2 : truths.Min();
                return q.Kind switch
                {
                    QuantifierKind.Any => FromTruth(any),
                    QuantifierKind.All => FromTruth(all),
                    _ => FromTruth(2 - any),
                };
            }
            case BAggregate a:
                return Aggregate(a);
            case BBuiltinCall call:
                return Builtin(call, call.Arguments.Select(Eval).ToList());
            case BHostCall h:
            {
                var args = h.Arguments.Select(Eval).ToArray();
                if (args.Any(x => x.IsUnknown)) return U;
                try
                {
                    return h.Function.Invoke(args, _frame.ReferenceDate);
                }
                catch (InvalidOperationException)
                {
                    return U;
                }
            }
            default:
                throw new InvalidOperationException(b.GetType().Name);
        }
    }

    private static FactValue Binary(BBinary bin, FactValue l, FactValue r)
    {
        if (l.IsUnknown || r.IsUnknown) return U;
        try
        {
            switch (bin.Op)
            {
                case BinaryOp.Equal: return Bool(Eq(l, r));
                case BinaryOp.NotEqual: return Bool(!Eq(l, r));
                case BinaryOp.Less: return Bool(Cmp(l, r) < 0);
                case BinaryOp.LessEqual: return Bool(Cmp(l, r) <= 0);
                case BinaryOp.Greater: return Bool(Cmp(l, r) > 0);
                case BinaryOp.GreaterEqual: return Bool(Cmp(l, r) >= 0);
            }
            if (bin.Type.Kind == FactKind.Date)
            {
                var (date, dur) = l.Kind == FactKind.Date ? (l.AsDate, r) : (r.AsDate, l);
                var sign = bin.Op == BinaryOp.Subtract ? -1 : 1;
                return FactValue.Date(date.AddMonths(sign * dur.DurationMonths).AddDays(sign * dur.DurationDays));
            }
            if (bin.Type.Kind == FactKind.Duration)
            {
                var sign = bin.Op == BinaryOp.Subtract ? -1 : 1;
                return FactValue.Duration(l.DurationMonths + sign * r.DurationMonths, l.DurationDays + sign * r.DurationDays);
            }
            var (x, y) = (l.AsDecimal, r.AsDecimal);
            return bin.Op switch
            {
                BinaryOp.Add => Num(x + y, bin.Type),
                BinaryOp.Subtract => Num(x - y, bin.Type),
                BinaryOp.Multiply => Num(x * y, bin.Type),
                _ => y == 0 ? U : Num(x / y, bin.Type),
            };
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            return U;
        }
    }

    private FactValue Aggregate(BAggregate a)
    {
        var items = Items(a.Collection);
        var selected = new List<EntityInstance>();
        if (a.Where is null) selected.AddRange(items);
        else
        {
            var conds = Each(a.ElementId, items, a.Where);
            if (conds.Any(c => c.IsUnknown)) return U;
            selected.AddRange(items.Where((_, i) => conds[i].AsBool));
        }
        if (a.Kind == AggregateKind.Count) return FactValue.Number(selected.Count);
        var values = Each(a.ElementId, selected.ToArray(), a.Value!);
        if (values.Any(v => v.IsUnknown)) return U;
        if (a.Kind == AggregateKind.Sum)
        {
            try
            {
                return Num(values.Sum(v => v.AsDecimal), a.Type);
            }
            catch (OverflowException)
            {
                return U;
            }
        }
        if (values.Count == 0) return U;
        var sorted = values.OrderBy(v => v, Comparer<FactValue>.Create(Cmp)).ToList();
        return a.Kind == AggregateKind.Min ? sorted[0] : sorted[^1];
    }

    private FactValue Builtin(BBuiltinCall call, List<FactValue> args)
    {
        if (call.Function == BuiltinFunction.Bekend) return Bool(!args[0].IsUnknown);
        if (args.Any(x => x.IsUnknown)) return U;
        switch (call.Function)
        {
            case BuiltinFunction.Leeftijd:
                return FactValue.Number(Age(args[0].AsDate, _frame.ReferenceDate));
            case BuiltinFunction.LeeftijdOp:
                return FactValue.Number(Age(args[0].AsDate, args[1].AsDate));
            case BuiltinFunction.MaandenTussen:
            {
                var (a, b) = (args[0].AsDate, args[1].AsDate);
                return FactValue.Number(b >= a ? Months(a, b) : -Months(b, a));
            }
            case BuiltinFunction.DagenTussen:
                return FactValue.Number(args[1].AsDate.DayNumber - args[0].AsDate.DayNumber);
            case BuiltinFunction.AgeCompare:
            {
                var age = args[3].AsDecimal;
                if (age % 1 == 0) return FactValue.Number(Math.Sign(args[0].AsDecimal - age));
                // Completed months by stepping: month n is reached on the birth day n months on, or the 1st after when that day does not exist.
                var (born, on) = (args[1].AsDate, args[2].AsDate);
                var n = 0;
                while (Reached(born, n + 1) <= on) n++;
                while (n > 0 && Reached(born, n) > on) n--;
                return FactValue.Number(Math.Sign(n - age * 12));
            }
            case BuiltinFunction.Abs:
                return Num(Math.Abs(args[0].AsDecimal), call.Type);
            case BuiltinFunction.Afronden:
            {
                var d = args[1].AsDecimal;
                if (d is < 0 or > 10 || d % 1 != 0) return U;
                return Num(Math.Round(args[0].AsDecimal, (int)d, MidpointRounding.AwayFromZero), call.Type);
            }
            default:
            {
                var sorted = args.OrderBy(v => v, Comparer<FactValue>.Create(Cmp)).ToList();
                return call.Function == BuiltinFunction.Min ? sorted[0] : sorted[^1];
            }
        }
    }

    private static DateOnly Reached(DateOnly born, int months)
    {
        var first = new DateOnly(born.Year, born.Month, 1).AddMonths(months);
        return born.Day <= DateTime.DaysInMonth(first.Year, first.Month) ? new DateOnly(first.Year, first.Month, born.Day) : first.AddMonths(1);
    }

    private static int Age(DateOnly born, DateOnly on)
    {
        var age = on.Year - born.Year;
        if ((on.Month, on.Day).CompareTo((born.Month, born.Day)) < 0) age--;
        return age;
    }

    private static int Months(DateOnly from, DateOnly to)
    {
        var n = 0;
        while (from.AddMonths(n + 1) <= to) n++;
        return n;
    }
}
