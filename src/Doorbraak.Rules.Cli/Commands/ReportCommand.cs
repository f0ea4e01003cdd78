using Doorbraak.Rules.Monitoring;
using System.CommandLine;
using System.Text;
using System.Text.Json;

namespace Doorbraak.Rules.Cli.Commands;

/// <summary>
/// <c>doorbraak report &lt;plans&gt; --packs &lt;dir&gt;... --period 2026-Q1</c>: the council report (KPIs against their norms, trend,
/// cost per payer) over doorbraakplannen with their reviews, as HTML, Markdown, CSV, Excel or JSON. See docs/monitoring.md.
/// </summary>
internal static class ReportCommand
{
    private static readonly string[] Formats = ["html", "markdown", "csv", "xlsx", "json", "all"];

    public static Command Build(CliContext context)
    {
        var input = new Argument<string>("plans")
        {
            Description = "A folder of doorbraakplan JSON files (*.json, with their reviews) or a .jsonl file with one plan per line.",
        };
        var packs = Common.PacksOption();
        var period = new Option<string>("--period")
        {
            Description = "The period to report on: a year (2026), half year (2026-H1), quarter (2026-Q1), month (2026-03), days (2026-01-30/2026-04-09) " +
                "or a council meeting date from the packs' council_meetings (2026-04-09: the days since the meeting before it).",
            Required = true,
            HelpName = "period",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "html (a page with charts; the default), markdown, csv, xlsx (needs --out), json, or all (every format; needs --out).",
            DefaultValueFactory = _ => "html",
            HelpName = "html|markdown|csv|xlsx|json|all",
        };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Write council-report.<ext> into this folder (created if needed) instead of to standard output.",
            HelpName = "dir",
        };
        var threshold = new Option<int>("--threshold")
        {
            Description = "Counts below this are shown as '< N', and so are shares, means and sums resting on fewer households.",
            DefaultValueFactory = _ => 5,
            HelpName = "n",
        };
        var trend = new Option<int>("--trend")
        {
            Description = "How many periods the trend shows, the report's period included.",
            DefaultValueFactory = _ => 4,
            HelpName = "periods",
        };
        var figures = new Option<string?>("--figures")
        {
            Description = "The population indicators' figures and the budget lines' spend per period: a CSV (id,period,value[,reference,count,note]) or JSON file (docs/monitoring.md).",
            HelpName = "file",
        };
        var title = new Option<string?>("--title")
        {
            Description = "The report's title. Default: \"Monitor doorbraakaanpak\".",
            HelpName = "text",
        };
        var command = new Command("report",
            "Make the council report over doorbraakplannen and their 6- and 12-month reviews: each KPI of the packs' kpis sections " +
            "per period against its norm, with trend and charts, and the cost of the current route against the breakthrough route per payer. " +
            "Small counts are suppressed in every format.")
        {
            input, packs, period, format, output, threshold, trend, title, figures,
        };
        command.SetAction(parse =>
        {
            var periodText = parse.GetValue(period) ?? "";
            var meeting = DateOnly.TryParseExact(periodText.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var m) ? m : (DateOnly?)null;
            var p = default(ReportPeriod);
            if (meeting is null && !ReportPeriod.TryParse(periodText, out p))
                throw new UsageException($"'--period {periodText}' is not a period; write 2026, 2026-H1, 2026-Q1, 2026-03, 2026-01-30/2026-04-09 or a council meeting date.");
            if (parse.GetValue(threshold) is < 1 or > 100) throw new UsageException("--threshold must be between 1 and 100.");
            if (parse.GetValue(trend) is < 1 or > 24) throw new UsageException("--trend must be between 1 and 24 periods.");
            var f = parse.GetValue(format) ?? "html";
            var outDir = parse.GetValue(output);
            if (f is "xlsx" or "all" && outDir is null) throw new UsageException($"--format {f} writes files; give a folder with --out.");
            var options = new MonitoringOptions
            {
                SuppressionThreshold = parse.GetValue(threshold),
                TrendPeriods = parse.GetValue(trend),
                Title = parse.GetValue(title) ?? "Monitor doorbraakaanpak",
                GeneratedOn = DateOnly.FromDateTime(context.Time.GetLocalNow().DateTime),
            };
            return Run(parse.GetValue(input)!, parse.GetValue(packs)!, p, meeting, parse.GetValue(figures), f, outDir, options, context);
        });
        return command;
    }

    private static int Run(string input, string[] packDirs, ReportPeriod period, DateOnly? meeting, string? figuresFile, string format, string? outDir,
        MonitoringOptions options, CliContext context)
    {
        var plans = ReadPlans(input, context);
        var set = Common.LoadPacks(packDirs, context);
        if (set is null) return Program.ExitFailed;
        var catalog = KpiCatalog.FromPackSet(set);
        if (catalog.Kpis.Count == 0)
            throw new CliException("the packs define no KPIs; add a kpis: section (see docs/monitoring.md), for example by loading policypacks/nl-sociaal-domein.");
        if (meeting is { } date)
        {
            var meetings = catalog.Declarations.CouncilMeetings.Select(x => x.Date).ToList();
            if (meetings.Count == 0)
                throw new UsageException($"'--period {date:yyyy-MM-dd}' is a date, but the packs list no council_meetings; write a period such as 2026-Q1, or days as 2025-12-19/{date:yyyy-MM-dd}.");
            try
            {
                period = ReportPeriod.ForMeeting(meetings, date);
            }
            catch (ArgumentException ex)
            {
                throw new UsageException($"'--period {date:yyyy-MM-dd}': {ex.Message.Split(" (Parameter", 2)[0]}");
            }
        }
        if (figuresFile is not null)
        {
            var path = context.FullPath(figuresFile);
            if (!File.Exists(path)) throw new CliException($"the figures file '{figuresFile}' does not exist; give a CSV or JSON file (docs/monitoring.md).");
            options = new MonitoringOptions
            {
                SuppressionThreshold = options.SuppressionThreshold, TrendPeriods = options.TrendPeriods, Title = options.Title, GeneratedOn = options.GeneratedOn,
                Figures = MonitoringFigures.Load(path),
            };
        }
        var report = MonitoringAggregator.Compute(catalog, plans, period, options);
        foreach (var problem in report.Problems) context.Err.WriteLine($"warning: {problem}");

        var formats = format == "all" ? Formats[..^1] : [format];
        foreach (var f in formats)
        {
            if (outDir is null)
            {
                context.Out.Write(Render(report, f));
                continue;
            }
            var dir = context.FullPath(outDir);
            Directory.CreateDirectory(dir);
            var file = Path.Combine(dir, "council-report." + Extension(f));
            if (f == "xlsx") File.WriteAllBytes(file, CouncilReport.ToXlsx(report));
            else File.WriteAllText(file, Render(report, f), new UTF8Encoding(false));
            context.Err.WriteLine($"wrote {Path.Combine(outDir, Path.GetFileName(file))}");
        }
        context.Err.WriteLine($"{plans.Count} plan(s) read; {report.Kpis.Count} KPI(s), {report.Indicators.Count} indicator(s), {report.Scales.Count} scale(s), " +
            $"{report.Norms.Count} norm(s), {report.Budget.Count} budget line(s) for {period.DutchName}; {report.Problems.Count} problem(s).");
        return report.Problems.Count > 0 ? Program.ExitFailed : Program.ExitOk;
    }

    private static string Render(MonitoringReport report, string format) => format switch
    {
        "markdown" => CouncilReport.ToMarkdown(report),
        "csv" => CouncilReport.ToCsv(report),
        "json" => CouncilReport.ToJson(report) + "\n",
        _ => CouncilReport.ToHtml(report),
    };

    private static string Extension(string format) => format switch { "markdown" => "md", _ => format };

    private static List<DoorbraakPlan> ReadPlans(string input, CliContext context)
    {
        var full = context.FullPath(input);
        var plans = new List<DoorbraakPlan>();
        if (Directory.Exists(full))
        {
            foreach (var file in Directory.EnumerateFiles(full, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                plans.Add(Parse(File.ReadAllText(file), Path.GetRelativePath(context.WorkingDirectory, file)));
            return plans;
        }
        if (!File.Exists(full)) throw new CliException($"the plans '{input}' do not exist; give a folder of plan JSON files or a .jsonl file.");
        if (input.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            var n = 0;
            foreach (var line in File.ReadLines(full))
            {
                n++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                plans.Add(Parse(line, $"{input}:{n}"));
            }
            return plans;
        }
        plans.Add(Parse(File.ReadAllText(full), input));
        return plans;
    }

    private static DoorbraakPlan Parse(string json, string where)
    {
        try
        {
            return PlanExport.FromJson(json);
        }
        catch (JsonException ex)
        {
            throw new CliException($"{where}: not a doorbraakplan in JSON ({ex.Message}).");
        }
    }
}
