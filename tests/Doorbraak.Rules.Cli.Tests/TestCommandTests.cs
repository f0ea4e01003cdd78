using System.Text.RegularExpressions;

namespace Doorbraak.Rules.Cli.Tests;

public class TestCommandTests
{
    private static readonly Regex Summary = new(@"^(?<passed>\d+) passed, (?<failed>\d+) failed$");

    [Fact]
    public void The_national_packs_tests_run_and_end_with_the_summary_line()
    {
        var run = Cli.Run("test", Repo.National);
        var last = run.OutLines[^1];
        var m = Summary.Match(last);
        m.Success.Should().BeTrue(run.ToString());
        int.Parse(m.Groups["passed"].Value).Should().BeGreaterThan(0);
        run.Code.Should().Be(m.Groups["failed"].Value == "0" ? 0 : 1, run.ToString());
        run.Out.Should().Contain("PASS nl.sociaal-domein: S1");
    }

    [Fact]
    public void A_failing_case_shows_expected_actual_and_the_trace_and_exits_1()
    {
        using var temp = new TempDir();
        var pack = temp.CopyMiniPack();
        File.WriteAllText(Path.Combine(pack, "tests", "wrong.yaml"), """
            tests:
              - name: "Verkeerde verwachting"
                date: 2026-03-01
                household:
                  leden:
                    - { id: moeder, rol: aanvrager, geboren: 1971-01-10, heeft_bijstand: true, inkomen: 1401.50, student: false }
                    - { id: zoon, rol: kind, geboren: 1997-09-14, inkomen: 0, student: false, eigen_woonruimte: false }
                expect:
                  not_applied: [pw.kostendelersnorm]
                  facts: { huishouden.bijstandsnorm: 1401.50 }
            """);

        var run = Cli.Run("test", pack);

        run.Code.Should().Be(1, run.ToString());
        run.Out.Should().Contain("FAIL mini.nl: Verkeerde verwachting");
        run.Out.Should().Contain("wrong.yaml:2:");
        run.Out.Should().Contain("expected rule 'pw.kostendelersnorm' not to apply");
        run.Out.Should().Contain("huishouden.bijstandsnorm: expected 1401.50, actual 1001.07");
        run.Out.Should().Contain("trace:").And.Contain("Kostendelersnorm (pw.kostendelersnorm)").And.Contain("Gebruikte feiten:");
        Summary.Match(run.OutLines[^1]).Groups["failed"].Value.Should().Be("1", run.ToString());
    }

    [Fact]
    public void A_pack_that_does_not_load_exits_1_without_running_tests()
    {
        using var temp = new TempDir();
        var pack = temp.CopyMiniPack();
        File.WriteAllText(Path.Combine(pack, "pack.yaml"), "id: mini.nl\nversion: nope\n");
        var run = Cli.Run("test", pack);
        run.Code.Should().Be(1, run.ToString());
        run.Err.Should().MatchRegex(@"pack\.yaml:\d+:\d+: error DBR\d{4}: ");
        run.Out.Should().NotContain("passed");
    }

    [Fact]
    public void Pack_option_selects_one_packs_tests()
    {
        var run = Cli.Run("test", Repo.National, "--pack", "nl.sociaal-domein");
        Summary.IsMatch(run.OutLines[^1]).Should().BeTrue(run.ToString());
        Cli.Run("test", Repo.National, "--pack", "gemeente.nergens").Code.Should().Be(1);
    }
}
