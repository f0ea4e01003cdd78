namespace Doorbraak.Rules.Cli.Tests;

/// <summary>Issue #20 item 4: no unhandled exception from the CLI; a bad input is exit 1 with a located message.</summary>
public sealed class HostileInputTests
{
    [Fact]
    public void An_unknown_goal_in_doelen_is_exit_1_naming_the_place()
    {
        using var dir = new TempDir();
        var household = dir.File("h.yaml", File.ReadAllText(Repo.S1) + "doelen: [doel.bestaat-niet]\n");
        var run = Cli.Run("evaluate", household, "--packs", Repo.National, "--date", "2026-03-01");
        run.Code.Should().Be(1, run.ToString());
        run.Err.Should().Contain($"{household}:").And.Contain("error DBR3007: The household states the goal 'doel.bestaat-niet'");
        run.Err.Should().NotContain("Unhandled exception").And.NotContain("   at ");
    }

    [Fact]
    public void An_unknown_goal_for_explain_is_exit_1_too()
    {
        using var dir = new TempDir();
        var household = dir.File("h.yaml", File.ReadAllText(Repo.S1) + "doelen: [doel.bestaat-niet]\n");
        var run = Cli.Run("explain", household, "--packs", Repo.National, "--date", "2026-03-01", "--rule", "pw.kostendelersnorm");
        run.Code.Should().Be(1, run.ToString());
        run.Err.Should().Contain("DBR3007").And.NotContain("   at ");
    }

    [Theory]
    [InlineData("{\"a\": 1}")]
    [InlineData("{\"caseReference\": \"x\", \"caseReference\": \"y\"}")]
    [InlineData("[1, 2]")]
    [InlineData("null")]
    public void Report_on_a_json_file_that_is_not_a_plan_is_exit_1_naming_the_file(string json)
    {
        using var dir = new TempDir();
        var file = dir.File("geen-plan.json", json);
        var run = Cli.Run("report", file, "--packs", Repo.National, "--period", "2026-Q1");
        run.Code.Should().Be(1, run.ToString());
        run.Err.Should().Contain($"{file}: not a doorbraakplan in JSON").And.NotContain("   at ");
    }
}
