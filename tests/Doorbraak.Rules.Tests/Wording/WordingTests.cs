using System.Text.Json;
using System.Text.RegularExpressions;
using Doorbraak.Rules.Wording;
using FluentAssertions;

namespace Doorbraak.Rules.Tests.Wording;

/// <summary>The wording files (src/Doorbraak.Rules/Wording/nl.json and en.json): one per language, used by engine, exports and CLI.</summary>
public partial class WordingTests
{
    private static string WordingDir => Path.Combine(RepoRoot.Path, "src", "Doorbraak.Rules", "Wording");

    private static Dictionary<string, string> ReadFile(string code)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(WordingDir, code + ".json")));
        return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
    }

    [Fact]
    public void Both_languages_have_the_same_keys()
    {
        var nl = ReadFile("nl");
        var en = ReadFile("en");
        nl.Keys.Except(en.Keys).Should().BeEmpty("every Dutch key needs an English text");
        en.Keys.Except(nl.Keys).Should().BeEmpty("every English key needs a Dutch text");
    }

    [Fact]
    public void Per_key_both_languages_have_the_same_placeholders()
    {
        var nl = ReadFile("nl");
        var en = ReadFile("en");
        var differing = nl.Keys.Intersect(en.Keys)
            .Where(k => !Placeholders(nl[k]).SequenceEqual(Placeholders(en[k])))
            .ToList();
        differing.Should().BeEmpty();
    }

    [Fact]
    public void Keys_are_grouped_by_where_they_are_used()
    {
        ReadFile("nl").Keys.Where(k => !KeyGroup().IsMatch(k)).Should().BeEmpty();
    }

    [Fact]
    public void Every_key_used_in_the_source_exists()
    {
        var nl = ReadFile("nl");
        var used = SourceFiles()
            .SelectMany(f => KeyLiteral().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .ToList();
        used.Should().NotBeEmpty();
        used.Where(u => !nl.ContainsKey(u.Key)).Should().BeEmpty();
    }

    [Fact]
    public void Every_key_in_the_files_is_used()
    {
        var used = SourceFiles().SelectMany(f => KeyLiteral().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
        ReadFile("nl").Keys.Where(k => !used.Contains(k)).Should().BeEmpty("wording nobody uses should go");
    }

    [Fact]
    public void No_hand_picked_language_pairs_are_left_in_the_source()
    {
        var left = SourceFiles()
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => l.Text.Contains("Texts.Pick(", StringComparison.Ordinal) || HandPair().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(RepoRoot.Path, l.File)}:{l.Line}")
            .ToList();
        left.Should().BeEmpty();
    }

    [Fact]
    public void The_embedded_tables_are_the_files()
    {
        // The tables are reached through Texts: the CLI and Monitoring link their own copy of the table class.
        Texts.Of(ReportLanguage.Dutch).Entries.Should().BeEquivalentTo(ReadFile("nl"));
        Texts.Of(ReportLanguage.English).Entries.Should().BeEquivalentTo(ReadFile("en"));
        Texts.Of(ReportLanguage.Dutch).Code.Should().Be("nl");
        Texts.Of(ReportLanguage.English).Code.Should().Be("en");
    }

    [Fact]
    public void Numbers_dates_and_durations_are_written_as_before()
    {
        Texts.Money(1401.5m, ReportLanguage.Dutch).Should().Be("EUR 1.401,50");
        Texts.Money(1401.5m, ReportLanguage.English).Should().Be("EUR 1,401.50");
        Texts.Money(-1234567.891m, ReportLanguage.Dutch).Should().Be("EUR -1.234.567,89");
        Texts.Money(-1234567.891m, ReportLanguage.English).Should().Be("EUR -1,234,567.89");
        Texts.Date(new DateOnly(2026, 3, 1), ReportLanguage.Dutch).Should().Be("1 maart 2026");
        Texts.Date(new DateOnly(2026, 12, 31), ReportLanguage.English).Should().Be("31 December 2026");
        Texts.Months(1, ReportLanguage.Dutch).Should().Be("1 maand");
        Texts.Months(6, ReportLanguage.English).Should().Be("6 months");
        Texts.Duration(2, 10, ReportLanguage.Dutch).Should().Be("2 maanden en 10 dagen");
        Texts.Duration(0, 0, ReportLanguage.English).Should().Be("0");
        Texts.Join(["a", "b", "c"], ReportLanguage.Dutch).Should().Be("a, b en c");
        Texts.Join(["a", "b"], ReportLanguage.English).Should().Be("a and b");
        Texts.Value(FactValue.True, ReportLanguage.Dutch).Should().Be("waar");
        Texts.Outcome(FactValue.Unknown, ReportLanguage.English).Should().Be("unknown");
    }

    [Fact]
    public void Format_fills_named_placeholders_and_refuses_missing_ones()
    {
        Texts.Format(ReportLanguage.Dutch, "engine.collision.goal-fails", ("goal", "Wonen"), ("rules", "Kostendelersnorm (art. 22a PW)"))
            .Should().Be("Het doel 'Wonen' wordt niet gehaald in de rechtmatige situatie. Zonder de uitkomst van Kostendelersnorm (art. 22a PW) wordt het wel gehaald.");
        Texts.Format(ReportLanguage.English, "engine.proposal.limits.times", ("times", 2)).Should().Be("at most 2 time(s)");
        var missing = () => Texts.Format(ReportLanguage.Dutch, "engine.collision.goal-fails", ("goal", "Wonen"));
        missing.Should().Throw<ArgumentException>().WithMessage("*rules*");
        var unknown = () => Texts.Of(ReportLanguage.English)["no.such.key"];
        unknown.Should().Throw<KeyNotFoundException>();
    }

    [Fact]
    public void Pack_style_templates_are_left_for_their_own_filling()
    {
        // The default motivation uses the packs' {{...}} placeholders; it is read raw, not formatted.
        Texts.Of(ReportLanguage.Dutch)["engine.proposal.motivation"].Should().Contain("{{regel}}");
    }

    private static List<string> Placeholders(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepoRoot.Path, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex(@"^(format|engine|plan|report|cli)\.[a-z0-9-]+(\.[a-z0-9-]+)*$")]
    private static partial Regex KeyGroup();

    [GeneratedRegex(@"""((?:format|engine|plan|report|cli)\.[a-z0-9-]+(?:\.[a-z0-9-]+)*)""")]
    private static partial Regex KeyLiteral();

    [GeneratedRegex(@"\{([A-Za-z0-9_-]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\bT\(\$?""")]
    private static partial Regex HandPair();
}
