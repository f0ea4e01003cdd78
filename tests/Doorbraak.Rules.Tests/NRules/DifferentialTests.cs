using Doorbraak.Rules.Benchmarks;
using Doorbraak.Rules.NRules;
using Doorbraak.Rules.Tests.PackScenarios;

namespace Doorbraak.Rules.Tests.NRules;

/// <summary>
/// The NRules backend gives the same results as the compiled backend: the result JSON byte for byte (apart from the
/// audit field that names the backend) on every pack test of every shipped pack, on the same households on other
/// dates, and on generated households. The full count (100,000 or more) is the opt-in command
/// <c>dotnet run -c Release --project tests/Doorbraak.Rules.Benchmarks -- --differential 100000</c>.
/// </summary>
public class DifferentialTests
{
    [Fact]
    public void Every_pack_test_of_every_shipped_pack_gives_the_same_result_with_NRules()
    {
        var cases = 0;
        foreach (var (folder, id, set) in ShippedPackTests.LoadSets())
        {
            var tests = set.RuleSet.Packs.Packs.Single(p => p.Manifest.Id == id).Tests;
            var households = tests.SelectMany(t => new[] { t.Date, t.Date.AddYears(-1), t.Date.AddMonths(9) }
                .Select(date => ($"{Path.GetFileName(folder)}: {t.Name} on {date}", Read(set, t), date))).ToList();
            cases += households.Count;
            var difference = Differential.FirstDifference(set, households);
            difference.Should().BeNull(difference is { } d ? $"{d.Name}: {Differential.Where(d.Compiled, d.NRules)}" : "");
        }
        cases.Should().BeGreaterThan(30);
    }

    [Fact]
    public void Generated_households_give_the_same_result_with_NRules()
    {
        var packs = PackSet.LoadDirectories(Path.Combine(ShippedPackTests.FindRepoRoot(), "policypacks", "nl-sociaal-domein"));
        var cases = Enumerable.Range(0, 300).Select(i => ($"household {i}", HouseholdGenerator.Generate(HouseholdGenerator.DefaultSeed, i), HouseholdGenerator.Date));
        var difference = Differential.FirstDifference(packs, cases);
        difference.Should().BeNull(difference is { } d ? $"{d.Name}: {Differential.Where(d.Compiled, d.NRules)}" : "");
    }

    [Fact]
    public void The_audit_block_names_the_backend()
    {
        var packs = PackSet.LoadDirectories(Path.Combine(ShippedPackTests.FindRepoRoot(), "policypacks", "nl-sociaal-domein"));
        var household = HouseholdGenerator.Generate(HouseholdGenerator.DefaultSeed, 1);
        new DoorbraakEngine(packs) { Backend = NRulesBackend.Instance }.Evaluate(household, HouseholdGenerator.Date).Audit.Backend.Should().Be("nrules");
        new DoorbraakEngine(packs).Evaluate(household, HouseholdGenerator.Date).Audit.Backend.Should().Be("compiled");
    }

    [Fact]
    public void A_set_aside_rule_is_refused_by_the_agenda_filter_and_a_suspending_deviation_works_through_it()
    {
        // S1: the kostendelersnorm applies; the deviation that suspends it is proposed with either backend, with the same figures.
        var packs = PackSet.LoadDirectories(Path.Combine(ShippedPackTests.FindRepoRoot(), "policypacks", "nl-sociaal-domein"));
        var engine = new DoorbraakEngine(packs) { Backend = NRulesBackend.Instance };
        var household = engine.ReadHousehold(File.ReadAllText(Path.Combine(ShippedPackTests.FindRepoRoot(), "samples", "households", "s1-kostendelersnorm.yaml")));
        var result = engine.Evaluate(household, new DateOnly(2026, 3, 1));
        result.Determinations.Should().Contain(d => d.Rule == "pw.kostendelersnorm");
        result.Proposals.Should().NotBeEmpty();
        var compiled = new DoorbraakEngine(packs).Evaluate(household, new DateOnly(2026, 3, 1));
        result.Proposals.Select(p => (p.Id, p.Cost.Difference)).Should().Equal(compiled.Proposals.Select(p => (p.Id, p.Cost.Difference)));
    }

    private static Household Read(PackSet set, Doorbraak.Rules.Packs.PackTestCase test) =>
        Doorbraak.Rules.Facts.HouseholdReader.Read(test.Household, set.RuleSet.Schema, new Doorbraak.Rules.Source.DiagnosticBag())!;
}
