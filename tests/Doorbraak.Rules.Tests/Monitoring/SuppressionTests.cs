using Doorbraak.Rules.Monitoring;
using System.Text.Json;
using static Doorbraak.Rules.Tests.Monitoring.MonitoringFixture;

namespace Doorbraak.Rules.Tests.Monitoring;

/// <summary>Small counts are suppressed in the model and in every output format (threshold 3 on the fixture).</summary>
public class SuppressionTests
{
    private static readonly MonitoringReport R = Report(3);

    private static KpiResult K(string id) => R.Kpis.Single(k => k.Kpi.Id == id);

    [Fact]
    public void Counts_shares_means_and_sums_on_few_households_are_suppressed()
    {
        K("k.started").Current.Value.Value.Should().Be(3, "3 is not below the threshold");
        K("k.closed").Current.Value.Should().Be(Figure.Hidden);
        K("k.domain").Current.Value.Value.Should().Be(5, "5 collisions in 4 households");
        K("k.domain").Breakdown.Should().OnlyContain(b => b.Value.Suppressed && b.Value.Value == null && b.Households.Suppressed);
        K("k.goals6").Current.Value.Should().Be(Figure.Hidden, "the share rests on 2 reviews");
        K("k.goals6").Current.Households.Should().Be(Figure.Hidden, "the number of households is itself a small count");
        K("k.goals6").Status.Should().Be(NormStatus.Suppressed);
        K("k.recurrence").Current.Value.Should().Be(Figure.Hidden);
        K("k.days").Current.Value.Value.Should().Be(30);
        K("k.days").Previous!.Value.Should().Be(Figure.Hidden, "Q4 2025 has 2 breakthroughs");
        K("k.days").Trend.Should().Be(TrendDirection.Unknown, "no trend against a suppressed value");
        K("k.cost").Previous!.Value.Should().Be(Figure.Hidden);
        K("k.zrm").Breakdown.Single(b => b.Key == "huisvesting").Value.Should().Be(Figure.Hidden);
        K("k.zrm").Breakdown.Single(b => b.Key == "financien").Value.Value.Should().Be(0.67m);
    }

    [Fact]
    public void One_suppressed_row_takes_the_smallest_other_row_with_it()
    {
        // manager 1 is suppressed; teamleider 3 would reveal it from the total of 4, so it is suppressed too.
        K("k.mandate").Current.Value.Value.Should().Be(4);
        K("k.mandate").Breakdown.Should().OnlyContain(b => b.Value.Suppressed);
        // corporatie and zorgverzekeraar (1 household each) are suppressed; gemeente (4) is shown.
        R.Cost.Single(c => c.Payer == "corporatie").CurrentRoute.Should().Be(Figure.Hidden);
        R.Cost.Single(c => c.Payer == "zorgverzekeraar").Saving.Should().Be(Figure.Hidden);
        R.Cost.Single(c => c.Payer == "gemeente").Saving.Value.Should().Be(7800);
    }

    [Fact]
    public void A_share_is_suppressed_when_the_part_or_the_rest_is_a_small_count()
    {
        var plans = Enumerable.Range(0, 10).Select(i => Plan($"X{i}", null, new DateOnly(2025, 1, 1), null, null, null,
            Review("12m", new DateOnly(2026, 2, 1), i < 9 ? ["a"] : [], i < 9 ? [] : ["a"]) with { Recurrence = i == 0 })).ToList();
        var r = MonitoringAggregator.Compute(Catalog(), plans, Q1, new MonitoringOptions { SuppressionThreshold = 5 });
        r.Kpis.Single(k => k.Kpi.Id == "k.recurrence").Current.Value.Should().Be(Figure.Hidden, "1 of 10 recurred");
        r.Kpis.Single(k => k.Kpi.Id == "k.goals12").Current.Value.Should().Be(Figure.Hidden, "1 of 10 goals not met");
        r.Kpis.Single(k => k.Kpi.Id == "k.goals12").Current.Households.Value.Should().Be(10);
    }

    // Values that exist in the data but must not appear anywhere with threshold 3: corporatie's 30,000 and zorgverzekeraar's 48,000 / 42,000 / 6,000,
    // the 6-month share of 50% and the recurrence share of 50%.
    private static readonly string[] HiddenDutch = ["30.000", "48.000", "42.000", "6.000", "50 %"];
    private static readonly string[] HiddenInvariant = ["30000", "48000", "42000", "6000", "50.0"];

    [Fact]
    public void Markdown_shows_the_threshold_instead_of_hidden_values()
    {
        var md = CouncilReport.ToMarkdown(R);
        foreach (var v in HiddenDutch) md.Should().NotContain(v);
        md.Should().Contain("| corporatie | < 3 | < 3 | < 3 | < 3 | < 3 |");
        md.Should().Contain("| Doelen 6m | < 3 |");
        md.Should().Contain("| teamleider | < 3 | < 3 |");
        md.Should().Contain("| **Totaal** | 4 | EUR 132.000 | EUR 52.200 | EUR 79.800 | EUR 19.950 |");
    }

    [Fact]
    public void Html_shows_the_threshold_instead_of_hidden_values_in_tables_and_charts()
    {
        var html = CouncilReport.ToHtml(R);
        foreach (var v in HiddenDutch) html.Should().NotContain(v);
        html.Should().Contain("<tr><td>corporatie</td><td class=\"num\">&lt; 3</td><td class=\"num\">&lt; 3</td>");
        html.Should().Contain("Q4 2025: &lt; 3", "the chart's description names the suppressed bar");
        html.Should().Contain(">&lt; 3</text>", "the chart draws the suppressed bar as a label");
    }

    [Fact]
    public void Csv_writes_the_threshold_for_hidden_values()
    {
        var csv = CouncilReport.ToCsv(R);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        foreach (var v in HiddenInvariant) lines.Should().NotContain(l => l.Split(',').Contains(v));
        lines.Should().Contain("kosten,,Kosten per betaler,cost_current_vs_breakthrough,2026-Q1,corporatie,huidige route per jaar,< 3,EUR,< 3,,,,,,");
        lines.Should().Contain(l => l.StartsWith("kpi,k.goals6,Doelen 6m,goals_met_share_6m,2026-Q1,,,< 3,%,< 3,60,at_least,2026-12-31,onderdrukt,", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("uitsplitsing,k.mandate,Afwijkingen per mandaat,deviations_by_mandate,2026-Q1,teamleider,teamleider,< 3,aantal,< 3", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("kpi,k.days,Doorlooptijd,days_to_breakthrough,2026-Q1,,,30,dagen,3,30,at_most,2026-12-31,gehaald,", StringComparison.Ordinal));
    }

    [Fact]
    public void Xlsx_cells_hold_the_threshold_as_text_for_hidden_values()
    {
        var sheets = ReadXlsx(CouncilReport.ToXlsx(R));
        sheets.Keys.Should().Equal("KPI's", "Uitsplitsing", "Normen", "Kosten", "Toelichting");
        var cost = sheets["Kosten"];
        cost[0].Should().Equal("Betaler", "Huishoudens", "Huidige route per jaar", "Doorbraakroute per jaar", "Besparing", "Besparing per casus");
        cost.Single(r => r[0] == "corporatie").Skip(1).Should().OnlyContain(c => c == "< 3");
        cost.Single(r => r[0] == "gemeente").Should().Equal("gemeente", "4", "54000", "46200", "7800", "1950");
        var kpis = sheets["KPI's"];
        kpis[0].Take(6).Should().Equal("KPI", "Titel", "Meting", "Eenheid", "2025-Q4", "2026-Q1");
        kpis.Single(r => r[0] == "k.goals6")[4..6].Should().Equal("", "< 3"); // no 6-month reviews in Q4 2025
        kpis.Single(r => r[0] == "k.days")[4..6].Should().Equal("< 3", "30");
        sheets.Values.SelectMany(s => s).SelectMany(r => r).Should().NotContain(HiddenInvariant);
    }

    [Fact]
    public void Json_writes_null_and_suppressed()
    {
        using var doc = JsonDocument.Parse(CouncilReport.ToJson(R));
        var goals = doc.RootElement.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("kpi").GetProperty("id").GetString() == "k.goals6");
        var current = goals.GetProperty("series")[1].GetProperty("value");
        current.GetProperty("value").ValueKind.Should().Be(JsonValueKind.Null);
        current.GetProperty("suppressed").GetBoolean().Should().BeTrue();
        goals.GetProperty("status").GetString().Should().Be("suppressed");
        doc.RootElement.GetProperty("period").GetString().Should().Be("2026-Q1");
        foreach (var v in HiddenInvariant) doc.RootElement.ToString().Should().NotContain($": {v}");
    }

    /// <summary>Reads every sheet of a workbook (with ClosedXML) as rows of cell texts (numbers in invariant form).</summary>
    internal static Dictionary<string, List<string[]>> ReadXlsx(byte[] bytes)
    {
        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(bytes));
        var result = new Dictionary<string, List<string[]>>();
        foreach (var ws in workbook.Worksheets)
        {
            var rows = new List<string[]>();
            var used = ws.RangeUsed();
            if (used is not null)
            {
                foreach (var row in ws.Rows(1, used.LastRow().RowNumber()))
                {
                    var last = row.LastCellUsed()?.Address.ColumnNumber ?? 0;
                    rows.Add(Enumerable.Range(1, last).Select(c =>
                    {
                        var cell = row.Cell(c);
                        return cell.IsEmpty() ? "" : cell.DataType == ClosedXML.Excel.XLDataType.Number
                            ? cell.GetValue<decimal>().ToString(System.Globalization.CultureInfo.InvariantCulture) : cell.GetString();
                    }).ToArray());
                }
            }
            result[ws.Name] = rows;
        }
        return result;
    }
}
