using System.Text.RegularExpressions;

namespace Doorbraak.Rules.Cli.Tests;

/// <summary>
/// Issue #20, links in pack texts: a pack whose titles and descriptions hold raw HTML and <c>[x](javascript:...)</c> is rendered
/// as text in <c>doorbraak docs</c> and in the doorbraakplan's Markdown and HTML: no element and no link comes from pack text.
/// </summary>
public sealed partial class HostilePackTextTests
{
    private const string Hostile = "[klik](javascript:alert(1)) <img src=x onerror=alert(1)> <script>alert(2)</script> ";

    /// <summary>A link whose '[...]' was not escaped: ']' not preceded by a backslash, then '(javascript:'.</summary>
    [GeneratedRegex(@"(?<!\\)\]\(javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"<(img|script)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RawElement();

    [GeneratedRegex(@"^(\s*-?\s*(?:title|description|explanation|motivation|question):\s+)([^""'{\[>|\s].*)$", RegexOptions.Multiline)]
    private static partial Regex PlainText();

    /// <summary>A copy of the national pack with the hostile text in front of every plain title, description and explanation.</summary>
    private static string HostileNational(TempDir dir)
    {
        var target = Path.Combine(dir.Path, "nl-sociaal-domein");
        foreach (var file in Directory.EnumerateFiles(Repo.National, "*.yaml", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(target, Path.GetRelativePath(Repo.National, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.WriteAllText(dest, PlainText().Replace(File.ReadAllText(file), m => $"{m.Groups[1].Value}'{Hostile}{m.Groups[2].Value.Replace("'", "''")}'"));
        }
        return target;
    }

    private static void ShouldBeText(string output, string what, bool html = false)
    {
        output.Should().Contain("javascript:alert(1)", $"{what} shows the hostile text (as text)");
        if (html) output.Should().NotContainAny(["href=\"javascript:", "href='javascript:"], $"{what} must not make a link or attribute from pack text");
        else MarkdownLink().IsMatch(output).Should().BeFalse($"{what} must not make a javascript: link from pack text");
        RawElement().IsMatch(output).Should().BeFalse($"{what} must not hold a raw <img> or <script> from pack text");
    }

    [Fact]
    public void Docs_render_hostile_pack_text_as_text()
    {
        using var dir = new TempDir();
        var pack = HostileNational(dir);
        var outDir = Path.Combine(dir.Path, "out");
        var run = Cli.Run("docs", pack, "--out", outDir);
        run.Code.Should().Be(0, run.ToString());
        var md = File.ReadAllText(Path.Combine(outDir, "nl-sociaal-domein.md"));
        md.Should().Contain("# \\[klik\\](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt;", "the pack title is escaped");
        ShouldBeText(md, "doorbraak docs");
    }

    [Theory]
    [InlineData("markdown")]
    [InlineData("html")]
    public void The_doorbraakplan_renders_hostile_pack_text_as_text(string format)
    {
        using var dir = new TempDir();
        var pack = HostileNational(dir);
        var run = Cli.Run("evaluate", Repo.S1, "--packs", pack, "--date", "2026-03-01", "--format", format);
        run.Code.Should().BeOneOf([0, 3], run.ToString());
        ShouldBeText(run.Out, $"evaluate --format {format}", html: format == "html");
    }
}
