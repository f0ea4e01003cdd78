using Doorbraak.Rules.Cli.Commands;

namespace Doorbraak.Rules.Cli.Tests;

/// <summary><c>doorbraak migrate</c>: a text-level rewrite of a format 1 pack to format 2 that keeps comments.</summary>
public class MigrateTests
{
    private static string V1Pack => Path.Combine(Repo.Root, "tests", "Doorbraak.Rules.Cli.Tests", "TestPacks", "v1-lokaal");

    private static string Copy(TempDir temp)
    {
        var target = Path.Combine(temp.Path, "v1-lokaal");
        Directory.CreateDirectory(target);
        foreach (var f in Directory.EnumerateFiles(V1Pack)) File.Copy(f, Path.Combine(target, Path.GetFileName(f)));
        return target;
    }

    [Fact]
    public void Migrate_adds_format_and_the_certain_forces_keeps_comments_and_lists_the_rest()
    {
        using var temp = new TempDir();
        var pack = Copy(temp);
        var before = File.ReadAllText(Path.Combine(pack, "rules.yaml"));

        var run = Cli.Run("migrate", pack);

        run.Code.Should().Be(1, "one rule is left whose force only the author knows: " + run);
        var manifest = File.ReadAllText(Path.Combine(pack, "pack.yaml"));
        manifest.Should().Contain("version: 2026.1.0 # de versie van dit testpakket\nformat: 2\n").And.StartWith("# Een format 1 pakket");
        var after = File.ReadAllText(Path.Combine(pack, "rules.yaml"));
        after.Should().Contain("url: \"https://example.invalid/beleidsregels\" }\n    force: beleidsregel\n    domain: inkomen");
        after.Should().Contain("      url: \"https://example.invalid/verordening\"\n    force: verordening\n    domain: inkomen");
        after.Should().Contain("# Een wet: alleen de auteur weet of het college hier moet of kan.").And.Contain("law:                      # blokvorm, met commentaar");
        after.Split('\n').Should().HaveCount(before.Split('\n').Length + 2, "only the two force lines are added");
        run.Out.Should().Contain("wrote " + pack + "/rules.yaml:17: force: beleidsregel ('lokaal.toeslag')");
        run.Out.Should().Contain("wrote " + pack + "/rules.yaml:29: force: verordening ('lokaal.vrijstelling')");
        after.Split('\n')[16].Should().Be("    force: beleidsregel");
        after.Split('\n')[28].Should().Be("    force: verordening");
        after.Split('\n')[34].Should().Be("  - id: lokaal.woonkosten");

        // The rule left over is listed with its place and the loader's own message, as 'validate' gives it.
        var todo = run.ErrLines.Should().ContainSingle(l => l.Contains(": error DBR1102: ")).Subject;
        todo.Should().StartWith(pack + "/rules.yaml:35:5: error DBR1102: The rule 'lokaal.woonkosten' does not say its legal force");
        var validate = Cli.Run("validate", pack);
        validate.ErrLines.Should().Contain(todo);

        // After the author fills it in, the pack loads as format 2; migrating again changes nothing.
        File.WriteAllText(Path.Combine(pack, "rules.yaml"), after.Replace("domain: wonen", "force: wet-plicht\n    domain: wonen"));
        var again = Cli.Run("migrate", pack);
        again.Code.Should().Be(0, again.ToString());
        again.Out.Should().Contain("is already format 2").And.Contain("loads as format 2");
        Cli.Run("validate", pack).Err.Should().NotContain("DBR1100");
    }

    [Fact]
    public void Dry_run_writes_nothing()
    {
        using var temp = new TempDir();
        var pack = Copy(temp);
        var run = Cli.Run("migrate", "--dry-run", pack);
        run.Code.Should().Be(0, run.ToString());
        run.Out.Should().Contain("would write " + pack + "/pack.yaml: format: 2");
        File.ReadAllText(Path.Combine(pack, "pack.yaml")).Should().Be(File.ReadAllText(Path.Combine(V1Pack, "pack.yaml")));
        File.ReadAllText(Path.Combine(pack, "rules.yaml")).Should().Be(File.ReadAllText(Path.Combine(V1Pack, "rules.yaml")));
    }

    [Fact]
    public void A_folder_without_pack_yaml_is_a_usage_error()
    {
        using var temp = new TempDir();
        var run = Cli.Run("migrate", temp.Path);
        run.Code.Should().Be(2, run.ToString());
        run.Err.Should().Contain("has no pack.yaml");
    }

    [Theory]
    [InlineData("id: x\nversion: 1.0.0\ntitle: T\n", "id: x\nversion: 1.0.0\nformat: 2\ntitle: T\n")]
    [InlineData("id: x\r\nversion: 1.0.0\r\n", "id: x\r\nversion: 1.0.0\r\nformat: 2\r\n")]
    [InlineData("id: x\nformat: 1 # oud\n", "id: x\nformat: 2 # oud\n")]
    [InlineData("id: x\n", "id: x\nformat: 2\n")]
    public void The_format_line_is_added_as_text(string manifest, string expected)
    {
        MigrateCommand.AddFormat(manifest, out var already).Should().Be(expected);
        already.Should().BeFalse();
    }

    [Theory]
    [InlineData("Beleidsregels bijzondere bijstand Vlaardingen 2026", "beleidsregel")]
    [InlineData("Beleidsregel terugvordering", "beleidsregel")]
    [InlineData("Verordening maatregelen Participatiewet", "verordening")]
    [InlineData("Participatiewet", null)]
    [InlineData("Algemene wet bestuursrecht", null)]
    public void Only_a_law_name_that_makes_the_force_certain_gets_one(string law, string? force)
    {
        MigrateCommand.CertainForce(law).Should().Be(force);
    }
}
