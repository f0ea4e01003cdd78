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

    private static readonly Lazy<KpiCatalog> Vlaardingen = new(() => KpiCatalog.FromPackSet(PackSet.LoadDirectories(
        Path.Combine(RepoRoot.Path, "policypacks", "nl-sociaal-domein"), Path.Combine(RepoRoot.Path, "policypacks", "gemeente-vlaardingen"))));

    /// <summary>The national KPIs only, as before the municipality's monitoring.</summary>
    internal static MonitoringReport NationalOnly() => MonitoringAggregator.Compute(National.Value, Pilot.Value, ReportPeriod.Parse("2026-Q1"),
        new MonitoringOptions { Title = "Monitor doorbraakaanpak (synthetische pilot)", GeneratedOn = new DateOnly(2026, 4, 15) });

    /// <summary>The example: the pilot in Vlaardingen, with its indicators, scales, norms, budget and (synthetic) population figures.</summary>
    internal static MonitoringReport Example() => MonitoringAggregator.Compute(Vlaardingen.Value, Pilot.Value, ReportPeriod.Parse("2026-Q1"),
        new MonitoringOptions
        {
            Title = "Monitor doorbraakaanpak Vlaardingen (synthetische pilot)", GeneratedOn = new DateOnly(2026, 4, 15), Figures = SyntheticPilot.VlaardingenFigures(),
        });

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
        // Stapeling: every plan records its provisions and professionals at the start, and they thin out by 12 months.
        plans.Should().OnlyContain(p => p.Reviews[0].Moment == "start" && p.Reviews[0].Provisions.Count >= 2 && p.Reviews[0].Professionals.Count >= 1);
        var start = plans.Average(p => p.Reviews[0].Provisions.Count);
        twelve.Average(r => r.Provisions.Count).Should().BeLessThan(start);
        // Quality of life: about four in five households better after 12 months (Den Haag: 81%).
        var better = plans.Where(p => p.Reviews.Any(r => r.Moment == "12m"))
            .Count(p => p.Reviews.Single(r => r.Moment == "12m").Scores[SyntheticPilot.QualityOfLifeScale]["score"] > p.Reviews[0].Scores[SyntheticPilot.QualityOfLifeScale]["score"]);
        (better / (double)twelve.Count).Should().BeInRange(0.65, 0.92);
    }

    [Fact]
    public void The_report_of_the_pilot_has_every_kpi_with_its_chart_norm_and_status()
    {
        var report = NationalOnly();
        report.Problems.Should().BeEmpty();
        report.Kpis.Should().HaveCount(12);
        report.Kpis.Should().OnlyContain(k => k.Series.Count == 4 && k.Status != NormStatus.Invalid);
        report.Kpis.Single(k => k.Kpi.Measure == KpiMeasures.DaysToBreakthrough).Status.Should().BeOneOf(NormStatus.Met, NormStatus.NotMet);

        var html = CouncilReport.ToHtml(report);
        Regex.Matches(html, "<svg ").Count.Should().Be(14, "one chart per KPI, one for stapeling (the pilot records it) and one for the cost by payer");
        report.Indicators.Should().BeEmpty();
        report.Norms.Should().HaveCount(report.Kpis.Count(k => k.Kpi.Norm is not null), "the KPIs' own norms, with their dates and categories");
        Regex.Matches(html, "stroke-dasharray=\"6 4\"").Count.Should().Be(report.Kpis.Count(k => k.Kpi.Norm is not null), "each norm is drawn as a dashed line");
        html.Should().NotContain("<script").And.NotContain("href=\"http").And.NotContain("src=").And.NotContain("url(");
        html.Should().Contain("<h2>3. Stapeling: voorzieningen en professionals per huishouden</h2>").And.Contain("<h2>4. Normen en streefdata</h2>")
            .And.Contain("<h2>5. Wat mag het kosten? Huidige route tegen doorbraakroute</h2>");
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

    [Fact]
    public void The_vlaardingen_report_shows_indicators_quality_of_life_stapeling_norms_with_dates_and_the_budget()
    {
        var report = Example();
        report.Problems.Should().BeEmpty();
        report.Indicators.Select(i => i.Indicator.Id).Should().Equal("ind.vl.wmo-maatwerkarrangementen", "ind.vl.bijstand", "ind.vl.jeugdhulp", "ind.vl.jeugdbescherming", "ind.vl.jeugdreclassering");
        var wmo = report.Indicators[0];
        wmo.Series.Select(v => v.Period.Code).Should().StartWith(["2017", "2018", "2019"]).And.EndWith("2025");
        wmo.Series.Single(v => v.Period.Code == "2018").Value.Value.Should().Be(103, "seed 003: Vlaardingen 2018");
        wmo.Series.Single(v => v.Period.Code == "2018").Reference.Should().Be(60, "seed 003: Nederland 2018");
        report.Indicators[1].Series.Single(v => v.Period.Code == "2018").Value.Value.Should().Be(526);
        report.Indicators[1].Series.Single(v => v.Period.Code == "2018").Reference.Should().Be(390);
        report.Indicators[2].Series.Single(v => v.Period.Code == "2018").Value.Value.Should().Be(8.0m);
        report.Indicators[3].Series.Single(v => v.Period.Code == "2018").Value.Value.Should().Be(1.5m);
        report.Indicators[4].Series.Single(v => v.Period.Code == "2018").Value.Value.Should().Be(0.6m);
        wmo.Norm!.Target.Should().Be(94);
        wmo.Norm.Illustrative.Should().BeTrue();

        var life = report.Scales.Single(x => x.Scale.Id == SyntheticPilot.QualityOfLifeScale);
        life.Moments.Select(m => m.Months).Should().Equal(6, 12);
        life.Moments[1].ImprovedShare.Value.Should().BeInRange(60m, 95m);
        life.Norm!.Target.Should().Be(81);
        report.Scales.Single(x => x.Scale.Id == SyntheticPilot.ZrmScale).Moments[1].Households.Value.Should().BeGreaterThan(10);

        report.Stapeling.Select(m => m.Months).Should().Equal(0, 6, 12);
        report.Stapeling[0].ProvisionsPerHousehold.Value.Should().BeGreaterThan(report.Stapeling[2].ProvisionsPerHousehold.Value!.Value);
        report.Stapeling[0].GoalsHoldShare.Should().Be(Figure.None, "no goals are judged at the start");
        report.Stapeling[2].GoalsHoldShare.Value.Should().BeInRange(30m, 95m);

        report.Norms.Select(n => n.Category).Distinct().Should().Equal("financieel", "kwantitatief", "kwalitatief");
        report.Norms.Where(n => n.For == "kpi.doorlooptijd-doorbraak").Select(n => n.Deadline).Should().Contain([new DateOnly(2026, 6, 30), new DateOnly(2026, 12, 31)]);
        var budget = report.Budget.Single();
        budget.Year.Should().Be(2026);
        budget.Budget.Should().Be(700000);
        budget.Illustrative.Should().BeTrue();
        budget.ElapsedShare.Should().Be(24.7m, "90 of 365 days");
        budget.Spent.Should().BeGreaterThan(0);
        budget.SpentShare.Should().Be(Math.Round(100m * budget.Spent / 700000m, 1));

        var html = CouncilReport.ToHtml(report);
        Regex.Matches(html, "<svg ").Count.Should().Be(13 + 5 + 2 + 1 + 1, "KPIs and cost, an indicator chart each, a scale chart each, stapeling and the budget");
        html.Should().Contain("<h2>3. Bevolkingsindicatoren</h2>").And.Contain("<h2>7. Budget: besteding tegen begroting</h2>").And.Contain("<h2>8. Wat mag het kosten?");
        html.Should().NotContain("<script").And.NotContain("href=\"http").And.NotContain("src=");
        var sheets = SuppressionTests.ReadXlsx(CouncilReport.ToXlsx(report));
        sheets.Keys.Should().Equal("KPI's", "Uitsplitsing", "Indicatoren", "Kwaliteit van leven", "Stapeling", "Normen", "Budget", "Kosten", "Toelichting");
        sheets["Indicatoren"].Should().Contain(r => r[0] == "ind.vl.bijstand" && r[3] == "2018" && r[4] == "526" && r[6] == "390");
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
        File.WriteAllText(Path.Combine(dir, "council-figures.csv"), SyntheticPilot.ToCsv(SyntheticPilot.VlaardingenFigures()));
        if (Environment.GetEnvironmentVariable("DOORBRAAK_PILOT_JSONL") is { Length: > 0 } jsonl)
            File.WriteAllLines(jsonl, Pilot.Value.Select(p => System.Text.Json.JsonSerializer.Serialize(p, new System.Text.Json.JsonSerializerOptions(Doorbraak.Rules.ResultJson.Options) { WriteIndented = false })));
    }
}
