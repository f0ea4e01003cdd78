using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Tests.PackScenarios;

namespace Doorbraak.Rules.Tests.Evaluation;

/// <summary>Issue 14, parts 6-8: conditional collisions, why a deviation is not proposed, and illustrative figures.</summary>
public class CausesTests
{
    private static readonly DateOnly Peildatum = new(2026, 3, 1);

    private const string Facts = """
        facts:
          huishouden.korting: { type: money, description: Korting, default: 0 }
          huishouden.verrekening: { type: money, description: Te verrekenen bedrag per maand, question: Welk bedrag wordt per maand verrekend? }
          huishouden.toestemming: { type: boolean, description: Toestemming van de schuldeiser, question: Geeft de schuldeiser toestemming? }
        """;

    private static string Pack(string goal, string deviations = "") => Facts + $$"""

        rules:
          - id: regel.korting
            title: Korting
            law: { law: Wet A, article: "1", url: "https://example.org/a" }
            domain: inkomen
            applies: aanvrager.inkomen > 1000
            determines: { huishouden.korting: 600 }
        goals:
          - id: doel.rond
            title: Rondkomen
            domain: inkomen
            holds: {{goal}}
        """ + deviations;

    private static DoorbraakEngine Engine(string rules) => new(PackSet.Load([PolicyPackSource.FromFiles("c", new Dictionary<string, string>
    {
        ["pack.yaml"] = MiniPack.Manifest,
        ["rules.yaml"] = rules,
    })]));

    private static Household Household(decimal? verrekening)
    {
        var h = new Household();
        h.Members.Add(new HouseholdMember("a") { Role = "aanvrager", BirthDate = new DateOnly(1980, 5, 1), Income = 1500m });
        h.Goals.Add("doel.rond");
        if (verrekening is { } v) h.Facts.Set("verrekening", FactValue.Money(v));
        return h;
    }

    [Fact]
    public void A_collision_that_hinges_on_an_unknown_set_off_amount_is_conditional_and_asks_for_it()
    {
        // Without the rule the goal holds only if the set-off is at most 400: unknown, so the collision is not certain.
        var engine = Engine(Pack("aanvrager.inkomen - huishouden.korting >= 1000 and huishouden.verrekening <= 400"));
        var result = engine.Evaluate(Household(null), Peildatum);
        var c = result.Collisions.Should().ContainSingle().Subject;
        c.Conditional.Should().BeTrue();
        c.HingesOn.Should().Equal("huishouden.verrekening");
        c.Rules.Should().Equal("regel.korting");
        c.Explanation.Should().Contain("Voorwaardelijk").And.Contain("huishouden.verrekening");
        result.MissingFacts.Should().Contain(m => m.Path == "huishouden.verrekening" && m.NeededFor.Contains(c.Id));
        ResultJson.Serialize(result).Should().Contain("\"conditional\": true").And.Contain("\"hingesOn\": [");

        // Known and small enough: the same collision is certain.
        var known = engine.Evaluate(Household(100m), Peildatum).Collisions.Should().ContainSingle().Subject;
        known.Conditional.Should().BeFalse();
        known.HingesOn.Should().BeEmpty();
        // Known and too large: setting the rule aside does not let the goal hold, so the rule is not blamed.
        engine.Evaluate(Household(700m), Peildatum).Collisions.Should().BeEmpty();
    }

    [Fact]
    public void A_collision_whose_counterfactual_leaves_a_rule_undecided_is_conditional_not_dropped()
    {
        // Without the korting, regel.blokkade would decide on the unknown toestemming: the goal "holds" there only because
        // that rule is undecided, which proves nothing; the collision is conditional on huishouden.toestemming.
        var rules = Pack("aanvrager.inkomen - huishouden.korting >= 1000 and not huishouden.geblokkeerd").Replace("goals:", """
              - id: regel.blokkade
                title: Blokkade
                law: { law: Wet B, article: "1", url: "https://example.org/b" }
                domain: inkomen
                applies: huishouden.korting = 0 and huishouden.toestemming = false
                determines: { huishouden.geblokkeerd: true }
            goals:
            """).Replace("  huishouden.toestemming:", "  huishouden.geblokkeerd: { type: boolean, description: Geblokkeerd, default: false }\n  huishouden.toestemming:");
        var result = Engine(rules).Evaluate(Household(0m), Peildatum);
        var c = result.Collisions.Should().ContainSingle().Subject;
        c.Conditional.Should().BeTrue();
        c.Rules.Should().Equal("regel.korting");
        c.HingesOn.Should().Equal("huishouden.toestemming");
        result.MissingFacts.Should().Contain(m => m.Path == "huishouden.toestemming" && m.NeededFor.Contains(c.Id));
    }

    [Fact]
    public void A_deviation_whose_effect_hinges_on_an_unknown_value_is_not_proposed_and_says_so()
    {
        var engine = Engine(Pack("aanvrager.inkomen - huishouden.korting >= 1000 and huishouden.verrekening <= 400", Deviations));
        var result = engine.Evaluate(Household(null), Peildatum);
        result.Proposals.Should().BeEmpty();
        var np = result.NotProposed.Single(n => n.Deviation == "afw.schrappen");
        np.Reason.Should().Be(NotProposedReason.HingesOnUnknown);
        np.Message.Should().Contain("hangt af van onbekende waarden (huishouden.verrekening)");
        engine.WhatIf(Household(null), Peildatum, ["afw.schrappen"]).Resolves.Should().BeEmpty();
    }

    [Fact]
    public void A_goal_unknown_on_the_projection_gives_a_conditional_collision_when_setting_a_rule_aside_provably_helps()
    {
        var engine = Engine(Pack("aanvrager.inkomen - huishouden.korting >= 1000 or huishouden.verrekening = 0"));
        var result = engine.Evaluate(Household(null), Peildatum);
        result.Goals.Single(g => g.Goal == "doel.rond").HoldsProjected.Should().BeNull();
        var c = result.Collisions.Should().ContainSingle().Subject;
        c.Conditional.Should().BeTrue();
        c.HingesOn.Should().Equal("huishouden.verrekening");
        result.MissingFacts.Should().Contain(m => m.Path == "huishouden.verrekening" && m.NeededFor.Contains(c.Id));
    }

    private const string Deviations = """

        deviations:
          - id: afw.schrappen
            title: Korting schrappen
            deviates: regel.korting
            change: { suspend: true }
            basis: { law: Wet A, article: "2", kind: hardheidsclausule }
            limits: { amount: 500, amount_per: month }
            mandate: teamleider
          - id: afw.rijk
            title: Alleen bij hoog inkomen
            deviates: regel.korting
            change: { suspend: true }
            basis: { law: Wet A, article: "3", kind: hardheidsclausule }
            allowed: aanvrager.inkomen > 2000 and aanvrager.leeftijd >= 18
            mandate: teamleider
          - id: afw.toestemming
            title: Met toestemming
            deviates: regel.korting
            change: { suspend: true }
            basis: { law: Wet A, article: "4", kind: hardheidsclausule }
            allowed: huishouden.toestemming
            mandate: teamleider
        """;

    [Fact]
    public void A_deviation_that_exists_for_a_collision_but_is_not_proposed_says_why()
    {
        var engine = Engine(Pack("aanvrager.inkomen - huishouden.korting >= 1000 and huishouden.verrekening <= 400", Deviations));
        var result = engine.Evaluate(Household(0m), Peildatum);
        var collision = result.Collisions.Should().ContainSingle().Subject.Id;
        result.Proposals.Should().BeEmpty();
        result.NotProposed.Select(n => n.Deviation).Should().BeEquivalentTo("afw.schrappen", "afw.rijk", "afw.toestemming");
        result.NotProposed.Should().OnlyContain(n => n.Collisions.SequenceEqual(new[] { collision }));

        var limit = result.NotProposed.Single(n => n.Deviation == "afw.schrappen");
        limit.Reason.Should().Be(NotProposedReason.OverAmountLimit);
        limit.Message.Should().Be($"niet voorgesteld: {Texts(600m)} per maand gaat boven de grens van {Texts(500m)} per maand");

        var condition = result.NotProposed.Single(n => n.Deviation == "afw.rijk");
        condition.Reason.Should().Be(NotProposedReason.NotAllowed);
        condition.Message.Should().Be("niet toegestaan: voorwaarde aanvrager.inkomen > 2000 is onwaar");

        var unknown = result.NotProposed.Single(n => n.Deviation == "afw.toestemming");
        unknown.Reason.Should().Be(NotProposedReason.ConditionUnknown);
        unknown.Message.Should().Contain("huishouden.toestemming");
        result.MissingFacts.Should().Contain(m => m.Path == "huishouden.toestemming");

        var json = ResultJson.Serialize(result);
        json.Should().Contain("\"notProposed\": [").And.Contain("\"reason\": \"over-amount-limit\"").And.Contain("\"reason\": \"not-allowed\"").And.Contain("\"reason\": \"condition-unknown\"");

        var english = engine.Evaluate(Household(0m), Peildatum, new EvaluationOptions { Language = ReportLanguage.English });
        english.NotProposed.Single(n => n.Deviation == "afw.rijk").Message.Should().Be("not allowed: condition aanvrager.inkomen > 2000 is false");

        // Within the limit it is proposed and no longer listed.
        var wider = Engine(Pack("aanvrager.inkomen - huishouden.korting >= 1000 and huishouden.verrekening <= 400", Deviations.Replace("amount: 500", "amount: 700")));
        var r2 = wider.Evaluate(Household(0m), Peildatum);
        r2.Proposals.Should().ContainSingle(p => p.Id == "afw.schrappen");
        r2.NotProposed.Should().NotContain(n => n.Deviation == "afw.schrappen");
    }

    private static string Texts(decimal amount) => Doorbraak.Rules.Wording.Texts.Money(amount, ReportLanguage.Dutch);

    [Fact]
    public void A_figure_resting_on_an_illustrative_parameter_is_marked_in_the_json()
    {
        var result = new DoorbraakEngine(MiniPack.Load()).Evaluate(MiniPack.S1(), Peildatum);
        var p = result.Proposals.Single();
        p.IllustrativeParameters.Should().Equal("kosten.opvang_per_maand");
        p.Cost.Items.Single(i => i.Cost == "kosten.opvang").Illustrative.Should().BeTrue();
        p.Cost.Items.Single(i => i.Cost == "kosten.bijstand").Illustrative.Should().BeFalse();
        p.Motivation.Should().Contain("illustratieve waarden (kosten.opvang_per_maand)");
        var json = ResultJson.Serialize(result);
        json.Should().Contain("\"illustrativeParameters\": [\n        \"kosten.opvang_per_maand\"").And.Contain("\"illustrative\": true");
        ResultJson.Deserialize(json).Proposals.Single().Cost.Items.Single(i => i.Cost == "kosten.opvang").Illustrative.Should().BeTrue();
    }

    public static TheoryData<string> ShippedPackCases()
    {
        var data = new TheoryData<string>();
        foreach (var c in ShippedCases()) data.Add(c.Name);
        return data;
    }

    private static readonly Lazy<List<(string Name, DoorbraakEngine Engine, Household Household, DateOnly Date)>> Cases = new(LoadCases);

    private static List<(string Name, DoorbraakEngine Engine, Household Household, DateOnly Date)> ShippedCases() => Cases.Value;

    /// <summary>Each shipped pack with the national pack (which the local packs require), and its own test households.</summary>
    private static List<(string Name, DoorbraakEngine Engine, Household Household, DateOnly Date)> LoadCases()
    {
        var root = Path.Combine(ShippedPackTests.FindRepoRoot(), "policypacks");
        var national = Path.Combine(root, "nl-sociaal-domein");
        var list = new List<(string, DoorbraakEngine, Household, DateOnly)>();
        foreach (var folder in Directory.GetDirectories(root).Where(d => File.Exists(Path.Combine(d, "pack.yaml"))).Order(StringComparer.Ordinal))
        {
            var id = File.ReadLines(Path.Combine(folder, "pack.yaml")).First(l => l.StartsWith("id:", StringComparison.Ordinal))[3..].Trim();
            var dirs = folder == national ? new[] { folder } : [folder, national];
            var set = PackSet.Load(dirs.Select(PolicyPackSource.FromDirectory));
            var engine = new DoorbraakEngine(set);
            foreach (var pack in set.RuleSet.Packs.Packs.Where(p => p.Manifest.Id == id))
                foreach (var test in pack.Tests)
                {
                    var household = HouseholdReader.Read(test.Household, set.RuleSet.Schema, new Doorbraak.Rules.Source.DiagnosticBag());
                    if (household is not null) list.Add(($"{id}: {test.Name}", engine, household, test.Date));
                }
        }
        return list;
    }

    [Theory]
    [MemberData(nameof(ShippedPackCases))]
    public void What_if_with_a_proposals_deviations_resolves_the_same_collisions(string name)
    {
        var (_, engine, household, date) = ShippedCases().Single(c => c.Name == name);
        var result = engine.Evaluate(household, date);
        foreach (var p in result.Proposals)
        {
            var whatIf = engine.WhatIf(household, date, p.Deviations);
            whatIf.Resolves.Should().BeEquivalentTo(p.Resolves, $"{name}: {p.Id}");
            whatIf.Leaves.Should().BeEquivalentTo(p.Leaves, $"{name}: {p.Id}");
            whatIf.Creates.Should().BeEquivalentTo(p.Creates, $"{name}: {p.Id}");
        }
        foreach (var n in result.NotProposed.Where(n => n.Reason == NotProposedReason.ResolvesNothing))
            engine.WhatIf(household, date, [n.Deviation]).Resolves.Should().BeEmpty($"{name}: {n.Deviation}");
    }
}
