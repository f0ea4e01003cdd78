using System.Text.RegularExpressions;

namespace Doorbraak.Rules.Cli.Tests;

/// <summary>
/// The command-line part of the bad-input corpus (tests/corpus/cli, issue #20): one <c>NAME.args</c> file per case, its first
/// line <c># expect: exit N: TEXT</c> (the exit code, and a text the tool must write to stderr or stdout), then one argument per
/// line. Placeholders: <c>{national}</c>, <c>{mini}</c>, <c>{s1}</c>, <c>{missing}</c> (a path that does not exist), <c>{dir}</c>
/// (an empty folder), <c>{file}</c> (a file holding broken YAML). No case may throw or print a stack trace. See tests/README.md.
/// </summary>
public sealed partial class CliCorpusTests
{
    private static readonly string Folder = Path.Combine(Repo.Root, "tests", "corpus", "cli");

    [GeneratedRegex(@"^# expect: exit (\d+): (.+)$")]
    private static partial Regex ExpectLine();

    public static TheoryData<string> Cases() =>
        new(Directory.EnumerateFiles(Folder, "*.args").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Fact]
    public void The_cli_corpus_has_its_cases() => Directory.EnumerateFiles(Folder, "*.args").Count().Should().BeGreaterThanOrEqualTo(40);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_cli_case_exits_with_its_code_and_message(string name)
    {
        using var temp = new TempDir();
        var places = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["{national}"] = Repo.National,
            ["{mini}"] = Repo.MiniPack,
            ["{s1}"] = Repo.S1,
            ["{missing}"] = Path.Combine(temp.Path, "bestaat-niet"),
            ["{dir}"] = Directory.CreateDirectory(Path.Combine(temp.Path, "leeg")).FullName,
            ["{file}"] = temp.File("kapot.yaml", "x: [\n"),
        };
        string Fill(string s) => places.Aggregate(s, (acc, kv) => acc.Replace(kv.Key, kv.Value, StringComparison.Ordinal));

        var lines = File.ReadAllText(Path.Combine(Folder, name)).Replace("\r", "").Split('\n');
        var m = ExpectLine().Match(lines[0]);
        m.Success.Should().BeTrue($"{name} must start with '# expect: exit N: text'");
        var args = lines.Skip(1).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(Fill).ToArray();

        var run = Cli.Run(args);

        run.Code.Should().Be(int.Parse(m.Groups[1].Value), $"{name}: {run}");
        (run.Err + run.Out).Should().Contain(Fill(m.Groups[2].Value), $"{name}: {run}");
        run.Err.Should().NotContain("Unhandled exception").And.NotContain("   at ", $"{name} must not print a stack trace");
    }
}
