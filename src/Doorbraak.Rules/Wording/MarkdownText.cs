using System.Text;

namespace Doorbraak.Rules.Wording;

/// <summary>
/// Pack and household text written into Markdown as text (issue #20, links in pack texts): HTML's &lt; and &gt; become
/// entities (<c>&lt;script&gt;</c> is shown, never run), and the characters that make links, images, code, emphasis with <c>*</c> and
/// table cells are backslash-escaped (<c>_</c> is left alone: ids such as <c>pw.aow_leeftijd</c> are common in pack text, and it
/// makes no link or element), so <c>[x](javascript:alert(1))</c> in a title is shown as written and never becomes a
/// link. A newline becomes a space, and a line-start marker (<c>#</c>, <c>&gt;</c>, <c>-</c>, <c>+</c>, <c>=</c>, <c>1.</c>) is
/// escaped, so a text cannot start a heading or list. Linked into the CLI and Monitoring, like the wording table.
/// </summary>
internal static class MarkdownText
{
    /// <summary>Text of several lines (a motivation, a summary): each line escaped, the line breaks kept.</summary>
    public static string EscapeLines(string? text) =>
        string.IsNullOrEmpty(text) ? "" : string.Join("\n", text.Replace("\r", "").Split('\n').Select(Escape));

    /// <summary>The text, safe to put anywhere in a Markdown line or table cell.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 8);
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '\r': break;
                case '\n': sb.Append(' '); break;
                case '\\' or '`' or '*' or '[' or ']' or '|':
                    sb.Append('\\').Append(ch);
                    break;
                default: sb.Append(ch); break;
            }
        }
        // A marker at the start would make the line a heading, list item or setext underline: '#', '- ', '+ ', '1. ', '1) ',
        // or a line of only '-' or '='. Other leading characters (such as the 6 of 67.25) stay as they are.
        var start = 0;
        while (start < sb.Length && sb[start] == ' ') start++;
        bool SpaceOrEnd(int i) => i >= sb.Length || sb[i] == ' ';
        if (start < sb.Length)
        {
            var first = sb[start];
            var rest = sb.ToString(start, sb.Length - start).TrimEnd();
            if (first == '#' || (first is '-' or '+' && SpaceOrEnd(start + 1)) || (first is '-' or '=' && rest.All(c => c == first)))
                sb.Insert(start, '\\');
            else
            {
                var digits = start;
                while (digits < sb.Length && char.IsAsciiDigit(sb[digits])) digits++;
                if (digits > start && digits < sb.Length && sb[digits] is '.' or ')' && SpaceOrEnd(digits + 1)) sb.Insert(digits, '\\');
            }
        }
        return sb.ToString();
    }
}
