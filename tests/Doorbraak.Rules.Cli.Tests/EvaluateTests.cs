using System.Text.Json;

namespace Doorbraak.Rules.Cli.Tests;

public class EvaluateTests
{
    private static string[] S1(params string[] more) => ["evaluate", Repo.S1, "--packs", Repo.National, "--date", "2026-03-01", .. more];

    [Fact]
    public void Json_is_the_documented_result_of_the_worked_example()
    {
        var run = Cli.Run(S1("--format", "json"));
        run.Code.Should().Be(0, run.ToString());
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        foreach (var key in new[] { "determinations", "goals", "collisions", "missingFacts", "proposals", "audit" })
            root.TryGetProperty(key, out _).Should().BeTrue($"the result has '{key}'");
        root.GetProperty("audit").GetProperty("referenceDate").GetString().Should().Be("2026-03-01");
        root.GetProperty("determinations").EnumerateArray().Select(d => d.GetProperty("rule").GetString()).Should().Contain("pw.kostendelersnorm");
        root.GetProperty("collisions").EnumerateArray().Select(c => c.GetProperty("id").GetString()).Should().Contain("botsing.kostendeler-jongvolwassene");
        root.GetProperty("proposals").EnumerateArray().Select(c => c.GetProperty("id").GetString()).Should().Contain("afw.kostendelersnorm-tijdelijk-buiten-beschouwing");
    }

    [Fact]
    public void Text_lists_the_facts_given_that_no_pack_uses()
    {
        var run = Cli.Run(S1());
        run.Code.Should().Be(0, run.ToString());
        run.Out.Should().Contain("Gegeven maar door geen regel gebruikt").And.Contain("  - huishouden.huur");
        using var doc = JsonDocument.Parse(Cli.Run(S1("--format", "json")).Out);
        doc.RootElement.GetProperty("unusedFacts").EnumerateArray().Select(e => e.GetString()).Should().Contain("huishouden.huur");
    }

    [Fact]
    public void The_NRules_engine_gives_the_same_json_as_the_default_apart_from_the_backend_it_names()
    {
        var compiled = Cli.Run(S1("--format", "json"));
        var nrules = Cli.Run(S1("--format", "json", "--engine", "nrules"));
        nrules.Code.Should().Be(0, nrules.ToString());
        nrules.Out.Should().Contain("\"backend\": \"nrules\"");
        nrules.Out.Replace("\"backend\": \"nrules\"", "\"backend\": \"compiled\"", StringComparison.Ordinal).Should().Be(compiled.Out);
    }

    [Fact]
    public void An_unknown_engine_is_refused_with_the_choices()
    {
        var run = Cli.Run(S1("--engine", "drools"));
        run.Code.Should().NotBe(0);
        run.Err.Should().Contain("compiled").And.Contain("nrules");
    }

    [Fact]
    public void Json_is_the_same_byte_for_byte_on_a_second_run()
    {
        Cli.Run(S1("--format", "json")).Out.Should().Be(Cli.Run(S1("--format", "json")).Out);
    }

    [Fact]
    public void Text_is_a_readable_dutch_report_without_colour_codes_when_redirected()
    {
        var run = Cli.Run(S1());
        run.Code.Should().Be(0, run.ToString());
        run.Out.Should().Contain("Wat de wet bepaalt").And.Contain("Botsingen").And.Contain("Voorstellen")
            .And.Contain("Kostendelersnorm duwt volwassen kind de deur uit")
            .And.Contain("Grondslag: Participatiewet art. 18 lid 1")
            .And.Contain("Mandaat: open, niet vastgelegd in een lokaal mandaatbesluit; besluit: het bevoegde bestuursorgaan zelf, mandaat 'college'")
            .And.Contain("Motivering (concept)");
        run.Out.Should().NotContain("\u001b[");
    }

    [Fact]
    public void In_a_terminal_the_report_has_colours_and_tables()
    {
        var run = Cli.RunInTerminal(S1());
        run.Code.Should().Be(0, run.ToString());
        run.Out.Should().Contain("\u001b[1m").And.Contain("─────");
    }

    [Fact]
    public void A_batch_in_a_terminal_shows_progress_on_stderr_only()
    {
        using var temp = new TempDir();
        File.Copy(Repo.S1, Path.Combine(temp.Path, "a.yaml"));
        File.Copy(Repo.S1, Path.Combine(temp.Path, "b.yaml"));
        var run = Cli.RunInTerminal("evaluate", temp.Path, "--packs", Repo.National, "--date", "2026-03-01");
        run.Code.Should().Be(0, run.ToString());
        run.Err.Should().Contain("2/2").And.Contain("[########################]");
        run.OutLines.Should().HaveCount(2).And.OnlyContain(l => l.StartsWith("{\"household\":"));
    }

    [Fact]
    public void A_local_pack_is_evaluated_on_top_of_the_national_pack()
    {
        var run = Cli.Run(["evaluate", Repo.S1, "--packs", Repo.National, Repo.Vlaardingen, "--date", "2026-03-01", "--format", "json"]);
        run.Code.Should().Be(0, run.ToString());
        using var doc = JsonDocument.Parse(run.Out);
        doc.RootElement.GetProperty("audit").GetProperty("packs").EnumerateArray().Select(p => p.GetProperty("id").GetString())
            .Should().Equal("nl.sociaal-domein", "gemeente.vlaardingen");
    }

    [Fact]
    public void With_a_regional_and_a_municipal_mandaatbesluit_the_municipal_one_sets_the_mandate_in_either_folder_order()
    {
        static List<string> Steps(params string[] packs)
        {
            var run = Cli.Run(["evaluate", Repo.S1, "--packs", .. packs, "--date", "2026-03-01", "--format", "json"]);
            run.Code.Should().Be(0, run.ToString());
            using var doc = JsonDocument.Parse(run.Out);
            return doc.RootElement.GetProperty("proposals").EnumerateArray().SelectMany(p => p.GetProperty("steps").EnumerateArray())
                .Select(s => $"{s.GetProperty("id").GetString()} {s.GetProperty("mandate").GetString()} {s.GetProperty("mandateSetBy").GetString()}").ToList();
        }
        var regionFirst = Steps(Repo.National, Repo.Hbel, Repo.Vlaardingen);
        var municipalFirst = Steps(Repo.Vlaardingen, Repo.Hbel, Repo.National);
        regionFirst.Should().NotBeEmpty().And.OnlyContain(s => s.EndsWith(" gemeente.vlaardingen", StringComparison.Ordinal), "Vlaardingen's mandaatbesluit sets the kostendelersnorm mandate, and a municipal pack goes before HBEL");
        municipalFirst.Should().Equal(regionFirst);
    }

    [Fact]
    public void English_on_request()
    {
        var run = Cli.Run(S1("--lang", "en"));
        run.Code.Should().Be(0, run.ToString());
        run.Out.Should().Contain("Collisions").And.Contain("Proposals").And.Contain("Mandate: open, not set by a local mandaatbesluit; decided by: the competent body itself, mandate 'college'");
    }

    [Fact]
    public void Redact_hides_personal_values()
    {
        var run = Cli.Run(S1("--format", "json", "--redact"));
        run.Code.Should().Be(0, run.ToString());
        run.Out.Should().Contain("[afgeschermd]");
    }

    [Fact]
    public void Markdown_and_html_are_a_draft_doorbraakplan_named_after_the_file()
    {
        var md = Cli.Run(S1("--format", "markdown"));
        md.Code.Should().Be(0, md.ToString());
        md.Out.Should().Contain("s1-kostendelersnorm.yaml").And.Contain("afw.kostendelersnorm-tijdelijk-buiten-beschouwing");
        var html = Cli.Run(S1("--format", "html"));
        html.Code.Should().Be(0, html.ToString());
        html.Out.Should().Contain("<html").And.Contain("s1-kostendelersnorm.yaml");
    }

    [Fact]
    public void Out_writes_a_file()
    {
        using var temp = new TempDir();
        var file = Path.Combine(temp.Path, "result.json");
        var run = Cli.Run(S1("--format", "json", "--out", file));
        run.Code.Should().Be(0, run.ToString());
        run.Out.Should().BeEmpty();
        JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("audit").ValueKind.Should().Be(JsonValueKind.Object);
    }

    [Fact]
    public void A_missing_household_file_exits_1()
    {
        var run = Cli.Run("evaluate", Path.Combine(Repo.Root, "samples", "households", "nope.yaml"), "--packs", Repo.National, "--date", "2026-03-01");
        run.Code.Should().Be(1, run.ToString());
        run.Err.Should().Contain("nope.yaml").And.Contain("does not exist");
    }

    [Fact]
    public void A_household_that_does_not_fit_the_packs_exits_1_with_positions()
    {
        using var temp = new TempDir();
        var file = temp.File("h.yaml", "huur: 780\nleden:\n  - { id: a, rol: aanvrager, schoenmaat: 44 }\n");
        var run = Cli.Run("evaluate", file, "--packs", Repo.National, "--date", "2026-03-01");
        run.Code.Should().Be(1, run.ToString());
        run.Err.Should().Contain("schoenmaat").And.MatchRegex(@"h\.yaml:3:\d+");
    }

    [Theory]
    [InlineData("--date", "1-3-2026")]
    [InlineData("--date", "2026-02-30")]
    [InlineData("--format", "pdf")]
    [InlineData("--lang", "fr")]
    public void A_bad_option_value_is_a_usage_error(string option, string value)
    {
        var run = Cli.Run("evaluate", Repo.S1, "--packs", Repo.National, option, value);
        run.Code.Should().Be(2, run.ToString());
        run.Err.Should().NotBeEmpty();
    }

    [Fact]
    public void A_folder_is_a_batch_with_one_json_line_per_household()
    {
        using var temp = new TempDir();
        File.Copy(Repo.S1, Path.Combine(temp.Path, "a.yaml"));
        temp.File("b.json", """{ "huur": 650, "leden": [ { "id": "x", "rol": "aanvrager", "geboren": "1980-05-05", "heeft_bijstand": true } ] }""");
        temp.File("c.yaml", "leden:\n  - { id: y, schoenmaat: 44 }\n");
        temp.File("notes.txt", "not a household");

        var run = Cli.Run("evaluate", temp.Path, "--packs", Repo.National, "--date", "2026-03-01");

        run.Code.Should().Be(1, "one household did not fit: " + run);
        var lines = run.OutLines;
        lines.Should().HaveCount(3);
        var docs = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        docs.Select(d => d.GetProperty("household").GetString()).Should().Equal("a.yaml", "b.json", "c.yaml");
        docs[0].GetProperty("result").GetProperty("collisions").GetArrayLength().Should().BeGreaterThan(0);
        docs[1].TryGetProperty("result", out _).Should().BeTrue();
        docs[2].GetProperty("errors").GetArrayLength().Should().BeGreaterThan(0);
        run.Err.Should().Contain("2 household(s) evaluated, 1 failed").And.NotContain("\u001b[");
    }

    [Fact]
    public void A_jsonl_file_is_a_batch()
    {
        using var temp = new TempDir();
        var file = temp.File("batch.jsonl",
            """{ "huur": 780, "leden": [ { "id": "moeder", "rol": "aanvrager", "geboren": "1971-01-10", "heeft_bijstand": true, "inkomen": 1401.50, "dreigt_dakloos": false }, { "id": "zoon", "rol": "kind", "geboren": "1997-09-14", "inkomen": 0, "student": false, "eigen_woonruimte": false, "dreigt_dakloos": false, "heeft_perspectiefplan": true } ] }""" + "\n\n" +
            """{ "huur": 650, "leden": [ { "id": "x", "rol": "aanvrager", "geboren": "1980-05-05" } ] }""" + "\n");

        var run = Cli.Run("evaluate", file, "--packs", Repo.National, "--date", "2026-03-01");

        run.Code.Should().Be(0, run.ToString());
        run.OutLines.Should().HaveCount(2);
        var first = JsonDocument.Parse(run.OutLines[0]).RootElement;
        first.GetProperty("household").GetString().Should().Be("batch.jsonl:1");
        first.GetProperty("result").GetProperty("proposals").GetArrayLength().Should().BeGreaterThan(0);
        JsonDocument.Parse(run.OutLines[1]).RootElement.GetProperty("household").GetString().Should().Be("batch.jsonl:3");
    }

    [Fact]
    public void A_batch_is_always_json_lines()
    {
        using var temp = new TempDir();
        File.Copy(Repo.S1, Path.Combine(temp.Path, "a.yaml"));
        Cli.Run("evaluate", temp.Path, "--packs", Repo.National, "--format", "markdown").Code.Should().Be(2);
    }

    [Fact]
    public void A_broken_pack_stops_the_evaluation_with_exit_1()
    {
        using var temp = new TempDir();
        var pack = temp.CopyMiniPack();
        File.AppendAllText(Path.Combine(pack, "facts.yaml"), "  lid.kapot: [\n");
        var run = Cli.Run("evaluate", Repo.S1, "--packs", pack, "--date", "2026-03-01");
        run.Code.Should().Be(1, run.ToString());
        run.Err.Should().MatchRegex(@"facts\.yaml:\d+:\d+: error DBR1001: ");
    }

    [Fact]
    public void An_incomplete_result_says_so_first_on_stdout_and_stderr_and_strict_exits_1()
    {
        string[] late = ["evaluate", Repo.S1, "--packs", Repo.National, "--date", "2026-11-30"];
        var run = Cli.Run(late);
        run.Code.Should().Be(0, "without --strict an incomplete result is still a result");
        run.Out.Split('\n')[1].Should().StartWith("Onvolledig", "the verdict comes right after the title");
        run.Out.Should().Contain("pw.norm.alleenstaande").And.Contain("na 30 juni 2026").And.NotContain("EUR 0,00");
        run.Err.Should().Contain("Onvolledig").And.Contain("[parameter-without-value]");

        Cli.Run([.. late, "--strict"]).Code.Should().Be(1);
        var complete = Cli.Run(S1("--strict"));
        complete.Code.Should().Be(0, complete.ToString());
        complete.Out.Split('\n')[1].Should().StartWith("Volledig");
        complete.Err.Should().NotContain("Onvolledig");

        using var doc = JsonDocument.Parse(Cli.Run([.. late, "--format", "json"]).Out);
        doc.RootElement.EnumerateObject().First().Name.Should().Be("completeness");
        doc.RootElement.GetProperty("completeness").GetProperty("complete").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public void A_batch_counts_incomplete_households_and_strict_fails_on_them()
    {
        var dir = Directory.CreateTempSubdirectory("doorbraak-batch-").FullName;
        try
        {
            File.Copy(Repo.S1, Path.Combine(dir, "a.yaml"));
            var run = Cli.Run("evaluate", dir, "--packs", Repo.National, "--date", "2026-11-30");
            run.Code.Should().Be(0, run.ToString());
            run.Err.Should().Contain("1 household(s) evaluated, 0 failed, 1 incomplete.");
            Cli.Run("evaluate", dir, "--packs", Repo.National, "--date", "2026-11-30", "--strict").Code.Should().Be(1);
            Cli.Run("evaluate", dir, "--packs", Repo.National, "--date", "2026-03-01", "--strict").Err.Should().Contain("0 incomplete");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
