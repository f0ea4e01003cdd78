using Doorbraak.Rules.Cli.Commands;

namespace Doorbraak.Rules.Cli.Tests;

/// <summary><c>doorbraak new pack</c>: a local pack from the template passes validate, test and lint --strict as created.</summary>
public sealed class NewPackTests
{
    [Fact]
    public void A_new_local_pack_requires_the_national_pack_and_passes_validate_test_and_strict_lint()
    {
        using var temp = new TempDir();
        var folder = Path.Combine(temp.Path, "gemeente-voorbeeld");
        var created = Cli.Run("new", "pack", "gemeente.voorbeeld", "--requires", "nl.sociaal-domein", "--packs", Repo.National, "--out", folder, "--jurisdiction", "GM0001");
        created.Code.Should().Be(0, created.ToString());
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Should().BeEquivalentTo(["pack.yaml", "facts.yaml", "beleidsregels.yaml", "afwijkingen.yaml", "tests/beleidsregels.yaml", "README.md"]);
        var manifest = File.ReadAllText(Path.Combine(folder, "pack.yaml"));
        var national = File.ReadAllLines(Path.Combine(Repo.National, "pack.yaml")).Single(l => l.StartsWith("version:", StringComparison.Ordinal))["version:".Length..].Trim();
        manifest.Should().Contain("id: gemeente.voorbeeld").And.Contain("jurisdiction: GM0001")
            .And.Contain($"- {{ pack: nl.sociaal-domein, version: \"^{national}\" }}");
        File.ReadAllText(Path.Combine(folder, "README.md")).Should().Contain("doorbraak lint --strict --pack gemeente.voorbeeld");

        var validate = Cli.Run("validate", Repo.National, folder);
        validate.Code.Should().Be(0, validate.ToString());
        validate.Out.Should().Contain("ok gemeente.voorbeeld 0.1.0");

        var test = Cli.Run("test", Repo.National, folder);
        test.Code.Should().Be(0, test.ToString());
        test.OutLines.Count(l => l.StartsWith("PASS gemeente.voorbeeld:", StringComparison.Ordinal)).Should().Be(3);

        var lint = Cli.Run("lint", "--strict", "--pack", "gemeente.voorbeeld", Repo.National, folder);
        lint.Code.Should().Be(0, lint.ToString());
        lint.OutLines.Should().Equal("No findings.");
    }

    [Fact]
    public void The_template_has_one_file_per_header_and_fills_every_placeholder_it_uses()
    {
        var values = new Dictionary<string, string>
        {
            ["id"] = "gemeente.den-haag", ["title"] = "T", ["slug"] = "den-haag", ["slug_"] = "den_haag",
            ["requires"] = "nl.sociaal-domein", ["range"] = "^1.0.0", ["jurisdiction"] = "GM0518", ["from"] = "2026-01-01",
        };
        var files = NewCommand.Render(NewCommand.Template(), values);
        files.Select(f => f.Path).Should().OnlyHaveUniqueItems().And.Contain("pack.yaml");
        // The only double-brace words left are the motivation's own placeholders, which the engine fills in.
        var left = files.SelectMany(f => System.Text.RegularExpressions.Regex.Matches(f.Content, @"\{\{([a-z_.]+)\}\}").Select(m => m.Groups[1].Value)).Distinct();
        left.Should().BeSubsetOf(["basis", "mandaat", "peildatum"]);
        files.Single(f => f.Path == "facts.yaml").Content.Should().Contain("huishouden.den_haag_kosten_vergoed:");
    }

    [Fact]
    public void A_new_pack_refuses_a_folder_that_is_not_empty_and_a_bad_id()
    {
        using var temp = new TempDir();
        temp.File("bestaand/x.txt", "x");
        var taken = Cli.Run("new", "pack", "gemeente.x", "--requires-version", "^2026.1.0", "--out", Path.Combine(temp.Path, "bestaand"));
        taken.Code.Should().Be(1, taken.ToString());
        taken.Err.Should().Contain("already exists and is not empty");
        var bad = Cli.Run("new", "pack", "Gemeente X", "--requires-version", "^2026.1.0", "--out", Path.Combine(temp.Path, "y"));
        bad.Code.Should().Be(2, bad.ToString());
        var unknownVersion = Cli.Run("new", "pack", "gemeente.x", "--out", Path.Combine(temp.Path, "z"));
        unknownVersion.Code.Should().Be(1, unknownVersion.ToString());
        unknownVersion.Err.Should().Contain("--requires-version");
    }
}
