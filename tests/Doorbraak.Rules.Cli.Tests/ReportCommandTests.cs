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
        run.Err.Should().Contain("12 KPI(s), 0 indicator(s), 0 scale(s)").And.Contain("for 1e kwartaal 2026");
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

/// <summary><c>doorbraak report</c> with a municipality's monitoring: indicators, scales, stapeling, norms with dates, budget, council meetings.</summary>
public class ReportCommandMonitoringTests
{
    private static readonly JsonSerializerOptions OneLine = new(ResultJson.Options) { WriteIndented = false };

    private static string PilotJsonl(TempDir dir, int households) =>
        dir.File("pilot.jsonl", string.Join("\n", SyntheticPilot.Generate(new SyntheticPilotOptions { Households = households })
            .Select(p => JsonSerializer.Serialize(p, OneLine))) + "\n");

    [Fact]
    public void Vlaardingen_report_with_population_figures_has_every_section_in_every_format()
    {
        using var dir = new TempDir();
        var figures = dir.File("cijfers.csv", SyntheticPilot.ToCsv(SyntheticPilot.VlaardingenFigures()));
        var run = Cli.Run("report", PilotJsonl(dir, 300), "--packs", Repo.National, "--packs", Repo.Vlaardingen, "--figures", figures,
            "--period", "2026-Q1", "--format", "all", "--out", Path.Combine(dir.Path, "raad"));
        run.Code.Should().Be(0, run.ToString());
        run.Err.Should().Contain("12 KPI(s), 5 indicator(s), 2 scale(s)").And.Contain("1 budget line(s)");
        string Read(string ext) => File.ReadAllText(Path.Combine(dir.Path, "raad", "council-report." + ext));
        var html = Read("html");
        foreach (var heading in new[] { "Bevolkingsindicatoren", "Kwaliteit van leven en zelfredzaamheid", "Stapeling: voorzieningen en professionals per huishouden",
                     "Normen en streefdata", "Budget: besteding tegen begroting" })
        {
            html.Should().Contain(heading);
            Read("md").Should().Contain(heading);
        }
        html.Should().Contain(System.Net.WebUtility.HtmlEncode("Cliënten met een maatwerkarrangement Wmo")).And.Contain("Nederland 2018 60 per 1.000 inwoners</text>");
        Read("md").Should().Contain("- **Referentie** Nederland (2018): 60 per 1.000 inwoners");
        var csv = Read("csv").Split("\r\n");
        csv.Should().Contain(l => l.StartsWith("indicator,ind.vl.bijstand,Personen met een bijstandsuitkering,BBV,2018,,", StringComparison.Ordinal) && l.Contains(",526,per 10.000 inwoners,") && l.EndsWith(",390", StringComparison.Ordinal));
        csv.Should().Contain(l => l.StartsWith("budget,budget.vl.investering-sociaal-domein,", StringComparison.Ordinal) && l.Contains(",budget,illustratief,700000,EUR,"));
        csv.Should().Contain(l => l.StartsWith("norm,norm.vl.kwaliteit-van-leven,", StringComparison.Ordinal));
        csv.Should().Contain(l => l.StartsWith("stapeling,,Stapeling,0m,2026-Q1,voorzieningen per huishouden,", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(Read("json"));
        json.RootElement.GetProperty("indicators").GetArrayLength().Should().Be(5);
        json.RootElement.GetProperty("budget")[0].GetProperty("budget").GetDecimal().Should().Be(700000);
        File.ReadAllBytes(Path.Combine(dir.Path, "raad", "council-report.xlsx")).Length.Should().BeGreaterThan(5000);
    }

    [Fact]
    public void A_council_meeting_date_is_a_period_and_unknown_dates_are_usage_errors()
    {
        using var dir = new TempDir();
        var jsonl = PilotJsonl(dir, 60);
        var run = Cli.Run("report", jsonl, "--packs", Repo.National, "--packs", Repo.Vlaardingen, "--period", "2026-04-09", "--format", "markdown");
        run.Code.Should().Be(0, run.ToString());
        run.Out.Should().StartWith("# Monitor doorbraakaanpak: 13 februari 2026 t/m 9 april 2026");
        run.Out.Should().Contain("| KPI | t/m 9 apr 2026 | t/m 12 feb 2026 |");
        Cli.Run("report", jsonl, "--packs", Repo.National, "--packs", Repo.Vlaardingen, "--period", "2026-04-10").Code.Should().Be(2);
        Cli.Run("report", jsonl, "--packs", Repo.National, "--period", "2026-04-09").Code.Should().Be(2, "the national pack lists no council meetings");
    }

    [Fact]
    public void Figures_with_problems_are_reported_and_give_exit_code_1()
    {
        using var dir = new TempDir();
        var figures = dir.File("cijfers.csv", "id,period,value\nind.vl.bijstand,2025,abc\nind.onbekend,2025,1\n");
        var run = Cli.Run("report", PilotJsonl(dir, 20), "--packs", Repo.National, "--packs", Repo.Vlaardingen, "--figures", figures, "--period", "2026-Q1", "--format", "csv");
        run.Code.Should().Be(1);
        run.Err.Should().Contain("cijfers.csv:2: the value 'abc' is not a number").And.Contain("'ind.onbekend', which is no indicator or budget line");
    }
}
