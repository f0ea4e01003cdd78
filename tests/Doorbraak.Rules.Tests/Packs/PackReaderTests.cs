using Doorbraak.Rules.Packs;
using System.Text;
using static Doorbraak.Rules.Tests.Packs.TestPacks;

namespace Doorbraak.Rules.Tests.Packs;

/// <summary>Reading one pack: every problem reported as path:line:column: error CODE: message.</summary>
public sealed class PackReaderTests
{
    private const string Facts = "facts:\n  huishouden.x:\n    type: boolean\n    description: Een testfeit\n";

    [Fact]
    public void A_minimal_pack_loads()
    {
        var (set, diagnostics) = Load(Valid());
        Errors(diagnostics).Should().BeEmpty();
        set.Should().NotBeNull();
        var info = set!.Packs.Should().ContainSingle().Subject;
        info.Id.Should().Be("test.basis");
        info.Version.Should().Be("1.0.0");
        info.Title.Should().Be("Testpakket");
        info.Sha256.Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Malformed_yaml_is_reported_with_the_file_and_position()
    {
        var d = SingleError("DBR1001", Plus("extra.yaml", "goals:\n  - id: d.een\n    title: Doel\n   domain: wonen\n"));
        d.Location.File.Should().Be("test/extra.yaml");
        d.ToString().Should().MatchRegex(@"^test/extra\.yaml:\d+:\d+: error DBR1001: This is not valid YAML: .+ Check the indentation and the ':' and '-' around this place\.$");
    }

    [Fact]
    public void An_unknown_key_gets_did_you_mean()
    {
        var (set, diagnostics) = Load(With("test", ("rules.yaml", Facts + """
            rules:
              - id: r.een
                titel: Regel een
                law: { law: Testwet, article: "1" }
                domain: inkomen
            """)));
        set.Should().BeNull();
        Errors(diagnostics).Should().Equal(
            "test/rules.yaml:6:5: error DBR1011: A rule needs the key 'title'.",
            "test/rules.yaml:7:5: error DBR1010: Unknown key 'titel' in a rule (did you mean 'title'?). Allowed keys: id, title, law, force, clauses, grondslag, domain, valid, for_each, applies, determines, explain, open, overrides, waits_for, holds_back.");
    }

    [Fact]
    public void An_unknown_section_gets_did_you_mean()
    {
        var (_, diagnostics) = Load(Plus("extra.yaml", "goal:\n  - id: d.een\n"));
        Errors(diagnostics).Should().Equal(
            "test/extra.yaml:1:1: error DBR1010: Unknown key 'goal' in a pack file (did you mean 'goals'?). Allowed keys: facts, parameters, rules, consequences, goals, collisions, deviations, costs, kpis, tests, situations, covers, indicators, scales, norms, budget, council_meetings, interventions, roles, authorities, mandates.");
    }

    [Fact]
    public void An_unknown_manifest_key_gets_did_you_mean()
    {
        var (_, diagnostics) = Load(With("test", ("pack.yaml", Manifest(extra: "jurisdictie: NL\n")), ("rules.yaml", RulesFile)));
        Errors(diagnostics).Should().Equal(
            "test/pack.yaml:5:1: error DBR1010: Unknown key 'jurisdictie' in the manifest (pack.yaml) (did you mean 'jurisdiction'?). Allowed keys: id, version, title, description, jurisdiction, level, valid, requires, format, updates.");
    }

    [Fact]
    public void Wrong_types_are_DBR1012()
    {
        var (_, diagnostics) = Load(With("test", ("rules.yaml", Facts + """
            rules:
              - id: r.een
                title: [Regel, een]
                law: Testwet
                domain: inkomen
                valid: 2026
            goals: { id: d.een }
            """)));
        Errors(diagnostics).Should().Equal(
            "test/rules.yaml:7:12: error DBR1012: 'title' must be text, not a list.",
            "test/rules.yaml:8:10: error DBR1012: 'law' must be a mapping such as { law: Participatiewet, article: \"22a\", url: \"https://wetten.overheid.nl/BWBR0015703\" }.",
            "test/rules.yaml:10:12: error DBR1012: 'valid' must be a mapping (key: value), not a single value.",
            "test/rules.yaml:11:8: error DBR1012: 'goals' must be a list of goals (each item starting with '-').");
    }

    [Fact]
    public void A_duplicate_id_in_one_pack_is_DBR1020_at_the_second()
    {
        var d = SingleError("DBR1020", Plus("z.yaml", """
            rules:
              - id: r.een
                title: Nog een regel een
                law: { law: Testwet, article: "2" }
                domain: inkomen
            """));
        d.ToString().Should().Be("test/z.yaml:2:5: error DBR1020: The id 'r.een' is used twice in test.basis (first at test/rules.yaml:6:5); ids must be unique.");
    }

    [Fact]
    public void Dangling_references_are_DBR1027_with_did_you_mean()
    {
        var (set, diagnostics) = Load(Plus("extra.yaml", """
            goals:
              - id: d.een
                title: Doel
                domain: inkomen
                holds: huishouden.x
            collisions:
              - id: b.een
                title: Botsing
                rules: [r.eenn]
                goal: d.eem
                explain: Uitleg
            deviations:
              - id: a.een
                title: Afwijking
                deviates: r.ene
                change: { suspend: true }
                basis: { law: Testwet, article: "3", kind: hardheidsclausule }
                mandate: teamleider
            """));
        set.Should().BeNull();
        Errors(diagnostics).Should().Equal(
            "test/extra.yaml:7:5: error DBR1027: The collision 'b.een' names the rule 'r.eenn', which no loaded pack defines (did you mean 'r.een'?).",
            "test/extra.yaml:7:5: error DBR1027: The collision 'b.een' names the goal 'd.eem', which no loaded pack defines (did you mean 'd.een'?).",
            "test/extra.yaml:13:5: error DBR1027: The deviation 'a.een' deviates from 'r.ene', which no loaded pack defines (did you mean 'r.een'?).");
    }

    [Fact]
    public void An_impossible_date_is_DBR1013()
    {
        var d = SingleError("DBR1013", With("test", ("rules.yaml", RulesFile + "\n    valid: { from: 2026-02-30 }\n")));
        d.ToString().Should().Be("test/rules.yaml:13:20: error DBR1013: '2026-02-30' in 'from' is not a date: February 2026 has 28 days.");
    }

    private const string Parameter = """
        parameters:
          pw.norm:
            title: Norm
            type: money
            unit: EUR/maand
            values:

        """;

    [Fact]
    public void Overlapping_parameter_periods_are_DBR1028()
    {
        var d = SingleError("DBR1028", Plus("parameters.yaml", Parameter + """
                  - { from: 2026-01-01, to: 2026-06-30, value: 1000.00 }
                  - { from: 2026-06-01, value: 1100.00 }
            """));
        d.ToString().Should().Be("test/parameters.yaml:8:9: error DBR1028: The period from 2026-06-01 overlaps the period from 2026-01-01 to 2026-06-30; give the earlier value a 'to' before 2026-06-01.");
    }

    [Fact]
    public void An_open_ended_period_followed_by_another_is_DBR1028()
    {
        var d = SingleError("DBR1028", Plus("parameters.yaml", Parameter + """
                  - { from: 2026-07-01, value: 1100.00 }
                  - { from: 2026-01-01, value: 1000.00 }
            """));
        d.ToString().Should().Be("test/parameters.yaml:7:9: error DBR1028: The period from 2026-07-01 overlaps the period from 2026-01-01 (which has no 'to'); give the earlier value a 'to' before 2026-07-01.");
    }

    [Fact]
    public void A_period_ending_before_it_starts_is_DBR1022()
    {
        var d = SingleError("DBR1022", Plus("parameters.yaml", Parameter + "      - { from: 2026-07-01, to: 2026-06-30, value: 1.00 }\n"));
        d.ToString().Should().Be("test/parameters.yaml:7:33: error DBR1022: 'to' (2026-06-30) is before 'from' (2026-07-01).");
    }

    [Fact]
    public void Adjacent_periods_and_a_gap_load()
    {
        var (set, diagnostics) = Load(Plus("parameters.yaml", Parameter + """
                  - { from: 2026-01-01, to: 2026-06-30, value: 1000.00 }
                  - { from: 2026-07-01, to: 2026-09-30, value: 1100.00 }
                  - { from: 2027-01-01, value: 1200.00, illustrative: true, source: schatting }
            """));
        Errors(diagnostics).Should().BeEmpty();
        var p = set!.RuleSet.Packs.Parameters.Single(p => p.Id == "pw.norm");
        p.Values.Select(v => v.Value.ToString()).Should().HaveCount(3);
        p.Values[2].Illustrative.Should().BeTrue();
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("on")]
    public void Yaml_1_1_booleans_are_refused_in_a_boolean_parameter(string word)
    {
        var d = SingleError("DBR1012", Plus("parameters.yaml", $"parameters:\n  pw.aan:\n    title: Aan\n    type: boolean\n    values:\n      - {{ from: 2026-01-01, value: {word} }}\n"));
        d.ToString().Should().Be($"test/parameters.yaml:6:36: error DBR1012: 'value' must be true or false; '{word}' is not accepted (YAML 1.1 words like yes/no/on/off are not booleans here).");
    }

    [Fact]
    public void A_yaml_1_1_boolean_is_refused_for_illustrative()
    {
        var d = SingleError("DBR1012", Plus("parameters.yaml", Parameter + "      - { from: 2026-01-01, value: 1.00, illustrative: on }\n"));
        d.ToString().Should().Be("test/parameters.yaml:7:56: error DBR1012: 'illustrative' must be true or false; 'on' is not accepted (YAML 1.1 words like yes/no/on/off are not booleans here).");
    }

    [Fact]
    public void A_leading_zero_is_refused_where_a_number_is_expected()
    {
        var d = SingleError("DBR1013", Plus("parameters.yaml", Parameter + "      - { from: 2026-01-01, value: 012 }\n"));
        d.ToString().Should().Be("test/parameters.yaml:7:36: error DBR1013: '012' is not a number in the pack format: write digits with a '.' for decimals (1401.50), without leading zeros, '_', ',' or exponents.");
    }

    [Fact]
    public void Article_numbers_stay_text_exactly_as_written()
    {
        var (set, diagnostics) = Load(With("test", ("rules.yaml", RulesFile.Replace("article: \"1\"", "article: \"012\"") + """

              - id: r.twee
                title: Regel twee
                law: { law: Awb, article: 4:84 }
                domain: inkomen
                determines: { huishouden.x: false }
              - id: r.drie
                title: Regel drie
                law: { law: Testwet, article: 012 }
                domain: inkomen
                determines: { huishouden.x: false }
            """)));
        Errors(diagnostics).Should().BeEmpty();
        var rules = set!.RuleSet.Packs.Rules.ToDictionary(r => r.Id);
        rules["r.een"].Citation.Article.Should().Be("012");
        rules["r.twee"].Citation.Article.Should().Be("4:84");
        rules["r.drie"].Citation.Article.Should().Be("012");
    }

    [Theory]
    [InlineData("applies: \"aanvrager.leeftijd >= 27\"", 14)]
    [InlineData("applies: 'aanvrager.leeftijd >= 27'", 14)]
    [InlineData("applies: >\n      aanvrager.leeftijd >= 27", 14)]
    public void Expressions_in_quoted_or_folded_style_are_DBR1014(string applies, int column)
    {
        var d = SingleError("DBR1014", With("test", ("rules.yaml", RulesFile.Replace("applies: aanvrager.leeftijd >= 27", applies))));
        d.ToString().Should().Be($"test/rules.yaml:10:{column}: error DBR1014: Write the expression in 'applies' without quotes on one line, or as a literal block ('applies: |' with the expression on the next lines); quoted and folded styles shift the positions in error messages.");
    }

    [Fact]
    public void A_determination_in_folded_style_is_DBR1014()
    {
        var d = SingleError("DBR1014", With("test", ("rules.yaml", RulesFile.Replace("huishouden.x: true", "huishouden.x: >\n        true"))));
        d.Location.ToString().Should().Be("test/rules.yaml:12:21");
    }

    [Fact]
    public void A_quoted_determination_is_text_not_an_expression()
    {
        // PackReader.ReadDeterminations reads a quoted value as a text literal (status: "toegelaten"), so "true" is
        // text, and text cannot be stored in a boolean fact. (docs/pack-format.md still says quoted is refused.)
        var (set, diagnostics) = Load(With("test", ("rules.yaml", RulesFile.Replace("huishouden.x: true", "huishouden.x: \"true\""))));
        set.Should().BeNull();
        var error = diagnostics.Should().ContainSingle(d => d.Severity == Doorbraak.Rules.DiagnosticSeverity.Error).Subject;
        error.Code.Should().StartWith("DBR2");
        error.Location.ToString().Should().Be("test/rules.yaml:12:21");
    }

    [Fact]
    public void A_literal_block_expression_loads()
    {
        var (set, diagnostics) = Load(With("test", ("rules.yaml", RulesFile.Replace("applies: aanvrager.leeftijd >= 27", "applies: |\n      aanvrager.leeftijd >= 27\n      and aanvrager.heeft_bijstand"))));
        Errors(diagnostics).Should().BeEmpty();
        set.Should().NotBeNull();
    }

    [Theory]
    [InlineData("goals: &g\n  - x\n", "test/extra.yaml:1:8: error DBR1004: Anchors (&g) are not part of the pack format; write each value out in full.")]
    [InlineData("goals: !!seq []\n", "test/extra.yaml:1:8: error DBR1004: Tags (tag:yaml.org,2002:seq) are not part of the pack format; remove the tag.")]
    [InlineData("goals: []\n---\ncosts: []\n", "test/extra.yaml:2:1: error DBR1004: A pack file holds one YAML document; remove the '---' separator and put the rest in another file.")]
    [InlineData("goals: []\ngoals: []\n", "test/extra.yaml:2:1: error DBR1005: The key 'goals' appears twice in this mapping (first at line 1); remove or rename one.")]
    public void Tags_anchors_documents_and_duplicate_keys_are_refused_in_a_pack(string text, string expected)
    {
        var (set, diagnostics) = Load(Plus("extra.yaml", text));
        set.Should().BeNull();
        Errors(diagnostics).Should().Equal(expected);
    }

    [Fact]
    public void A_deviation_with_an_empty_set_is_reported_not_dropped()
    {
        var (set, diagnostics) = Load(Plus("afwijkingen.yaml", """
            deviations:
              - id: a.een
                title: Afwijking
                deviates: r.een
                change: { set: {} }
                basis: { law: Testwet, article: "3", kind: hardheidsclausule }
                mandate: teamleider
            """));
        set.Should().BeNull("a deviation must never be silently dropped");
        Errors(diagnostics).Should().ContainSingle(e => e.Contains("error DBR1041: 'set' names no fact", StringComparison.Ordinal));
    }

    [Fact]
    public void Parameters_written_as_a_list_are_reported()
    {
        var (set, diagnostics) = Load(Plus("parameters.yaml", "parameters:\n  - id: pw.norm\n    title: Norm\n    type: money\n    values: [{ from: 2026-01-01, value: 1.00 }]\n"));
        set.Should().BeNull();
        Errors(diagnostics).Should().ContainSingle(e => e.StartsWith("test/parameters.yaml:2:3: error DBR1012: 'parameters' is a mapping from id to parameter", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_with_three_errors_gives_three_diagnostics()
    {
        var (set, diagnostics) = Load(With("test", ("rules.yaml", Facts + """
            rules:
              - id: r.een
                title: Regel een
                law: { law: Testwet, article: "1" }
                domain: [inkomen]
                valid: { from: 2026-02-30 }
                for_each: kinderen
            """)));
        set.Should().BeNull();
        Errors(diagnostics).Should().Equal(
            "test/rules.yaml:9:13: error DBR1012: 'domain' must be text, not a list.",
            "test/rules.yaml:10:20: error DBR1013: '2026-02-30' in 'from' is not a date: February 2026 has 28 days.",
            "test/rules.yaml:11:15: error DBR1016: for_each must be one of leden, schulden, voorzieningen.");
    }

    [Fact]
    public void Errors_in_several_files_are_all_reported()
    {
        var (set, diagnostics) = Load(With("test",
            ("a.yaml", "goals: [\n"),
            ("b.yaml", "rulez: []\n"),
            ("c.yaml", "costs:\n  - id: k.een\n    title: Kosten\n    payer: gemeente\n"),
            ("rules.yaml", RulesFile)));
        set.Should().BeNull();
        var errors = Errors(diagnostics);
        errors.Should().HaveCount(3);
        errors[0].Should().StartWith("test/a.yaml:").And.Contain("error DBR1001");
        errors[1].Should().Be("test/b.yaml:1:1: error DBR1010: Unknown key 'rulez' in a pack file (did you mean 'rules'?). Allowed keys: facts, parameters, rules, consequences, goals, collisions, deviations, costs, kpis, tests, situations, covers, indicators, scales, norms, budget, council_meetings, interventions, roles, authorities, mandates.");
        errors[2].Should().Be("test/c.yaml:2:5: error DBR1153: A cost needs exactly one of 'once' (a one-off amount) and 'monthly' (an amount per month).");
    }

    [Fact]
    public void A_pack_without_validity_is_refused_with_DBR1046()
    {
        var (set, diagnostics) = Load(With("test", ("pack.yaml", "id: test.basis\nversion: 1.0.0\ntitle: T\njurisdiction: NL\n"), ("rules.yaml", RulesFile)));
        set.Should().BeNull();
        Errors(diagnostics).Should().ContainSingle().Which.Should().StartWith("test/pack.yaml:1:1: error DBR1046: The pack 'test.basis' does not say from when it is valid; add valid:");

        (set, diagnostics) = Load(With("test", ("pack.yaml", "id: test.basis\nversion: 1.0.0\ntitle: T\njurisdiction: NL\nvalid: { to: 2026-12-31 }\n"), ("rules.yaml", RulesFile)));
        set.Should().BeNull();
        Errors(diagnostics).Should().ContainSingle().Which.Should().Contain("DBR1046");
    }

    [Fact]
    public void Bad_ids_are_DBR1023_and_bad_versions_DBR1029()
    {
        var (_, diagnostics) = Load(With("test",
            ("pack.yaml", "id: Test.Basis\nversion: 1.0\ntitle: T\njurisdiction: NL\nvalid: { from: 2026-01-01 }\n"),
            ("rules.yaml", RulesFile)));
        Errors(diagnostics).Should().Equal(
            "test/pack.yaml:1:5: error DBR1023: The pack id 'Test.Basis' must be lower case letters, digits, '_', '-' and dots, such as nl.sociaal-domein.",
            "test/pack.yaml:2:10: error DBR1029: '1.0' is not a SemVer version; write major.minor.patch, such as 2026.1.0.");
    }

    [Fact]
    public void A_bad_level_gets_did_you_mean()
    {
        var (_, diagnostics) = Load(With("test", ("pack.yaml", Manifest(extra: "level: nationaal\n")), ("rules.yaml", RulesFile)));
        Errors(diagnostics).Should().Equal("test/pack.yaml:5:8: error DBR1016: level must be one of national, regional, municipal (did you mean 'national'?).");
    }

    [Fact]
    public void An_empty_pack_is_DBR1035()
    {
        var (set, diagnostics) = Load(PolicyPackSource.FromFiles("leeg", new Dictionary<string, string>()));
        set.Should().BeNull();
        Errors(diagnostics).Should().Equal("leeg:1:1: error DBR1035: The pack is empty: a pack folder needs at least a pack.yaml with the manifest.");
    }

    [Fact]
    public void A_pack_with_only_a_manifest_is_DBR1039()
    {
        var (_, diagnostics) = Load(PolicyPackSource.FromFiles("test", new Dictionary<string, string> { ["pack.yaml"] = Manifest(), ["leeg.yaml"] = "" }));
        Errors(diagnostics).Should().Equal("test:1:1: error DBR1039: The pack has a manifest but no rules, goals or other sections; add files with at least one section.");
    }

    [Fact]
    public void A_pack_without_pack_yaml_is_DBR1038()
    {
        var (_, diagnostics) = Load(PolicyPackSource.FromFiles("test", new Dictionary<string, string> { ["rules.yaml"] = RulesFile }));
        Errors(diagnostics).Should().Equal("test:1:1: error DBR1038: The pack has no pack.yaml; add one with id, version, title and jurisdiction.");
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_DBR1002()
    {
        var (set, diagnostics) = Load(Bytes("test",
            ("pack.yaml", Utf8(Manifest())),
            ("rules.yaml", Encoding.Latin1.GetBytes(RulesFile.Replace("Regel een", "Regel één")))));
        set.Should().BeNull();
        Errors(diagnostics).Should().Equal("test/rules.yaml:7:18: error DBR1002: The file is not valid UTF-8. Save it as UTF-8 (in most editors: 'Save with encoding' > UTF-8).");
    }

    [Fact]
    public void A_file_over_one_mebibyte_is_DBR1003()
    {
        var big = Utf8("# " + new string('x', 1024 * 1024) + "\n");
        var (set, diagnostics) = Load(Bytes("test", ("pack.yaml", Utf8(Manifest())), ("rules.yaml", Utf8(RulesFile)), ("big.yaml", big)));
        set.Should().BeNull();
        Errors(diagnostics).Should().Equal($"test/big.yaml:1:1: error DBR1003: The file is {big.Length:N0} bytes; a pack file may be at most 1,048,576 bytes. Split it into several files.");
    }

    [Fact]
    public void An_alias_bomb_in_a_pack_is_refused_quickly()
    {
        var sb = new StringBuilder("goals:\n  - &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++) sb.Append($"  - &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]\n");
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var d = SingleError("DBR1004", Plus("bomb.yaml", sb.ToString()));
        sw.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2));
        d.ToString().Should().Be("test/bomb.yaml:2:5: error DBR1004: Anchors (&a0) are not part of the pack format; write each value out in full.");
    }

    [Fact]
    public void Deep_nesting_in_a_pack_is_DBR1003_without_crashing()
    {
        var d = SingleError("DBR1003", Plus("deep.yaml", "goals: " + new string('[', 100_000) + new string(']', 100_000) + "\n"));
        d.ToString().Should().Be("test/deep.yaml:1:39: error DBR1003: The file nests deeper than 32 levels; flatten the structure.");
    }
}
