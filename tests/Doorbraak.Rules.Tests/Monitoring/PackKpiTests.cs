using Doorbraak.Rules.Monitoring;
using PackSet = Doorbraak.Rules.PackSet;

namespace Doorbraak.Rules.Tests.Monitoring;

public class PackKpiTests
{
    private static PackSet National() => PackSet.LoadDirectories(Path.Combine(RepoRoot.Path, "policypacks", "nl-sociaal-domein"));

    [Fact]
    public void The_national_pack_defines_a_kpi_for_every_measure_with_norms_and_sources()
    {
        var catalog = KpiCatalog.FromPackSet(National());
        catalog.Validate().Should().BeEmpty();
        catalog.Kpis.Select(k => k.Measure).Should().BeEquivalentTo(KpiMeasures.All);
        catalog.Kpis.Should().OnlyContain(k => k.Source != null && k.PackId == "nl.sociaal-domein");
        var days = catalog.Kpis.Single(k => k.Measure == KpiMeasures.DaysToBreakthrough);
        days.Norm.Should().Be(new KpiNorm(30, NormDirection.AtMost, new DateOnly(2026, 12, 31)));
        catalog.Kpis.Single(k => k.Measure == KpiMeasures.SelfRelianceChange).Norm!.Target.Should().Be(0.5m);
    }

    [Fact]
    public void Collisions_are_counted_in_the_domain_of_their_goal_from_the_pack()
    {
        var catalog = KpiCatalog.FromPackSet(National());
        var c = new CollisionResult("botsing.x", CollisionKind.Declared, "x", CollisionSeverity.High, "doel.dak-boven-het-hoofd", ["pw.kostendelersnorm"], [], "x", new Explanation("x", StatementSource.Engine, [], []));
        catalog.DomainOf(c).Should().Be("wonen");
        catalog.DomainOf(c with { Goal = null, Rules = ["bestaat.niet"] }).Should().Be("overig");
    }

    [Fact]
    public void Reviews_are_kept_in_the_plan_json()
    {
        var plan = MonitoringFixture.Plans().Single(p => p.CaseReference == "P7");
        var json = PlanExport.ToJson(plan);
        json.Should().Contain("\"closed\": true").And.Contain("\"moment\": \"12m\"").And.Contain("\"selfRelianceAfter\"");
        var back = PlanExport.FromJson(json);
        back.Reviews.Should().HaveCount(2);
        var r = back.Reviews[1];
        r.Moment.Should().Be("12m");
        r.Date.Should().Be(new DateOnly(2026, 1, 20));
        r.GoalsMet.Should().Equal("a", "b");
        r.SelfRelianceBefore.Should().BeEquivalentTo(new Dictionary<string, int> { ["financien"] = 1, ["justitie"] = 2 });
        r.Closed.Should().BeTrue();
        r.Recurrence.Should().BeFalse();
        PlanExport.ToJson(back).Should().Be(json);

        var withCost = plan.WithReview(new PlanReview("18m", new DateOnly(2026, 7, 20), [], [], new Dictionary<string, int>(), new Dictionary<string, int>(),
            new Dictionary<string, decimal> { ["gemeente"] = 1234.56m }, "Nazorg") { Recurrence = true });
        var again = PlanExport.FromJson(PlanExport.ToJson(withCost));
        again.Reviews[^1].ActualMonthlyCost["gemeente"].Should().Be(1234.56m);
        again.Reviews[^1].FollowUp.Should().Be("Nazorg");
        again.Reviews[^1].Recurrence.Should().BeTrue();
    }
}
