using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Inspection;
using Doorbraak.Rules.Packs;

namespace Doorbraak.Rules.Tests.Evaluation;

public class InterventionTests
{
    private static readonly DateOnly Peildatum = new(2026, 3, 1);

    private static EvaluationResult Evaluate(decimal arrears, decimal vermogen = 0) =>
        new DoorbraakEngine(InterventionPack.Load()).Evaluate(InterventionPack.Household(arrears, vermogen), Peildatum);

    [Fact]
    public void An_intervention_is_re_projected_and_proposed_with_the_deviations_and_says_it_is_an_intervention()
    {
        var result = Evaluate(400);
        result.Proposals.Select(p => p.Id).Should().BeEquivalentTo("int.huur-betalen", "afw.ontruiming-een-maand-uitstellen");
        var pay = result.Proposals.Single(p => p.Id == "int.huur-betalen");
        pay.Steps.Should().ContainSingle().Which.Should().Match<ProposalStep>(s => s.Kind == ProposalStepKind.Intervention && s.Action == "betaling" && s.Rule == null);
        pay.Resolves.Should().Equal("botsing.doel.dak");
        var postpone = result.Proposals.Single(p => p.Id == "afw.ontruiming-een-maand-uitstellen");
        postpone.Steps.Single().Kind.Should().Be(ProposalStepKind.Deviation);
        postpone.Steps.Single().Rule.Should().Be("huur.ontruiming");
        pay.Rank.Should().BeLessThan(postpone.Rank, "an intervention sets no rule aside, so it ranks before a deviation that resolves as much");
    }

    [Fact]
    public void A_one_off_payment_counts_once_and_keeps_the_avoided_monthly_costs_avoided()
    {
        var result = Evaluate(400);
        var pay = result.Proposals.Single(p => p.Id == "int.huur-betalen").Cost;
        // Current route: 12 months of opvang (3000) and the eviction once (6000).
        pay.CurrentRoute.Should().Be(12 * 3000m + 6000m);
        // With the payment: the arrears paid once (400); no opvang and no eviction for the whole horizon.
        pay.ProposalRoute.Should().Be(400m);
        pay.Items.Single(i => i.Cost == "int.huur-betalen").Should().Match<CostLine>(l => l.Once && l.ProposalMonthly == 400m);
        pay.Items.Single(i => i.Cost == "kosten.ontruiming").Once.Should().BeTrue();

        // The old way to write it, a deviation for one month, brings the costs back after month 1 (and the eviction with them).
        var month = result.Proposals.Single(p => p.Id == "afw.ontruiming-een-maand-uitstellen").Cost;
        month.DeviationMonths.Should().Be(1);
        month.ProposalRoute.Should().Be(11 * 3000m + 6000m);
    }

    [Fact]
    public void An_intervention_whose_avoided_costs_rest_on_an_illustrative_figure_is_proposed_and_says_so()
    {
        // An intervention deviates from no rule; gathering the illustrative figures must not look one up (it threw before).
        var content = InterventionPack.Content
            .Replace("    monthly: 3000\n", "    monthly: test.opvang\n", StringComparison.Ordinal)
            .Replace("\nrules:\n", "\n  test.opvang:\n    title: Opvang per maand\n    type: money\n    values:\n"
                + "      - { from: 2000-01-01, value: 3000.00, illustrative: true, source: \"testwaarde\" }\nrules:\n", StringComparison.Ordinal);
        content.Should().Contain("monthly: test.opvang").And.Contain("test.opvang:");
        var result = new DoorbraakEngine(InterventionPack.Load(content)).Evaluate(InterventionPack.Household(400), Peildatum);
        var pay = result.Proposals.Single(p => p.Id == "int.huur-betalen");
        pay.IllustrativeParameters.Should().Equal("test.opvang");
        pay.Cost.CurrentRoute.Should().Be(12 * 3000m + 6000m);
    }

    [Fact]
    public void An_intervention_cost_that_reads_an_unknown_fact_asks_for_it_and_leaves_the_difference_unknown()
    {
        var content = InterventionPack.Content
            .Replace("      - { payer: gemeente, once: huishouden.huurachterstand }\n",
                "      - { payer: gemeente, once: huishouden.huurachterstand }\n      - { payer: gemeente, monthly: huishouden.huur_nieuw }\n", StringComparison.Ordinal)
            .Replace("facts:\n", "facts:\n  huishouden.huur_nieuw: { type: money, description: Huur van de nieuwe woning }\n", StringComparison.Ordinal);
        content.Should().Contain("monthly: huishouden.huur_nieuw").And.Contain("huishouden.huur_nieuw: {");
        var result = new DoorbraakEngine(InterventionPack.Load(content)).Evaluate(InterventionPack.Household(400), Peildatum);
        result.MissingFacts.Should().ContainSingle(m => m.Path == "huishouden.huur_nieuw")
            .Which.NeededFor.Should().Contain("int.huur-betalen");
        result.Proposals.Single(p => p.Id == "int.huur-betalen").Cost.Difference.Should().BeNull();
    }

    [Fact]
    public void A_mandate_ladder_moves_a_larger_amount_up_instead_of_dropping_the_proposal()
    {
        Evaluate(400).Proposals.Single(p => p.Id == "int.huur-betalen").Mandate.Should().Be("teamleider");
        var large = Evaluate(2500).Proposals.Single(p => p.Id == "int.huur-betalen");
        large.Mandate.Should().Be("manager");
        large.MandateAmount.Should().Be(2500m);
        large.Steps.Single().Mandate.Should().Be("manager");
    }

    [Fact]
    public void An_external_decider_turns_the_proposal_into_a_request_with_what_to_deliver()
    {
        var result = Evaluate(0, vermogen: -1200);
        var p = result.Proposals.Should().ContainSingle().Subject;
        p.Id.Should().Be("int.toeslagen-regeling");
        p.Request.Should().NotBeNull();
        p.Request!.Authority.Should().Be("dienst-toeslagen");
        p.Request.Text.Should().Be("Vraag Dienst Toeslagen om: Persoonlijke betalingsregeling vragen; grondslag: Awir art. 26; aanleveren: inkomensgegevens en overzicht van de schulden");
        p.Checklist[0].Should().Be(p.Request.Text);
        p.Steps.Single().Decider.Should().Be("dienst-toeslagen");
    }

    [Fact]
    public void An_open_mandate_says_it_is_not_set_and_that_the_college_decides()
    {
        var result = Evaluate(9500);
        var p = result.Proposals.Single(x => x.Id == "int.time-out");
        p.Mandate.Should().Be(Mandates.Open);
        p.MandateNote.Should().StartWith("Mandaat niet vastgelegd");
        p.Limits.Until.Should().Be("huishouden.heeft_woonruimte");
        p.Limits.Text.Should().Contain("tot huishouden.heeft_woonruimte").And.Contain("6 maanden");
        p.EndDate.Should().Be(new DateOnly(2026, 8, 31));
        p.MandateFallback.Should().Be("college");
        result.Completeness.Gaps.Should().NotContain(g => g.Subject == "int.time-out");
    }

    [Fact]
    public void A_local_mandaatbesluit_sets_the_mandate_of_an_earlier_packs_intervention()
    {
        var local = TestPacksFor.Local("""
            mandates:
              basis: { law: "Mandaatbesluit test 2026", article: "3", url: "https://example.org/mandaat" }
              set:
                int.time-out: teamleider
            """);
        var set = PackSet.Load([InterventionPack.Source(), local]);
        var result = new DoorbraakEngine(set).Evaluate(InterventionPack.Household(9500), Peildatum);
        var p = result.Proposals.Single(x => x.Id == "int.time-out");
        p.Mandate.Should().Be("teamleider");
        p.MandateNote.Should().BeNull();
        p.Steps.Single().MandateBasis.Should().Be("Mandaatbesluit test 2026 art. 3");
        p.MandateFallback.Should().BeNull();
    }

    [Fact]
    public void A_motivation_without_names_reads_the_role_instead_of_an_id()
    {
        var pay = Evaluate(400).Proposals.Single(p => p.Id == "int.huur-betalen");
        pay.Motivation.Should().Be("Voor de aanvrager betaalt het college de huurachterstand; besluit door teamleider.");
    }

    [Fact]
    public void An_intervention_appears_in_the_result_json_with_its_step_kind()
    {
        var json = ResultJson.Serialize(Evaluate(400));
        json.Should().Contain("\"kind\": \"intervention\"").And.Contain("\"action\": \"betaling\"").And.Contain("\"kind\": \"deviation\"");
    }

    [Fact]
    public void The_inspection_view_shows_the_declared_roles_as_the_mandate_ladder()
    {
        var view = InterventionPack.Load().Inspect();
        view.Mandates.Levels.Should().Equal("consulent", "regisseur", "teamleider", "manager", "college");
        view.Mandates.IsAtLeast("college", "manager").Should().BeTrue();
        view.Deviations.Select(d => d.Id).Should().Equal("afw.ontruiming-een-maand-uitstellen");
    }

    [Fact]
    public void A_deviation_with_an_external_decider_is_a_request_too()
    {
        var content = InterventionPack.Content.Replace(
            "    mandate: teamleider\n    limits: { duration: P1M }",
            "    mandate: regisseur\n    decider: dienst-toeslagen\n    deliver: [vonnis]\n    limits: { duration: P1M }");
        content.Should().Contain("deliver: [vonnis]");
        var result = new DoorbraakEngine(InterventionPack.Load(content)).Evaluate(InterventionPack.Household(400), Peildatum);
        var p = result.Proposals.Single(x => x.Id == "afw.ontruiming-een-maand-uitstellen");
        p.Request!.Authority.Should().Be("dienst-toeslagen");
        p.Steps.Single().Should().Match<ProposalStep>(s => s.Kind == ProposalStepKind.Deviation && s.Decider == "dienst-toeslagen");
        result.Proposals.Single(x => x.Id == "int.huur-betalen").Request.Should().BeNull();
    }

    /// <summary>
    /// Four interventions for the eviction: a request that changes nothing a rule reads, a payment that resolves it, and two
    /// requests that resolve it only together (one allowed, one with an open condition).
    /// </summary>
    private const string ConditionsContent = """
        facts:
          huishouden.huurachterstand_opgelost: { type: boolean, description: De huurachterstand is betaald, default: false }
          huishouden.ontruiming_dreigt: { type: boolean, description: Ontruiming dreigt, default: false }
          huishouden.verzoek_gedaan: { type: boolean, description: Een verzoek dat geen regel leest, default: false }
          huishouden.budget_gevraagd: { type: boolean, description: Budget gevraagd, default: false }
          huishouden.fonds_gevraagd: { type: boolean, description: Fonds gevraagd, default: false }
          huishouden.akkoord_verzoek: { type: boolean, description: Akkoord met het verzoek }
          huishouden.akkoord_betalen: { type: boolean, description: Akkoord met de betaling }
          huishouden.akkoord_budget: { type: boolean, description: Akkoord met het budget }
        rules:
          - id: huur.ontruiming
            title: Ontruiming bij huurachterstand
            law: { law: Burgerlijk Wetboek Boek 7, article: "7:231" }
            domain: wonen
            applies: huishouden.huurachterstand > 0 and not huishouden.huurachterstand_opgelost and not (huishouden.budget_gevraagd and huishouden.fonds_gevraagd)
            determines: { huishouden.ontruiming_dreigt: true }
        goals:
          - id: doel.dak
            title: Dak boven het hoofd
            domain: wonen
            holds: not huishouden.ontruiming_dreigt
        interventions:
          - id: int.verzoek
            title: Verzoek zonder gevolg voor een regel
            action: overig
            basis: { law: Testwet, article: "1", kind: taak }
            allowed: huishouden.akkoord_verzoek
            change: { set: { huishouden.verzoek_gedaan: true } }
            resolves: [doel.dak]
            mandate: regisseur
          - id: int.betalen
            title: Huurachterstand betalen
            action: betaling
            basis: { law: Testwet, article: "2", kind: budget }
            allowed: huishouden.akkoord_betalen
            change: { set: { huishouden.huurachterstand_opgelost: true } }
            resolves: [doel.dak]
            mandate: regisseur
          - id: int.budget
            title: Budget vragen
            action: overig
            basis: { law: Testwet, article: "3", kind: taak }
            allowed: huishouden.akkoord_budget
            change: { set: { huishouden.budget_gevraagd: true } }
            resolves: [doel.dak]
            mandate: regisseur
          - id: int.fonds
            title: Fonds vragen
            action: overig
            basis: { law: Testwet, article: "4", kind: taak }
            change: { set: { huishouden.fonds_gevraagd: true } }
            resolves: [doel.dak]
            mandate: regisseur
        """;

    [Fact]
    public void An_open_condition_is_asked_only_when_the_intervention_could_then_resolve_something_alone_or_combined()
    {
        var engine = new DoorbraakEngine(InterventionPack.Load(ConditionsContent));
        var result = engine.Evaluate(InterventionPack.Household(400), Peildatum);
        result.Collisions.Select(c => c.Id).Should().Equal("botsing.doel.dak");
        var asked = result.MissingFacts.Select(m => m.Path).ToList();
        asked.Should().Contain("huishouden.akkoord_betalen", "the payment resolves the collision once its condition holds");
        asked.Should().Contain("huishouden.akkoord_budget", "the budget request resolves it together with the allowed fund request");
        asked.Should().NotContain("huishouden.akkoord_verzoek", "the request changes nothing a rule or goal reads, alone or combined: asking is noise");

        // The answers confirm it: the request's condition changes nothing, the budget's gives a combined proposal.
        string Proposals(string fact)
        {
            var h = InterventionPack.Household(400);
            h.Facts.Set(fact, FactValue.True);
            return string.Join(",", engine.Evaluate(h, Peildatum).Proposals.Select(p => p.Id));
        }
        var none = string.Join(",", result.Proposals.Select(p => p.Id));
        Proposals("akkoord_verzoek").Should().Be(none);
        Proposals("akkoord_budget").Should().Contain("int.budget+int.fonds");
        Proposals("akkoord_betalen").Should().Contain("int.betalen");
    }

    [Fact]
    public void What_if_applies_an_intervention_by_id()
    {
        var engine = new DoorbraakEngine(InterventionPack.Load());
        var w = engine.WhatIf(InterventionPack.Household(400), Peildatum, ["int.huur-betalen"]);
        w.Resolves.Should().Equal("botsing.doel.dak");
        w.Cost.ProposalRoute.Should().Be(400m);
    }
}

/// <summary>A local pack on top of the intervention pack.</summary>
internal static class TestPacksFor
{
    public static PolicyPackSource Local(string content, string folder = "lokaal", string id = "test.lokaal", string level = "municipal") => PolicyPackSource.FromFiles(folder, new Dictionary<string, string>
    {
        ["pack.yaml"] = $$"""
            id: {{id}}
            version: 1.0.0
            title: Lokaal
            jurisdiction: GM0000
            level: {{level}}
            valid: { from: 2000-01-01 }
            requires: [{ pack: test.interventies }]
            """,
        ["mandaat.yaml"] = content,
    });
}
