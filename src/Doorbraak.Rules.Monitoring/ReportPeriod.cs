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
    /// <summary>Any run of days, written as an ISO 8601 interval <c>2026-01-30/2026-04-09</c>: the days up to a council meeting.</summary>
    Interval,
}

/// <summary>
/// A reporting period: a year (<c>2026</c>), half year (<c>2026-H1</c>), quarter (<c>2026-Q1</c>), month (<c>2026-03</c>) or the days
/// between two council meetings (<c>2026-01-30/2026-04-09</c>, see <see cref="ForMeeting"/>); both ends inclusive.
/// </summary>
[JsonConverter(typeof(ReportPeriodJsonConverter))]
public readonly record struct ReportPeriod
{
    private static readonly string[] DutchMonths = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    private readonly DateOnly _start;
    private readonly DateOnly _end;

    private ReportPeriod(PeriodKind kind, int year, int index)
    {
        Kind = kind;
        Year = year;
        Index = index;
    }

    private ReportPeriod(DateOnly start, DateOnly end)
    {
        Kind = PeriodKind.Interval;
        Year = end.Year;
        Index = 1;
        _start = start;
        _end = end;
    }

    /// <summary>The days from <paramref name="start"/> to <paramref name="end"/>, both inclusive.</summary>
    public static ReportPeriod Between(DateOnly start, DateOnly end) =>
        end < start ? throw new ArgumentException($"The period ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).", nameof(end)) : new(start, end);

    /// <summary>
    /// The reporting period that a council meeting closes: the day after the meeting before it up to and including the meeting.
    /// The first meeting in the list only starts the first period.
    /// </summary>
    /// <param name="meetings">The council meeting dates (any order).</param>
    /// <param name="meeting">The meeting to report to; must be in the list and not the first.</param>
    public static ReportPeriod ForMeeting(IEnumerable<DateOnly> meetings, DateOnly meeting)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        var sorted = meetings.Distinct().Order().ToList();
        var i = sorted.IndexOf(meeting);
        if (i < 0) throw new ArgumentException($"{meeting:yyyy-MM-dd} is not one of the council meetings ({string.Join(", ", sorted.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}).", nameof(meeting));
        if (i == 0) throw new ArgumentException($"{meeting:yyyy-MM-dd} is the first council meeting in the list, so no period ends on it; list the meeting before it too.", nameof(meeting));
        return new(sorted[i - 1].AddDays(1), meeting);
    }

    /// <summary>The periods closed by this meeting period's meeting and up to <paramref name="count"/> − 1 meetings before it, oldest first.</summary>
    internal static IReadOnlyList<ReportPeriod> MeetingsUpTo(IReadOnlyList<DateOnly> meetings, ReportPeriod period, int count)
    {
        var sorted = meetings.Distinct().Order().ToList();
        var i = sorted.IndexOf(period.End);
        if (period.Kind != PeriodKind.Interval || i <= 0 || sorted[i - 1].AddDays(1) != period.Start) return period.WithPrevious(count);
        var list = new List<ReportPeriod>();
        for (var k = i; k >= 1 && list.Count < Math.Max(1, count); k--) list.Insert(0, new(sorted[k - 1].AddDays(1), sorted[k]));
        return list;
    }

    /// <summary>Year, half year, quarter or month.</summary>
    public PeriodKind Kind { get; }

    /// <summary>The calendar year.</summary>
    public int Year { get; }

    /// <summary>The half (1-2), quarter (1-4) or month (1-12) within the year; 1 for a year.</summary>
    public int Index { get; }

    private int Months => Kind switch { PeriodKind.Year => 12, PeriodKind.HalfYear => 6, PeriodKind.Quarter => 3, _ => 1 };

    /// <summary>The first day.</summary>
    public DateOnly Start => Kind == PeriodKind.Interval ? _start : new(Year, (Index - 1) * Months + 1, 1);

    /// <summary>The last day (inclusive).</summary>
    public DateOnly End => Kind == PeriodKind.Interval ? _end : Start.AddMonths(Months).AddDays(-1);

    /// <summary>Whether <paramref name="date"/> lies in the period.</summary>
    public bool Contains(DateOnly date) => Start <= date && date <= End;

    /// <summary>The period before this one, of the same length.</summary>
    public ReportPeriod Previous() => Kind == PeriodKind.Interval ? new(_start.AddDays(-(_end.DayNumber - _start.DayNumber + 1)), _start.AddDays(-1))
        : Index > 1 ? new(Kind, Year, Index - 1) : new(Kind, Year - 1, 12 / Months);

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
        PeriodKind.Interval => $"{Iso(_start)}/{Iso(_end)}",
        _ => $"{Year}-{Index:00}",
    };

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The name in Dutch: <c>1e kwartaal 2026</c>, <c>1e halfjaar 2026</c>, <c>maart 2026</c>, <c>2026</c>.</summary>
    public string DutchName => Kind switch
    {
        PeriodKind.Year => Year.ToString(CultureInfo.InvariantCulture),
        PeriodKind.HalfYear => $"{Index}e halfjaar {Year}",
        PeriodKind.Quarter => $"{Index}e kwartaal {Year}",
        PeriodKind.Interval => $"{_start.Day} {DutchMonths[_start.Month - 1]} {_start.Year} t/m {_end.Day} {DutchMonths[_end.Month - 1]} {_end.Year}",
        _ => $"{DutchMonths[Index - 1]} {Year}",
    };

    /// <summary>A short label for chart axes: <c>Q1 2026</c>, <c>H1 2026</c>, <c>mrt 2026</c>, <c>2026</c>.</summary>
    public string ShortName => Kind switch
    {
        PeriodKind.Year => Year.ToString(CultureInfo.InvariantCulture),
        PeriodKind.HalfYear => $"H{Index} {Year}",
        PeriodKind.Quarter => $"Q{Index} {Year}",
        PeriodKind.Interval => $"t/m {_end.Day} {DutchMonths[_end.Month - 1][..3]} {_end.Year}",
        _ => $"{DutchMonths[Index - 1][..3]} {Year}",
    };

    /// <inheritdoc/>
    public override string ToString() => Code;

    /// <summary>Reads <c>2026</c>, <c>2026-H1</c>, <c>2026-Q1</c>, <c>2026-03</c> or an interval <c>2026-01-30/2026-04-09</c>.</summary>
    public static bool TryParse(string? text, out ReportPeriod period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim().ToUpperInvariant();
        if (t.Split('/') is [var a, var b])
        {
            if (!DateOnly.TryParseExact(a, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                || !DateOnly.TryParseExact(b, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) || to < from) return false;
            period = new(from, to);
            return true;
        }
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
        : throw new FormatException($"'{text}' is not a period; write a year (2026), half year (2026-H1), quarter (2026-Q1), month (2026-03) or days (2026-01-30/2026-04-09).");
}

/// <summary>Writes a period as its code.</summary>
internal sealed class ReportPeriodJsonConverter : JsonConverter<ReportPeriod>
{
    public override ReportPeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReportPeriod.Parse(reader.GetString() ?? "");

    public override void Write(Utf8JsonWriter writer, ReportPeriod value, JsonSerializerOptions options) => writer.WriteStringValue(value.Code);
}
