using System.CommandLine;
using System.Text;
using System.Text.Json;
using Doorbraak.Rules.Cli.Rendering;

namespace Doorbraak.Rules.Cli.Commands;

/// <summary>
/// <c>doorbraak evaluate &lt;household&gt; --packs &lt;dir&gt;...</c>: one household as a text report, the result JSON or a
/// draft doorbraakplan; or many households (a folder, or a .jsonl file) as JSON Lines.
/// </summary>
internal static class EvaluateCommand
{
    private static readonly string[] HouseholdExtensions = [".yaml", ".yml", ".json"];

    public static Command Build(CliContext context)
    {
        var input = new Argument<string>("household")
        {
            Description = "A household file (.yaml, .yml or .json); or, for a batch, a folder of household files or a .jsonl file with one JSON household per line.",
        };
        var packs = Common.PacksOption();
        var date = Common.DateOption();
        var format = new Option<string?>("--format", "-f")
        {
            Description = "text (a readable report; the default for one household), json (the evaluation result, docs/evaluation-result.md), " +
                          "markdown or html (a draft doorbraakplan). A batch always writes JSON Lines.",
            HelpName = "text|json|markdown|html",
        };
        format.AcceptOnlyFromAmong("text", "json", "markdown", "html");
        var lang = Common.LangOption();
        var engine = Common.EngineOption();
        var redact = Common.RedactOption();
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Write to this file instead of standard output.",
            HelpName = "file",
        };
        var horizon = new Option<int>("--horizon")
        {
            Description = "Months over which costs of the current route and of each proposal are compared.",
            DefaultValueFactory = _ => 12,
            HelpName = "months",
        };
        var strict = new Option<bool>("--strict")
        {
            Description = "Exit with 1 when a result is incomplete (its completeness verdict has gaps), so that a script cannot miss it.",
        };
        var command = new Command("evaluate",
            "Evaluate a household on a reference date: which rules apply, which goals fail, the collisions, the missing facts " +
            "(as questions) and the proposed deviations with basis, mandate, limits, cost and draft motivation. " +
            "A folder or a .jsonl file is a batch: one JSON result per line, with progress on stderr when it is a terminal.")
        {
            input, packs, date, format, lang, redact, output, horizon, strict, engine,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(horizon) is < 1 or > 120) throw new UsageException("--horizon must be between 1 and 120 months.");
            var options = new EvaluationOptions
            {
                Language = Common.Language(parse.GetValue(lang)),
                Redact = parse.GetValue(redact),
                HorizonMonths = parse.GetValue(horizon),
            };
            return Run(parse.GetValue(input)!, parse.GetValue(packs)!, Common.ReferenceDate(parse.GetValue(date), context),
                parse.GetValue(format), options, parse.GetValue(output), context, parse.GetValue(strict), Common.Backend(parse.GetValue(engine)));
        });
        return command;
    }

    private static int Run(string input, string[] packDirs, DateOnly date, string? format, EvaluationOptions options, string? outFile, CliContext context, bool strict, EvaluationBackend backend)
    {
        var full = context.FullPath(input);
        var batch = Directory.Exists(full) || input.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);
        if (batch && format is not null and not "json")
            throw new UsageException($"a batch (a folder or a .jsonl file) is written as JSON Lines; --format {format} is for one household.");
        if (!batch && !File.Exists(full))
            throw new CliException($"the household file '{input}' does not exist.");
        if (batch && !Directory.Exists(full) && !File.Exists(full))
            throw new CliException($"the household file '{input}' does not exist.");

        if (outFile is not null && Directory.Exists(context.FullPath(outFile)))
            throw new UsageException($"'--out {outFile}' is a folder; give the file to write, such as {Path.Combine(outFile, "resultaat.json")}.");

        var set = Common.LoadPacks(packDirs, context);
        if (set is null) return Program.ExitFailed;
        var engine = new DoorbraakEngine(set) { Backend = backend };

        using var sink = outFile is null ? null : new StreamWriter(context.FullPath(outFile), false, new UTF8Encoding(false));
        var w = sink ?? context.Out;
        var terminal = sink is null && context.OutIsTerminal;
        int code;
        if (batch) code = RunBatch(engine, input, full, date, options, w, context, strict);
        else
        {
            var household = Common.ReadHousehold(engine, input, context);
            var result = engine.Evaluate(household, date, options);
            var name = Path.GetFileName(input);
            switch (format ?? "text")
            {
                case "json":
                    w.WriteLine(ResultJson.Serialize(result));
                    break;
                case "markdown":
                case "html":
                    var planner = new DoorbraakPlanner(engine, context.Time);
                    var plan = planner.Assemble(household, result, [], new PlanDetails { CaseReference = name, Language = options.Language });
                    w.Write(format == "markdown" ? PlanExport.ToMarkdown(plan) : PlanExport.ToHtml(plan));
                    break;
                default:
                    TextReport.Write(w, name, result, new Words(options.Language), new Style(terminal), terminal);
                    break;
            }
            // The gaps go to stderr too, so that they are seen even when stdout is a file or a pipe.
            if (!result.Completeness.Complete)
                TextReport.WriteCompleteness(context.Err, result.Completeness, new Words(options.Language), new Style(false));
            code = strict && !result.Completeness.Complete ? Program.ExitFailed : Program.ExitOk;
        }
        w.Flush();
        if (outFile is not null) context.Err.WriteLine($"wrote {outFile}");
        return code;
    }

    private static readonly JsonSerializerOptions LineOptions = new(ResultJson.Options) { WriteIndented = false };

    /// <summary>One JSON line per household: <c>{"household": name, "result": {...}}</c>, or <c>{"household": name, "errors": [...]}</c>.</summary>
    private static int RunBatch(DoorbraakEngine engine, string input, string full, DateOnly date, EvaluationOptions options, TextWriter w, CliContext context, bool strict)
    {
        var items = new List<(string Name, Func<string> Text)>();
        if (Directory.Exists(full))
        {
            foreach (var file in Directory.EnumerateFiles(full).Where(f => HouseholdExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
                items.Add((Path.GetFileName(file), () => File.ReadAllText(file)));
            if (items.Count == 0) throw new CliException($"the folder '{input}' holds no household files (.yaml, .yml, .json).");
        }
        else
        {
            var lineNo = 0;
            foreach (var line in File.ReadLines(full))
            {
                lineNo++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                var text = line;
                items.Add(($"{Path.GetFileName(input)}:{lineNo}", () => text));
            }
        }

        var progress = context.ErrIsTerminal;
        var failed = 0;
        var incomplete = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var (name, read) = items[i];
            var sb = new StringBuilder();
            sb.Append("{\"household\":").Append(JsonSerializer.Serialize(name, LineOptions));
            try
            {
                var household = engine.ReadHousehold(read(), name);
                var result = engine.Evaluate(household, date, options);
                if (!result.Completeness.Complete) incomplete++;
                sb.Append(",\"result\":").Append(JsonSerializer.Serialize(result, LineOptions));
            }
            catch (HouseholdException ex)
            {
                failed++;
                sb.Append(",\"errors\":").Append(JsonSerializer.Serialize(ex.Diagnostics.Select(d => d.ToString()).ToList(), LineOptions));
                if (progress) context.Err.Write("\r\u001b[2K");
                foreach (var d in ex.Diagnostics) context.Err.WriteLine(d);
            }
            sb.Append('}');
            w.WriteLine(sb.ToString());
            if (progress) context.Err.Write($"\r{Bar(i + 1, items.Count)} {i + 1}/{items.Count} {Trim(name, 40)}\u001b[K");
        }
        if (progress) context.Err.WriteLine();
        context.Err.WriteLine($"{items.Count - failed} household(s) evaluated, {failed} failed, {incomplete} incomplete.");
        return failed == 0 && !(strict && incomplete > 0) ? Program.ExitOk : Program.ExitFailed;
    }

    private static string Bar(int done, int total)
    {
        const int width = 24;
        var filled = total == 0 ? width : done * width / total;
        return "[" + new string('#', filled) + new string('.', width - filled) + "]";
    }

    private static string Trim(string text, int max) => text.Length <= max ? text : "…" + text[^(max - 1)..];
}
