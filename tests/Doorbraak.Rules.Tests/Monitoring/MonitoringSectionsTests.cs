using Doorbraak.Rules.Monitoring;
using Doorbraak.Rules.Source;
using Doorbraak.Rules.Inspection;
using System.Text.Json;
using static Doorbraak.Rules.Tests.Monitoring.MonitoringFixture;
using PackSet = Doorbraak.Rules.PackSet;

namespace Doorbraak.Rules.Tests.Monitoring;

/// <summary>Population indicators, scales, stapeling, norms with dates, the budget line and council meetings: reading, computing, suppressing.</summary>
public class MonitoringSectionsTests
{
    private const string Manifest = "id: gemeente.test\nversion: 2026.1.0\ntitle: Test\njurisdiction: GM0000\nlevel: municipal\nvalid: { from: 2000-01-01 }\n";

    private const string MonitoringYaml = """
        indicators:
          - id: ind.wmo
            title: Cliënten Wmo
            definition: Cliënten met een maatwerkarrangement Wmo per 1.000 inwoners.
            unit: per 1.000 inwoners
            set: BBV
            source: GMSD
            better: lower
            references: [{ label: Nederland, period: "2018", value: 60, source: Begroting }]
            figures: [{ period: "2018", value: 103, source: Begroting }]
        scales:
          - { id: schaal.kvl, title: Kwaliteit van leven, min: 1, max: 10 }
          - id: schaal.zrm
            title: ZRM
            min: 1
            max: 5
            improved_by: 0.5
            domains: [{ id: financien, title: Financiën }, { id: huisvesting, title: Huisvesting }]
        norms:
          - { id: norm.wmo-2026, for: ind.wmo, category: kwantitatief, target: 94, direction: at_most, deadline: 2026-12-31, illustrative: true }
          - { id: norm.wmo-2027, for: ind.wmo, category: kwantitatief, target: 80, direction: at_most, deadline: 2027-12-31 }
          - { id: norm.kvl, for: schaal.kvl, category: kwalitatief, target: 81, deadline: 2026-12-31, source: Motie }
          - { id: norm.budget, for: budget.pilot, category: financieel, target: 100, direction: at_most }
        budget:
          - id: budget.pilot
            title: Pilot
            amounts: [{ year: 2026, amount: 120000, illustrative: true }]
        council_meetings: [2026-01-29, 2026-03-12, 2026-04-23]
        """;

    private static PackSet Load(string monitoring) =>
        PackSet.Load([PolicyPackSource.FromFiles("test", new Dictionary<string, string> { ["pack.yaml"] = Manifest, ["monitoring.yaml"] = monitoring })]);

    private static IReadOnlyList<Diagnostic> Problems(string monitoring) =>
        PackSet.TryLoad([PolicyPackSource.FromFiles("test", new Dictionary<string, string> { ["pack.yaml"] = Manifest, ["monitoring.yaml"] = monitoring })]).Diagnostics;

    [Fact]
    public void The_pack_reader_reads_indicators_scales_norms_budget_and_meetings()
    {
        var d = Load(MonitoringYaml).Inspect().Monitoring;
        var ind = d.Indicators.Single();
        ind.Should().BeEquivalentTo(new { Id = "ind.wmo", Unit = "per 1.000 inwoners", Set = "BBV", Source = "GMSD", Better = "lower", PackId = "gemeente.test" });
        ind.References.Single().Should().Be(new IndicatorReference("Nederland", 60, "2018", "Begroting"));
        ind.Figures.Single().Should().Be(new IndicatorFigure("2018", 103, "Begroting"));
        d.Scales.Select(s => s.Id).Should().Equal("schaal.kvl", "schaal.zrm");
        d.Scales[0].Domains.Should().BeEmpty();
        d.Scales[1].ImprovedBy.Should().Be(0.5m);
        d.Norms.Should().HaveCount(4);
        d.Norms[0].Should().BeEquivalentTo(new { For = "ind.wmo", Category = "kwantitatief", Target = 94m, Direction = "at_most", Deadline = new DateOnly(2026, 12, 31), Illustrative = true });
        d.Norms[2].Direction.Should().Be("at_least");
        d.Budget.Single().Amounts.Single().Should().Be(new BudgetAmount(2026, 120000, null, true));
        d.CouncilMeetings.Select(m => m.Date).Should().Equal(new DateOnly(2026, 1, 29), new DateOnly(2026, 3, 12), new DateOnly(2026, 4, 23));
    }

    [Fact]
    public void Monitoring_sections_report_bad_input_with_codes_and_places()
    {
        Problems("scales: [{ id: schaal.x, title: X, min: 10, max: 1 }]").Should().Contain(p => p.Code == "DBR1400" && p.Location.Line == 1 && p.Message.Contains("max must be above min"));
        Problems("budget: [{ id: budget.x, title: X, amounts: [{ year: 2026, amount: 1 }, { year: 2026, amount: 2 }] }]").Should().Contain(p => p.Code == "DBR1401");
        Problems("council_meetings: [2026-01-29, 2026-01-29]").Should().Contain(p => p.Code == "DBR1401");
        Problems("norms: [{ id: norm.x, for: kpi.x, category: financial, target: 1 }]").Should().Contain(p => p.Code == "DBR1016" && p.Message.Contains("financieel"));
        Problems("indicators: [{ id: ind.x, title: X, unit: '%', source: CBS }]").Should().Contain(p => p.Code == "DBR1011" && p.Message.Contains("definition"));
        Problems("indicators: [{ id: ind.x, title: X, definition: D, unit: '%', source: CBS, colour: red }]").Should().Contain(p => p.Code == "DBR1010");
    }

    [Fact]
    public void A_norm_for_an_unknown_id_is_a_problem_of_the_catalog()
    {
        var catalog = KpiCatalog.FromPackSet(Load(MonitoringYaml.Replace("for: budget.pilot", "for: budget.pilott", StringComparison.Ordinal)));
        catalog.Validate().Should().ContainSingle(p => p.Contains("'budget.pilott'") && p.Contains("budget.pilot"));
    }

    [Fact]
    public void Figures_are_read_from_csv_dutch_csv_and_json_with_problems_by_line()
    {
        var csv = MonitoringFigures.ParseCsv("id,period,value,reference,count,note\nind.wmo,2025,98.5,61,,\"export, CBS\"\nind.wmo,2025-Q9,1,,,\nind.wmo,2024,x,,,\n", "a.csv");
        csv.Rows.Single().Should().Be(new SuppliedFigure("ind.wmo", ReportPeriod.Parse("2025"), 98.5m, 61, null, "export, CBS"));
        csv.Problems.Should().HaveCount(2).And.Contain(p => p.StartsWith("a.csv:3:", StringComparison.Ordinal)).And.Contain(p => p.StartsWith("a.csv:4:", StringComparison.Ordinal));
        var dutch = MonitoringFigures.ParseCsv("id;period;value;count\nbudget.pilot;2026-01;12.345,67;\n");
        dutch.Rows.Single().Value.Should().Be(12345.67m);
        var json = MonitoringFigures.ParseJson("""{ "figures": [ { "id": "ind.wmo", "period": "2026-01-01/2026-03-12", "value": 97, "count": 4 } ] }""");
        json.Rows.Single().Period.Should().Be(ReportPeriod.Between(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 12)));
        json.Rows.Single().Count.Should().Be(4);
        MonitoringFigures.ParseCsv("indicator,jaar,waarde\n").Problems.Single().Should().Contain("lacks the column(s) id, period, value");
    }

    [Fact]
    public void A_council_meeting_closes_the_period_since_the_meeting_before_it()
    {
        DateOnly[] meetings = [new(2026, 3, 12), new(2026, 1, 29), new(2026, 4, 23)];
        var p = ReportPeriod.ForMeeting(meetings, new DateOnly(2026, 4, 23));
        p.Should().Be(ReportPeriod.Parse("2026-03-13/2026-04-23"));
        p.DutchName.Should().Be("13 maart 2026 t/m 23 april 2026");
        ReportPeriod.MeetingsUpTo(meetings, p, 4).Select(x => x.Code).Should().Equal("2026-01-30/2026-03-12", "2026-03-13/2026-04-23");
        FluentActions.Invoking(() => ReportPeriod.ForMeeting(meetings, new DateOnly(2026, 1, 29))).Should().Throw<ArgumentException>().WithMessage("*first council meeting*");
    }

    private static readonly ReportPeriod Q1 = ReportPeriod.Parse("2026-Q1");

    private static DoorbraakPlan Pilot(int i, int lifeStart, int lifeAt12, int provisions)
    {
        // Dated in the report's quarter (as if the start were recorded late), so that the start moment is counted in Q1 2026 too.
        var start = Review("start", new DateOnly(2026, 1, 10), [], []) with
        {
            Provisions = Enumerable.Range(0, provisions).Select(k => new ProvisionInPlace($"v{k}", $"Voorziening {k}", k == 0 ? ["a"] : [])).ToList(),
            Professionals = ["wijkteam", "schuldhulp"],
            Scores = new Dictionary<string, IReadOnlyDictionary<string, decimal>> { ["schaal.kvl"] = new Dictionary<string, decimal> { ["score"] = lifeStart } },
        };
        var twelve = Review("12m", new DateOnly(2026, 2, 1 + i), ["a"], []) with
        {
            Provisions = [new ProvisionInPlace("v0", "Voorziening 0", ["a"])],
            Professionals = ["wijkteam"],
            Scores = new Dictionary<string, IReadOnlyDictionary<string, decimal>> { ["schaal.kvl"] = new Dictionary<string, decimal> { ["score"] = lifeAt12 } },
        };
        return Plan($"M{i}", new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 10), null, null, null, start, twelve);
    }

    private static KpiCatalog Catalog(MonitoringDeclarations d) => new([]) { Declarations = d };

    private static MonitoringDeclarations Declarations()
    {
        var at = new SourceLocation("monitoring.yaml", 1, 1);
        return new MonitoringDeclarations(
            [
                new IndicatorDeclaration("ind.klein", "t", "Kleine groep", "Aantal jongeren in een kleine groep.", "aantal", null, "CBS", "lower", [], [], at),
                new IndicatorDeclaration("ind.rate", "t", "Rate", "Per 1.000.", "per 1.000 inwoners", "BBV", "GMSD", "lower", [new IndicatorReference("Nederland", 60, "2025", null)], [], at),
            ],
            [new ScaleDeclaration("schaal.kvl", "t", "Kwaliteit van leven", null, 1, 10, "higher", null, [], null, at)],
            [new NormDeclaration("norm.kvl", "t", "schaal.kvl", "kwalitatief", 81, "at_least", new DateOnly(2026, 12, 31), null, null, false, at)],
            [new BudgetLineDeclaration("budget.pilot", "t", "Pilot", null, [new BudgetAmount(2026, 120000, null, false)], at)], []);
    }

    /// <summary>Three households (threshold 5): the scale's share and stapeling's means rest on too few; two indicator figures are small counts.</summary>
    private static MonitoringReport Small() => MonitoringAggregator.Compute(Catalog(Declarations()), [Pilot(1, 3, 8, 13), Pilot(2, 4, 9, 13), Pilot(3, 5, 5, 13)], Q1,
        new MonitoringOptions
        {
            SuppressionThreshold = 5,
            Figures = new MonitoringFigures(
            [
                new SuppliedFigure("ind.klein", ReportPeriod.Parse("2025"), 3, null, null, null),
                new SuppliedFigure("ind.rate", ReportPeriod.Parse("2025"), 4321.5m, 60, 2, "export"),
                new SuppliedFigure("ind.rate", ReportPeriod.Parse("2024"), 99.5m, null, 1500, "export"),
                new SuppliedFigure("budget.pilot", ReportPeriod.Parse("2026-01"), 20000, null, null, null),
                new SuppliedFigure("budget.pilot", ReportPeriod.Parse("2026-03"), 25000, null, null, null),
                new SuppliedFigure("budget.pilot", ReportPeriod.Parse("2025-12"), 99999, null, null, "vorig jaar"),
            ], "cijfers.csv"),
        });

    [Fact]
    public void Small_counts_in_indicators_scales_and_stapeling_are_suppressed_in_the_model()
    {
        var r = Small();
        r.Indicators[0].Current!.Value.Should().Be(Figure.Hidden, "a count of 3");
        r.Indicators[1].Current!.Value.Should().Be(Figure.Hidden, "it rests on 2 people");
        r.Indicators[1].Series[0].Value.Value.Should().Be(99.5m);
        r.Indicators[1].Trend.Should().Be(TrendDirection.Unknown);
        var twelve = r.Scales.Single().Moments.Single(m => m.Months == 12);
        twelve.Households.Should().Be(Figure.Hidden);
        twelve.ImprovedShare.Should().Be(Figure.Hidden);
        r.Scales.Single().Norm!.Status.Should().Be(NormStatus.Suppressed);
        r.Stapeling.Where(m => m.Months != 6).Should().OnlyContain(m => m.Households.Suppressed && !m.ProvisionsPerHousehold.HasValue);
        r.Budget.Single().Spent.Should().Be(45000, "January and March 2026; December 2025 is another budget year");
        r.Budget.Single().SpentShare.Should().Be(37.5m);
        r.Budget.Single().Overspend.Should().Be(0);
        r.Budget.Single().AheadOfProRata.Should().Be(Math.Round(45000 - 120000 * 24.7m / 100, 2));
        r.Norms.Select(n => n.Category).Should().Equal("financieel", "kwalitatief");
    }

    [Fact]
    public void Enough_households_show_the_share_improved_and_stapeling_over_time()
    {
        var plans = Enumerable.Range(1, 10).Select(i => Pilot(i, 4, i <= 8 ? 7 : 3, 5)).ToList();
        var r = MonitoringAggregator.Compute(Catalog(Declarations()), plans, Q1, new MonitoringOptions { SuppressionThreshold = 2 });
        var twelve = r.Scales.Single().Moments.Single(m => m.Months == 12);
        twelve.ImprovedShare.Value.Should().Be(80m, "8 of 10 better");
        twelve.WorseShare.Value.Should().Be(20m);
        twelve.MeanAtStart.Value.Should().Be(4m);
        r.Scales.Single().Norm!.Status.Should().Be(NormStatus.NotMet, "80% is below 81%");
        r.Stapeling.Single(m => m.Months == 12).ProvisionsPerHousehold.Value.Should().Be(1m);
        r.Stapeling.Single(m => m.Months == 12).ProfessionalsPerHousehold.Value.Should().Be(1m);
        r.Stapeling.Single(m => m.Months == 12).GoalsHoldShare.Value.Should().Be(100m);
        r.Stapeling.Single(m => m.Months == 0).ProvisionsPerHousehold.Value.Should().Be(5m);
        r.Stapeling.Single(m => m.Months == 6).Households.Value.Should().Be(0, "no 6-month reviews");
    }

    // Values that exist in the data but rest on too few households or people: they must not appear in any format.
    private static readonly string[] Hidden = ["4321", "4.321", "13,0", "13.0", "66,7", "66.7", "33,3", "33.3"];

    [Fact]
    public void Suppression_holds_in_every_format()
    {
        var r = Small();
        var md = CouncilReport.ToMarkdown(r);
        var html = CouncilReport.ToHtml(r);
        var csv = CouncilReport.ToCsv(r);
        var json = CouncilReport.ToJson(r);
        var xlsx = SuppressionTests.ReadXlsx(CouncilReport.ToXlsx(r));
        var cells = string.Join("\n", xlsx.Values.SelectMany(s => s).Select(row => string.Join("|", row)));
        foreach (var (name, text) in new[] { ("markdown", md), ("html", html), ("csv", csv), ("json", json), ("xlsx", cells) })
        {
            foreach (var v in Hidden) text.Should().NotContain(v, $"{name} must not show a suppressed figure");
        }
        md.Should().Contain("| Kleine groep |  | 2025 | < 5 |").And.Contain("| Na 12 maanden | < 5 | < 5 | < 5 | < 5 | < 5 |").And.Contain("| Start | < 5 | < 5 | < 5 | – |");
        html.Should().Contain("<td class=\"num\">&lt; 5</td>").And.Contain("2025: &lt; 5");
        csv.Split("\r\n").Should().Contain(l => l.StartsWith("indicator,ind.rate,Rate,BBV,2025,,export,< 5,", StringComparison.Ordinal))
            .And.Contain(l => l.StartsWith("schaal,schaal.kvl,Kwaliteit van leven,12m,2026-Q1,verbeterd,Na 12 maanden,< 5,%,< 5,", StringComparison.Ordinal))
            .And.Contain(l => l.StartsWith("stapeling,,Stapeling,0m,2026-Q1,voorzieningen per huishouden,Start,< 5,", StringComparison.Ordinal));
        xlsx["Indicatoren"].Should().Contain(row => row[0] == "ind.klein" && row[4] == "< 5");
        xlsx["Kwaliteit van leven"].Should().Contain(row => row[3] == "Na 12 maanden" && row.Skip(4).All(c => c == "< 5"));
        xlsx["Stapeling"].Should().Contain(row => row[1] == "Start" && row[2] == "< 5" && row[3] == "< 5");
        using var doc = JsonDocument.Parse(json);
        var value = doc.RootElement.GetProperty("indicators")[1].GetProperty("series")[1].GetProperty("value");
        value.GetProperty("value").ValueKind.Should().Be(JsonValueKind.Null);
        value.GetProperty("suppressed").GetBoolean().Should().BeTrue();
        doc.RootElement.GetProperty("scales")[0].GetProperty("moments")[1].GetProperty("improvedShare").GetProperty("suppressed").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public void Provisions_professionals_and_scores_are_kept_in_the_plan_json()
    {
        var plan = Pilot(1, 3, 8, 2);
        var back = PlanExport.FromJson(PlanExport.ToJson(plan));
        back.Reviews[0].Moment.Should().Be("start");
        back.Reviews[0].Provisions.Should().HaveCount(2);
        back.Reviews[0].Provisions[0].Goals.Should().Equal("a");
        back.Reviews[0].Professionals.Should().Equal("wijkteam", "schuldhulp");
        back.Reviews[1].Scores["schaal.kvl"]["score"].Should().Be(8);
    }

    [Fact]
    public void The_local_packs_load_with_their_monitoring_and_validate()
    {
        foreach (var local in new[] { "gemeente-vlaardingen", "regio-hbel" })
        {
            var set = PackSet.LoadDirectories(Path.Combine(RepoRoot.Path, "policypacks", "nl-sociaal-domein"), Path.Combine(RepoRoot.Path, "policypacks", local));
            var catalog = KpiCatalog.FromPackSet(set);
            catalog.Validate().Should().BeEmpty(local);
            catalog.Declarations.Norms.Should().NotBeEmpty();
            catalog.Declarations.Norms.Select(n => n.Category).Distinct().Should().BeEquivalentTo(["financieel", "kwantitatief", "kwalitatief"], local);
            catalog.Declarations.Budget.Should().ContainSingle();
            catalog.Declarations.CouncilMeetings.Should().HaveCountGreaterThan(3);
        }
    }
}
