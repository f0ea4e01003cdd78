using Doorbraak.Rules.Source;
using Doorbraak.Rules.Conditions.Ast;
using System.Globalization;

namespace Doorbraak.Rules.Source.Yaml;

/// <summary>
/// Reads the keys of one mapping with the strict scalar rules of the pack format, reporting
/// unknown keys (with "did you mean"), missing keys and wrong types into a diagnostic bag.
/// </summary>
internal sealed class MappingReader
{
    private readonly YMapping _map;
    private readonly DiagnosticBag _bag;
    private readonly string _what;
    private readonly MappingKeys? _keys;

    /// <summary>
    /// Reads a mapping described by <paramref name="keys"/>: unknown keys are reported, and reading a key the
    /// description does not list, or requiring one it does not mark required, is a bug in the reader and throws.
    /// </summary>
    public MappingReader(YMapping map, DiagnosticBag bag, string what, MappingKeys keys)
        : this(map, bag, what, keys.All)
    {
        _keys = keys;
    }

    public MappingReader(YMapping map, DiagnosticBag bag, string what, IReadOnlyCollection<string> allowedKeys)
    {
        _map = map;
        _bag = bag;
        _what = what;
        foreach (var (key, _) in map.Entries)
        {
            if (!allowedKeys.Contains(key.Value))
                bag.Report(DiagnosticCatalog.UnknownKey, key.Start, $"Unknown key '{key.Value}' in {what}{Suggest.Hint(key.Value, allowedKeys)}. Allowed keys: {string.Join(", ", allowedKeys)}.");
        }
    }

    public YMapping Map => _map;

    public DiagnosticBag Bag => _bag;

    public SourceLocation Start => _map.Start;

    public bool Has(string key) => _map[Declared(key)] is { } n && !(n is YScalar s && s.IsNull);

    public YNode? Node(string key) => _map[Declared(key)] is { } n && !(n is YScalar s && s.IsNull) ? n : null;

    /// <summary>Reports that a required key is missing (or empty), as reading it with <c>required: true</c> would.</summary>
    public void ReportMissing(string key) =>
        _bag.Report(DiagnosticCatalog.MissingKey, _map.Start, $"{Capital(_what)} needs the key '{key}'.");

    private string Declared(string key) =>
        _keys is null || _keys.All.Contains(key) ? key
            : throw new InvalidOperationException($"The reader reads '{key}' in a {_keys.Kind}, but its key list does not have it; add it to PackKeys and the schema.");

    public SourceLocation At(string key)
    {
        foreach (var (k, v) in _map.Entries)
            if (k.Value == key) return v.Start;
        return _map.Start;
    }

    private YNode? Required(string key)
    {
        if (_keys is not null && !_keys.MayRequire(key))
            throw new InvalidOperationException($"The reader requires '{key}' in a {_keys.Kind}, but its key list marks it optional; mark it required in PackKeys and the schema.");
        var n = Node(key);
        if (n is null) ReportMissing(key);
        return n;
    }

    public string? Text(string key, bool required = false)
    {
        var n = required ? Required(key) : Node(key);
        return n is null ? null : AsText(n, _bag, key);
    }

    public decimal? Decimal(string key, bool required = false)
    {
        var n = required ? Required(key) : Node(key);
        return n is null ? null : AsDecimal(n, _bag, key);
    }

    public bool? Bool(string key, bool required = false)
    {
        var n = required ? Required(key) : Node(key);
        return n is null ? null : AsBool(n, _bag, key);
    }

    public DateOnly? Date(string key, bool required = false)
    {
        var n = required ? Required(key) : Node(key);
        return n is null ? null : AsDate(n, _bag, key);
    }

    public (int Months, int Days)? Duration(string key, bool required = false)
    {
        var n = required ? Required(key) : Node(key);
        return n is null ? null : AsDuration(n, _bag, key);
    }

    public YMapping? Mapping(string key, bool required = false)
    {
        var n = required ? Required(key) : Node(key);
        if (n is null) return null;
        if (n is YMapping m) return m;
        _bag.Report(DiagnosticCatalog.WrongValueKind, n.Start, $"'{key}' must be a mapping (key: value), not {n.KindName}.");
        return null;
    }

    public YSequence? Sequence(string key, bool required = false)
    {
        var n = required ? Required(key) : Node(key);
        if (n is null) return null;
        if (n is YSequence s) return s;
        _bag.Report(DiagnosticCatalog.WrongValueKind, n.Start, $"'{key}' must be a list (items starting with '-' or [a, b]), not {n.KindName}.");
        return null;
    }

    /// <summary>A list of texts; a single text is accepted as a list of one.</summary>
    public List<string> TextList(string key)
    {
        var result = new List<string>();
        var n = Node(key);
        if (n is null) return result;
        if (n is YScalar) return AsText(n, _bag, key) is { } one ? [one] : result;
        if (n is not YSequence seq)
        {
            _bag.Report(DiagnosticCatalog.WrongValueKind, n.Start, $"'{key}' must be a list of texts, not {n.KindName}.");
            return result;
        }
        foreach (var item in seq.Items)
            if (AsText(item, _bag, key) is { } t) result.Add(t);
        return result;
    }

    public ConditionSource? Expression(string key, bool required = false)
    {
        var n = required ? Required(key) : Node(key);
        return n is null ? null : AsExpression(n, _bag, key);
    }

    public static string? AsText(YNode n, DiagnosticBag bag, string key)
    {
        if (n is YScalar s) return s.Value;
        bag.Report(DiagnosticCatalog.WrongValueKind, n.Start, $"'{key}' must be text, not {n.KindName}.");
        return null;
    }

    public static decimal? AsDecimal(YNode n, DiagnosticBag bag, string key)
    {
        if (n is not YScalar s || !s.IsPlain)
        {
            bag.Report(DiagnosticCatalog.WrongValueKind, n.Start, $"'{key}' must be a number written without quotes, such as 1401.50.");
            return null;
        }
        if (TryParseDecimal(s.Value, out var d)) return d;
        if (DecimalComma(s.Value) is { } pointed)
        {
            bag.Report(DiagnosticCatalog.DecimalComma, n.Start, $"'{s.Value}' is written with a decimal comma; use a decimal point: {pointed} (gebruik een decimale punt: {pointed}).");
            return null;
        }
        bag.Report(DiagnosticCatalog.MalformedLiteral, n.Start, $"'{s.Value}' is not a number in the pack format: write digits with a '.' for decimals (1401.50), without leading zeros, '_', ',' or exponents.");
        return null;
    }

    /// <summary>For a number written with a decimal comma (<c>2500,00</c>, <c>1.401,50</c>): the same number with a decimal point; otherwise null.</summary>
    public static string? DecimalComma(string text)
    {
        var comma = text.LastIndexOf(',');
        if (comma <= 0 || comma == text.Length - 1 || text.IndexOf(',') != comma) return null;
        var whole = text[..comma].Replace(".", "");
        var fraction = text[(comma + 1)..];
        if (!fraction.All(char.IsAsciiDigit)) return null;
        var pointed = whole + "." + fraction;
        return TryParseDecimal(pointed, out _) ? pointed : null;
    }

    /// <summary>Strict numbers: optional '-', digits without leading zero, optional '.digits'.</summary>
    public static bool TryParseDecimal(string text, out decimal value)
    {
        value = 0;
        var i = 0;
        if (text.Length > 0 && text[0] == '-') i++;
        var intStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        var intLen = i - intStart;
        if (intLen == 0 || (intLen > 1 && text[intStart] == '0')) return false;
        if (i < text.Length)
        {
            if (text[i] != '.') return false;
            i++;
            var fracStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            if (i == fracStart || i != text.Length) return false;
        }
        if (text.Length > 28) return false;
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    public static bool? AsBool(YNode n, DiagnosticBag bag, string key)
    {
        if (n is YScalar { IsPlain: true } s)
        {
            if (s.Value == "true") return true;
            if (s.Value == "false") return false;
            bag.Report(DiagnosticCatalog.WrongValueKind, n.Start, $"'{key}' must be true or false; '{s.Value}' is not accepted (YAML 1.1 words like yes/no/on/off are not booleans here).");
            return null;
        }
        bag.Report(DiagnosticCatalog.WrongValueKind, n.Start, $"'{key}' must be true or false, written without quotes.");
        return null;
    }

    public static DateOnly? AsDate(YNode n, DiagnosticBag bag, string key)
    {
        if (n is YScalar s && TryParseDate(s.Value, out var d, out var problem))
        {
            if (problem is null) return d;
            bag.Report(DiagnosticCatalog.MalformedLiteral, n.Start, $"'{s.Value}' in '{key}' {problem}");
            return null;
        }
        bag.Report(DiagnosticCatalog.MalformedLiteral, n.Start, $"'{key}' must be a date written as yyyy-mm-dd, such as 2026-01-01.");
        return null;
    }

    /// <summary>True when the text has the yyyy-mm-dd shape; <paramref name="problem"/> is set when that date does not exist.</summary>
    public static bool TryParseDate(string text, out DateOnly date, out string? problem)
    {
        date = default;
        problem = null;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-') return false;
        for (var i = 0; i < 10; i++)
            if (i != 4 && i != 7 && !char.IsAsciiDigit(text[i])) return false;
        var y = int.Parse(text.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var m = int.Parse(text.AsSpan(5, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(text.AsSpan(8, 2), CultureInfo.InvariantCulture);
        if (y < 1 || m is < 1 or > 12)
        {
            problem = "is not a date: the month must be 01 to 12.";
            return true;
        }
        if (day < 1 || day > DateTime.DaysInMonth(y, m))
        {
            problem = $"is not a date: {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m)} {y} has {DateTime.DaysInMonth(y, m)} days.";
            return true;
        }
        date = new DateOnly(y, m, day);
        return true;
    }

    public static (int, int)? AsDuration(YNode n, DiagnosticBag bag, string key)
    {
        if (n is YScalar s && IsoDuration.TryParse(s.Value, out var months, out var days)) return (months, days);
        bag.Report(DiagnosticCatalog.MalformedLiteral, n.Start, $"'{key}' must be an ISO 8601 duration such as P6M (6 months), P1Y, P4W or P30D.");
        return null;
    }

    public static ConditionSource? AsExpression(YNode n, DiagnosticBag bag, string key)
    {
        if (n is YScalar s)
        {
            switch (s.Style)
            {
                case YScalarStyle.Plain:
                    return new ConditionSource(s.Value, s.Start);
                case YScalarStyle.Literal:
                    return new ConditionSource(s.Value.TrimEnd('\n'), s.Start, IsBlock: true, BlockIndent: s.BlockIndent);
                default:
                    bag.Report(DiagnosticCatalog.ExpressionStyle, n.Start, $"Write the expression in '{key}' without quotes on one line, or as a literal block ('{key}: |' with the expression on the next lines); quoted and folded styles shift the positions in error messages.");
                    return null;
            }
        }
        bag.Report(DiagnosticCatalog.WrongValueKind, n.Start, $"'{key}' must be an expression, not {n.KindName}.");
        return null;
    }

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
