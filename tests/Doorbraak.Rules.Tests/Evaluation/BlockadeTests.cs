namespace Doorbraak.Rules.Tests.Evaluation;

/// <summary>Mutual blockades: rules that wait on each other's outcome (<c>waits_for</c>) load, and an evaluation reports the loop.</summary>
public class BlockadeTests
{
    private static readonly DateOnly Peildatum = new(2026, 3, 1);

    private const string Facts = """
        facts:
          huishouden.heeft_schulden:
            type: boolean
            description: Het huishouden heeft problematische schulden
          huishouden.inkomen_stabiel:
            type: boolean
            description: Het inkomen is stabiel (een vaste woning en een inkomen dat doorloopt)
          huishouden.schuldregeling_gestart:
            type: boolean
            description: Een schuldregeling is gestart
        goals:
          - id: doel.schulden-onder-controle
            title: Schulden onder controle
            domain: schulden
            holds: huishouden.schuldregeling_gestart
          - id: doel.stabiel-inkomen
            title: Stabiel inkomen
            domain: inkomen
            holds: huishouden.inkomen_stabiel
        """;

    private const string Rules = """
        rules:
          - id: wgs.wacht-op-stabiel-inkomen
            title: Schuldregeling pas bij stabiel inkomen
            law: { law: Werkinstructie schuldhulp, title: Werkinstructie }
            domain: schulden
            applies: huishouden.heeft_schulden
            waits_for: { fact: huishouden.inkomen_stabiel, provider: woningcorporatie }
            determines: { huishouden.schuldregeling_gestart: true }
            holds_back: [doel.schulden-onder-controle]
          - id: woning.wacht-op-schuldregeling
            title: Woning pas met schuldregeling
            law: { law: Toewijzingsbeleid, title: Toewijzingsbeleid woningcorporatie }
            domain: wonen
            applies: huishouden.heeft_schulden
            waits_for: { fact: huishouden.schuldregeling_gestart, provider: schuldhulpverlening }
            determines: { huishouden.inkomen_stabiel: true }
            holds_back: [doel.stabiel-inkomen]
        """;

    private const string Deviations = """
        deviations:
          - id: afw.parallel-starten
            title: Schuldregeling en woning tegelijk starten
            deviates: wgs.wacht-op-stabiel-inkomen
            change: { set: { huishouden.schuldregeling_gestart: true } }
            basis: { law: Werkinstructie schuldhulp, title: Werkinstructie, kind: beleidsregel }
            mandate: teamleider
          - id: afw.woning-zonder-regeling
            title: Woning toewijzen zonder schuldregeling
            deviates: woning.wacht-op-schuldregeling
            change: { set: { huishouden.inkomen_stabiel: true } }
            breaks: [woning.wacht-op-schuldregeling]
            basis: { law: Toewijzingsbeleid, title: Toewijzingsbeleid, kind: beleidsregel }
            mandate: manager
          - id: afw.woningregel-opschorten
            title: Woningregel opschorten
            deviates: woning.wacht-op-schuldregeling
            change: { suspend: true }
            basis: { law: Toewijzingsbeleid, title: Toewijzingsbeleid, kind: beleidsregel }
            mandate: manager
        """;

    private static PackSet Load(string deviations = Deviations)
    {
        var (set, diagnostics) = PackSet.TryLoad([PolicyPackSource.FromFiles("b", new Dictionary<string, string>
        {
            ["pack.yaml"] = MiniPack.Manifest,
            ["facts.yaml"] = Facts,
            ["rules.yaml"] = Rules,
            ["deviations.yaml"] = deviations,
        })]);
        set.Should().NotBeNull(string.Join("\n", diagnostics));
        return set!;
    }

    private static EvaluationResult Evaluate(PackSet set, string household)
    {
        var engine = new DoorbraakEngine(set);
        return engine.Evaluate(engine.ReadHousehold(household, "h.yaml"), Peildatum);
    }

    private const string InLoop = "heeft_schulden: true\nleden:\n  - { id: a, rol: aanvrager, geboren: 1980-01-01 }\n";

    [Fact]
    public void A_cycle_of_waits_for_loads()
    {
        Load().Should().NotBeNull();
    }

    [Fact]
    public void Each_side_waiting_on_the_other_is_a_blokkade_collision_naming_both_waits_the_goals_and_the_breakers()
    {
        var result = Evaluate(Load(), InLoop);
        var b = result.Collisions.Should().ContainSingle(c => c.Kind == CollisionKind.Blokkade).Which;
        b.Id.Should().Be("blokkade.wgs.wacht-op-stabiel-inkomen.woning.wacht-op-schuldregeling");
        b.Rules.Should().Equal("wgs.wacht-op-stabiel-inkomen", "woning.wacht-op-schuldregeling");
        b.Waits.Should().BeEquivalentTo(new[]
        {
            new BlockadeWait("wgs.wacht-op-stabiel-inkomen", "huishouden.inkomen_stabiel", "woningcorporatie", "huishouden.heeft_schulden"),
            new BlockadeWait("woning.wacht-op-schuldregeling", "huishouden.schuldregeling_gestart", "schuldhulpverlening", "huishouden.heeft_schulden"),
        });
        b.HeldBack.Should().Equal("doel.schulden-onder-controle", "doel.stabiel-inkomen");
        b.BrokenBy.Should().Equal("afw.parallel-starten", "afw.woning-zonder-regeling");
        b.Explanation.Should().Contain("woningcorporatie").And.Contain("schuldhulpverlening").And.Contain("Schulden onder controle");
        System.Text.Json.JsonSerializer.Serialize(b.Kind).Should().Be("\"blokkade\"");
    }

    [Fact]
    public void In_the_loop_the_waited_for_facts_are_neither_true_nor_false_and_the_goals_are_unknown()
    {
        var result = Evaluate(Load(), InLoop);
        result.Determinations.Should().BeEmpty("neither rule gives its outcome while each waits for the other");
        result.Goals.Single(g => g.Goal == "doel.schulden-onder-controle").HoldsProjected.Should().BeNull();
        result.Goals.Single(g => g.Goal == "doel.stabiel-inkomen").HoldsProjected.Should().BeNull();
        // Asked all the same: if the household already has one of them (the income is stable), the loop is not there.
        result.MissingFacts.Select(m => m.Path).Should().Contain(["huishouden.inkomen_stabiel", "huishouden.schuldregeling_gestart"]);
    }

    [Fact]
    public void Facts_supplied_false_by_the_household_are_pending_in_the_loop_not_false()
    {
        var result = Evaluate(Load(), InLoop.Replace("heeft_schulden: true", "heeft_schulden: true\ninkomen_stabiel: false\nschuldregeling_gestart: false"));
        result.Collisions.Should().ContainSingle(c => c.Kind == CollisionKind.Blokkade);
        result.Goals.Single(g => g.Goal == "doel.schulden-onder-controle").HoldsProjected.Should().BeNull();
    }

    [Fact]
    public void A_waited_for_fact_that_already_holds_lets_both_give_their_outcome_to_a_fixpoint()
    {
        // The income is stable: the debt arrangement starts, and the housing rule, waiting for that, follows.
        var result = Evaluate(Load(), InLoop.Replace("heeft_schulden: true", "heeft_schulden: true\ninkomen_stabiel: true"));
        result.Collisions.Should().NotContain(c => c.Kind == CollisionKind.Blokkade);
        result.Determinations.Select(d => d.Rule).Should().BeEquivalentTo("wgs.wacht-op-stabiel-inkomen", "woning.wacht-op-schuldregeling");
        result.Goals.Should().OnlyContain(g => g.HoldsProjected == true);
    }

    [Fact]
    public void The_fact_the_second_rule_waits_for_counts_even_when_that_rule_comes_first_in_the_order()
    {
        // The arrangement has started (the household says so); the housing rule runs first in the order and still follows.
        var result = Evaluate(Load(), InLoop.Replace("heeft_schulden: true", "heeft_schulden: true\nschuldregeling_gestart: true"));
        result.Collisions.Should().NotContain(c => c.Kind == CollisionKind.Blokkade);
        result.Goals.Should().OnlyContain(g => g.HoldsProjected == true);
    }

    [Fact]
    public void Without_the_condition_of_the_rules_there_is_no_loop()
    {
        var result = Evaluate(Load(), InLoop.Replace("heeft_schulden: true", "heeft_schulden: false"));
        result.Collisions.Should().NotContain(c => c.Kind == CollisionKind.Blokkade);
    }

    [Fact]
    public void A_deviation_that_sets_a_waited_for_fact_breaks_the_loop_and_is_proposed()
    {
        var result = Evaluate(Load(), InLoop);
        var b = result.Collisions.Single(c => c.Kind == CollisionKind.Blokkade);
        var parallel = result.Proposals.Should().Contain(p => p.Deviations.SequenceEqual(new[] { "afw.parallel-starten" })).Which;
        parallel.Resolves.Should().Contain(b.Id);
        result.Proposals.Should().Contain(p => p.Deviations.SequenceEqual(new[] { "afw.woning-zonder-regeling" }) && p.Resolves.Contains(b.Id));
        // Suspending one side ends the loop but leaves the other side waiting: that breaks nothing.
        b.BrokenBy.Should().NotContain("afw.woningregel-opschorten");
        result.Proposals.Should().NotContain(p => p.Deviations.Contains("afw.woningregel-opschorten") && p.Resolves.Contains(b.Id));
    }

    [Fact]
    public void Without_a_breaking_deviation_the_collision_says_to_escalate()
    {
        var result = Evaluate(Load("deviations: []\n"), InLoop);
        var b = result.Collisions.Single(c => c.Kind == CollisionKind.Blokkade);
        b.BrokenBy.Should().BeEmpty();
        b.Explanation.Should().Contain("escal");
    }

    [Fact]
    public void A_cycle_that_is_not_only_waits_for_is_still_refused_with_its_place()
    {
        var rules = Rules.Replace("applies: huishouden.heeft_schulden\n    waits_for: { fact: huishouden.schuldregeling_gestart, provider: schuldhulpverlening }",
            "applies: huishouden.heeft_schulden and huishouden.schuldregeling_gestart");
        rules.Should().NotBe(Rules);
        var (set, diagnostics) = PackSet.TryLoad([PolicyPackSource.FromFiles("b", new Dictionary<string, string>
        {
            ["pack.yaml"] = MiniPack.Manifest,
            ["facts.yaml"] = Facts,
            ["rules.yaml"] = rules,
        })]);
        set.Should().BeNull();
        var d = diagnostics.Should().ContainSingle(x => x.Code == "DBR1040").Which;
        d.ToString().Should().StartWith("b/rules.yaml:2:5: error DBR1040")
            .And.Contain("wgs.wacht-op-stabiel-inkomen").And.Contain("woning.wacht-op-schuldregeling").And.Contain("waits_for");
    }

    [Fact]
    public void A_waits_for_that_names_no_yes_no_fact_is_refused_with_its_place()
    {
        var (set, diagnostics) = PackSet.TryLoad([PolicyPackSource.FromFiles("b", new Dictionary<string, string>
        {
            ["pack.yaml"] = MiniPack.Manifest,
            ["facts.yaml"] = Facts,
            ["rules.yaml"] = Rules.Replace("waits_for: { fact: huishouden.inkomen_stabiel,", "waits_for: { fact: huishouden.inkomen_stabiel and huishouden.heeft_schulden,"),
        })]);
        set.Should().BeNull();
        diagnostics.Should().ContainSingle(x => x.Code == "DBR1205").Which.Location.Should().Be(new SourceLocation("b/rules.yaml", 7, 16));
    }
}
