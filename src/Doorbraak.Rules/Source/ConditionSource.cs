namespace Doorbraak.Rules.Source;

/// <summary>
/// The text of one expression as written in a YAML scalar, with what is needed to map an
/// offset in the text back to file:line:column. Plain scalars are on one line starting at
/// <see cref="Start"/>; literal block scalars (<c>|</c>) start on the line after the indicator,
/// each line indented by <see cref="BlockIndent"/> columns.
/// </summary>
internal sealed record ConditionSource(string Text, SourceLocation Start, bool IsBlock = false, int BlockIndent = 0)
{
    /// <summary>The file position of the character at <paramref name="offset"/> in <see cref="Text"/>.</summary>
    public SourceLocation LocationAt(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (Text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        var col = offset - lineStart;
        if (IsBlock) return Start with { Line = Start.Line + 1 + line, Column = BlockIndent + col + 1 };
        return line == 0 ? Start with { Column = Start.Column + col } : Start with { Line = Start.Line + line, Column = col + 1 };
    }

    /// <summary>An expression that is not in a file (host code, tests, what-if queries).</summary>
    public static ConditionSource Inline(string text) => new(text, new SourceLocation("<expression>", 1, 1));
}
