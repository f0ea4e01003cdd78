using System.CommandLine;
using System.Globalization;

namespace Doorbraak.Rules.Cli.Commands;

/// <summary>Options and steps that several commands share.</summary>
internal static class Common
{
    public static Argument<string[]> PackDirsArgument(string description) => new("pack-dir")
    {
        Description = description,
        Arity = ArgumentArity.OneOrMore,
    };

    public static Option<string[]> PacksOption() => new("--packs", "-p")
    {
        Description = "Pack folders to load (each holds a pack.yaml); name every pack the set needs, e.g. the national pack with a local one. Repeat the option or list several folders after it.",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
        Arity = ArgumentArity.OneOrMore,
        HelpName = "dir",
    };

    public static Option<string?> DateOption() => new("--date", "-d")
    {
        Description = "The reference date (peildatum), yyyy-mm-dd. Default: today's date (local clock), so give it for reproducible output.",
        HelpName = "yyyy-mm-dd",
    };

    public static Option<string> LangOption()
    {
        var o = new Option<string>("--lang", "-l")
        {
            Description = "Language of explanations and reports: nl (Dutch) or en (English).",
            DefaultValueFactory = _ => "nl",
            HelpName = "nl|en",
        };
        o.AcceptOnlyFromAmong("nl", "en");
        return o;
    }

    public static Option<bool> RedactOption() => new("--redact")
    {
        Description = "Replace personal fact values in traces, motivations and exports with [afgeschermd].",
    };

    public static Option<string> EngineOption()
    {
        var o = new Option<string>("--engine")
        {
            Description = "The engine that decides the rules: compiled (the default) or nrules (the NRules Rete backend). Results are the same.",
            DefaultValueFactory = _ => "compiled",
            HelpName = "compiled|nrules",
        };
        o.AcceptOnlyFromAmong("compiled", "nrules");
        return o;
    }

    public static EvaluationBackend Backend(string? engine) => engine == "nrules" ? Doorbraak.Rules.NRules.NRulesBackend.Instance : EvaluationBackend.Compiled;

    public static ReportLanguage Language(string? lang) => lang == "en" ? ReportLanguage.English : ReportLanguage.Dutch;

    public static DateOnly ReferenceDate(string? text, CliContext context)
    {
        if (text is null) return DateOnly.FromDateTime(context.Time.GetLocalNow().DateTime);
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        throw new UsageException($"'--date {text}' is not a date; write yyyy-mm-dd, such as 2026-03-01.");
    }

    /// <summary>Loads a pack set from folders; on errors writes every diagnostic to stderr and returns null.</summary>
    public static PackSet? LoadPacks(IEnumerable<string> folders, CliContext context, bool showWarnings = false)
    {
        var sources = folders.Select(f => PolicyPackSource.FromDirectory(DisplayPath(f, context))).ToList();
        var (set, diagnostics) = PackSet.TryLoad(sources);
        if (set is null || showWarnings)
        {
            foreach (var d in diagnostics) WriteDiagnostic(context, d);
        }
        if (set is null)
        {
            var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            context.Err.WriteLine($"{errors} error(s); the packs did not load.");
        }
        return set;
    }

    public static void WriteDiagnostic(CliContext context, Diagnostic d)
    {
        var line = d.ToString();
        var style = context.ErrStyle;
        context.Err.WriteLine(d.Severity == DiagnosticSeverity.Error ? style.Red(line) : style.Yellow(line));
    }

    /// <summary>A relative path is resolved against the working folder but shown as given, so messages read like the command line.</summary>
    public static string DisplayPath(string path, CliContext context)
    {
        var trimmed = path.Length > 1 ? path.TrimEnd('/', '\\') : path;
        if (Path.IsPathRooted(trimmed)) return trimmed;
        return context.WorkingDirectory == Directory.GetCurrentDirectory() ? trimmed : context.FullPath(trimmed);
    }

    /// <summary>Reads one household file, or throws <see cref="CliException"/> with every problem.</summary>
    public static Household ReadHousehold(DoorbraakEngine engine, string path, CliContext context)
    {
        var full = context.FullPath(path);
        if (Directory.Exists(full)) throw new CliException($"'{path}' is a folder; this command takes one household file (.yaml, .yml or .json).");
        if (!File.Exists(full)) throw new CliException($"the household file '{path}' does not exist.");
        return ParseHousehold(engine, File.ReadAllText(full), path);
    }

    public static Household ParseHousehold(DoorbraakEngine engine, string text, string name)
    {
        try
        {
            return engine.ReadHousehold(text, name);
        }
        catch (HouseholdException ex)
        {
            throw new CliException("the household does not fit the loaded packs:" + Environment.NewLine + string.Join(Environment.NewLine, ex.Diagnostics));
        }
    }
}
