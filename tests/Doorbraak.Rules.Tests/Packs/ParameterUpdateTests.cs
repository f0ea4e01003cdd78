using Doorbraak.Rules.Inspection;
using Doorbraak.Rules.Tests.Evaluation;

namespace Doorbraak.Rules.Tests.Packs;

/// <summary>Parameter update packs (<c>adds_to</c>), overrides that fall back, ages in years and months, and the decimal comma.</summary>
public class ParameterUpdateTests
{
    private const string National = """
        facts:
          huishouden.onder_aow:
            type: boolean
            description: De aanvrager is jonger dan de AOW-leeftijd
        parameters:
          pw.aow_leeftijd:
            title: AOW-leeftijd
            type: number
            unit: jaar
            values:
              - { from: 2025-01-01, to: 2027-12-31, value: 67 }
          pw.norm:
            title: Norm
            type: money
            open: { to: gemeente, basis: "Participatiewet art. 8" }
            values:
              - { from: 2026-01-01, to: 2026-06-30, value: 1401.50 }
              - { from: 2026-07-01, value: 1420.00 }
        rules:
          - id: pw.onder-aow
            title: Jonger dan de AOW-leeftijd
            law: { law: Participatiewet, article: "21", url: "https://wetten.overheid.nl/BWBR0015703" }
            domain: inkomen
            applies: aanvrager.leeftijd < pw.aow_leeftijd
            determines: { huishouden.onder_aow: true }
        """;

    private static PolicyPackSource NationalPack() =>
        PolicyPackSource.FromFiles("nl", new Dictionary<string, string> { ["pack.yaml"] = TestPacks.Manifest("test.nl", "2026.2.0"), ["national.yaml"] = National });

    private static PolicyPackSource Update(string parameters, string manifestExtra = "updates: [{ pack: test.nl, version: \"^2026.2.0\" }]\n") =>
        PolicyPackSource.FromFiles("upd", new Dictionary<string, string> { ["pack.yaml"] = TestPacks.Manifest("test.update", "2028.0.0", manifestExtra), ["parameters.yaml"] = parameters });

    private const string Aow2028 = """
        parameters:
          pw.aow_leeftijd:
            adds_to: test.nl
            title: AOW-leeftijd
            type: age
            values:
              - { from: 2028-01-01, value: { years: 67, months: 3 }, source: "Staatscourant 2022" }
        """;

    private static PackSet LoadWithUpdate(string parameters = Aow2028)
    {
        var (set, diagnostics) = PackSet.TryLoad([Update(parameters), NationalPack()]);
        set.Should().NotBeNull(string.Join("\n", diagnostics));
        return set!;
    }

    private static bool? BelowAow(PackSet set, string born, string on)
    {
        var engine = new DoorbraakEngine(set);
        var result = engine.Evaluate(engine.ReadHousehold($"leden:\n  - {{ id: a, rol: aanvrager, geboren: {born} }}\n", "h.yaml"), DateOnly.Parse(on));
        return result.Determinations.Any(d => d.Rule == "pw.onder-aow");
    }

    [Theory]
    [InlineData("1960-11-15", "2028-02-15", false)] // 67 years and 3 months on the day
    [InlineData("1960-11-16", "2028-02-15", true)]  // one day short
    [InlineData("1960-12-15", "2028-02-15", true)]  // 67 years and 2 months
    [InlineData("1961-01-10", "2028-02-15", true)]  // 67 years and 1 month in February 2028: below the AOW age
    [InlineData("1960-10-01", "2028-02-15", false)] // 67 years and 4 months
    [InlineData("1960-06-01", "2027-05-31", true)]  // 2027: 67 whole years; the day before the 67th birthday
    [InlineData("1960-06-01", "2027-06-01", false)] // the 67th birthday
    public void A_persons_age_is_compared_with_67_years_and_3_months_exactly_to_the_day(string born, string on, bool below)
    {
        BelowAow(LoadWithUpdate(), born, on).Should().Be(below);
    }

    [Fact]
    public void A_day_that_does_not_exist_in_the_month_is_reached_on_the_first_of_the_next()
    {
        // Born 31 October 1960: 67 years and 3 months would be 31 January 2028 (exists); born 30 November: 30 February does not.
        var set = LoadWithUpdate();
        BelowAow(set, "1960-11-30", "2028-02-29").Should().BeTrue();
        BelowAow(set, "1960-11-30", "2028-03-01").Should().BeFalse();
    }

    [Fact]
    public void The_added_period_joins_the_earlier_packs_parameter_and_keeps_its_source()
    {
        var p = LoadWithUpdate().Inspect().Parameters.Single(x => x.Id == "pw.aow_leeftijd");
        p.Values.Should().HaveCount(2);
    }

    [Fact]
    public void Ages_are_compared_in_leeftijd_op_and_in_where_as_well()
    {
        var text = National.Replace("applies: aanvrager.leeftijd < pw.aow_leeftijd", "applies: any leden where rol = \"aanvrager\" and leeftijd_op(geboren, peildatum) < pw.aow_leeftijd and not (leeftijd >= pw.aow_leeftijd)");
        var (set, diagnostics) = PackSet.TryLoad([Update(Aow2028), PolicyPackSource.FromFiles("nl", new Dictionary<string, string> { ["pack.yaml"] = TestPacks.Manifest("test.nl", "2026.2.0"), ["national.yaml"] = text })]);
        set.Should().NotBeNull(string.Join("\n", diagnostics));
        BelowAow(set!, "1960-11-16", "2028-02-15").Should().BeTrue();
        BelowAow(set!, "1960-11-15", "2028-02-15").Should().BeFalse();
    }

    [Fact]
    public void An_added_period_without_a_source_is_refused_with_its_place()
    {
        var (_, diagnostics) = PackSet.TryLoad([Update(Aow2028.Replace(", source: \"Staatscourant 2022\"", "")), NationalPack()]);
        diagnostics.Should().ContainSingle(d => d.Code == "DBR1201").Which.ToString().Should().StartWith("upd/parameters.yaml:7:9: error DBR1201");
    }

    [Fact]
    public void An_added_period_that_overlaps_is_refused_naming_both_periods()
    {
        var (_, diagnostics) = PackSet.TryLoad([Update(Aow2028.Replace("from: 2028-01-01", "from: 2027-07-01")), NationalPack()]);
        diagnostics.Should().ContainSingle(d => d.Code == "DBR1202").Which.ToString().Should().StartWith("upd/parameters.yaml:7:9: error DBR1202")
            .And.Contain("nl/national.yaml:11:9").And.Contain("2025-01-01 to 2027-12-31");
    }

    [Fact]
    public void An_update_that_changes_a_given_period_is_refused_naming_both_periods()
    {
        var (_, diagnostics) = PackSet.TryLoad([Update("""
            parameters:
              pw.norm:
                adds_to: test.nl
                title: Norm
                type: money
                values:
                  - { from: 2026-01-01, to: 2026-06-30, value: 1420.00, source: "Normenbrief" }
            """), NationalPack()]);
        diagnostics.Should().ContainSingle(d => d.Code == "DBR1203").Which.ToString().Should().StartWith("upd/parameters.yaml:7:9: error DBR1203")
            .And.Contain("nl/national.yaml:17:9");
    }

    [Fact]
    public void A_period_restated_exactly_is_accepted()
    {
        LoadWithUpdate(Aow2028.Replace("      - { from: 2028-01-01", "      - { from: 2025-01-01, to: 2027-12-31, value: 67, source: \"AOW\" }\n      - { from: 2028-01-01"))
            .Inspect().Parameters.Single(x => x.Id == "pw.aow_leeftijd").Values.Should().HaveCount(2);
    }

    [Fact]
    public void Adds_to_needs_the_pack_declared_under_updates_or_requires()
    {
        var (_, diagnostics) = PackSet.TryLoad([Update(Aow2028, manifestExtra: ""), NationalPack()]);
        diagnostics.Should().ContainSingle(d => d.Code == "DBR1204").Which.Message.Should().Contain("updates: [{ pack: test.nl");
    }

    [Fact]
    public void Adds_to_a_parameter_of_another_type_is_refused()
    {
        var (_, diagnostics) = PackSet.TryLoad([Update(Aow2028.Replace("type: age", "type: money").Replace("value: { years: 67, months: 3 }", "value: 67.25")), NationalPack()]);
        diagnostics.Should().ContainSingle(d => d.Code == "DBR1204").Which.Message.Should().Contain("number");
    }

    [Fact]
    public void An_override_replaces_only_the_periods_it_gives_and_falls_back_outside_them()
    {
        var local = PolicyPackSource.FromFiles("local", new Dictionary<string, string>
        {
            ["pack.yaml"] = TestPacks.Manifest("test.local", "1.0.0", "level: municipal\nrequires: [{ pack: test.nl }]\n"),
            ["p.yaml"] = """
                parameters:
                  pw.norm:
                    title: Norm (lokaal)
                    type: money
                    overrides: { pack: test.nl, basis: "Verordening 2026 art. 3" }
                    values:
                      - { from: 2026-03-01, to: 2026-08-31, value: 1500.00 }
                """,
        });
        var (set, diagnostics) = PackSet.TryLoad([local, NationalPack()]);
        set.Should().NotBeNull(string.Join("\n", diagnostics));
        var values = set!.RuleSet.Parameters.Definitions.Single(p => p.Id == "pw.norm").Values
            .Select(v => (v.From.ToString("yyyy-MM-dd"), v.To?.ToString("yyyy-MM-dd"), v.Value.AsDecimal)).ToList();
        values.Should().Equal(
            ("2026-01-01", "2026-02-28", 1401.50m),
            ("2026-03-01", "2026-08-31", 1500.00m),
            ("2026-09-01", null, 1420.00m));
    }

    [Fact]
    public void A_decimal_comma_is_answered_with_use_a_decimal_point()
    {
        var (_, diagnostics) = PackSet.TryLoad([PolicyPackSource.FromFiles("nl", new Dictionary<string, string>
        {
            ["pack.yaml"] = TestPacks.Manifest("test.nl", "2026.2.0"),
            ["national.yaml"] = National.Replace("      - { from: 2026-01-01, to: 2026-06-30, value: 1401.50 }", "      - from: 2026-01-01\n        to: 2026-06-30\n        value: 2500,00"),
        })]);
        var d = diagnostics.Should().ContainSingle(x => x.Code == "DBR1200").Which;
        d.ToString().Should().StartWith("nl/national.yaml:19:16: error DBR1200").And.Contain("use a decimal point: 2500.00").And.Contain("gebruik een decimale punt");
    }
}

/// <summary>One load reports the errors of every phase: a pack that fails to read does not hide a compile error in another.</summary>
public class AllPhasesTests
{
    private static PolicyPackSource Broken() => PolicyPackSource.FromFiles("kapot", new Dictionary<string, string>
    {
        ["pack.yaml"] = TestPacks.Manifest("test.kapot"),
        ["rules.yaml"] = "rules:\n  - id: r.x\n   title: X\n",
    });

    private static PolicyPackSource TypeError() => PolicyPackSource.FromFiles("ander", new Dictionary<string, string>
    {
        ["pack.yaml"] = TestPacks.Manifest("test.ander"),
        ["rules.yaml"] = TestPacks.RulesFile.Replace("r.een", "a.een").Replace("aanvrager.leeftijd >= 27", "aanvrager.leeftijd >= \"oud\""),
    });

    [Fact]
    public void A_yaml_error_in_one_pack_and_a_type_error_in_another_are_reported_in_one_run()
    {
        var (set, diagnostics) = PackSet.TryLoad([Broken(), TypeError()]);
        set.Should().BeNull();
        diagnostics.Select(d => d.Code).Should().Contain("DBR1001").And.Contain("DBR2014");
        diagnostics.Should().Contain(d => d.Code == "DBR1001" && d.Location.File.StartsWith("kapot/"));
        diagnostics.Should().Contain(d => d.Code == "DBR2014" && d.Location.File == "ander/rules.yaml");
    }

    [Fact]
    public void A_pack_that_requires_a_pack_that_failed_adds_no_follow_on_errors()
    {
        var local = PolicyPackSource.FromFiles("lokaal", new Dictionary<string, string>
        {
            ["pack.yaml"] = TestPacks.Manifest("test.lokaal", extra: "requires: [{ pack: test.kapot }]\n"),
            ["rules.yaml"] = TestPacks.RulesFile.Replace("r.een", "l.een").Replace("huishouden.x", "huishouden.onbekend_feit"),
        });
        var (set, diagnostics) = PackSet.TryLoad([Broken(), local]);
        set.Should().BeNull();
        diagnostics.Where(d => d.Code != "DBR1100").Should().OnlyContain(d => d.Location.File.StartsWith("kapot/"), "the local pack's rules read nothing the failed pack would have declared");
    }
}
