using Doorbraak.Rules.Source;
using System.Globalization;

namespace Doorbraak.Rules;

/// <summary>
/// A run-time value of a fact or expression. The default value is <see cref="Unknown"/>:
/// a fact the host did not supply. Unknown is not false and not zero.
/// </summary>
/// <threadsafety>Immutable value type.</threadsafety>
public readonly struct FactValue : IEquatable<FactValue>
{
    private readonly decimal _number;
    private readonly int _a;
    private readonly int _b;
    private readonly string? _text;
    private readonly byte _kind; // 0 = unknown, otherwise (int)FactKind + 1

    private FactValue(FactKind kind, decimal number = 0, int a = 0, int b = 0, string? text = null)
    {
        _kind = (byte)((int)kind + 1);
        _number = number;
        _a = a;
        _b = b;
        _text = text;
    }

    /// <summary>The unknown value.</summary>
    public static FactValue Unknown => default;

    /// <summary>True.</summary>
    public static FactValue True { get; } = new(FactKind.Boolean, a: 1);

    /// <summary>False.</summary>
    public static FactValue False { get; } = new(FactKind.Boolean, a: 0);

    /// <summary>Whether the value is unknown.</summary>
    public bool IsUnknown => _kind == 0;

    /// <summary>The kind; only meaningful when not <see cref="IsUnknown"/>.</summary>
    public FactKind Kind => _kind == 0 ? throw new InvalidOperationException("An unknown value has no kind.") : (FactKind)(_kind - 1);

    /// <summary>A boolean value.</summary>
    public static FactValue Bool(bool value) => value ? True : False;

    /// <summary>A number value.</summary>
    public static FactValue Number(decimal value) => new(FactKind.Number, value);

    /// <summary>A money value in euro.</summary>
    public static FactValue Money(decimal value) => new(FactKind.Money, value);

    /// <summary>A date value.</summary>
    public static FactValue Date(DateOnly value) => new(FactKind.Date, a: value.DayNumber);

    /// <summary>A duration of months and days.</summary>
    public static FactValue Duration(int months, int days) => new(FactKind.Duration, a: months, b: days);

    /// <summary>A text value.</summary>
    public static FactValue Text(string value) => new(FactKind.Text, text: value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>The boolean; throws when this is not a known boolean.</summary>
    public bool AsBool => _kind == (byte)FactKind.Boolean + 1 ? _a != 0 : throw Wrong(FactKind.Boolean);

    /// <summary>The decimal of a number or money value.</summary>
    public decimal AsDecimal => _kind is (byte)FactKind.Number + 1 or (byte)FactKind.Money + 1 ? _number : throw Wrong(FactKind.Number);

    /// <summary>The date.</summary>
    public DateOnly AsDate => _kind == (byte)FactKind.Date + 1 ? DateOnly.FromDayNumber(_a) : throw Wrong(FactKind.Date);

    /// <summary>The months of a duration.</summary>
    public int DurationMonths => _kind == (byte)FactKind.Duration + 1 ? _a : throw Wrong(FactKind.Duration);

    /// <summary>The days of a duration.</summary>
    public int DurationDays => _kind == (byte)FactKind.Duration + 1 ? _b : throw Wrong(FactKind.Duration);

    /// <summary>The text.</summary>
    public string AsText => _kind == (byte)FactKind.Text + 1 ? _text! : throw Wrong(FactKind.Text);

    /// <summary>True only for a known true boolean.</summary>
    public bool IsTrue => _kind == (byte)FactKind.Boolean + 1 && _a != 0;

    /// <summary>True only for a known false boolean.</summary>
    public bool IsFalse => _kind == (byte)FactKind.Boolean + 1 && _a == 0;

    private InvalidOperationException Wrong(FactKind expected) =>
        new($"The value {this} is not a {expected.ToString().ToLowerInvariant()}.");

    /// <summary>Adds a duration to a date: months first (clamped to the month's last day: 31 January + 1 month = 28 February), then days.</summary>
    public static DateOnly AddDuration(DateOnly date, int months, int days) => date.AddMonths(months).AddDays(days);

    /// <inheritdoc />
    public bool Equals(FactValue other)
    {
        if (_kind != other._kind) return false;
        return _kind switch
        {
            0 => true,
            (byte)FactKind.Text + 1 => string.Equals(_text, other._text, StringComparison.Ordinal),
            (byte)FactKind.Number + 1 or (byte)FactKind.Money + 1 => _number == other._number,
            _ => _a == other._a && _b == other._b,
        };
    }

    /// <summary>The decimal of a known number or money value, without checks (for the compiled operators).</summary>
    internal decimal RawNumber => _number;

    /// <summary>The day number of a date, the flag of a boolean, the months of a duration, without checks.</summary>
    internal int RawA => _a;

    /// <summary>The text of a text value, without checks.</summary>
    internal string? RawText => _text;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FactValue v && Equals(v);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_kind, _number, _a, _b, _text);

    /// <summary>Equality.</summary>
    public static bool operator ==(FactValue left, FactValue right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(FactValue left, FactValue right) => !left.Equals(right);

    /// <summary>An invariant, parseable rendering: <c>true</c>, <c>12.50</c>, <c>2026-03-01</c>, <c>P6M</c>, text as is, <c>unknown</c>.</summary>
    public override string ToString()
    {
        if (IsUnknown) return "unknown";
        return Kind switch
        {
            FactKind.Boolean => _a != 0 ? "true" : "false",
            FactKind.Number or FactKind.Money => _number.ToString(CultureInfo.InvariantCulture),
            FactKind.Date => AsDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            FactKind.Duration => FormatDuration(_a, _b),
            FactKind.Text => _text!,
            _ => "?",
        };
    }

    internal static string FormatDuration(int months, int days) => IsoDuration.Format(months, days);

    /// <summary>Parses an ISO-8601 duration of years, months, weeks and days (<c>P1Y6M</c>, <c>P4W</c>, <c>P30D</c>).</summary>
    public static bool TryParseDuration(string text, out int months, out int days) => IsoDuration.TryParse(text, out months, out days);
}
