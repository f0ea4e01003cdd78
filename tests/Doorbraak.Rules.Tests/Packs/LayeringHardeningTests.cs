using static Doorbraak.Rules.Tests.Packs.TestPacks;

namespace Doorbraak.Rules.Tests.Packs;

/// <summary>Issue #20 item 6: open.to is enforced, and whether an override is valid does not depend on the order of the packs.</summary>
public sealed class LayeringHardeningTests
{
    private static PolicyPackSource National(string to) => With("nl", ("pack.yaml", Manifest("nl.basis", extra: "level: national\n")), ("rules.yaml", RulesFile.Replace(
        "    domain: inkomen\n", $"    domain: inkomen\n    open: {{ to: {to}, basis: \"Testwet art. 2\" }}\n")));

    private static PolicyPackSource Local(string id, string level, bool requires = true) => With(id,
        ("pack.yaml", Manifest(id, extra: $"level: {level}\n" + (requires ? "requires:\n  - { pack: nl.basis, version: \">=1.0.0\" }\n" : ""))),
        ("rules.yaml", """
            rules:
              - id: r.een
                overrides: { pack: nl.basis, basis: { law: "Verordening", article: "1" } }
                title: Regel een (lokaal)
                law: { law: Verordening, article: "1", url: "https://example.org/verordening" }
                domain: inkomen
                applies: aanvrager.leeftijd >= 30
                determines:
                  huishouden.x: true
            """));

    [Theory]
    [InlineData("gemeente", "municipal", true)]
    [InlineData("gemeente", "regional", false)]
    [InlineData("gemeente", "national", false)]
    [InlineData("regio", "regional", true)]
    [InlineData("regio", "municipal", true)]
    [InlineData("regio", "national", false)]
    public void Open_to_decides_which_level_may_override(string to, string level, bool allowed)
    {
        var (set, diagnostics) = Load(National(to), Local("lokaal.pakket", level));
        if (allowed)
        {
            Errors(diagnostics).Should().BeEmpty();
            set!.RuleSet.Packs.Rules.Single().PackId.Should().Be("lokaal.pakket");
        }
        else
        {
            Errors(diagnostics).Should().ContainSingle().Which.Should().Contain("error DBR1034").And.Contain($"is a {level} pack and cannot override it");
        }
    }

    [Fact]
    public void An_unknown_open_to_word_is_refused()
    {
        var (_, diagnostics) = Load(National("provincie"));
        Errors(diagnostics).Should().ContainSingle().Which.Should().Contain("error DBR1016: open.to must be one of gemeente, regio");
    }

    [Fact]
    public void An_override_without_requires_is_refused_in_either_order()
    {
        var a = Errors(Load(National("gemeente"), Local("lokaal.pakket", "municipal", requires: false)).Diagnostics);
        var b = Errors(Load(Local("lokaal.pakket", "municipal", requires: false), National("gemeente")).Diagnostics);
        a.Should().ContainSingle().Which.Should().Contain("error DBR1304: 'r.een' overrides nl.basis, but lokaal.pakket does not require nl.basis");
        b.Should().Equal(a);
    }

    [Fact]
    public void An_override_with_requires_is_valid_in_either_order()
    {
        Errors(Load(National("gemeente"), Local("lokaal.pakket", "municipal")).Diagnostics).Should().BeEmpty();
        Errors(Load(Local("lokaal.pakket", "municipal"), National("gemeente")).Diagnostics).Should().BeEmpty();
    }
}
