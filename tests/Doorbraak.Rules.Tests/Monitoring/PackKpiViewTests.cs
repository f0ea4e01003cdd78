using Doorbraak.Rules.Inspection;

namespace Doorbraak.Rules.Tests.Monitoring;

/// <summary>The inspection view's KPI declarations and rule and goal domains, which the monitoring package reads.</summary>
public class PackKpiViewTests
{
    private static readonly Lazy<PackSet> National = new(() => PackSet.LoadDirectories(Path.Combine(RepoRoot.Path, "policypacks", "nl-sociaal-domein")));

    [Fact]
    public void Kpis_are_the_declarations_of_the_packs_in_order_with_their_norms()
    {
        var kpis = National.Value.Inspect().Kpis;
        kpis.Should().NotBeEmpty().And.OnlyContain(k => k.PackId == "nl.sociaal-domein");
        kpis.Select(k => k.Id).Should().OnlyHaveUniqueItems();
        var doorlooptijd = kpis.Should().Contain(k => k.Norm != null && k.Norm.Direction == "at_most" && k.Norm.Target == 30).Subject;
        doorlooptijd.Norm!.Deadline.Should().Be(new DateOnly(2026, 12, 31));
        kpis.Should().Contain(k => k.Norm != null && k.Norm.Direction == "at_least");
        National.Value.Inspect().Kpis.Should().BeSameAs(kpis, "the view is built once");
    }

    [Fact]
    public void Rule_and_goal_domains_name_every_rule_and_goal()
    {
        var set = National.Value.Inspect();
        set.Rules.Should().Contain(r => r.Id == "pw.kostendelersnorm").Which.Domain.Should().NotBeNullOrWhiteSpace();
        set.Rules.Should().OnlyContain(r => r.Title.Length > 0 && r.Domain.Length > 0);
        set.Goals.Should().NotBeEmpty().And.OnlyContain(g => g.Domain.Length > 0);
    }
}
