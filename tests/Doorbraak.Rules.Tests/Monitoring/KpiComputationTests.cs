using Doorbraak.Rules.Monitoring;
using static Doorbraak.Rules.Tests.Monitoring.MonitoringFixture;

namespace Doorbraak.Rules.Tests.Monitoring;

/// <summary>Each KPI against values computed by hand on the eight plans of <see cref="MonitoringFixture"/> (threshold 1: nothing suppressed).</summary>
public class KpiComputationTests
{
    private static readonly MonitoringReport R = Report(1);

    private static KpiResult K(string id) => R.Kpis.Single(k => k.Kpi.Id == id);

    private static Dictionary<string, decimal?> Rows(string id) => K(id).Breakdown.ToDictionary(b => b.Key, b => b.Value.Value);

    [Fact]
    public void Cases_started_counts_first_contact_or_breakthrough_in_the_period()
    {
        // Q1 2026: P1 (5 Jan), P2 (10 Jan), P4 (no first contact; breakthrough 31 Mar). Q4 2025: P3, P5, P6.
        K("k.started").Current.Value.Value.Should().Be(3);
        K("k.started").Previous!.Value.Value.Should().Be(3);
        K("k.started").Trend.Should().Be(TrendDirection.Equal);
        K("k.started").Status.Should().Be(NormStatus.NoNorm);
    }

    [Fact]
    public void Cases_closed_counts_reviews_marked_closed() => K("k.closed").Current.Value.Value.Should().Be(1); // P7

    [Fact]
    public void Collisions_by_domain_use_the_goal_else_the_rule()
    {
        K("k.domain").Current.Value.Value.Should().Be(5);
        K("k.domain").Current.Households.Value.Should().Be(4);
        Rows("k.domain").Should().BeEquivalentTo(new Dictionary<string, decimal?> { ["inkomen"] = 2, ["schulden"] = 1, ["wonen"] = 1, ["zorg"] = 1 });
        K("k.domain").Breakdown[0].Key.Should().Be("inkomen", "rows are sorted by count");
    }

    [Fact]
    public void Collisions_by_rule_count_each_rule_once_per_collision()
    {
        K("k.rule").Current.Value.Value.Should().Be(5);
        Rows("k.rule").Should().BeEquivalentTo(new Dictionary<string, decimal?>
            { ["pw.verrekening"] = 2, ["pw.kostendelersnorm"] = 1, ["wgs.a"] = 1, ["wgs.b"] = 1, ["jw.einde"] = 1 });
        K("k.rule").Breakdown.Single(b => b.Key == "pw.verrekening").Label.Should().Be("Verrekening (pw.verrekening)");
    }

    [Fact]
    public void Deviations_count_granted_decisions_by_basis_and_mandate()
    {
        // Granted: P1, P2 (accepted), P3 (changed), P4; P2's rejected decision does not count.
        K("k.basis").Current.Value.Value.Should().Be(4);
        Rows("k.basis").Should().BeEquivalentTo(new Dictionary<string, decimal?> { ["Awb 4:84"] = 2, ["Pw 18-1"] = 2, ["Jeugdwet 1.1"] = 1 });
        K("k.mandate").Current.Value.Value.Should().Be(4);
        Rows("k.mandate").Should().BeEquivalentTo(new Dictionary<string, decimal?> { ["teamleider"] = 3, ["manager"] = 1 });
    }

    [Fact]
    public void Days_to_breakthrough_is_the_median_with_the_norm_and_trend()
    {
        // Q1: 15, 30, 91 (P4 has no first contact) -> 30. Q4 2025: 20, 30 -> 25.
        var k = K("k.days");
        k.Current.Value.Value.Should().Be(30);
        k.Current.Households.Value.Should().Be(3);
        k.Previous!.Value.Value.Should().Be(25);
        k.Status.Should().Be(NormStatus.Met, "30 is at most 30");
        k.Trend.Should().Be(TrendDirection.Up);
        k.Better.Should().BeFalse("more days is worse for an at_most norm");
    }

    [Fact]
    public void Cost_is_the_mean_yearly_saving_per_case_with_payers()
    {
        // (31,200 + 25,800 + 18,000 + 4,800) / 4 = 19,950; Q4 2025: (12,000 + 0) / 2 = 6,000.
        var k = K("k.cost");
        k.Current.Value.Value.Should().Be(19950);
        k.Previous!.Value.Value.Should().Be(6000);
        k.Status.Should().Be(NormStatus.NotMet);
        k.Better.Should().BeTrue();
        // gemeente: (31,200 - 4,200 - 24,000 + 4,800) / 4 = 1,950.
        Rows("k.cost").Should().BeEquivalentTo(new Dictionary<string, decimal?> { ["gemeente"] = 1950, ["corporatie"] = 30000, ["zorgverzekeraar"] = 42000 });
    }

    [Fact]
    public void Cost_table_per_payer_totals_the_routes_per_year()
    {
        var gemeente = R.Cost.Single(c => c.Payer == "gemeente");
        gemeente.CurrentRoute.Value.Should().Be(54000);     // (3000 + 1000 + 500) * 12
        gemeente.BreakthroughRoute.Value.Should().Be(46200); // (1400 + 350 + 2000 + 100) * 12
        gemeente.Saving.Value.Should().Be(7800);
        gemeente.SavingPerCase.Value.Should().Be(1950);
        var total = R.Cost[^1];
        total.Payer.Should().Be("totaal");
        total.CurrentRoute.Value.Should().Be(132000);
        total.BreakthroughRoute.Value.Should().Be(52200);
        total.SavingPerCase.Value.Should().Be(19950);
    }

    [Fact]
    public void Goals_met_shares_use_the_reviews_of_the_moment()
    {
        // 6m in Q1: P5 2/3, P6 1/3 -> 3/6 = 50%. 12m in Q1: P7 2/2, P8 0/1 -> 2/3 = 66.7%.
        K("k.goals6").Current.Value.Value.Should().Be(50.0m);
        K("k.goals6").Status.Should().Be(NormStatus.NotMet);
        K("k.goals12").Current.Value.Value.Should().Be(66.7m);
        K("k.goals12").Status.Should().Be(NormStatus.Met);
        K("k.goals12").DeadlinePassed.Should().BeTrue();
        K("k.goals6").DeadlinePassed.Should().BeFalse();
    }

    [Fact]
    public void Recurrence_share_uses_the_12_month_reviews() =>
        K("k.recurrence").Current.Value.Value.Should().Be(50.0m); // P8 of P7, P8

    [Fact]
    public void Self_reliance_change_averages_per_household_then_over_households()
    {
        // P5 (+1, +2) -> 1.5; P6 (-1) -> -1; P7 (+2, 0) -> 1; P8 has no scores. (1.5 - 1 + 1) / 3 = 0.5.
        K("k.zrm").Current.Value.Value.Should().Be(0.5m);
        K("k.zrm").Current.Households.Value.Should().Be(3);
        K("k.zrm").Status.Should().Be(NormStatus.Met);
        // financien: +1, -1, +2 -> 0.67; the 13 ZRM domains come in their own order.
        Rows("k.zrm").Should().BeEquivalentTo(new Dictionary<string, decimal?> { ["financien"] = 0.67m, ["huisvesting"] = 2m, ["justitie"] = 0m });
        K("k.zrm").Breakdown.Select(b => b.Label).Should().Equal("Financiën", "Huisvesting", "Justitie");
    }

    [Fact]
    public void A_filter_takes_the_value_of_one_key()
    {
        var r = Report(1,
            new KpiSpec("f.domain", "Inkomen", KpiMeasures.CollisionsByDomain, null, null, null, null, "inkomen"),
            new KpiSpec("f.cost", "Gemeente", KpiMeasures.CostCurrentVsBreakthrough, null, null, null, null, "gemeente"),
            new KpiSpec("f.zrm", "Financiën", KpiMeasures.SelfRelianceChange, null, null, null, null, "financien"));
        r.Kpis[0].Current.Value.Value.Should().Be(2);
        r.Kpis[1].Current.Value.Value.Should().Be(1950);
        r.Kpis[2].Current.Value.Value.Should().Be(0.67m);
    }

    [Fact]
    public void An_unknown_measure_is_reported_clearly_and_the_rest_is_computed()
    {
        var r = Report(1,
            new KpiSpec("k.bad", "Fout", "cases_startd", null, null, null, null, null),
            new KpiSpec("k.started", "Gestart", KpiMeasures.CasesStarted, null, null, null, null, null));
        r.Kpis[0].Status.Should().Be(NormStatus.Invalid);
        r.Kpis[0].Problem.Should().Contain("unknown measure 'cases_startd'").And.Contain("cases_started");
        r.Problems.Should().ContainSingle().Which.Should().Contain("k.bad");
        r.Kpis[1].Current.Value.Value.Should().Be(3);
        CouncilReport.ToMarkdown(r).Should().Contain("**Niet te berekenen**: KPI 'k.bad'");
        new KpiCatalog([new KpiSpec("x", "x", KpiMeasures.DaysToBreakthrough, null, null, null, null, "inkomen")]).Validate()
            .Should().ContainSingle().Which.Should().Contain("has no breakdown");
    }

    [Fact]
    public void No_data_is_not_the_same_as_suppressed()
    {
        var r = MonitoringAggregator.Compute(Catalog(), [], ReportPeriod.Parse("2030-Q1"), new MonitoringOptions { SuppressionThreshold = 5 });
        var days = r.Kpis.Single(k => k.Kpi.Id == "k.days");
        days.Current.Value.Should().Be(Figure.None);
        days.Status.Should().Be(NormStatus.NoData);
        r.Kpis.Single(k => k.Kpi.Id == "k.started").Current.Value.Value.Should().Be(0, "a zero identifies nobody and is shown");
    }

    [Theory]
    [InlineData(NormDirection.AtLeast, 60, 60, true)]
    [InlineData(NormDirection.AtLeast, 60, 59.9, false)]
    [InlineData(NormDirection.AtMost, 30, 30, true)]
    [InlineData(NormDirection.AtMost, 30, 30.5, false)]
    public void Norm_comparison(NormDirection direction, decimal target, decimal value, bool met) =>
        new KpiNorm(target, direction, null).IsMetBy(value).Should().Be(met);

    [Theory]
    [InlineData("2026-Q1", "2026-01-01", "2026-03-31", "2025-Q4", "1e kwartaal 2026")]
    [InlineData("2026-H2", "2026-07-01", "2026-12-31", "2026-H1", "2e halfjaar 2026")]
    [InlineData("2026", "2026-01-01", "2026-12-31", "2025", "2026")]
    [InlineData("2026-01", "2026-01-01", "2026-01-31", "2025-12", "januari 2026")]
    public void Periods(string code, string start, string end, string previous, string dutch)
    {
        var p = ReportPeriod.Parse(code);
        p.Start.Should().Be(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        p.End.Should().Be(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));
        p.Previous().Code.Should().Be(previous);
        p.DutchName.Should().Be(dutch);
        ReportPeriod.TryParse("2026-Q5", out _).Should().BeFalse();
    }
}
