using Doorbraak.Rules.Facts;

namespace Doorbraak.Rules.Conditions.Runtime;

/// <summary>
/// The run-time operators compiled expressions call. Every method is total: an unknown operand,
/// a division by zero, an overflow or a date out of range gives <see cref="FactValue.Unknown"/>,
/// never an exception. Expressions can reach only these methods, chosen by the compiler.
/// </summary>
internal static class Ops
{
    /// <summary>Gives unknown from known operands, remembering why (see <see cref="UnknownCauses"/>).</summary>
    private static FactValue Fail(UnknownCause cause)
    {
        UnknownCauses.Note(cause);
        return FactValue.Unknown;
    }

    // ---- data access ----

    /// <summary>Reads a scalar field and reports the read to the frame. A value of the wrong kind reads as unknown.</summary>
    public static FactValue Read(EvaluationFrame frame, EntityInstance? entity, FieldDefinition field)
    {
        if (entity is null) return FactValue.Unknown;
        var v = entity.Values[field.Slot];
        if (!v.IsUnknown && v.Kind != field.Type.Kind) v = FactValue.Unknown;
        if (frame.Tracing || v.IsUnknown) frame.OnRead(entity, field, v);
        return v;
    }

    public static EntityInstance[] Items(EntityInstance? entity, int slot) => entity is null ? [] : entity.Collections[slot];

    public static EntityInstance? Role(EvaluationFrame frame, string role, FieldDefinition roleField, FieldDefinition membersField) =>
        frame.MemberWithRole(role, roleField, membersField);

    public static FactValue Parameter(EvaluationFrame frame, int slot, FactKind kind)
    {
        if ((uint)slot >= (uint)frame.Parameters.Length) return FactValue.Unknown;
        var v = frame.Parameters[slot];
        return v.IsUnknown || v.Kind == kind ? v : FactValue.Unknown;
    }

    public static FactValue ReferenceDate(EvaluationFrame frame) => FactValue.Date(frame.ReferenceDate);

    // ---- logic (Kleene) ----

    public static FactValue Not(FactValue v) => v.IsUnknown ? v : FactValue.Bool(!v.IsTrue);

    /// <summary>The rest of <c>and</c> once the left side is known not to be false.</summary>
    public static FactValue And(FactValue left, FactValue right) =>
        right.IsFalse ? FactValue.False : left.IsTrue && right.IsTrue ? FactValue.True : FactValue.Unknown;

    /// <summary>The rest of <c>or</c> once the left side is known not to be true.</summary>
    public static FactValue Or(FactValue left, FactValue right) =>
        right.IsTrue ? FactValue.True : left.IsFalse && right.IsFalse ? FactValue.False : FactValue.Unknown;

    // ---- comparison ----

    // Both values are known and of comparable kinds (the binder checked the types).
    private static int Compare(in FactValue a, in FactValue b) => a.Kind == FactKind.Date
        ? a.RawA.CompareTo(b.RawA)
        : decimal.Compare(a.RawNumber, b.RawNumber);

    private static bool Same(in FactValue a, in FactValue b)
    {
        var ka = a.Kind;
        if (ka == FactKind.Text) return b.Kind == FactKind.Text && string.Equals(a.RawText, b.RawText, StringComparison.Ordinal);
        if (ka is FactKind.Number or FactKind.Money && b.Kind is FactKind.Number or FactKind.Money) return a.RawNumber == b.RawNumber;
        return a.Equals(b);
    }

    public static FactValue Equal(FactValue a, FactValue b) => a.IsUnknown || b.IsUnknown ? FactValue.Unknown : FactValue.Bool(Same(a, b));

    public static FactValue NotEqual(FactValue a, FactValue b) => a.IsUnknown || b.IsUnknown ? FactValue.Unknown : FactValue.Bool(!Same(a, b));

    public static FactValue Less(FactValue a, FactValue b) => a.IsUnknown || b.IsUnknown ? FactValue.Unknown : FactValue.Bool(Compare(a, b) < 0);

    public static FactValue LessEqual(FactValue a, FactValue b) => a.IsUnknown || b.IsUnknown ? FactValue.Unknown : FactValue.Bool(Compare(a, b) <= 0);

    public static FactValue Greater(FactValue a, FactValue b) => a.IsUnknown || b.IsUnknown ? FactValue.Unknown : FactValue.Bool(Compare(a, b) > 0);

    public static FactValue GreaterEqual(FactValue a, FactValue b) => a.IsUnknown || b.IsUnknown ? FactValue.Unknown : FactValue.Bool(Compare(a, b) >= 0);

    /// <summary><c>x between lo and hi</c> = <c>x >= lo and x &lt;= hi</c>, in Kleene logic.</summary>
    public static FactValue Between(FactValue x, FactValue low, FactValue high)
    {
        var a = GreaterEqual(x, low);
        if (a.IsFalse) return a;
        return And(a, LessEqual(x, high));
    }

    /// <summary>True if some item equals x; false if all are known and differ; else unknown.</summary>
    public static FactValue In(FactValue x, FactValue[] items)
    {
        if (x.IsUnknown) return x;
        var unknown = false;
        foreach (var item in items)
        {
            if (item.IsUnknown) unknown = true;
            else if (Same(x, item)) return FactValue.True;
        }
        return unknown ? FactValue.Unknown : FactValue.False;
    }

    // ---- arithmetic ----

    private static FactValue Dec(decimal value, bool money) => money ? FactValue.Money(value) : FactValue.Number(value);

    public static FactValue Negate(FactValue v) => v.IsUnknown ? v : Dec(-v.AsDecimal, v.Kind == FactKind.Money);

    public static FactValue Add(FactValue a, FactValue b)
    {
        if (a.IsUnknown || b.IsUnknown) return FactValue.Unknown;
        try
        {
            return (a.Kind, b.Kind) switch
            {
                (FactKind.Date, FactKind.Duration) => AddDuration(a.AsDate, a: b, sign: 1),
                (FactKind.Duration, FactKind.Date) => AddDuration(b.AsDate, a: a, sign: 1),
                (FactKind.Duration, FactKind.Duration) => FactValue.Duration(checked(a.DurationMonths + b.DurationMonths), checked(a.DurationDays + b.DurationDays)),
                _ => Dec(a.AsDecimal + b.AsDecimal, a.Kind == FactKind.Money || b.Kind == FactKind.Money),
            };
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            return Fail(e is OverflowException ? UnknownCause.Overflow : UnknownCause.DateOutOfRange);
        }
    }

    public static FactValue Subtract(FactValue a, FactValue b)
    {
        if (a.IsUnknown || b.IsUnknown) return FactValue.Unknown;
        try
        {
            return (a.Kind, b.Kind) switch
            {
                (FactKind.Date, FactKind.Duration) => AddDuration(a.AsDate, a: b, sign: -1),
                (FactKind.Duration, FactKind.Duration) => FactValue.Duration(checked(a.DurationMonths - b.DurationMonths), checked(a.DurationDays - b.DurationDays)),
                _ => Dec(a.AsDecimal - b.AsDecimal, a.Kind == FactKind.Money || b.Kind == FactKind.Money),
            };
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            return Fail(e is OverflowException ? UnknownCause.Overflow : UnknownCause.DateOutOfRange);
        }
    }

    private static FactValue AddDuration(DateOnly date, FactValue a, int sign) =>
        FactValue.Date(FactValue.AddDuration(date, checked(sign * a.DurationMonths), checked(sign * a.DurationDays)));

    public static FactValue Multiply(FactValue a, FactValue b)
    {
        if (a.IsUnknown || b.IsUnknown) return FactValue.Unknown;
        try
        {
            return Dec(a.AsDecimal * b.AsDecimal, a.Kind == FactKind.Money || b.Kind == FactKind.Money);
        }
        catch (OverflowException)
        {
            return Fail(UnknownCause.Overflow);
        }
    }

    /// <summary>Division; by zero gives unknown. Money / money is a number.</summary>
    public static FactValue Divide(FactValue a, FactValue b)
    {
        if (a.IsUnknown || b.IsUnknown) return FactValue.Unknown;
        if (b.AsDecimal == 0) return Fail(UnknownCause.DivisionByZero);
        try
        {
            return Dec(a.AsDecimal / b.AsDecimal, a.Kind == FactKind.Money && b.Kind != FactKind.Money);
        }
        catch (OverflowException)
        {
            return Fail(UnknownCause.Overflow);
        }
    }

    // ---- quantifiers and aggregates (bounded loops over a collection) ----

    /// <summary>Number of elements (count without a condition).</summary>
    public static FactValue CountAll(EntityInstance[] items) => FactValue.Number(items.Length);

    /// <summary>One step of min/max over a collection: the better of the best so far (unknown before the first) and a known value.</summary>
    public static FactValue Better(FactValue best, FactValue value, bool max) =>
        best.IsUnknown || (max ? Compare(value, best) > 0 : Compare(value, best) < 0) ? value : best;

    /// <summary>Variadic min/max: unknown if any argument is unknown.</summary>
    public static FactValue Extreme(FactValue[] values, bool max)
    {
        var best = FactValue.Unknown;
        foreach (var v in values)
        {
            if (v.IsUnknown) return v;
            best = Better(best, v, max);
        }
        return best;
    }

    // ---- built-in functions ----

    /// <summary>Age in whole years on the reference date.</summary>
    public static FactValue Age(EvaluationFrame frame, FactValue birth) => AgeOn(birth, FactValue.Date(frame.ReferenceDate));

    /// <summary>
    /// A person's age on a date compared with an age <paramref name="age"/> in years (with months as twelfths, as
    /// <c>{ years: 67, months: 3 }</c> is read): -1 below it, 0 at it, 1 above it. A whole number of years compares the
    /// age in whole years (as <c>leeftijd</c> is); an age with months compares the completed months, so that a person
    /// reaches 67 years and 3 months on the day itself. A day that does not exist in the month (born on the 31st, or on
    /// 29 February) is reached on the first day of the next month, as for birthdays.
    /// </summary>
    public static FactValue AgeCompare(FactValue wholeYears, FactValue birth, FactValue on, FactValue age)
    {
        // Unknown when any part is: the age in whole years and the birth date are known together in a household read
        // by the engine, and the reference interpreter treats every argument alike.
        if (age.IsUnknown || wholeYears.IsUnknown || birth.IsUnknown || on.IsUnknown) return FactValue.Unknown;
        var years = age.AsDecimal;
        if (years == decimal.Truncate(years)) return FactValue.Number(decimal.Compare(wholeYears.AsDecimal, years));
        var months = years * 12;
        var whole = decimal.Round(months);
        if (Math.Abs(months - whole) < 0.000001m) months = whole;
        return FactValue.Number(decimal.Compare(FrameBuilder.CompletedMonths(birth.AsDate, on.AsDate), months));
    }

    /// <summary>Age in whole years on a date; someone born on 29 February is a year older from 1 March in other years.</summary>
    public static FactValue AgeOn(FactValue birth, FactValue on) =>
        birth.IsUnknown || on.IsUnknown ? FactValue.Unknown : FactValue.Number(FrameBuilder.AgeOn(birth.AsDate, on.AsDate));

    /// <summary>Whole months from a to b: the largest n with a + n months &lt;= b (negative when b is before a).</summary>
    public static FactValue MonthsBetween(FactValue a, FactValue b)
    {
        if (a.IsUnknown || b.IsUnknown) return FactValue.Unknown;
        var (from, to) = (a.AsDate, b.AsDate);
        if (to < from) return FactValue.Number(-WholeMonths(to, from));
        return FactValue.Number(WholeMonths(from, to));
    }

    private static int WholeMonths(DateOnly from, DateOnly to)
    {
        var n = (to.Year - from.Year) * 12 + to.Month - from.Month;
        if (n > 0 && from.AddMonths(n) > to) n--;
        return n;
    }

    /// <summary>Days from a to b (negative when b is before a).</summary>
    public static FactValue DaysBetween(FactValue a, FactValue b) =>
        a.IsUnknown || b.IsUnknown ? FactValue.Unknown : FactValue.Number(b.AsDate.DayNumber - a.AsDate.DayNumber);

    /// <summary>Rounds half away from zero to a whole number of decimals 0..10; other decimals give unknown.</summary>
    public static FactValue Round(FactValue x, FactValue decimals)
    {
        if (x.IsUnknown || decimals.IsUnknown) return FactValue.Unknown;
        var d = decimals.AsDecimal;
        if (d != decimal.Truncate(d) || d < 0 || d > 10) return Fail(UnknownCause.InvalidRounding);
        return Dec(Math.Round(x.AsDecimal, (int)d, MidpointRounding.AwayFromZero), x.Kind == FactKind.Money);
    }

    public static FactValue Abs(FactValue x) => x.IsUnknown ? x : Dec(Math.Abs(x.AsDecimal), x.Kind == FactKind.Money);

    public static FactValue Known(FactValue x) => FactValue.Bool(!x.IsUnknown);

    /// <summary>Calls a host function; a wrong-kind result or an exception reads as unknown.</summary>
    public static FactValue CallHost(IConditionFunction function, FactValue[] arguments, EvaluationFrame frame, FactKind returns)
    {
        if (function.PropagatesUnknown)
        {
            foreach (var a in arguments)
                if (a.IsUnknown) return FactValue.Unknown;
        }
        FactValue result;
        try
        {
            result = function.Invoke(arguments, frame.ReferenceDate);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Fail(UnknownCause.FunctionFailed);
        }
        return result.IsUnknown || result.Kind == returns ? result : Fail(UnknownCause.FunctionFailed);
    }
}

/// <summary>
/// Why an evaluation on this thread gave unknown from known operands: the first cause noted since the last
/// <see cref="Take"/>. Only the failure path writes it, so evaluations that do not fail pay nothing.
/// </summary>
internal static class UnknownCauses
{
    [ThreadStatic] private static UnknownCause t_cause;

    public static void Note(UnknownCause cause)
    {
        if (t_cause == UnknownCause.None) t_cause = cause;
    }

    /// <summary>The cause noted since the last call, and forgets it.</summary>
    public static UnknownCause Take()
    {
        var c = t_cause;
        t_cause = UnknownCause.None;
        return c;
    }
}

/// <summary>Why an expression gave unknown although its operands were known.</summary>
internal enum UnknownCause
{
    /// <summary>No such cause was seen (an unknown fact or a parameter without value, or nothing failed).</summary>
    None,
    /// <summary>A division by zero.</summary>
    DivisionByZero,
    /// <summary>A number too large.</summary>
    Overflow,
    /// <summary>A date before year 1 or after year 9999.</summary>
    DateOutOfRange,
    /// <summary><c>afronden</c> with a number of decimals that is not a whole number from 0 to 10.</summary>
    InvalidRounding,
    /// <summary>A host function threw or returned a value of the wrong kind.</summary>
    FunctionFailed,
}
