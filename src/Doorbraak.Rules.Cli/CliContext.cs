
namespace Doorbraak.Rules.Cli;

/// <summary>Where the tool writes, whether those are terminals (colours, tables, progress), the clock and the working folder.</summary>
internal sealed class CliContext(TextWriter stdout, TextWriter stderr, bool outIsTerminal, bool errIsTerminal, TimeProvider time, string workingDirectory)
{
    public TextWriter Out { get; } = stdout;
    public TextWriter Err { get; } = stderr;

    /// <summary>Colours and tables on standard output; never when it is redirected.</summary>
    public bool OutIsTerminal { get; } = outIsTerminal;

    /// <summary>Progress display and colours on standard error; never when it is redirected.</summary>
    public bool ErrIsTerminal { get; } = errIsTerminal;

    public TimeProvider Time { get; } = time;

    public string WorkingDirectory { get; } = workingDirectory;

    public Style OutStyle => new(OutIsTerminal);
    public Style ErrStyle => new(ErrIsTerminal);

    /// <summary>A path as the user gave it, made absolute against the working folder.</summary>
    public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);
}

/// <summary>ANSI styling that does nothing when the output is not a terminal.</summary>
internal readonly struct Style(bool enabled)
{
    public bool Enabled => enabled;

    private string Wrap(string code, string text) => enabled ? $"\u001b[{code}m{text}\u001b[0m" : text;

    public string Bold(string text) => Wrap("1", text);
    public string Dim(string text) => Wrap("2", text);
    public string Red(string text) => Wrap("31", text);
    public string Green(string text) => Wrap("32", text);
    public string Yellow(string text) => Wrap("33", text);
    public string Cyan(string text) => Wrap("36", text);

    public string Severity(string severity, string text) => severity switch
    {
        "critical" or "high" => Red(text),
        "medium" => Yellow(text),
        _ => text,
    };
}

/// <summary>Lays out rows as an aligned table (terminal) or as plain "a: b; c" lines (redirected).</summary>
internal static class Table
{
    public static void Write(TextWriter w, bool terminal, string indent, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        if (!terminal)
        {
            foreach (var row in rows)
                w.WriteLine(indent + "- " + string.Join("; ", header.Select((h, i) => i == 0 ? row[i] : $"{h}: {row[i]}")));
            return;
        }
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => Visible(r[i])))).ToArray();
        w.WriteLine(indent + string.Join("  ", header.Select((h, i) => Pad(h, widths[i]))).TrimEnd());
        w.WriteLine(indent + string.Join("  ", widths.Select(x => new string('─', x))));
        foreach (var row in rows)
            w.WriteLine(indent + string.Join("  ", row.Select((c, i) => Pad(c, widths[i]))).TrimEnd());
    }

    private static int Visible(string text) => System.Text.RegularExpressions.Regex.Replace(text, "\u001b\\[[0-9;]*m", "").Length;

    private static string Pad(string text, int width) => text + new string(' ', Math.Max(0, width - Visible(text)));
}
