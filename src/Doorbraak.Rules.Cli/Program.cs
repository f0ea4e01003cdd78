using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using Doorbraak.Rules.Cli.Commands;

namespace Doorbraak.Rules.Cli;

/// <summary>
/// The <c>doorbraak</c> command-line tool. Exit codes: 0 success, 1 the work failed (invalid pack, failing
/// tests, unreadable input, lint warnings with <c>--strict</c>), 2 usage error (unknown option or command,
/// missing or bad argument).
/// </summary>
public static class Program
{
    /// <summary>Success.</summary>
    public const int ExitOk = 0;

    /// <summary>The command ran but found errors (invalid packs, failing tests, unreadable input).</summary>
    public const int ExitFailed = 1;

    /// <summary>The command line itself is wrong.</summary>
    public const int ExitUsage = 2;

    /// <summary>The process entry point.</summary>
    public static int Main(string[] args)
    {
        // Reports use a few non-ASCII marks (→, ✗, table rules) and Dutch text; write UTF-8 everywhere.
        Console.OutputEncoding = new System.Text.UTF8Encoding(false);
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var context = new CliContext(Console.Out, Console.Error,
            outIsTerminal: !Console.IsOutputRedirected && !noColor,
            errIsTerminal: !Console.IsErrorRedirected && !noColor,
            TimeProvider.System, Directory.GetCurrentDirectory());
        return Run(args, context);
    }

    /// <summary>Runs the tool with its output going to the given writers (never a terminal: no colours, no progress).</summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where errors, warnings and progress go.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, new CliContext(stdout, stderr, false, false, TimeProvider.System, Directory.GetCurrentDirectory()));

    internal static int Run(string[] args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = BuildRoot(context);
        var parse = root.Parse(args);

        if (parse.Action is not HelpAction)
        {
            var problems = parse.Errors.Select(e => e.Message).ToList();
            problems.AddRange(UnknownOptions(parse));
            if (problems.Count > 0)
            {
                foreach (var p in problems.Distinct()) context.Err.WriteLine($"doorbraak: {p}");
                context.Err.WriteLine($"Run '{CommandPath(parse)} --help' for usage.");
                return ExitUsage;
            }
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Err,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (UsageException ex)
        {
            context.Err.WriteLine($"doorbraak: {ex.Message}");
            context.Err.WriteLine($"Run '{CommandPath(parse)} --help' for usage.");
            return ExitUsage;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CliException)
        {
            context.Err.WriteLine($"doorbraak: error: {ex.Message}");
            return ExitFailed;
        }
        catch (HouseholdException ex)
        {
            // Each diagnostic names its place (file:line:column) where the household gives one.
            context.Err.WriteLine("doorbraak: error: the household does not fit the loaded packs:");
            foreach (var d in ex.Diagnostics) context.Err.WriteLine(d);
            return ExitFailed;
        }
        catch (Exception ex) when (ex is ArgumentException or System.Text.Json.JsonException or FormatException or InvalidDataException or PackLoadException or DecisionException)
        {
            context.Err.WriteLine($"doorbraak: error: {ex.Message}");
            return ExitFailed;
        }
    }

    /// <summary>
    /// System.CommandLine passes an unknown <c>--option</c> on to a command's variadic argument; report it
    /// as what it is instead of treating it as a path.
    /// </summary>
    private static IEnumerable<string> UnknownOptions(ParseResult parse)
    {
        foreach (var token in parse.Tokens)
        {
            if (token.Type == TokenType.DoubleDash) yield break;
            if (token.Type == TokenType.Argument && token.Value.Length > 1 && token.Value[0] == '-' && !char.IsDigit(token.Value[1]))
                yield return $"Unrecognized command or argument '{token.Value}': there is no such option.";
        }
    }

    internal static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand(
            "doorbraak: validate, test, lint and document policy packs, and evaluate households against them " +
            "(collisions between lawfulness and what works, and documented deviations).\n" +
            "Exit codes: 0 success; 1 invalid packs, failing tests, unreadable input or (lint --strict) warnings; 2 usage errors.")
        {
            HelpName = "doorbraak",
        };
        root.Add(ValidateCommand.Build(context));
        root.Add(TestCommand.Build(context));
        root.Add(EvaluateCommand.Build(context));
        root.Add(ExplainCommand.Build(context));
        root.Add(DocsCommand.Build(context));
        root.Add(LintCommand.Build(context));
        root.Add(MigrateCommand.Build(context));
        root.Add(ReportCommand.Build(context));
        root.Add(NewCommand.Build(context));
        root.Add(LspCommand.Build(context));
        root.Add(SignCommand.BuildSign(context));
        root.Add(SignCommand.BuildVerify(context));
        return root;
    }

    /// <summary>The command as typed, such as <c>doorbraak new pack</c>, for the "Run ... --help" line.</summary>
    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var r = parse.CommandResult; r is not null && r.Command is not RootCommand; r = r.Parent as CommandResult) names.Insert(0, r.Command.Name);
        return string.Join(' ', names.Prepend("doorbraak"));
    }
}

/// <summary>A usage error found after parsing (conflicting options, a bad date): exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>The input could not be used (a missing household file, an unknown id): exit code 1.</summary>
internal sealed class CliException(string message) : Exception(message);
