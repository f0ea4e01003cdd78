using Doorbraak.Rules.Compilation;
using Doorbraak.Rules.Tests.Packs;

namespace Doorbraak.Rules.Tests.Compilation;

/// <summary>Issue #20, cost bombs: a compile-time estimate of the work per household, refused at load over the budget.</summary>
public sealed class CostBudgetTests
{
    /// <summary>The example: seven nested 'any leden where' (on main: 2.65 s and 1.5 GB per household of ten members).</summary>
    internal const string SevenNested = "any leden where (any leden where (any leden where (any leden where (any leden where (any leden where (any leden where inkomen > 999999))))))";

    internal static string Rule(string id, string applies, string forEach = "") => $"""
          - id: {id}
            title: Regel {id}
            law: {"{"} law: Testwet, article: "1", url: "https://example.org/testwet" {"}"}
            domain: inkomen
        {forEach}    applies: {applies}
            determines:
              {(forEach.Length > 0 ? "lid_x" : "huishouden.x")}: true

        """;

    private static PolicyPackSource Pack(params string[] rules) => TestPacks.With("test", ("rules.yaml",
        "facts:\n  huishouden.x:\n    type: boolean\n    description: Een testfeit\n  lid.lid_x:\n    type: boolean\n    description: Een testfeit per lid\nrules:\n" + string.Concat(rules)));

    [Fact]
    public void Seven_nested_quantifiers_over_members_are_refused_at_load_with_the_place_and_the_estimate()
    {
        var error = TestPacks.SingleError("DBR1310", Pack(Rule("r.bom", SevenNested)));
        TestPacks.Load(Pack(Rule("r.bom", SevenNested))).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Should().ContainSingle("one bomb is one error, not also the set's budget");
        error.Location.File.Should().EndWith("rules.yaml");
        (error.Location.Line, error.Location.Column).Should().Be((13, 14), "the place of the rule's applies expression");
        // Innermost 'inkomen > 999999' is 3 steps; each level is 2 + 10 x (1 + inner): 42, 432, 4,332, ... 43,333,332; 'true' is 1 more.
        error.Message.Should().Contain("rule 'r.bom'").And.Contain("43,333,333 steps per household")
            .And.Contain("counted as 10 elements").And.Contain("the limit is 100,000").And.Contain("PackLoadOptions.MaxRuleCost");
    }

    [Fact]
    public void Two_nested_quantifiers_load_and_are_estimated_by_the_list_length()
    {
        var (set, diagnostics) = TestPacks.Load(Pack(Rule("r.twee", "any leden where (any leden where inkomen > 100)")));
        set.Should().NotBeNull(string.Join("\n", diagnostics));
        var item = CostBudget.Estimate(set!.RuleSet, 10).Single(i => i.Id == "r.twee");
        item.Cost.Should().Be(2 + (10 * (1 + 2 + (10 * (1 + 3)))) + 1, "the determined value 'true' is one step");
        CostBudget.Estimate(set.RuleSet, 20).Single(i => i.Id == "r.twee").Cost.Should().Be(2 + (20 * (1 + 2 + (20 * (1 + 3)))) + 1);
    }

    [Fact]
    public void A_for_each_rule_multiplies_its_expressions_by_the_list_length()
    {
        var (set, diagnostics) = TestPacks.Load(Pack(Rule("r.perlid", "inkomen > 100", "    for_each: leden\n")));
        set.Should().NotBeNull(string.Join("\n", diagnostics));
        // applies (3 steps) and the determined value (1 step), once per member.
        CostBudget.Estimate(set!.RuleSet, 10).Single(i => i.Id == "r.perlid").Cost.Should().Be(10 * (3 + 1));
    }

    [Fact]
    public void The_limits_and_the_list_length_are_options()
    {
        var bomb = Pack(Rule("r.bom", SevenNested));
        PackSet.TryLoad([bomb], new PackLoadOptions { MaxRuleCost = 50_000_000, MaxPackSetCost = 50_000_000 }).Set.Should().NotBeNull();
        PackSet.TryLoad([bomb], new PackLoadOptions { CostListLength = 4 }).Set.Should().NotBeNull("4^7 is well under the budget");
        var small = Pack(Rule("r.twee", "any leden where (any leden where inkomen > 100)"));
        var (set, diagnostics) = PackSet.TryLoad([small], new PackLoadOptions { MaxRuleCost = 100 });
        set.Should().BeNull();
        diagnostics.Should().ContainSingle(d => d.Code == "DBR1310").Which.Message.Should().Contain("the limit is 100.");
    }

    [Fact]
    public void A_set_whose_rules_each_fit_but_together_do_not_is_refused_naming_the_most_expensive()
    {
        var rules = Enumerable.Range(1, 5).Select(i => Rule($"r.r{i}", "any leden where (any leden where (any leden where inkomen > 100))")).ToArray();
        var (set, diagnostics) = PackSet.TryLoad([Pack(rules)], new PackLoadOptions { MaxPackSetCost = 10_000 });
        set.Should().BeNull();
        var error = diagnostics.Should().ContainSingle(d => d.Code == "DBR1311").Which;
        error.Message.Should().Contain("The pack set costs an estimated 21,665 steps per household").And.Contain("rule 'r.r1' (4,333)")
            .And.Contain("the limit is 10,000").And.Contain("PackLoadOptions.MaxPackSetCost");
        diagnostics.Should().NotContain(d => d.Code == "DBR1310");
    }

    [Fact]
    public void The_shipped_packs_load_well_inside_the_default_budget()
    {
        var root = Path.Combine(RepoRoot.Path, "policypacks");
        var set = PackSet.LoadDirectories(Directory.GetDirectories(root).Order(StringComparer.Ordinal).ToArray());
        var options = new PackLoadOptions();
        var items = CostBudget.Estimate(set.RuleSet, options.CostListLength);
        var top = items.MaxBy(i => i.Cost)!;
        var total = items.Sum(i => i.Cost);
        var shown = $"most expensive: {top.Kind} '{top.Id}' {top.Cost:N0}; total {total:N0} over {items.Count} items";
        (top.Cost * 50).Should().BeLessThan(options.MaxRuleCost, shown);
        (total * 50).Should().BeLessThan(options.MaxPackSetCost, shown);
    }
}
