using Doorbraak.Rules.Source;
using Doorbraak.Rules.Packs;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Doorbraak.Rules.Source.Yaml;

/// <summary>Limits that protect the host from oversized or hostile pack files.</summary>
internal sealed record YamlLimits(int MaxFileBytes = 1024 * 1024, int MaxDepth = 32, int MaxEvents = 100_000, long MaxPackBytes = 2L * 1024 * 1024, int MaxPackFiles = 500)
{
    public static YamlLimits Default { get; } = new();
}

/// <summary>
/// Reads one YAML file into a <see cref="YNode"/> tree without recursion, within fixed limits,
/// refusing anchors, aliases, tags, merge keys, duplicate keys and several documents.
/// </summary>
internal static class SafeYamlReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes bytes as strict UTF-8 (a BOM is skipped) and parses. Returns null on any error.</summary>
    public static YNode? Read(string file, ReadOnlySpan<byte> bytes, DiagnosticBag diagnostics, YamlLimits? limits = null)
    {
        limits ??= YamlLimits.Default;
        var at = new SourceLocation(file, 1, 1);
        if (bytes.Length > limits.MaxFileBytes)
        {
            diagnostics.Report(DiagnosticCatalog.LimitExceeded, at, $"The file is {bytes.Length:N0} bytes; a pack file may be at most {limits.MaxFileBytes:N0} bytes. Split it into several files.");
            return null;
        }
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var (line, col) = LineColumnOfByte(bytes, ex.Index);
            diagnostics.Report(DiagnosticCatalog.NotUtf8, new SourceLocation(file, line, col), "The file is not valid UTF-8. Save it as UTF-8 (in most editors: 'Save with encoding' > UTF-8).");
            return null;
        }
        return Parse(file, text, diagnostics, limits);
    }

    public static YNode? Parse(string file, string text, DiagnosticBag diagnostics, YamlLimits? limits = null)
    {
        limits ??= YamlLimits.Default;
        var errorsBefore = diagnostics.Items.Count(d => d.Severity == DiagnosticSeverity.Error);
        var parser = new Parser(new StringReader(text));
        var stack = new Stack<YNode>();
        var pendingKeys = new Stack<YScalar?>();
        YNode? root = null;
        var events = 0;
        var documents = 0;

        SourceLocation Loc(Mark m) => new(file, (int)m.Line, (int)m.Column);

        try
        {
            while (parser.MoveNext())
            {
                var ev = parser.Current!;
                if (++events > limits.MaxEvents)
                {
                    diagnostics.Report(DiagnosticCatalog.LimitExceeded, Loc(ev.Start), $"The file has more than {limits.MaxEvents:N0} YAML elements. Split it into several files.");
                    return null;
                }

                switch (ev)
                {
                    case StreamStart or StreamEnd or DocumentEnd:
                        continue;
                    case DocumentStart ds:
                        if (++documents > 1)
                        {
                            diagnostics.Report(DiagnosticCatalog.YamlFeatureNotAllowed, Loc(ds.Start), "A pack file holds one YAML document; remove the '---' separator and put the rest in another file.");
                            return null;
                        }
                        continue;
                    case AnchorAlias alias:
                        diagnostics.Report(DiagnosticCatalog.YamlFeatureNotAllowed, Loc(alias.Start), $"Aliases (*{alias.Value}) are not part of the pack format; write the value out in full.");
                        return null;
                }

                if (ev is NodeEvent ne)
                {
                    if (!ne.Anchor.IsEmpty)
                    {
                        diagnostics.Report(DiagnosticCatalog.YamlFeatureNotAllowed, Loc(ne.Start), $"Anchors (&{ne.Anchor.Value}) are not part of the pack format; write each value out in full.");
                        return null;
                    }
                    if (!ne.Tag.IsEmpty && !(ne is Scalar { IsQuotedImplicit: true } && ne.Tag.Value == "!"))
                    {
                        diagnostics.Report(DiagnosticCatalog.YamlFeatureNotAllowed, Loc(ne.Start), $"Tags ({ne.Tag.Value}) are not part of the pack format; remove the tag.");
                        return null;
                    }
                }

                YNode? completed = null;
                switch (ev)
                {
                    case Scalar s:
                        var style = s.Style switch
                        {
                            ScalarStyle.SingleQuoted => YScalarStyle.SingleQuoted,
                            ScalarStyle.DoubleQuoted => YScalarStyle.DoubleQuoted,
                            ScalarStyle.Literal => YScalarStyle.Literal,
                            ScalarStyle.Folded => YScalarStyle.Folded,
                            _ => YScalarStyle.Plain,
                        };
                        completed = new YScalar(Loc(s.Start), s.Value, style, style is YScalarStyle.Literal or YScalarStyle.Folded ? BlockIndent(text, s) : 0);
                        break;
                    case MappingStart ms:
                        if (stack.Count >= limits.MaxDepth)
                        {
                            diagnostics.Report(DiagnosticCatalog.LimitExceeded, Loc(ms.Start), $"The file nests deeper than {limits.MaxDepth} levels; flatten the structure.");
                            return null;
                        }
                        stack.Push(new YMapping(Loc(ms.Start)));
                        pendingKeys.Push(null);
                        continue;
                    case SequenceStart ss:
                        if (stack.Count >= limits.MaxDepth)
                        {
                            diagnostics.Report(DiagnosticCatalog.LimitExceeded, Loc(ss.Start), $"The file nests deeper than {limits.MaxDepth} levels; flatten the structure.");
                            return null;
                        }
                        stack.Push(new YSequence(Loc(ss.Start)));
                        pendingKeys.Push(null);
                        continue;
                    case MappingEnd or SequenceEnd:
                        completed = stack.Pop();
                        pendingKeys.Pop();
                        break;
                }

                if (completed is null) continue;
                if (stack.Count == 0)
                {
                    root = completed;
                    continue;
                }

                var parent = stack.Peek();
                if (parent is YSequence seq)
                {
                    seq.Items.Add(completed);
                }
                else if (parent is YMapping map)
                {
                    var key = pendingKeys.Pop();
                    if (key is null)
                    {
                        if (completed is not YScalar keyScalar)
                        {
                            diagnostics.Report(DiagnosticCatalog.WrongValueKind, completed.Start, "A key must be a single word or text, not a list or mapping.");
                            return null;
                        }
                        if (keyScalar.IsPlain && keyScalar.Value == "<<")
                        {
                            diagnostics.Report(DiagnosticCatalog.YamlFeatureNotAllowed, keyScalar.Start, "Merge keys (<<) are not part of the pack format; write the keys out in full.");
                            return null;
                        }
                        if (map.FindKey(keyScalar.Value) is { } first)
                            diagnostics.Report(DiagnosticCatalog.DuplicateKey, keyScalar.Start, $"The key '{keyScalar.Value}' appears twice in this mapping (first at line {first.Start.Line}); remove or rename one.");
                        pendingKeys.Push(keyScalar);
                    }
                    else
                    {
                        map.Add(key, completed);
                        pendingKeys.Push(null);
                    }
                }
            }
        }
        catch (YamlException ex)
        {
            diagnostics.Report(DiagnosticCatalog.InvalidYaml, Loc(ex.Start), $"This is not valid YAML: {Clean(ex.Message)} Check the indentation and the ':' and '-' around this place.");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this for some malformed flow collections (an unclosed '[' before a key).
            var at = parser.Current is { } last ? Loc(last.End) : new SourceLocation(file, 1, 1);
            diagnostics.Report(DiagnosticCatalog.InvalidYaml, at, "This is not valid YAML: a '[' or '{' is not closed before the next key. Close the list or mapping on the same line.");
            return null;
        }
        catch (ArgumentException ex)
        {
            // YamlDotNet's parser throws this for a malformed tag ('!![', '!<>', a tag that is not a URI), found by fuzzing (issue #20).
            var at = parser.Current is { } last ? Loc(last.End) : new SourceLocation(file, 1, 1);
            var reason = ex.ParamName is null ? ex.Message : ex.Message.Replace($" (Parameter '{ex.ParamName}')", "", StringComparison.Ordinal);
            diagnostics.Report(DiagnosticCatalog.InvalidYaml, at, $"This is not valid YAML: {Clean(reason)} Tags (!...) are not part of the pack format either; remove the '!' and what follows it.");
            return null;
        }

        var errorsAfter = diagnostics.Items.Count(d => d.Severity == DiagnosticSeverity.Error);
        if (errorsAfter > errorsBefore) return null;
        return root;
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 4, Idx: 20) - (Line ...): "; the position is reported separately.
        var i = message.LastIndexOf("): ", StringComparison.Ordinal);
        var m = i >= 0 && message.StartsWith('(') ? message[(i + 3)..] : message;
        m = m.Trim();
        return m.EndsWith('.') ? m : m + ".";
    }

    private static int BlockIndent(string text, Scalar s)
    {
        // The content starts on the line after the indicator; measure that line's indentation.
        var idx = (int)s.Start.Index;
        var nl = text.IndexOf('\n', idx);
        if (nl < 0) return 0;
        var i = nl + 1;
        var n = 0;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
            n++;
        }
        return n;
    }

    private static (int Line, int Column) LineColumnOfByte(ReadOnlySpan<byte> bytes, int index)
    {
        var line = 1;
        var col = 1;
        for (var i = 0; i < index && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                col = 1;
            }
            else if ((bytes[i] & 0xC0) != 0x80)
            {
                col++;
            }
        }
        return (line, col);
    }
}
