using Doorbraak.Rules.Samples;
using Doorbraak.Rules.Monitoring;
using System.Text.Json;

namespace Doorbraak.Rules.Cli.Tests;

/// <summary><c>doorbraak report</c> over the synthetic pilot (docs/monitoring.md).</summary>
public class ReportCommandTests
{
    private static readonly JsonSerializerOptions OneLine = new(ResultJson.Options) { WriteIndented = false };

    private static string PilotJsonl(TempDir dir, int households = 120) =>
        dir.File("pilot.jsonl", string.Join("\n", SyntheticPilot.Generate(new SyntheticPilotOptions { Households = households })
            .Select(p => JsonSerializer.Serialize(p, OneLine))) + "\n");

    [Fact]
    public void Writes_every_format_into_the_out_folder()
    {
        using var dir = new TempDir();
        var run = Cli.Run("report", PilotJsonl(dir), "--packs", Repo.National, "--period", "2026-Q1", "--format", "all", "--out", Path.Combine(dir.Path, "raad"));
        run.Code.Should().Be(0, run.ToString());
        foreach (var ext in new[] { "html", "md", "csv", "xlsx", "json" })
            File.Exists(Path.Combine(dir.Path, "raad", "council-report." + ext)).Should().BeTrue(ext);
        var html = File.ReadAllText(Path.Combine(dir.Path, "raad", "council-report.html"));
        html.Should().Contain("<h1>Monitor doorbraakaanpak: 1e kwartaal 2026</h1>").And.Contain("<svg ").And.Contain("Doorlooptijd tot doorbraak");
        run.Err.Should().Contain("12 KPI(s) for 1e kwartaal 2026");
    }

    [Fact]
    public void Writes_markdown_to_standard_output_from_a_folder_of_plans_with_suppression()
    {
        using var dir = new TempDir();
        // Three plans only: every count is below the threshold of 5.
        foreach (var p in SyntheticPilot.Generate(new SyntheticPilotOptions { Households = 3 }))
            dir.File(Path.Combine("plans", p.CaseReference + ".json"), PlanExport.ToJson(p));
        var run = Cli.Run("report", Path.Combine(dir.Path, "plans"), "--packs", Repo.National, "--period", "2025", "--format", "markdown");
        run.Code.Should().Be(0, run.ToString());
        run.Out.Should().StartWith("# Monitor doorbraakaanpak: 2025").And.Contain("| Gestarte casussen | < 5 |");
        run.Out.Should().NotContain("| Gestarte casussen | 3 |");
    }

    [Fact]
    public void Threshold_and_usage_errors()
    {
        using var dir = new TempDir();
        var jsonl = PilotJsonl(dir, 40);
        Cli.Run("report", jsonl, "--packs", Repo.National, "--period", "2026-Q1", "--format", "csv", "--threshold", "1000").Code.Should().Be(2);
        var csv = Cli.Run("report", jsonl, "--packs", Repo.National, "--period", "2026-Q1", "--format", "csv", "--threshold", "50");
        csv.Code.Should().Be(0, csv.ToString());
        csv.OutLines.Should().Contain(l => l.StartsWith("kpi,kpi.casussen-gestart,Gestarte casussen,cases_started,2026-Q1,,,< 50,", StringComparison.Ordinal));
        Cli.Run("report", jsonl, "--packs", Repo.National, "--period", "Q1").Code.Should().Be(2);
        Cli.Run("report", jsonl, "--packs", Repo.National, "--period", "2026-Q1", "--format", "xlsx").Code.Should().Be(2);
        var bad = dir.File("bad.jsonl", "{\"not\": \"a plan\"\n");
        var run = Cli.Run("report", bad, "--packs", Repo.National, "--period", "2026-Q1");
        run.Code.Should().Be(1);
        run.Err.Should().Contain("bad.jsonl:1");
    }
}
