namespace Doorbraak.Rules.Cli.Tests;

public class UsageTests
{
    private static IReadOnlyList<string> CommandNames() =>
        Program.BuildRoot(new CliContext(TextWriter.Null, TextWriter.Null, false, false, TimeProvider.System, ".")).Subcommands.Select(c => c.Name).ToList();

    public static TheoryData<string> Commands() => new(CommandNames());

    [Fact]
    public void The_command_list_is_the_tool_s_own()
    {
        CommandNames().Should().Contain(["validate", "test", "evaluate", "explain", "docs", "lint", "report", "new", "lsp"]);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Docs_cli_md_documents_every_command_and_each_of_its_options(string command)
    {
        var md = File.ReadAllText(System.IO.Path.Combine(Repo.Root, "docs", "cli.md"));
        var heading = $"\n## {command}\n";
        md.Should().Contain(heading, $"docs/cli.md needs a section '## {command}'");
        var section = md[(md.IndexOf(heading, StringComparison.Ordinal) + heading.Length)..];
        var next = section.IndexOf("\n## ", StringComparison.Ordinal);
        if (next >= 0) section = section[..next];
        var root = Program.BuildRoot(new CliContext(TextWriter.Null, TextWriter.Null, false, false, TimeProvider.System, "."));
        var cmd = root.Subcommands.Single(c => c.Name == command);
        foreach (var c in cmd.Subcommands.Prepend(cmd))
        foreach (var option in c.Options.Where(o => o.Name.StartsWith("--", StringComparison.Ordinal) && o.Name is not "--help"))
            section.Should().Contain(option.Name, $"the section '## {command}' of docs/cli.md should explain {option.Name}");
    }

    [Fact]
    public void Help_lists_every_command()
    {
        var run = Cli.Run("--help");
        run.Code.Should().Be(0, run.ToString());
        foreach (var c in CommandNames()) run.Out.Should().Contain(c);
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
