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
    public void Local_packs_tests_run_on_top_of_the_national_pack_and_each_pack_keeps_its_own_base()
    {
        var run = Cli.Run("test", Repo.National, Repo.Hbel, Repo.Vlaardingen);
        run.Out.Should().Contain("PASS gemeente.vlaardingen: ").And.Contain("PASS regio.hbel: ").And.Contain("PASS nl.sociaal-domein: ");
        var m = Summary.Match(run.OutLines[^1]);
        m.Success.Should().BeTrue(run.ToString());
        run.Code.Should().Be(m.Groups["failed"].Value == "0" ? 0 : 1);

        var alone = Cli.Run("test", Repo.Vlaardingen);
        alone.Code.Should().Be(1, alone.ToString());
        alone.Err.Should().Contain("error DBR1030");
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
        run.Out.Should().Contain("trace:")
            .And.Contain("huishouden.bijstandsnorm = 1001.07 (was unknown) by rule pw.kostendelersnorm (Participatiewet art. 22a)")
            .And.Contain("because: aanvrager.heeft_bijstand → waar")
            .And.Contain("facts: leden[moeder].heeft_bijstand = waar");
        Cli.Run("test", pack, "--verbose").Out.Should().Contain("De wet zegt (Participatiewet art. 22a)");
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
