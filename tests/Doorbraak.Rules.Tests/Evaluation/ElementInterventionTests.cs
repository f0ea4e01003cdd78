using Doorbraak.Rules.Facts;
using Doorbraak.Rules.NRules;

namespace Doorbraak.Rules.Tests.Evaluation;

/// <summary>Interventions that change a debt's own facts (<c>change.elements</c>), by a condition or by id.</summary>
public class ElementInterventionTests
{
    private static readonly DateOnly Peildatum = new(2026, 3, 1);

    private static EvaluationResult Evaluate(string household, EvaluationBackend? backend = null)
    {
        var engine = new DoorbraakEngine(DebtInterventionPack.Load());
        if (backend is not null) engine = new DoorbraakEngine(DebtInterventionPack.Load()) { Backend = backend };
        return engine.Evaluate(engine.ReadHousehold(household, "h.yaml"), Peildatum);
    }

    private static FactValue After(decimal fine, string intervention, string path)
    {
        var packs = DebtInterventionPack.Load();
        var engine = new DoorbraakEngine(packs);
        var plan = packs.RuleSet;
        var d = plan.Deviations.Single(x => x.Id == intervention);
        var value = Doorbraak.Rules.Testing.PackTestRunner.ProjectedValue(plan, engine.ReadHousehold(DebtInterventionPack.Household(fine), "h.yaml"), Peildatum, path,
            out _, out var problem, Doorbraak.Rules.Evaluation.ProjectionChanges.With([d]));
        problem.Should().BeNull();
        return value;
    }

    [Fact]
    public void An_intervention_that_sets_a_debts_status_resolves_the_collision_the_debt_causes()
    {
        var result = Evaluate(DebtInterventionPack.Household(800));
        result.Collisions.Should().ContainSingle().Which.Goal.Should().Be("doel.schuldhulp");
        result.Proposals.Select(p => p.Id).Should().Contain(["int.boete-regeling", "int.boete-betalen"]);
        var arrangement = result.Proposals.Single(p => p.Id == "int.boete-regeling");
        arrangement.Resolves.Should().Equal("botsing.doel.schuldhulp");
        arrangement.Steps.Single().Kind.Should().Be(ProposalStepKind.Intervention);
    }

    [Fact]
    public void The_facts_after_show_the_debt_changed_and_the_other_debt_untouched()
    {
        After(800, "int.boete-regeling", "schulden[1].status").Should().Be(FactValue.Text("regeling"));
        After(800, "int.boete-regeling", "schulden[1].maandbedrag").Should().Be(FactValue.Money(25));
        After(800, "int.boete-regeling", "schulden[2].maandbedrag").IsUnknown.Should().BeTrue("the rent debt is not a fine: the arrangement leaves it as it was");
    }

    [Fact]
    public void A_rule_that_determines_the_same_fact_of_the_debt_does_not_undo_the_intervention()
    {
        // Over 1000 the collection rule sets every large debt to "incasso"; the arrangement's "regeling" stays.
        var result = Evaluate(DebtInterventionPack.Household(1500));
        result.Determinations.Should().Contain(d => d.Rule == "incasso.start" && d.Fact == "schulden[1].status");
        result.Proposals.Should().Contain(p => p.Id == "int.boete-regeling");
        After(1500, "int.boete-regeling", "schulden[1].status").Should().Be(FactValue.Text("regeling"));
        After(1500, "int.boete-regeling", "schulden[2].status").Should().Be(FactValue.Text("incasso"), "the rule still runs for the debt the intervention did not change");
    }

    [Fact]
    public void A_debt_picked_by_id_is_changed_and_only_that_one()
    {
        var result = Evaluate(DebtInterventionPack.Household(800));
        var pay = result.Proposals.Single(p => p.Id == "int.boete-betalen");
        pay.Cost.Items.Single(i => i.Cost == "int.boete-betalen").Should().Match<CostLine>(l => l.Once && l.ProposalMonthly == 300m);
        After(800, "int.boete-betalen", "schulden[1].bedrag").Should().Be(FactValue.Money(0));
        After(800, "int.boete-betalen", "schulden[1].status").Should().Be(FactValue.Text("betaald"));
        After(800, "int.boete-betalen", "schulden[2].bedrag").Should().Be(FactValue.Money(2000));
    }

    [Fact]
    public void A_pick_that_rests_on_an_unknown_fact_is_asked_and_proposes_nothing_silently()
    {
        // Whether the fine is a fraud claim is not given: the arrangement may or may not apply to it, so the fine's status
        // after it is unknown (not "regeling", not "open"), the refusal rule becomes undecided, and the fact is asked.
        var result = Evaluate(DebtInterventionPack.Household(800, fraude: null));
        result.Proposals.Should().NotContain(p => p.Id == "int.boete-regeling");
        result.NotProposed.Should().Contain(n => n.Deviation == "int.boete-regeling" && n.Reason == NotProposedReason.BecomesUndecided);
        result.MissingFacts.Should().Contain(m => m.Path == "schulden[1].fraude" && m.NeededFor.Contains("int.boete-regeling"));

        var answered = Evaluate(DebtInterventionPack.Household(800, fraude: false));
        answered.Proposals.Should().Contain(p => p.Id == "int.boete-regeling");
        answered.MissingFacts.Should().NotContain(m => m.Path == "schulden[1].fraude");
    }

    [Fact]
    public void The_NRules_backend_gives_the_same_result_json()
    {
        var packs = DebtInterventionPack.Load();
        var engine = new DoorbraakEngine(packs);
        var cases = new[] { 800m, 1500m }.SelectMany(fine => new bool?[] { false, true, null }
            .Select(fraude => ($"fine {fine}, fraude {fraude}", engine.ReadHousehold(DebtInterventionPack.Household(fine, fraude), "h.yaml"), Peildatum)));
        var difference = Doorbraak.Rules.Benchmarks.Differential.FirstDifference(packs, cases);
        difference.Should().BeNull(difference is { } d ? $"{d.Name}: {Doorbraak.Rules.Benchmarks.Differential.Where(d.Compiled, d.NRules)}" : "");
        Evaluate(DebtInterventionPack.Household(1500), NRulesBackend.Instance).Proposals.Select(p => p.Id)
            .Should().Equal(Evaluate(DebtInterventionPack.Household(1500)).Proposals.Select(p => p.Id));
    }
}
