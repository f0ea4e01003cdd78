using Doorbraak.Rules.Wording;

namespace Doorbraak.Rules.Cli.Rendering;

/// <summary>
/// The CLI's words in Dutch or English, from the same per-language files as the engine's (src/Doorbraak.Rules/Wording/nl.json
/// and en.json, keys cli.*), and the shared ways of writing explanations in words.
/// </summary>
internal sealed class Words(ReportLanguage language)
{
    public ReportLanguage Language { get; } = language;

    /// <summary>The wording of <see cref="Language"/>.</summary>
    public WordingTable Table { get; } = language == ReportLanguage.Dutch ? WordingTable.Dutch : WordingTable.English;

    /// <summary>The text of a key.</summary>
    public string this[string key] => Table[key];

    /// <summary>The text of a key with its named placeholders filled in.</summary>
    public string Format(string key, params ReadOnlySpan<(string Name, object? Value)> args) => Table.Format(key, args);

    public string Outcome(bool? value) => value switch
    {
        true => this["cli.words.yes"],
        false => this["cli.words.no"],
        null => this["cli.words.unknown"],
    };

    public string Basis(string basis) => basis switch
    {
        "law" => this["cli.words.the-law-says"],
        "practice" => this["cli.words.experience-shows"],
        "engine" => this["cli.words.finding-of-the-engine"],
        _ => basis,
    };

    /// <summary>Writes an explanation: its sentence, each condition with its outcome, and the facts used.</summary>
    public void WriteExplanation(TextWriter w, string indent, Explanation e, Style style)
    {
        if (!string.IsNullOrWhiteSpace(e.Text))
            WriteWrapped(w, indent, e.Text.Trim());
        if (e.Conditions.Count > 0)
        {
            w.WriteLine(indent + this["cli.words.conditions"]);
            foreach (var c in e.Conditions)
                w.WriteLine($"{indent}  {style.Cyan(c.Condition)} → {c.Outcome}");
        }
        if (e.Facts.Count > 0)
        {
            w.WriteLine(indent + this["cli.words.facts-used"]);
            foreach (var f in e.Facts)
                w.WriteLine($"{indent}  {f.Path} = {f.Value}");
        }
    }

    public void WriteDetermination(TextWriter w, string indent, DeterminationResult d, Style style)
    {
        w.WriteLine($"{indent}{style.Bold(d.Title)} ({d.Rule}) — {d.Citation}{(d.Url is null ? "" : " " + d.Url)}");
        if (d.ForceText is not null) w.WriteLine($"{indent}  {d.ForceText}{(d.Grondslag is null ? "" : $" ({this["cli.report.grondslag"]}: {d.Grondslag})")}");
        w.WriteLine($"{indent}  {d.Fact}: {style.Bold(d.Value)} ({this["cli.words.was"]} {d.Previous})");
        WriteExplanation(w, indent + "  ", d.Explanation, style);
    }

    /// <summary>A determination in a few lines: what was set, by which rule, on which conditions and facts.</summary>
    public static void WriteCompact(TextWriter w, string indent, DeterminationResult d, Style style)
    {
        var kind = d.Source == StatementSource.Practice ? "consequence" : "rule";
        w.WriteLine($"{indent}{d.Fact} = {style.Bold(d.Value)} (was {d.Previous}) by {kind} {d.Rule} ({d.Citation})");
        if (d.Explanation.Conditions.Count > 0)
            w.WriteLine($"{indent}  because: {string.Join("; ", d.Explanation.Conditions.Select(c => $"{style.Cyan(c.Condition)} → {c.Outcome}"))}");
        if (d.Explanation.Facts.Count > 0)
            w.WriteLine($"{indent}  facts: {string.Join(", ", d.Explanation.Facts.Select(f => $"{f.Path} = {f.Value}"))}");
    }

    /// <summary>Writes multi-line text (motivations) with each line indented, wrapping long lines at about 100 columns.</summary>
    public static void WriteWrapped(TextWriter w, string indent, string text, int width = 100)
    {
        // Pack texts are YAML blocks with hard line breaks; reflow each paragraph, keep blank lines between them.
        var paragraphs = text.Replace("\r\n", "\n").Trim().Split("\n\n")
            .Select(p => string.Join(' ', p.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)));
        var firstParagraph = true;
        foreach (var raw in paragraphs)
        {
            if (!firstParagraph) w.WriteLine();
            firstParagraph = false;
            var line = raw.TrimEnd();
            while (indent.Length + line.Length > width)
            {
                var cut = line.LastIndexOf(' ', Math.Max(1, width - indent.Length));
                if (cut <= 0) break;
                w.WriteLine(indent + line[..cut]);
                line = line[(cut + 1)..];
            }
            w.WriteLine(indent + line);
        }
    }
}
