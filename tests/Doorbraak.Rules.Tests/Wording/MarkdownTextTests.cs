namespace Doorbraak.Rules.Tests.Wording;

/// <summary>Issue #20, links in pack texts: pack text written into Markdown is text, never a link, image or element.</summary>
public sealed class MarkdownTextTests
{
    // The class is linked into Monitoring too (like the wording table), so the core's copy is named through its assembly.
    private static readonly Type Type = typeof(DoorbraakEngine).Assembly.GetType("Doorbraak.Rules.Wording.MarkdownText", throwOnError: true)!;
    private static readonly Func<string?, string> Escape = Type.GetMethod("Escape")!.CreateDelegate<Func<string?, string>>();
    private static readonly Func<string?, string> EscapeLines = Type.GetMethod("EscapeLines")!.CreateDelegate<Func<string?, string>>();

    [Theory]
    [InlineData("[klik](javascript:alert(1))", "\\[klik\\](javascript:alert(1))")]
    [InlineData("![x](https://example.org/x.png)", "!\\[x\\](https://example.org/x.png)")]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("<https://example.org>", "&lt;https://example.org&gt;")]
    [InlineData("a | b", "a \\| b")]
    [InlineData("`code` en *nadruk* en pw.aow_leeftijd", "\\`code\\` en \\*nadruk\\* en pw.aow_leeftijd")]
    [InlineData("regel een\nregel twee", "regel een regel twee")]
    [InlineData("# kop", "\\# kop")]
    [InlineData("- lijst", "\\- lijst")]
    [InlineData("1. lijst", "1\\. lijst")]
    [InlineData("===", "\\===")]
    [InlineData("67.25", "67.25")]
    [InlineData("2026-03-01", "2026-03-01")]
    [InlineData("Participatiewet art. 18 lid 1 (individualisering)", "Participatiewet art. 18 lid 1 (individualisering)")]
    public void Escape_makes_text_of_markdown(string text, string expected) => Escape(text).Should().Be(expected);

    [Fact]
    public void EscapeLines_keeps_the_line_breaks_and_escapes_each_line()
    {
        EscapeLines("Eerste alinea.\n\n# geen kop\n[x](javascript:y)").Should().Be("Eerste alinea.\n\n\\# geen kop\n\\[x\\](javascript:y)");
    }
}
