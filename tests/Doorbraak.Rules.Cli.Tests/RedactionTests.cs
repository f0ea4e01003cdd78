namespace Doorbraak.Rules.Cli.Tests;

/// <summary>
/// Issue #20 item 3: with --redact no amount or value of the household reaches any output. The household carries
/// distinctive values (a provision of EUR 98765.43 a month, rent 987.65, income 1234.56, a unique first name) and every
/// format of evaluate and explain is searched for them, in every spelling the renderers use.
/// </summary>
public sealed class RedactionTests
{
    private static readonly string[] Needles =
    [
        "98765.43", "98.765,43", "98,765.43", "98765,43",
        "987.65", "987,65", "1234.56", "1.234,56", "1,234.56",
        "Zeldzamenaamxq",
    ];

    private static string Household(TempDir dir) => dir.File("distinct.yaml", """
        huur: 987.65
        leden:
          - id: moeder
            naam: Zeldzamenaamxq
            rol: aanvrager
            geboren: 1971-01-10
            heeft_bijstand: true
            inkomen: 1234.56
            student: false
            eigen_woonruimte: true
            dreigt_dakloos: false
          - id: zoon
            rol: kind
            geboren: 1997-09-14
            inkomen: 0.00
            student: false
            werkt: false
            eigen_woonruimte: false
            dreigt_dakloos: false
            heeft_perspectiefplan: true
        voorzieningen:
          - soort: wmo
            kosten_per_maand: 98765.43
        """);

    private static void ShouldHoldNone(CliRun run, string what)
    {
        run.Code.Should().Be(0, run.ToString());
        foreach (var n in Needles)
        {
            run.Out.Should().NotContain(n, $"{what} leaks '{n}'");
            run.Err.Should().NotContain(n, $"{what} leaks '{n}' on stderr");
        }
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("markdown")]
    [InlineData("html")]
    public void Evaluate_redact_leaks_no_household_value_in_any_format(string format)
    {
        using var dir = new TempDir();
        var household = Household(dir);
        // The same run without --redact does show the provision's amount: the needles are real.
        var open = Cli.Run("evaluate", household, "--packs", Repo.National, "--date", "2026-03-01", "--format", format);
        open.Out.Should().ContainAny(Needles);
        ShouldHoldNone(Cli.Run("evaluate", household, "--packs", Repo.National, "--date", "2026-03-01", "--format", format, "--redact"), $"evaluate --format {format}");
    }

    [Fact]
    public void Evaluate_redact_in_a_batch_leaks_nothing()
    {
        using var dir = new TempDir();
        Household(dir);
        ShouldHoldNone(Cli.Run("evaluate", dir.Path, "--packs", Repo.National, "--date", "2026-03-01", "--redact"), "a batch");
    }

    [Theory]
    [InlineData("--rule", "pw.kostendelersnorm")]
    [InlineData("--collision", "botsing.kostendeler-jongvolwassene")]
    public void Explain_redact_leaks_no_household_value(string option, string id)
    {
        using var dir = new TempDir();
        var household = Household(dir);
        var run = Cli.Run("explain", household, "--packs", Repo.National, "--date", "2026-03-01", option, id, "--redact");
        ShouldHoldNone(run, $"explain {option}");
    }
}
