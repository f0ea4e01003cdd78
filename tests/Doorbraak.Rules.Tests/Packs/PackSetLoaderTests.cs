using static Doorbraak.Rules.Tests.Packs.TestPacks;

namespace Doorbraak.Rules.Tests.Packs;

/// <summary>Several packs: requirements, ordering, layering with explicit overrides, atomic loading.</summary>
public sealed class PackSetLoaderTests
{
    private static PolicyPackSource Local(string id, string manifestExtra, params (string Path, string Text)[] files)
    {
        var dict = new Dictionary<string, string> { ["pack.yaml"] = Manifest(id, "1.0.0", manifestExtra) };
        foreach (var (path, text) in files) dict[path] = text;
        return PolicyPackSource.FromFiles(id, dict);
    }

    private const string RequiresBasis = "level: municipal\nrequires:\n  - { pack: test.basis, version: \"^1.0.0\" }\n";

    private const string LocalRule = """
        rules:
          - id: r.lokaal
            title: Lokale regel
            law: { law: Verordening Test, article: "1" }
            domain: inkomen
            determines:
              huishouden.x: false
        """;

    [Fact]
    public void A_pack_with_its_requirement_loads_in_dependency_order()
    {
        var (set, diagnostics) = Load(Local("test.gm", RequiresBasis, ("regels.yaml", LocalRule)), Valid());
        Errors(diagnostics).Should().BeEmpty();
        set!.Packs.Select(p => p.Id).Should().Equal("test.basis", "test.gm");
    }

    [Fact]
    public void A_missing_required_pack_is_DBR1030()
    {
        var d = SingleError("DBR1030", Local("test.gm", "requires:\n  - { pack: test.basiss }\n", ("regels.yaml", LocalRule)), Valid());
        d.ToString().Should().Be("test.gm/pack.yaml:6:5: error DBR1030: The pack 'test.gm' requires 'test.basiss', which is not loaded (did you mean 'test.basis'?). Add that pack to the set.");
    }

    [Fact]
    public void A_version_outside_the_range_is_DBR1031()
    {
        var d = SingleError("DBR1031", Local("test.gm", "requires:\n  - { pack: test.basis, version: \">=1.1.0 <2.0.0\" }\n", ("regels.yaml", LocalRule)), Valid());
        d.ToString().Should().Be("test.gm/pack.yaml:6:5: error DBR1031: The pack 'test.gm' requires 'test.basis' >=1.1.0 <2.0.0, but version 1.0.0 is loaded. Load a matching version or widen the range.");
    }

    [Theory]
    [InlineData("^1.0.0", true)]
    [InlineData("~1.0.0", true)]
    [InlineData(">=1.0.0 <1.0.1", true)]
    [InlineData("=1.0.0", true)]
    [InlineData("1.0.0", true)]
    [InlineData("^2.0.0", false)]
    [InlineData("~0.9.0", false)]
    [InlineData(">1.0.0", false)]
    [InlineData("<1.0.0", false)]
    public void Version_ranges_follow_the_documented_comparators(string range, bool loads)
    {
        var (set, diagnostics) = Load(Local("test.gm", $"requires:\n  - {{ pack: test.basis, version: \"{range}\" }}\n", ("regels.yaml", LocalRule)), Valid());
        if (loads) Errors(diagnostics).Should().BeEmpty();
        else Errors(diagnostics).Should().ContainSingle().Which.Should().Contain("error DBR1031");
        (set is not null).Should().Be(loads);
    }

    [Fact]
    public void A_bad_version_range_is_DBR1029()
    {
        var d = SingleError("DBR1029", Local("test.gm", "requires:\n  - { pack: test.basis, version: \"=> 1.0\" }\n", ("regels.yaml", LocalRule)), Valid());
        d.ToString().Should().StartWith("test.gm/pack.yaml:6:34: error DBR1029: '=> 1.0' is not a version range;");
    }

    [Fact]
    public void Packs_that_require_each_other_are_DBR1032()
    {
        var a = Local("test.a", "requires:\n  - { pack: test.b }\n", ("regels.yaml", LocalRule.Replace("r.lokaal", "r.a")));
        var b = Local("test.b", "requires:\n  - { pack: test.a }\n", ("regels.yaml", LocalRule.Replace("r.lokaal", "r.b")));
        var d = SingleError("DBR1032", a, b, Valid());
        d.ToString().Should().Be("test.b/pack.yaml:6:5: error DBR1032: Packs require each other in a cycle: test.a -> test.b -> test.a. Remove one of these requirements.");
    }

    [Fact]
    public void The_same_pack_loaded_twice_is_DBR1026()
    {
        var d = SingleError("DBR1026", Valid(), Valid());
        d.Message.Should().Be("The pack id 'test.basis' is loaded twice (also from test.basis); load each pack once.");
    }

    [Fact]
    public void Reusing_an_id_without_overrides_is_DBR1033()
    {
        var d = SingleError("DBR1033", Local("test.gm", RequiresBasis, ("regels.yaml", LocalRule.Replace("r.lokaal", "r.een"))), Valid());
        d.ToString().Should().Be("test.gm/regels.yaml:2:5: error DBR1033: 'r.een' is already defined by test.basis at test.basis/rules.yaml:6:5. To replace it, add 'overrides: { pack: test.basis, basis: ... }' (allowed only where test.basis marks it 'open'); otherwise choose another id.");
    }

    [Fact]
    public void Declaring_a_fact_again_in_another_pack_is_DBR1033()
    {
        var d = SingleError("DBR1033", Local("test.gm", RequiresBasis, ("regels.yaml", "facts:\n  huishouden.x:\n    type: boolean\n    description: Nogmaals\n" + LocalRule)), Valid());
        d.ToString().Should().Be("test.gm/regels.yaml:2:3: error DBR1033: The fact 'huishouden.x' is already declared by test.basis at test.basis/rules.yaml:2:3; declare it once.");
    }

    [Fact]
    public void Overriding_an_item_that_is_not_open_is_DBR1034()
    {
        var over = LocalRule.Replace("r.lokaal", "r.een") + "\n    overrides: { pack: test.basis, basis: { law: Verordening Test, article: \"3\" } }\n";
        var d = SingleError("DBR1034", Local("test.gm", RequiresBasis, ("regels.yaml", over)), Valid());
        d.ToString().Should().Be("test.gm/regels.yaml:2:5: error DBR1034: test.basis does not leave room to override 'r.een' (it has no 'open'); a local pack can only change what the earlier pack delegates.");
    }

    private const string OpenParameter = """
        parameters:
          pw.toeslag:
            title: Toeslag
            type: money
            open: { to: gemeente, basis: "Participatiewet art. 8 lid 1" }
            values:
              - { from: 2026-01-01, value: 100.00 }
        """;

    private const string OverridingParameter = """
        parameters:
          pw.toeslag:
            title: Toeslag Test
            type: money
            overrides: { pack: test.basis, basis: { law: Verordening Test 2026, article: "3" } }
            values:
              - { from: 2026-01-01, value: 150.00 }
        """;

    private static PolicyPackSource BasisWithOpenParameter() =>
        PolicyPackSource.FromFiles("test.basis", new Dictionary<string, string>
        {
            ["pack.yaml"] = Manifest(),
            ["rules.yaml"] = RulesFile,
            ["parameters.yaml"] = OpenParameter,
        });

    [Fact]
    public void A_granted_override_loads_and_the_later_value_wins()
    {
        // Given in either order: the set orders packs by their requirements.
        var (set, diagnostics) = Load(Local("test.gm", RequiresBasis, ("parameters.yaml", OverridingParameter)), BasisWithOpenParameter());
        Errors(diagnostics).Should().BeEmpty();
        var p = set!.RuleSet.Packs.Parameters.Should().ContainSingle(x => x.Id == "pw.toeslag").Subject;
        p.PackId.Should().Be("test.gm");
        p.Title.Should().Be("Toeslag Test");
        p.Values.Should().ContainSingle().Which.Value.ToString().Should().Contain("150");
        p.Overrides!.Basis.ToString().Should().Be("Verordening Test 2026 art. 3");
    }

    [Fact]
    public void An_override_naming_the_wrong_pack_is_DBR1036()
    {
        var d = SingleError("DBR1036", Local("test.gm", RequiresBasis, ("parameters.yaml", OverridingParameter.Replace("pack: test.basis", "pack: test.ander"))), BasisWithOpenParameter());
        d.ToString().Should().Be("test.gm/parameters.yaml:5:16: error DBR1036: 'pw.toeslag' says it overrides test.ander, but it is defined by test.basis.");
    }

    [Fact]
    public void An_override_without_a_basis_is_DBR1011()
    {
        var d = SingleError("DBR1011", Local("test.gm", RequiresBasis, ("parameters.yaml", OverridingParameter.Replace(", basis: { law: Verordening Test 2026, article: \"3\" }", ""))), BasisWithOpenParameter());
        d.ToString().Should().Be("test.gm/parameters.yaml:5:16: error DBR1011: This item needs the key 'basis'.");
    }

    [Fact]
    public void An_override_of_nothing_is_DBR1036()
    {
        var d = SingleError("DBR1036", Local("test.gm", RequiresBasis, ("parameters.yaml", OverridingParameter.Replace("pw.toeslag", "pw.toeslagen"))), BasisWithOpenParameter());
        d.Message.Should().Be("'pw.toeslagen' says it overrides test.basis, but no earlier pack defines 'pw.toeslagen' (did you mean 'pw.toeslag'?).");
    }

    [Fact]
    public void One_bad_pack_among_good_ones_loads_nothing()
    {
        var bad = Local("test.slecht", "", ("regels.yaml", LocalRule.Replace("r.lokaal", "r.slecht").Replace("domain: inkomen", "domein: inkomen")));
        var (set, diagnostics) = Load(Valid(), Local("test.gm", RequiresBasis, ("regels.yaml", LocalRule)), bad);
        set.Should().BeNull("a set of packs loads whole or not at all");
        Errors(diagnostics).Should().Equal(
            "test.slecht/regels.yaml:2:5: error DBR1011: A rule needs the key 'domain'.",
            "test.slecht/regels.yaml:5:5: error DBR1010: Unknown key 'domein' in a rule (did you mean 'domain'?). Allowed keys: id, title, law, force, clauses, grondslag, domain, valid, for_each, applies, determines, explain, open, overrides, waits_for, holds_back.");
        var thrown = FluentActions.Invoking(() => PackSet.Load([Valid(), bad])).Should().Throw<PackLoadException>().Which;
        thrown.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Should().HaveCount(2);
        thrown.Message.Should().Contain("test.slecht/regels.yaml:5:5: error DBR1010");
    }

    [Fact]
    public void Diagnostics_format_as_path_line_column_error_code_message()
    {
        var d = new Diagnostic("DBR1010", DiagnosticSeverity.Error, new SourceLocation("p/f.yaml", 3, 7), "Bericht.");
        d.ToString().Should().Be("p/f.yaml:3:7: error DBR1010: Bericht.");
    }
}
