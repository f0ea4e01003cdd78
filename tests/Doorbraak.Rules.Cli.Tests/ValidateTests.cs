using System.Text.RegularExpressions;

namespace Doorbraak.Rules.Cli.Tests;

public class ValidateTests
{
    private static readonly Regex DiagnosticLine = new(@"^(?<path>.+):(?<line>\d+):(?<col>\d+): error (?<code>DBR\d{4}): .+$");

    [Fact]
    public void The_national_pack_is_valid()
    {
        var run = Cli.Run("validate", Repo.National);
        run.Code.Should().Be(0, run.ToString());
        run.Out.Should().Contain("nl.sociaal-domein").And.Contain("valid");
        run.Err.Should().NotContain(": error ");
    }

    [Fact]
    public void A_missing_folder_is_an_error_with_a_position()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-pack-" + Guid.NewGuid().ToString("N"));
        var run = Cli.Run("validate", missing);
        run.Code.Should().Be(1, run.ToString());
        run.ErrLines.Should().Contain(l => l.StartsWith(missing + ":1:1: error DBR1035: "));
    }

    [Fact]
    public void A_broken_pack_lists_every_error_as_path_line_column_and_exits_1()
    {
        using var temp = new TempDir();
        var pack = temp.CopyMiniPack();
        // Two independent problems in two files: a duplicate key, and an unknown key with a typo.
        File.WriteAllText(Path.Combine(pack, "goals.yaml"),
            "goals:\n  - id: doel.extra\n    title: Extra\n    title: Nog eens\n    domain: wonen\n    holds: true\n");
        File.WriteAllText(Path.Combine(pack, "parameters", "extra.yaml"),
            "parameters:\n  pw.extra:\n    titel: Extra\n    type: money\n    values:\n      - { from: 2026-01-01, value: 1.00 }\n");

        var run = Cli.Run("validate", pack);

        run.Code.Should().Be(1, run.ToString());
        var errors = run.ErrLines.Select(l => DiagnosticLine.Match(l)).Where(m => m.Success).ToList();
        errors.Should().Contain(m => m.Groups["path"].Value.EndsWith("goals.yaml") && m.Groups["line"].Value == "4" && m.Groups["code"].Value == "DBR1005");
        errors.Should().Contain(m => m.Groups["path"].Value.EndsWith("parameters/extra.yaml") && m.Groups["line"].Value == "3" && m.Groups["code"].Value == "DBR1010");
        run.Out.Should().NotContain("valid");
    }

    [Fact]
    public void A_local_pack_without_the_pack_it_requires_does_not_load()
    {
        using var temp = new TempDir();
        var local = temp.File("lokaal/pack.yaml",
            "id: gemeente.test\nversion: 2026.1.0\ntitle: Test\njurisdiction: GM0000\nlevel: municipal\nvalid: { from: 2026-01-01 }\nrequires:\n  - { pack: nl.sociaal-domein, version: \">=2026.1.0 <2027.0.0\" }\n");
        temp.File("lokaal/goals.yaml", "goals:\n  - id: doel.lokaal\n    title: Lokaal\n    domain: wonen\n    holds: true\n");
        var dir = Path.GetDirectoryName(local)!;

        var alone = Cli.Run("validate", dir);
        alone.Code.Should().Be(1, alone.ToString());
        alone.Err.Should().Contain("error DBR1030");

        var together = Cli.Run("validate", Repo.National, dir);
        together.Code.Should().Be(0, together.ToString());
    }
}
