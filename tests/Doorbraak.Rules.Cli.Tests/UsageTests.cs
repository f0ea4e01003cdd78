namespace Doorbraak.Rules.Cli.Tests;

public class UsageTests
{
    public static TheoryData<string> Commands => new() { "validate", "test", "evaluate", "explain", "docs", "lint" };

    [Fact]
    public void Help_lists_every_command()
    {
        var run = Cli.Run("--help");
        run.Code.Should().Be(0, run.ToString());
        foreach (var c in Commands) run.Out.Should().Contain(c);
        run.Out.Should().Contain("doorbraak");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_has_help(string command)
    {
        var run = Cli.Run(command, "--help");
        run.Code.Should().Be(0, run.ToString());
        run.Out.Should().Contain("Usage:").And.Contain(command);
        run.Out.Should().NotContain("\u001b[", "help is not coloured when redirected");
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("test")]
    [InlineData("lint")]
    [InlineData("docs")]
    public void An_unknown_option_is_a_usage_error(string command)
    {
        var run = Cli.Run(command, "--bogus", Repo.National);
        run.Code.Should().Be(2, run.ToString());
        run.Err.Should().Contain("--bogus");
        run.Out.Should().BeEmpty();
    }

    [Fact]
    public void An_unknown_option_of_evaluate_is_a_usage_error()
    {
        var run = Cli.Run("evaluate", Repo.S1, "--packs", Repo.National, "--colour", "red");
        run.Code.Should().Be(2, run.ToString());
        run.Err.Should().Contain("--colour");
    }

    [Fact]
    public void No_command_is_a_usage_error()
    {
        var run = Cli.Run();
        run.Code.Should().Be(2, run.ToString());
        run.Err.Should().Contain("--help");
    }

    [Fact]
    public void An_unknown_command_is_a_usage_error()
    {
        var run = Cli.Run("frobnicate");
        run.Code.Should().Be(2, run.ToString());
    }

    [Fact]
    public void A_missing_argument_is_a_usage_error()
    {
        Cli.Run("validate").Code.Should().Be(2);
        Cli.Run("evaluate", Repo.S1).Code.Should().Be(2, "--packs is required");
    }
}
