using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Doorbraak.Rules.Wording;

/// <summary>
/// The wording of one language: the key → template table read from the embedded resource <c>Doorbraak.Wording.{code}.json</c>
/// (src/Doorbraak.Rules/Wording/nl.json and en.json, one file per language), named placeholders (<c>{goal}</c>), and the
/// language's way of writing numbers, money, dates and durations.
/// </summary>
/// <remarks>
/// This file is linked into the CLI and Monitoring projects (with the JSON files as embedded resources of the same logical name),
/// so every assembly reads the same files without the wording becoming public API. It may use only the base class library.
/// Tables are loaded once per assembly and language, lazily and thread-safely; a table is immutable after loading.
/// </remarks>
internal sealed class WordingTable
{
    private const string ResourcePrefix = "Doorbraak.Wording.";

    private static readonly Lazy<WordingTable> DutchTable = new(() => Load("nl"), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<WordingTable> EnglishTable = new(() => Load("en"), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, string> _entries;
    private readonly NumberFormatInfo _numbers;
    private readonly string[] _months;

    private WordingTable(string code, FrozenDictionary<string, string> entries)
    {
        Code = code;
        _entries = entries;
        // Built by hand from the table so that output does not depend on the host's ICU data (invariant globalization mode works too).
        _numbers = new NumberFormatInfo
        {
            NumberDecimalSeparator = this["format.decimal-separator"],
            NumberGroupSeparator = this["format.group-separator"],
            NumberGroupSizes = [3],
        };
        _months = this["format.month-names"].Split(',');
        if (_months.Length != 12) throw new InvalidOperationException($"Wording '{code}': format.month-names must list 12 months.");
    }

    /// <summary>Dutch (nl.json).</summary>
    public static WordingTable Dutch => DutchTable.Value;

    /// <summary>English (en.json).</summary>
    public static WordingTable English => EnglishTable.Value;

    /// <summary>The language code: nl or en.</summary>
    public string Code { get; }

    /// <summary>Every key with its template.</summary>
    public IReadOnlyDictionary<string, string> Entries => _entries;

    /// <summary>The template of a key, as written in the file.</summary>
    public string this[string key] =>
        _entries.TryGetValue(key, out var template) ? template : throw new KeyNotFoundException($"Wording '{Code}' has no key '{key}'.");

    /// <summary>The text of a key with its named placeholders filled in; a placeholder without an argument is an error.</summary>
    public string Format(string key, params ReadOnlySpan<(string Name, object? Value)> args)
    {
        var template = this[key];
        var sb = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0) { sb.Append(template, i, template.Length - i); break; }
            var close = template.IndexOf('}', open + 1);
            if (close < 0 || !IsName(template.AsSpan(open + 1, close - open - 1)))
            {
                sb.Append(template, i, open + 1 - i);
                i = open + 1;
                continue;
            }
            sb.Append(template, i, open - i);
            sb.Append(Arg(key, template.AsSpan(open + 1, close - open - 1), args));
            i = close + 1;
        }
        return sb.ToString();
    }

    /// <summary>The placeholder names of a template, in order of appearance (for checks that both languages agree).</summary>
    public static IReadOnlyList<string> Placeholders(string template)
    {
        var names = new List<string>();
        var i = 0;
        while ((i = template.IndexOf('{', i)) >= 0)
        {
            var close = template.IndexOf('}', i + 1);
            if (close < 0) break;
            var name = template.AsSpan(i + 1, close - i - 1);
            if (IsName(name)) names.Add(name.ToString());
            i = i + 1;
        }
        return names;
    }

    /// <summary>Money for people: EUR 1.401,50 (nl) or EUR 1,401.50 (en).</summary>
    public string Money(decimal amount) => "EUR " + amount.ToString("N2", _numbers);

    /// <summary>An amount, or the word for unknown when it is null: an unknown amount is never shown as EUR 0,00.</summary>
    public string Money(decimal? amount) => amount is { } a ? Money(a) : this["format.unknown"];

    /// <summary>A date for people: 1 maart 2026 (nl) or 1 March 2026 (en).</summary>
    public string Date(DateOnly d) => $"{d.Day} {_months[d.Month - 1]} {d.Year}";

    /// <summary>1 maand, 3 maanden (nl); 1 month, 3 months (en).</summary>
    public string Months(int months) => months == 1 ? this["format.month"] : Format("format.months", ("n", months));

    /// <summary>A duration of months and days; "0" when both are zero.</summary>
    public string Duration(int months, int days)
    {
        var parts = new List<string>();
        if (months > 0) parts.Add(Months(months));
        if (days > 0) parts.Add(Format("format.days", ("n", days)));
        return parts.Count == 0 ? "0" : string.Join(this["format.and"], parts);
    }

    /// <summary>a, b en c (nl); a, b and c (en).</summary>
    public string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count <= 1) return list.FirstOrDefault() ?? "";
        return string.Join(", ", list.Take(list.Count - 1)) + this["format.and"] + list[^1];
    }

    private static string Arg(string key, ReadOnlySpan<char> name, ReadOnlySpan<(string Name, object? Value)> args)
    {
        foreach (var (n, v) in args)
            if (name.SequenceEqual(n))
                return v switch
                {
                    null => "",
                    string s => s,
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => v.ToString() ?? "",
                };
        throw new ArgumentException($"Wording key '{key}' needs an argument '{name}'.", nameof(args));
    }

    private static bool IsName(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return false;
        foreach (var c in s)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return false;
        return true;
    }

    private static WordingTable Load(string code)
    {
        var assembly = typeof(WordingTable).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + code + ".json")
            ?? throw new InvalidOperationException($"The wording resource {ResourcePrefix}{code}.json is not embedded in {assembly.GetName().Name}.");
        using var doc = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in doc.RootElement.EnumerateObject())
            entries[p.Name] = p.Value.GetString() ?? "";
        return new WordingTable(code, entries.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
