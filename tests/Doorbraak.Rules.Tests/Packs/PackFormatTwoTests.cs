using Doorbraak.Rules.Packs;
using static Doorbraak.Rules.Tests.Packs.TestPacks;

namespace Doorbraak.Rules.Tests.Packs;

/// <summary>Pack format 2: the format marker, the legal force of rules, and the refusal of a basis that does not fit.</summary>
public sealed class PackFormatTwoTests
{
    private const string Facts = "facts:\n  huishouden.x:\n    type: boolean\n    description: Een testfeit\n";

    private static string Manifest2(string extra = "") => Manifest(extra: "format: 2\n" + extra);

    /// <summary>A format 2 rules file with one rule of the given force (and clauses) and one deviation from it with the given basis.</summary>
    private static PolicyPackSource Pack(string force, string basis, string clauses = "", string document = "") =>
        With("test", ("pack.yaml", Manifest2()), ("rules.yaml", Facts + $$"""
            rules:
              - id: r.een
                title: Regel een
                law: { law: Testwet, article: "1", url: "https://example.org/testwet" }
                force: {{force}}
            {{clauses}}
                domain: inkomen
                applies: aanvrager.leeftijd >= 27
                determines:
                  huishouden.x: true
            deviations:
              - id: afw.een
                title: Afwijking een
                deviates: r.een
                change: { suspend: true }
                basis: {{basis}}
                mandate: teamleider
            {{document}}
            """));

    [Fact]
    public void A_pack_without_format_loads_with_a_warning_that_points_to_migrate()
    {
        var (set, diagnostics) = Load(Valid());
        set.Should().NotBeNull();
        var warning = diagnostics.Should().ContainSingle(d => d.Code == "DBR1100").Subject;
        warning.Severity.Should().Be(DiagnosticSeverity.Warning);
        warning.ToString().Should().Be(
            "test.basis/pack.yaml:1:1: warning DBR1100: The pack 'test.basis' is in format 1: its rules carry no legal force, so whether a deviation's basis fits the rule is not checked; run `doorbraak migrate test.basis`, fill in 'force:' where it asks, and the pack becomes format 2.");
        set!.Warnings.Should().Contain(warning);
    }

    [Fact]
    public void A_format_1_pack_skips_the_fit_check()
    {
        var pack = With("test", ("rules.yaml", Facts + """
            rules:
              - id: r.een
                title: Regel een
                law: { law: Testwet, article: "1" }
                force: wet-plicht
                domain: inkomen
                determines:
                  huishouden.x: true
            deviations:
              - id: afw.een
                title: Afwijking een
                deviates: r.een
                change: { suspend: true }
                basis: { law: Awb, article: "4:84", kind: awb-4:84 }
                mandate: teamleider
            """));
        var (set, diagnostics) = Load(pack);
        Errors(diagnostics).Should().BeEmpty();
        set.Should().NotBeNull();
    }

    [Fact]
    public void An_unknown_format_is_refused_at_its_place()
    {
        var d = SingleError("DBR1101", With("test", ("pack.yaml", Manifest(extra: "format: 3\n")), ("rules.yaml", RulesFile)));
        d.ToString().Should().Be(
            "test/pack.yaml:5:9: error DBR1101: The pack 'test.basis' is written in format 3, which this version of the library does not read (it reads formats 1 and 2). Write 'format: 2', or load it with a newer version of Doorbraak.Rules.");
    }

    [Fact]
    public void A_rule_without_force_in_format_2_is_refused()
    {
        var d = SingleError("DBR1102", With("test", ("pack.yaml", Manifest2()), ("rules.yaml", RulesFile)));
        d.ToString().Should().StartWith(
            "test/rules.yaml:6:5: error DBR1102: The rule 'r.een' does not say its legal force; add 'force:' with one of wet-plicht, wet-bevoegdheid, amvb, ministeriele-regeling, verordening, beleidsregel, werkinstructie");
    }

    [Fact]
    public void A_consequence_has_no_force_and_needs_none()
    {
        var (set, diagnostics) = Load(With("test", ("pack.yaml", Manifest2()), ("rules.yaml", Facts + """
            consequences:
              - id: g.een
                title: Gevolg een
                source: Ervaring in de praktijk
                domain: inkomen
                determines:
                  huishouden.x: true
            """)));
        Errors(diagnostics).Should().BeEmpty();
        diagnostics.Should().NotContain(d => d.Code == "DBR1100");
        set.Should().NotBeNull();
    }

    [Fact]
    public void An_unknown_force_gets_did_you_mean()
    {
        var d = SingleError("DBR1016", Pack("beleidsreel", "{ law: Awb, article: \"4:84\", kind: awb-4:84 }"));
        d.ToString().Should().Contain("force must be one of wet-plicht, wet-bevoegdheid, amvb, ministeriele-regeling, verordening, beleidsregel, werkinstructie (did you mean 'beleidsregel'?)");
    }

    [Fact]
    public void Awb_4_84_against_a_statute_is_refused_in_words_a_policy_adviser_understands()
    {
        var d = SingleError("DBR1104", Pack("wet-plicht", "{ law: Awb, article: \"4:84\", kind: awb-4:84 }"));
        d.Location.ToString().Should().Be("test/rules.yaml:20:47");
        d.ToString().Should().StartWith(
            "test/rules.yaml:20:47: error DBR1104: The deviation 'afw.een' departs from 'r.een', a statute duty (wet-plicht), on the basis Awb art. 4:84 (awb-4:84): " +
            "\"Awb 4:84 kan alleen van een beleidsregel afwijken, niet van een wet\" (4:84 cannot set a statute aside). Departing from a statute is only possible under a clause it writes itself");
    }

    [Fact]
    public void Awb_4_84_against_an_ordinance_names_the_ordinance()
    {
        var d = SingleError("DBR1104", Pack("verordening", "{ law: Awb, article: \"4:84\", kind: awb-4:84 }"));
        d.Message.Should().Contain("\"Awb 4:84 kan alleen van een beleidsregel afwijken, niet van een verordening\" (4:84 cannot set an ordinance aside)");
    }

    [Fact]
    public void Awb_4_84_against_a_policy_rule_fits()
    {
        var (set, diagnostics) = Load(Pack("beleidsregel", "{ law: Awb, article: \"4:84\", kind: awb-4:84 }"));
        Errors(diagnostics).Should().BeEmpty();
        set.Should().NotBeNull();
    }

    [Fact]
    public void A_statute_duty_gives_way_only_under_a_clause_it_lists()
    {
        var basis = "{ law: Testwet, article: \"58 lid 8\", kind: dringende-redenen }";
        var d = SingleError("DBR1103", Pack("wet-plicht", basis));
        d.ToString().Should().StartWith(
            "test/rules.yaml:20:55: error DBR1103: The deviation 'afw.een' departs from 'r.een', a statute duty (wet-plicht), on the basis Testwet art. 58 lid 8 (dringende-redenen): the rule lists no clause Testwet art. 58 lid 8 under 'clauses'.");

        var listed = "    clauses:\n      - { law: Testwet, article: \"art. 58  lid 8\", kind: dringende-redenen }";
        var (set, diagnostics) = Load(Pack("wet-plicht", basis, listed));
        Errors(diagnostics).Should().BeEmpty();
        set.Should().NotBeNull();
    }

    [Fact]
    public void A_listed_clause_cited_with_another_kind_is_refused()
    {
        var listed = "    clauses:\n      - { law: Testwet, article: \"18 lid 1\", kind: individualisering }";
        var d = SingleError("DBR1103", Pack("wet-plicht", "{ law: Testwet, article: \"18 lid 1\", kind: hardheidsclausule }", listed));
        d.Message.Should().EndWith("the rule lists Testwet art. 18 lid 1 as individualisering, but the deviation cites it as hardheidsclausule; use the same kind in both places.");
    }

    [Theory]
    [InlineData("wet-plicht", "wettelijke-bevoegdheid", "a statute binds: it leaves no power to weigh under Awb 3:4.")]
    [InlineData("verordening", "werkinstructie", "a werkinstructie cannot set an ordinance aside.")]
    [InlineData("amvb", "evenredigheid", "proportionality (Awb 3:4 lid 2) can only be used against an order in council where the measure leaves room, and the rule does not say so.")]
    [InlineData("wet-bevoegdheid", "beleidsregel", "the room of a policy rule cannot set a statute aside.")]
    [InlineData("beleidsregel", "wettelijke-bevoegdheid", "a policy rule is not a statute power to weigh; departing from it goes under Awb 4:84 (bijzondere omstandigheden).")]
    [InlineData("beleidsregel", "hardheidsclausule", "the rule lists no clause Testwet art. 2 under 'clauses'.")]
    public void A_basis_that_does_not_fit_the_force_is_refused_with_the_reason(string force, string kind, string reason)
    {
        var d = SingleError("DBR1103", Pack(force, $"{{ law: Testwet, article: \"2\", kind: {kind} }}"));
        d.Location.File.Should().Be("test/rules.yaml");
        d.Location.Line.Should().Be(20);
        d.Message.Should().Contain(": " + reason + " ");
    }

    [Theory]
    [InlineData("wet-bevoegdheid", "wettelijke-bevoegdheid")]
    [InlineData("wet-bevoegdheid", "evenredigheid")]
    [InlineData("beleidsregel", "evenredigheid")]
    [InlineData("beleidsregel", "beleidsregel")]
    [InlineData("werkinstructie", "werkinstructie")]
    [InlineData("werkinstructie", "hardheidsclausule")]
    public void A_basis_that_fits_the_force_loads(string force, string kind)
    {
        var (set, diagnostics) = Load(Pack(force, $"{{ law: Testwet, article: \"2\", kind: {kind} }}"));
        Errors(diagnostics).Should().BeEmpty();
        set.Should().NotBeNull();
    }

    [Fact]
    public void Proportionality_against_a_bound_rule_fits_only_when_the_rule_lists_it()
    {
        var listed = "    clauses:\n      - { law: Awb, article: \"3:4 lid 2\", kind: evenredigheid }";
        var (set, diagnostics) = Load(Pack("wet-plicht", "{ law: Awb, article: \"3:4 lid 2\", kind: evenredigheid }", listed));
        Errors(diagnostics).Should().BeEmpty();
        set.Should().NotBeNull();
    }

    [Fact]
    public void A_basis_without_kind_in_format_2_is_refused()
    {
        var d = SingleError("DBR1105", Pack("beleidsregel", "{ law: Awb, article: \"4:84\" }"));
        d.ToString().Should().StartWith("test/rules.yaml:20:12: error DBR1105: The basis of the deviation 'afw.een' does not say its kind; add 'kind:'");
    }

    [Fact]
    public void A_clause_needs_a_clause_kind()
    {
        var listed = "    clauses:\n      - { law: Awb, article: \"4:84\", kind: awb-4:84 }";
        var d = SingleError("DBR1106", Pack("beleidsregel", "{ law: Awb, article: \"4:84\", kind: awb-4:84 }", listed));
        d.ToString().Should().StartWith("test/rules.yaml:11:44: error DBR1106: The clause Awb art. 4:84 has kind 'awb-4:84'; a clause that allows departing from a rule is one of hardheidsclausule, individualisering, dringende-redenen, evenredigheid");
    }

    [Fact]
    public void Force_clauses_grondslag_and_an_illustrative_citation_are_read()
    {
        var bag = new Doorbraak.Rules.Source.DiagnosticBag();
        var listed = "    clauses:\n      - { law: Testwet, article: \"18 lid 1\", kind: individualisering }\n    grondslag: { law: Testwet, article: \"8 lid 1\", illustrative: true }";
        var source = Pack("beleidsregel", "{ law: Awb, article: \"4:84\", kind: awb-4:84 }", listed);
        var files = source.ReadFiles(bag, Doorbraak.Rules.Source.Yaml.YamlLimits.Default)!;
        var pack = PackReader.Read(source.Name, files, bag, Doorbraak.Rules.Source.Yaml.YamlLimits.Default)!;
        bag.Items.Should().BeEmpty();
        pack.Manifest.Format.Should().Be(2);
        var rule = pack.Rules.Single();
        rule.Force.Should().Be("beleidsregel");
        rule.Clauses.Should().ContainSingle().Which.Kind.Should().Be("individualisering");
        rule.Grondslag!.Illustrative.Should().BeTrue();
        rule.Grondslag.ToString().Should().Be("Testwet art. 8 lid 1");
    }

    [Theory]
    [InlineData("35 lid 1", "Verordening art. 35 lid 1")]
    [InlineData("art. 35 lid 1 jo. art. 4 lid 3", "Verordening art. 35 lid 1 jo. art. 4 lid 3")]
    [InlineData("artikel 4", "Verordening artikel 4")]
    [InlineData(" 4:84", "Verordening art. 4:84")]
    public void A_citation_says_art_once(string article, string text)
    {
        new Citation("Verordening", article, null, null, null, null, null).ToString().Should().Be(text);
    }

    [Fact]
    public void The_ranking_of_bases_puts_a_statutory_clause_first_and_a_werkinstructie_last()
    {
        BasisKinds.Rank("hardheidsclausule").Should().BeLessThan(BasisKinds.Rank("dringende-redenen"));
        BasisKinds.Rank("dringende-redenen").Should().BeLessThan(BasisKinds.Rank("wettelijke-bevoegdheid"));
        BasisKinds.Rank("wettelijke-bevoegdheid").Should().BeLessThan(BasisKinds.Rank("evenredigheid"));
        BasisKinds.Rank("evenredigheid").Should().BeLessThan(BasisKinds.Rank("awb-4:84"));
        BasisKinds.Rank("awb-4:84").Should().BeLessThan(BasisKinds.Rank("werkinstructie"));
        BasisKinds.Rank(null).Should().Be(BasisKinds.Levels.Count);
    }
}
