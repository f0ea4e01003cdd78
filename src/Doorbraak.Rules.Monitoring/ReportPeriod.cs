using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Doorbraak.Rules.Monitoring;

/// <summary>The length of a reporting period.</summary>
public enum PeriodKind
{
    /// <summary>A calendar year: <c>2026</c>.</summary>
    Year,
    /// <summary>A half year: <c>2026-H1</c>.</summary>
    HalfYear,
    /// <summary>A quarter: <c>2026-Q1</c>.</summary>
    Quarter,
    /// <summary>A month: <c>2026-03</c>.</summary>
    Month,
}

/// <summary>A reporting period: a year (<c>2026</c>), half year (<c>2026-H1</c>), quarter (<c>2026-Q1</c>) or month (<c>2026-03</c>); both ends inclusive.</summary>
[JsonConverter(typeof(ReportPeriodJsonConverter))]
public readonly record struct ReportPeriod
{
    private static readonly string[] DutchMonths = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    private ReportPeriod(PeriodKind kind, int year, int index)
    {
        Kind = kind;
        Year = year;
        Index = index;
    }

    /// <summary>Year, half year, quarter or month.</summary>
    public PeriodKind Kind { get; }

    /// <summary>The calendar year.</summary>
    public int Year { get; }

    /// <summary>The half (1-2), quarter (1-4) or month (1-12) within the year; 1 for a year.</summary>
    public int Index { get; }

    private int Months => Kind switch { PeriodKind.Year => 12, PeriodKind.HalfYear => 6, PeriodKind.Quarter => 3, _ => 1 };

    /// <summary>The first day.</summary>
    public DateOnly Start => new(Year, (Index - 1) * Months + 1, 1);

    /// <summary>The last day (inclusive).</summary>
    public DateOnly End => Start.AddMonths(Months).AddDays(-1);

    /// <summary>Whether <paramref name="date"/> lies in the period.</summary>
    public bool Contains(DateOnly date) => Start <= date && date <= End;

    /// <summary>The period before this one, of the same length.</summary>
    public ReportPeriod Previous() => Index > 1 ? new(Kind, Year, Index - 1) : new(Kind, Year - 1, 12 / Months);

    /// <summary>This period and the <paramref name="count"/> − 1 before it, oldest first.</summary>
    public IReadOnlyList<ReportPeriod> WithPrevious(int count)
    {
        var list = new List<ReportPeriod> { this };
        for (var i = 1; i < Math.Max(1, count); i++) list.Insert(0, list[0].Previous());
        return list;
    }

    /// <summary>The code: <c>2026</c>, <c>2026-H1</c>, <c>2026-Q1</c> or <c>2026-03</c>.</summary>
    public string Code => Kind switch
    {
        PeriodKind.Year => Year.ToString(CultureInfo.InvariantCulture),
        PeriodKind.HalfYear => $"{Year}-H{Index}",
        PeriodKind.Quarter => $"{Year}-Q{Index}",
        _ => $"{Year}-{Index:00}",
    };

    /// <summary>The name in Dutch: <c>1e kwartaal 2026</c>, <c>1e halfjaar 2026</c>, <c>maart 2026</c>, <c>2026</c>.</summary>
    public string DutchName => Kind switch
    {
        PeriodKind.Year => Year.ToString(CultureInfo.InvariantCulture),
        PeriodKind.HalfYear => $"{Index}e halfjaar {Year}",
        PeriodKind.Quarter => $"{Index}e kwartaal {Year}",
        _ => $"{DutchMonths[Index - 1]} {Year}",
    };

    /// <summary>A short label for chart axes: <c>Q1 2026</c>, <c>H1 2026</c>, <c>mrt 2026</c>, <c>2026</c>.</summary>
    public string ShortName => Kind switch
    {
        PeriodKind.Year => Year.ToString(CultureInfo.InvariantCulture),
        PeriodKind.HalfYear => $"H{Index} {Year}",
        PeriodKind.Quarter => $"Q{Index} {Year}",
        _ => $"{DutchMonths[Index - 1][..3]} {Year}",
    };

    /// <inheritdoc/>
    public override string ToString() => Code;

    /// <summary>Reads <c>2026</c>, <c>2026-H1</c>, <c>2026-Q1</c> or <c>2026-03</c>.</summary>
    public static bool TryParse(string? text, out ReportPeriod period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim().ToUpperInvariant();
        if (t.Length < 4 || !int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1900 || year > 9999) return false;
        if (t.Length == 4)
        {
            period = new(PeriodKind.Year, year, 1);
            return true;
        }
        if (t[4] != '-' || t.Length < 6) return false;
        var rest = t[5..];
        if (rest.Length == 2 && rest[0] == 'H' && rest[1] is '1' or '2')
            period = new(PeriodKind.HalfYear, year, rest[1] - '0');
        else if (rest.Length == 2 && rest[0] == 'Q' && rest[1] is >= '1' and <= '4')
            period = new(PeriodKind.Quarter, year, rest[1] - '0');
        else if (rest.Length == 2 && int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
            period = new(PeriodKind.Month, year, month);
        else return false;
        return true;
    }

    /// <summary>Reads a period; throws <see cref="FormatException"/> with the accepted forms when it is not one.</summary>
    public static ReportPeriod Parse(string text) => TryParse(text, out var p) ? p
        : throw new FormatException($"'{text}' is not a period; write a year (2026), half year (2026-H1), quarter (2026-Q1) or month (2026-03).");
}

/// <summary>Writes a period as its code.</summary>
internal sealed class ReportPeriodJsonConverter : JsonConverter<ReportPeriod>
{
    public override ReportPeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReportPeriod.Parse(reader.GetString() ?? "");

    public override void Write(Utf8JsonWriter writer, ReportPeriod value, JsonSerializerOptions options) => writer.WriteStringValue(value.Code);
}
