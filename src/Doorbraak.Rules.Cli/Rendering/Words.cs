namespace Doorbraak.Rules.Cli.Rendering;

/// <summary>Labels in Dutch and English, and the shared ways of writing explanations in words.</summary>
internal sealed class Words(ReportLanguage language)
{
    public ReportLanguage Language { get; } = language;

    public bool Dutch => Language == ReportLanguage.Dutch;

    public string T(string nl, string en) => Dutch ? nl : en;

    public string Outcome(bool? value) => value switch
    {
        true => T("ja", "yes"),
        false => T("nee", "no"),
        null => T("onbekend", "unknown"),
    };

    public string Basis(string basis) => basis switch
    {
        "law" => T("de wet zegt", "the law says"),
        "practice" => T("de ervaring leert", "experience shows"),
        "engine" => T("bevinding van de engine", "finding of the engine"),
        _ => basis,
    };

    /// <summary>Writes an explanation: its sentence, each condition with its outcome, and the facts used.</summary>
    public void WriteExplanation(TextWriter w, string indent, Explanation e, Style style)
    {
        if (!string.IsNullOrWhiteSpace(e.Text))
            WriteWrapped(w, indent, e.Text.Trim());
        if (e.Conditions.Count > 0)
        {
            w.WriteLine(indent + T("Voorwaarden:", "Conditions:"));
            foreach (var c in e.Conditions)
                w.WriteLine($"{indent}  {style.Cyan(c.Condition)} → {c.Outcome}");
        }
        if (e.Facts.Count > 0)
        {
            w.WriteLine(indent + T("Gebruikte feiten:", "Facts used:"));
            foreach (var f in e.Facts)
                w.WriteLine($"{indent}  {f.Path} = {f.Value}");
        }
    }

    public void WriteDetermination(TextWriter w, string indent, DeterminationResult d, Style style)
    {
        w.WriteLine($"{indent}{style.Bold(d.Title)} ({d.Rule}) — {d.Citation}{(d.Url is null ? "" : " " + d.Url)}");
        w.WriteLine($"{indent}  {d.Fact}: {style.Bold(d.Value)} ({T("was", "was")} {d.Previous})");
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
