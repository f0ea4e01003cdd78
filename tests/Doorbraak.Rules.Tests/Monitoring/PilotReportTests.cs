using Doorbraak.Rules.Samples;
using Doorbraak.Rules.Monitoring;
using System.Text.RegularExpressions;
using PackSet = Doorbraak.Rules.PackSet;

namespace Doorbraak.Rules.Tests.Monitoring;

/// <summary>The synthetic pilot and the council report made from it (the example in docs/examples).</summary>
public class PilotReportTests
{
    private static readonly Lazy<IReadOnlyList<DoorbraakPlan>> Pilot = new(() => SyntheticPilot.Generate());

    private static readonly Lazy<KpiCatalog> National = new(() =>
        KpiCatalog.FromPackSet(PackSet.LoadDirectories(Path.Combine(RepoRoot.Path, "policypacks", "nl-sociaal-domein"))));

    internal static MonitoringReport Example() => MonitoringAggregator.Compute(National.Value, Pilot.Value, ReportPeriod.Parse("2026-Q1"),
        new MonitoringOptions { Title = "Monitor doorbraakaanpak (synthetische pilot)", GeneratedOn = new DateOnly(2026, 4, 15) });

    [Fact]
    public void The_generator_is_seeded_and_plausible()
    {
        var again = SyntheticPilot.Generate();
        again.Select(PlanExport.ToJson).Should().Equal(Pilot.Value.Select(PlanExport.ToJson));
        SyntheticPilot.Generate(new SyntheticPilotOptions { Seed = 7 }).Select(p => p.CaseReference).Should().NotEqual(Pilot.Value.Select(p => p.CaseReference));

        var plans = Pilot.Value;
        plans.Count.Should().BeInRange(270, 300, "households whose breakthrough is after the extraction date are left out");
        var days = plans.Select(p => p.BreakthroughDate.DayNumber - p.FirstContact!.Value.DayNumber).Order().ToList();
        days[days.Count / 2].Should().BeInRange(15, 35, "most breakthroughs within a month (LMM)");
        var saving = plans.Average(p => -p.Cost.Difference);
        saving.Should().BeInRange(10000m, 40000m, "Den Haag saved EUR 22,414 per case");
        var twelve = plans.SelectMany(p => p.Reviews).Where(r => r.Moment == "12m").ToList();
        twelve.Should().NotBeEmpty();
        var share = twelve.Sum(r => r.GoalsMet.Count) / (double)twelve.Sum(r => r.GoalsMet.Count + r.GoalsNotMet.Count);
        share.Should().BeInRange(0.5, 0.85);
        (twelve.Count(r => r.Recurrence) / (double)twelve.Count).Should().BeInRange(0.03, 0.25);
        plans.SelectMany(p => p.Reviews).Should().OnlyContain(r => r.SelfRelianceBefore.Count == 13 && r.SelfRelianceBefore.Values.All(v => v >= 1 && v <= 5));
    }

    [Fact]
    public void The_report_of_the_pilot_has_every_kpi_with_its_chart_norm_and_status()
    {
        var report = Example();
        report.Problems.Should().BeEmpty();
        report.Kpis.Should().HaveCount(12);
        report.Kpis.Should().OnlyContain(k => k.Series.Count == 4 && k.Status != NormStatus.Invalid);
        report.Kpis.Single(k => k.Kpi.Measure == KpiMeasures.DaysToBreakthrough).Status.Should().BeOneOf(NormStatus.Met, NormStatus.NotMet);

        var html = CouncilReport.ToHtml(report);
        Regex.Matches(html, "<svg ").Count.Should().Be(13, "one chart per KPI and one for the cost by payer");
        Regex.Matches(html, "stroke-dasharray=\"6 4\"").Count.Should().Be(report.Kpis.Count(k => k.Kpi.Norm is not null), "each norm is drawn as a dashed line");
        html.Should().NotContain("<script").And.NotContain("href=\"http").And.NotContain("src=").And.NotContain("url(");
        html.Should().Contain("<h2>3. Wat mag het kosten? Huidige route tegen doorbraakroute</h2>");
        html.Should().Contain("Doorlooptijd tot doorbraak").And.Contain("ten hoogste 30 dagen, uiterlijk 31 december 2026");
        foreach (var k in report.Kpis) html.Should().Contain(System.Net.WebUtility.HtmlEncode(k.Kpi.Title));

        var md = CouncilReport.ToMarkdown(report);
        md.Should().StartWith("# Monitor doorbraakaanpak (synthetische pilot): 1e kwartaal 2026");
        md.Should().Contain("## 1. Kengetallen tegen de streefnorm").And.Contain("| KPI | Q1 2026 | Q4 2025 | Trend | Streefnorm | Status |");
        md.Should().Contain("┆ streefnorm ≤ 30 dagen");
        var gemeente = report.Cost.Single(c => c.Payer == "gemeente");
        md.Should().Contain($"| gemeente | {gemeente.Households.Value} | EUR ");

        var csv = CouncilReport.ToCsv(report).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        csv.Count(l => l.StartsWith("kpi,", StringComparison.Ordinal)).Should().Be(48);
        var sheets = SuppressionTests.ReadXlsx(CouncilReport.ToXlsx(report));
        sheets["KPI's"].Should().HaveCount(13);
    }

    /// <summary>Writes docs/examples/council-report.* when DOORBRAAK_WRITE_EXAMPLES=1 (run after changing the report or the generator).</summary>
    [Fact]
    public void Example_files_are_written_on_request()
    {
        if (Environment.GetEnvironmentVariable("DOORBRAAK_WRITE_EXAMPLES") != "1") return;
        var dir = Path.Combine(RepoRoot.Path, "docs", "examples");
        Directory.CreateDirectory(dir);
        var report = Example();
        File.WriteAllText(Path.Combine(dir, "council-report.md"), CouncilReport.ToMarkdown(report));
        File.WriteAllText(Path.Combine(dir, "council-report.html"), CouncilReport.ToHtml(report));
        File.WriteAllText(Path.Combine(dir, "council-report.csv"), CouncilReport.ToCsv(report));
        File.WriteAllBytes(Path.Combine(dir, "council-report.xlsx"), CouncilReport.ToXlsx(report));
        if (Environment.GetEnvironmentVariable("DOORBRAAK_PILOT_JSONL") is { Length: > 0 } jsonl)
            File.WriteAllLines(jsonl, Pilot.Value.Select(p => System.Text.Json.JsonSerializer.Serialize(p, new System.Text.Json.JsonSerializerOptions(Doorbraak.Rules.ResultJson.Options) { WriteIndented = false })));
    }
}
