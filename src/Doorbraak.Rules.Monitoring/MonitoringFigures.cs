using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Doorbraak.Rules.Monitoring;

/// <summary>One figure the host supplies: an indicator's value or a budget line's spend in a period.</summary>
/// <param name="Id">The indicator or budget line id.</param>
/// <param name="Period">The period (<see cref="ReportPeriod"/> code: <c>2026</c>, <c>2026-Q1</c>, <c>2026-03</c>, <c>2026-01-30/2026-04-09</c>).</param>
/// <param name="Value">The value in the indicator's unit, or the spend in euros.</param>
/// <param name="Reference">The reference value for the same period (national or comparable group), if supplied.</param>
/// <param name="Count">The number of people or households the value rests on, if supplied (used to suppress small numbers).</param>
/// <param name="Note">A remark (the source of this figure, a correction).</param>
public sealed record SuppliedFigure(string Id, ReportPeriod Period, decimal Value, decimal? Reference, int? Count, string? Note);

/// <summary>
/// The figures a host supplies for the population indicators and budget lines, per period, read from CSV or JSON as municipalities
/// export them (see docs/monitoring.md, "Figures"). Lines that cannot be read are listed in <see cref="Problems"/> with their line number.
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed class MonitoringFigures
{
    private static readonly string[] Columns = ["id", "period", "value", "reference", "count", "note"];

    /// <summary>Creates a set of figures.</summary>
    /// <param name="rows">The figures.</param>
    /// <param name="source">Where they come from (a file name), shown in the report.</param>
    /// <param name="problems">Problems met while reading.</param>
    public MonitoringFigures(IEnumerable<SuppliedFigure> rows, string? source = null, IEnumerable<string>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Rows = rows.ToList();
        Source = source;
        Problems = problems?.ToList() ?? [];
    }

    /// <summary>No figures.</summary>
    public static MonitoringFigures None { get; } = new([]);

    /// <summary>The figures, in the order read.</summary>
    public IReadOnlyList<SuppliedFigure> Rows { get; }

    /// <summary>Where the figures come from, if known.</summary>
    public string? Source { get; }

    /// <summary>Lines or items that could not be read.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Reads a file: <c>.json</c> as JSON, anything else as CSV.</summary>
    /// <param name="path">The file.</param>
    public static MonitoringFigures Load(string path)
    {
        var text = File.ReadAllText(path);
        var name = Path.GetFileName(path);
        return path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ParseJson(text, name) : ParseCsv(text, name);
    }

    /// <summary>
    /// Reads CSV with a header row naming the columns <c>id</c>, <c>period</c> and <c>value</c> (required) and <c>reference</c>, <c>count</c>,
    /// <c>note</c> (optional), in any order. Comma-separated with a decimal point, or — as Dutch spreadsheets export — semicolon-separated with
    /// a decimal comma (chosen by the header). Fields may be quoted (RFC 4180).
    /// </summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="source">Where it comes from, for the report and the problems.</param>
    public static MonitoringFigures ParseCsv(string text, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var where = source ?? "figures";
        var lines = SplitLines(text.TrimStart('\uFEFF'));
        var problems = new List<string>();
        var rows = new List<SuppliedFigure>();
        if (lines.Count == 0) return new(rows, source, [$"{where}: empty; the first line must name the columns id,period,value."]);
        var sep = lines[0].Text.Contains(';') && !lines[0].Text.Contains(',') ? ';' : ',';
        var dutch = sep == ';';
        var header = Fields(lines[0].Text, sep).Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = new[] { "id", "period", "value" }.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
            return new(rows, source, [$"{where}:1: the header lacks the column(s) {string.Join(", ", missing)}; it must name id, period and value (and may name {string.Join(", ", Columns[3..])})."]);
        foreach (var unknown in header.Where(h => !Columns.Contains(h))) problems.Add($"{where}:1: unknown column '{unknown}' is ignored; the columns are {string.Join(", ", Columns)}.");
        foreach (var (number, line) in lines.Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var f = Fields(line, sep);
            string Get(string c) => header.IndexOf(c) is var i && i >= 0 && i < f.Count ? f[i].Trim() : "";
            var row = Row(Get("id"), Get("period"), Get("value"), Get("reference"), Get("count"), Get("note"), dutch, $"{where}:{number}", problems);
            if (row is not null) rows.Add(row);
        }
        return new(rows, source, problems);
    }

    /// <summary>
    /// Reads JSON: an array of objects, or an object with a <c>figures</c> array, each with <c>id</c>, <c>period</c> and <c>value</c>
    /// (a number) and optionally <c>reference</c>, <c>count</c> and <c>note</c>.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">Where it comes from.</param>
    public static MonitoringFigures ParseJson(string json, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var where = source ?? "figures";
        var problems = new List<string>();
        var rows = new List<SuppliedFigure>();
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            return new(rows, source, [$"{where}: not JSON ({ex.Message})."]);
        }
        using (doc)
        {
            var root = doc.RootElement;
            var items = root.ValueKind == JsonValueKind.Array ? root
                : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("figures", out var fs) && fs.ValueKind == JsonValueKind.Array ? fs
                : default;
            if (items.ValueKind != JsonValueKind.Array) return new(rows, source, [$"{where}: expected an array of figures or an object with a 'figures' array."]);
            var n = 0;
            foreach (var item in items.EnumerateArray())
            {
                n++;
                if (item.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{where}: figure {n} is not an object with id, period and value.");
                    continue;
                }
                string Get(string name) => item.TryGetProperty(name, out var v) ? v.ValueKind switch
                {
                    JsonValueKind.String => v.GetString() ?? "",
                    JsonValueKind.Number => v.GetRawText(),
                    _ => "",
                } : "";
                var row = Row(Get("id"), Get("period"), Get("value"), Get("reference"), Get("count"), Get("note"), false, $"{where}: figure {n}", problems);
                if (row is not null) rows.Add(row);
            }
        }
        return new(rows, source, problems);
    }

    private static SuppliedFigure? Row(string id, string period, string value, string reference, string count, string note, bool dutch, string where, List<string> problems)
    {
        if (id.Length == 0)
        {
            problems.Add($"{where}: no id; give the indicator or budget line id.");
            return null;
        }
        if (!ReportPeriod.TryParse(period, out var p))
        {
            problems.Add($"{where}: '{period}' is not a period; write 2026, 2026-H1, 2026-Q1, 2026-03 or 2026-01-30/2026-04-09.");
            return null;
        }
        if (!Number(value, dutch, out var v))
        {
            problems.Add($"{where}: the value '{value}' is not a number{(dutch ? " (with a decimal comma)" : " (with a decimal point)")}.");
            return null;
        }
        decimal? r = null;
        if (reference.Length > 0)
        {
            if (Number(reference, dutch, out var rv)) r = rv;
            else problems.Add($"{where}: the reference '{reference}' is not a number; it is left out.");
        }
        int? c = null;
        if (count.Length > 0)
        {
            if (int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var cv)) c = cv;
            else
            {
                problems.Add($"{where}: the count '{count}' is not a whole number of at least 0; the figure is left out, as it cannot be checked for small numbers.");
                return null;
            }
        }
        return new SuppliedFigure(id, p, v, r, c, note.Length == 0 ? null : note);
    }

    private static bool Number(string text, bool dutch, out decimal value)
    {
        var t = text.Trim().Replace(" ", "", StringComparison.Ordinal);
        if (dutch) t = t.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static List<(int Number, string Text)> SplitLines(string text)
    {
        // Split on line ends outside quotes, so a quoted note may hold a line break.
        var result = new List<(int, string)>();
        var sb = new StringBuilder();
        var quoted = false;
        var line = 1;
        var start = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == '"') quoted = !quoted;
            if (!quoted && ch is '\n' or '\r')
            {
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                result.Add((start, sb.ToString()));
                sb.Clear();
                line++;
                start = line;
                continue;
            }
            if (ch == '\n') line++;
            sb.Append(ch);
        }
        if (sb.Length > 0) result.Add((start, sb.ToString()));
        while (result.Count > 0 && string.IsNullOrWhiteSpace(result[^1].Item2)) result.RemoveAt(result.Count - 1);
        return result;
    }

    private static List<string> Fields(string line, char sep)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    sb.Append('"');
                    i++;
                }
                else if (ch == '"') quoted = false;
                else sb.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == sep)
            {
                fields.Add(sb.ToString());
                sb.Clear();
            }
            else sb.Append(ch);
        }
        fields.Add(sb.ToString());
        return fields;
    }
}
