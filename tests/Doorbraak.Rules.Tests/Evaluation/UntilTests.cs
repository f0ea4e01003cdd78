using Doorbraak.Rules.Facts;

namespace Doorbraak.Rules.Tests.Evaluation;

/// <summary>
/// <c>limits.until</c> at run time: the condition is read for the household at the start of each month within the maximum,
/// with peildatum moved along. Already met: not proposed. Met later: the step lasts until then, costs count those months,
/// and the proposal and plan say when. Not met within the maximum: the maximum. Unknown: the maximum, and the facts asked.
/// </summary>
public class UntilTests
{
    private static readonly DateOnly Peildatum = new(2026, 3, 1);

    // The time-out lasts until an admission ends (a date), at most 6 months, and costs 100 a month itself.
    private static readonly string Content = InterventionPack.Content
        .Replace("  huishouden.toeslagschuld_open: { type: money, description: Openstaande toeslagschuld, default: 0 }",
            "  huishouden.toeslagschuld_open: { type: money, description: Openstaande toeslagschuld, default: 0 }\n  huishouden.opname_einde: { type: date, description: Einde van de opname, question: Wanneer eindigt de opname? }")
        .Replace("    limits: { until: huishouden.heeft_woonruimte, max: P6M }",
            "    limits: { until: peildatum >= huishouden.opname_einde, max: P6M }\n    costs:\n      - { payer: gemeente, monthly: 100 }");

    private static (DoorbraakEngine Engine, Household Household, EvaluationResult Result) Evaluate(DateOnly? admissionEnds)
    {
        Content.Should().Contain("opname_einde, max: P6M").And.Contain("monthly: 100");
        var engine = new DoorbraakEngine(InterventionPack.Load(Content));
        var household = InterventionPack.Household(9500);
        if (admissionEnds is { } end) household.Facts.Set("opname_einde", FactValue.Date(end));
        return (engine, household, engine.Evaluate(household, Peildatum));
    }

    [Fact]
    public void An_until_met_within_the_maximum_cuts_the_duration_and_the_costs_to_that_month()
    {
        var p = Evaluate(new DateOnly(2026, 5, 15)).Result.Proposals.Single(x => x.Id == "int.time-out");
        // Checked on 1 March, 1 April, 1 May (not yet) and 1 June (met): three months.
        p.Limits.UntilMetOn.Should().Be(new DateOnly(2026, 6, 1));
        p.Limits.DurationMonths.Should().Be(3);
        p.EndDate.Should().Be(new DateOnly(2026, 5, 31));
        p.Limits.Text.Should().Contain("tot peildatum >= huishouden.opname_einde (daaraan is naar verwachting voldaan op 1 juni 2026, dus het duurt 3 maanden)");
        p.Cost.DeviationMonths.Should().Be(3);
        p.Cost.Items.Single(i => i.Cost == "int.time-out").ProposalMonthly.Should().Be(100m);
        // 3 months without opvang, then 9 months of opvang (3000) and the eviction once (6000), plus 3 × 100 for the time-out.
        p.Cost.ProposalRoute.Should().Be(9 * 3000m + 6000m + 3 * 100m);
        p.Cost.CurrentRoute.Should().Be(12 * 3000m + 6000m);
    }

    [Fact]
    public void The_plan_says_until_when_and_why()
    {
        var (engine, household, result) = Evaluate(new DateOnly(2026, 5, 15));
        var plan = new DoorbraakPlanner(engine).Assemble(household, result, [], new PlanDetails { CaseReference = "ZAAK-1" });
        PlanExport.ToMarkdown(plan).Should().Contain("naar verwachting voldaan op 1 juni 2026, dus het duurt 3 maanden");
        PlanExport.ToHtml(plan).Should().Contain("naar verwachting voldaan op 1 juni 2026");
    }

    [Fact]
    public void An_until_already_met_on_the_peildatum_is_not_proposed_and_says_why()
    {
        var result = Evaluate(new DateOnly(2026, 2, 1)).Result;
        result.Proposals.Should().NotContain(p => p.Deviations.Contains("int.time-out"));
        result.NotProposed.Should().ContainSingle(n => n.Deviation == "int.time-out").Which.Should().Match<NotProposedDeviation>(n =>
            n.Reason == NotProposedReason.UntilMet && n.Message == "niet nodig: aan peildatum >= huishouden.opname_einde is op de peildatum al voldaan");
        ResultJson.Serialize(result).Should().Contain("\"reason\": \"until-met\"");
    }

    [Fact]
    public void An_until_not_met_within_the_maximum_lasts_the_maximum()
    {
        var p = Evaluate(new DateOnly(2027, 1, 1)).Result.Proposals.Single(x => x.Id == "int.time-out");
        p.Limits.UntilMetOn.Should().BeNull();
        p.Cost.DeviationMonths.Should().Be(6);
        p.EndDate.Should().Be(new DateOnly(2026, 8, 31));
        p.Limits.UntilNote.Should().Be("daaraan is binnen 6 maanden niet voldaan, dus het duurt ten hoogste 6 maanden");
    }

    [Fact]
    public void An_unknown_until_counts_the_maximum_asks_its_facts_and_says_so()
    {
        var result = Evaluate(null).Result;
        var p = result.Proposals.Single(x => x.Id == "int.time-out");
        p.Cost.DeviationMonths.Should().Be(6);
        p.Limits.UntilNote.Should().Be("onbekend wanneer daaraan is voldaan (ontbreekt: huishouden.opname_einde); gerekend met ten hoogste 6 maanden");
        result.MissingFacts.Should().ContainSingle(m => m.Path == "huishouden.opname_einde").Which.NeededFor.Should().Contain("int.time-out");
        // The answer changes the outcome: met already (not proposed), or within the maximum (3 months, another cost).
        Evaluate(new DateOnly(2026, 2, 1)).Result.Proposals.Should().NotContain(x => x.Id == "int.time-out");
        Evaluate(new DateOnly(2026, 5, 15)).Result.Proposals.Single(x => x.Id == "int.time-out").Cost.Difference.Should().NotBe(p.Cost.Difference);
    }

    [Fact]
    public void An_until_on_a_fact_without_a_date_is_met_now_or_not_at_all()
    {
        // The shipped form of the test pack: until huishouden.heeft_woonruimte (no date in it).
        var engine = new DoorbraakEngine(InterventionPack.Load());
        var household = InterventionPack.Household(9500);
        household.Facts.Set("heeft_woonruimte", FactValue.True);
        engine.Evaluate(household, Peildatum).NotProposed.Should().Contain(n => n.Deviation == "int.time-out" && n.Reason == NotProposedReason.UntilMet);
        household.Facts.Set("heeft_woonruimte", FactValue.False);
        engine.Evaluate(household, Peildatum).Proposals.Single(x => x.Id == "int.time-out").Cost.DeviationMonths.Should().Be(6);
    }
}
