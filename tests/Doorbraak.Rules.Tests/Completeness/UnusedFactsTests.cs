using Doorbraak.Rules.Inspection;

namespace Doorbraak.Rules.Tests.Completeness;

public class UnusedFactsTests
{
    private static readonly DateOnly Peildatum = new(2026, 3, 1);
    private static readonly Lazy<PackSet> National = new(() => PackSet.LoadDirectories(Path.Combine(RepoRoot.Path, "policypacks", "nl-sociaal-domein")));

    [Fact]
    public void Facts_no_pack_reads_are_listed_and_facts_that_are_read_are_not()
    {
        var engine = new DoorbraakEngine(National.Value);
        var h = engine.ReadHousehold("""
            huur: 780
            gemeente: Vlaardingen
            leden:
              - { id: moeder, naam: Fatima, rol: aanvrager, geboren: 1971-01-10, heeft_bijstand: true, inkomen: 1401.50, dreigt_dakloos: false, huiselijk_geweld: false }
              - { id: zoon, rol: kind, geboren: 1997-09-14, inkomen: 0, student: false, eigen_woonruimte: false, dreigt_dakloos: false }
            """);
        var result = engine.Evaluate(h, Peildatum);
        result.UnusedFacts.Should().Contain("huishouden.gemeente").And.Contain("leden[moeder].huiselijk_geweld").And.Contain("huishouden.huur");
        result.UnusedFacts.Should().NotContain(["leden[moeder].inkomen", "leden[moeder].geboren", "leden[zoon].student", "leden[zoon].id", "leden[moeder].id"]);
        result.UnusedFacts.Should().BeInAscendingOrder(StringComparer.Ordinal);
        ResultJson.Serialize(result).Should().Contain("\"unusedFacts\"");
    }
}

public class QuestionTests
{
    private static readonly Lazy<PackSet> National = new(() => PackSet.LoadDirectories(Path.Combine(RepoRoot.Path, "policypacks", "nl-sociaal-domein")));

    [Fact]
    public void A_fact_a_rule_value_reads_is_asked_for_that_rule_and_derived_facts_are_not_asked()
    {
        var engine = new DoorbraakEngine(National.Value);
        var h = engine.ReadHousehold("""
            huur: 780
            leden:
              - { id: moeder, rol: aanvrager, geboren: 1971-01-10, heeft_bijstand: true, dreigt_dakloos: false }
              - { id: zoon, rol: kind, geboren: 1997-09-14, inkomen: 0, student: false, eigen_woonruimte: false, dreigt_dakloos: false, heeft_perspectiefplan: true }
            """);
        var result = engine.Evaluate(h, new DateOnly(2026, 3, 1));
        var income = result.MissingFacts.Should().Contain(m => m.Path == "leden[moeder].inkomen").Subject;
        income.NeededFor.Should().NotBeEmpty();
        var derived = National.Value.Inspect().Rules.SelectMany(r => r.Determines).Select(d => d.Target).ToHashSet();
        result.MissingFacts.Should().NotContain(m => derived.Contains(m.Path), "a derived fact is asked through what it is derived from");
    }
}
