using System.Text.RegularExpressions;
using Doorbraak.Rules.Packs;
using Doorbraak.Rules.Source.Yaml;

namespace Doorbraak.Rules.Cli.Lsp;

/// <summary>
/// Reads, from the raw text around the cursor, what a pack author is typing: a word (an id or fact name), or a key of
/// a block mapping, and which kind of mapping that is (the same key lists the loader checks, <see cref="PackKeys"/>).
/// Text-based on purpose: it must work while the file is half written and does not parse.
/// </summary>
internal static partial class YamlCursor
{
    /// <summary>Whether a character can be part of an id, a fact name or a parameter (<c>pw.kostendelersnorm</c>, <c>afw.x-y</c>).</summary>
    public static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '.' or '-';

    /// <summary>The name around (or just before) a 0-based column: its start, end (exclusive) and text.</summary>
    public static (int Start, int End, string Text) WordAt(string line, int column)
    {
        column = Math.Clamp(column, 0, line.Length);
        var start = column;
        while (start > 0 && IsNameChar(line[start - 1])) start--;
        var end = column;
        while (end < line.Length && IsNameChar(line[end])) end++;
        var text = line[start..end].TrimEnd('.');
        // A leading list dash ("- id") is not part of the name.
        while (text.StartsWith('-')) { text = text[1..]; start++; }
        return (start, start + text.Length, text);
    }

    /// <summary>The typed part of a name before the cursor: where it starts and its text.</summary>
    public static (int Start, string Text) PrefixAt(string line, int column)
    {
        column = Math.Clamp(column, 0, line.Length);
        var start = column;
        while (start > 0 && IsNameChar(line[start - 1])) start--;
        var text = line[start..column];
        while (text.StartsWith('-')) { text = text[1..]; start++; }
        return (start, text);
    }

    /// <summary>
    /// When the cursor is where a key of a block mapping goes, the key list of that mapping (or null when the mapping
    /// is not one of the format's, such as a household in a test).
    /// </summary>
    public static MappingKeys? KeysAt(string[] lines, int line, int column, bool manifest, out bool atKey)
    {
        atKey = false;
        var before = lines[line][..Math.Min(column, lines[line].Length)];
        var m = KeyPosition().Match(before);
        if (!m.Success) return null;
        atKey = true;
        var keyColumn = m.Groups[1].Length + m.Groups[2].Length;
        var chain = new List<string>();
        if (m.Groups[2].Length > 0)
        {
            chain.Add("-");
            keyColumn = m.Groups[1].Length;
        }
        var need = keyColumn;
        for (var i = line - 1; i >= 0 && need > 0; i--)
        {
            var k = KeyLine().Match(lines[i]);
            if (!k.Success) continue;
            var indent = k.Groups[1].Length;
            var isItem = k.Groups[2].Length > 0;
            var col = indent + k.Groups[2].Length;
            if (isItem && col == need)
            {
                chain.Add("-");
                need = indent;
            }
            else if (col < need)
            {
                chain.Add(k.Groups[3].Value);
                need = col;
                if (isItem)
                {
                    chain.Add("-");
                    need = indent;
                }
            }
        }
        chain.Reverse();
        return Resolve(chain, manifest);
    }

    private static MappingKeys? Resolve(List<string> chain, bool manifest) =>
        SchemaShape.Instance.SchemaPathAt(chain, manifest) is { } path ? PackKeys.All.FirstOrDefault(k => k.SchemaPath == path) : null;

    /// <summary>The key whose value the cursor is in (<c>deviates: vl.x|</c>), or null.</summary>
    public static string? ValueKey(string line, int column)
    {
        var m = ValuePosition().Match(line[..Math.Min(column, line.Length)]);
        return m.Success ? m.Groups[1].Value : null;
    }

    // Indentation, an optional list dash, and a partly typed key with nothing else on the line before the cursor.
    [GeneratedRegex(@"^( *)(- +)?[A-Za-z_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPosition();

    // A line that starts a key: indentation, an optional list dash, the key and its colon.
    [GeneratedRegex(@"^( *)(- +)?([A-Za-z_][A-Za-z0-9_.-]*) *:(?: |$)", RegexOptions.CultureInvariant)]
    private static partial Regex KeyLine();

    [GeneratedRegex(@"^ *(?:- +)?([A-Za-z_][A-Za-z0-9_]*) *: *(?:\[[^\]]*)?[A-Za-z0-9_.-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ValuePosition();
}
