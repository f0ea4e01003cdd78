namespace Doorbraak.Rules.Cli.Tests;

/// <summary>Two municipal mandaatbesluiten that disagree on one mandate: refused by the CLI with both places, in either folder order.</summary>
public class MandatePrecedenceCliTests
{
    private static string Local(TempDir dir, string name, string role)
    {
        var pack = Path.Combine(dir.Path, name);
        Directory.CreateDirectory(pack);
        File.WriteAllText(Path.Combine(pack, "pack.yaml"), $"""
            format: 2
            id: gemeente.{name}
            version: 1.0.0
            title: Gemeente {name}
            jurisdiction: GM0000
            level: municipal
            valid: {"{"} from: 2000-01-01 {"}"}
            requires: [{"{"} pack: nl.sociaal-domein {"}"}]
            """);
        File.WriteAllText(Path.Combine(pack, "mandaat.yaml"), $"""
            mandates:
              basis: {"{"} law: "Mandaatbesluit {name} 2026" {"}"}
              set:
                afw.verrekening-opschorten: {role}
            """);
        return pack;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Validate_refuses_two_municipal_packs_that_set_one_mandate_differently(bool swapped)
    {
        using var dir = new TempDir();
        var a = Local(dir, "a", "consulent");
        var b = Local(dir, "b", "teamleider");
        var run = swapped ? Cli.Run("validate", b, a, Repo.National) : Cli.Run("validate", Repo.National, a, b);
        run.Code.Should().Be(1, run.ToString());
        var line = run.ErrLines.Should().ContainSingle(l => l.Contains("DBR1165", StringComparison.Ordinal)).Which;
        line.Should().StartWith(Path.Combine(b, "mandaat.yaml") + ":4:5: error DBR1165: The mandaatbesluiten of gemeente.a (" + Path.Combine(a, "mandaat.yaml") + ":4:5: consulent) and gemeente.b (" + Path.Combine(b, "mandaat.yaml") + ":4:5: teamleider) both set the mandate of 'afw.verrekening-opschorten'");
        line.Should().EndWith("Load only the pack of the municipality or region you work for, or make the two settings the same.");
    }

    [Fact]
    public void Validate_loads_a_municipal_pack_on_top_of_a_regional_one_that_sets_the_same_mandate()
    {
        var run = Cli.Run("validate", Repo.National, Repo.Hbel, Repo.Vlaardingen);
        run.Code.Should().Be(0, run.ToString());
    }
}
