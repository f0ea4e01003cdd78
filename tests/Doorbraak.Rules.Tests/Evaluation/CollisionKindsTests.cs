using Doorbraak.Rules.Packs;

namespace Doorbraak.Rules.Tests.Evaluation;

public class CollisionKindsTests
{
    private static readonly DateOnly Peildatum = new(2026, 3, 1);

    private const string Base = """
        facts:
          huishouden.korting_a: { type: money, description: Korting A, default: 0 }
          huishouden.korting_b: { type: money, description: Korting B, default: 0 }
          huishouden.status: { type: text, description: Status }
          lid.oud_genoeg: { type: boolean, description: Oud genoeg }
        """;

    private static PackSet Load(string rules) => PackSet.Load([PolicyPackSource.FromFiles("k", new Dictionary<string, string>
    {
        ["pack.yaml"] = MiniPack.Manifest,
        ["facts.yaml"] = Base,
        ["rules.yaml"] = rules,
    })]);

    private static Household Household(decimal income = 1500m)
    {
        var h = new Household { Rent = 700m };
        h.Members.Add(new HouseholdMember("a") { Role = "aanvrager", BirthDate = new DateOnly(1980, 5, 1), Income = income });
        return h;
    }

    private const string TwoRules = TwoRulePack.RulesAndGoal;

    [Fact]
    public void Two_rules_that_only_together_make_a_goal_fail_are_attributed_as_one_set()
    {
        var engine = new DoorbraakEngine(Load(TwoRules));
        var result = engine.Evaluate(Household(), Peildatum);
        var c = result.Collisions.Should().ContainSingle().Subject;
        c.Kind.Should().Be(CollisionKind.Derived);
        c.Id.Should().Be("botsing.doel.rond");
        c.Alternatives.Should().ContainSingle().Which.Should().Equal("regel.a", "regel.b");
        c.Explanation.Should().Contain("Regel A").And.Contain("Regel B");
        engine.RulesBlockingGoal(Household(), Peildatum, "doel.rond").Should().ContainSingle().Which.Should().Equal("regel.a", "regel.b");
    }

    [Fact]
    public void A_goal_that_fails_today_already_is_not_active_and_gives_no_collision()
    {
        var engine = new DoorbraakEngine(Load(TwoRules));
        var result = engine.Evaluate(Household(income: 900m), Peildatum);
        result.Goals.Single().Active.Should().BeFalse();
        result.Collisions.Should().BeEmpty();
    }

    [Fact]
    public void A_goal_the_household_states_is_checked_even_when_it_fails_today()
    {
        var engine = new DoorbraakEngine(Load(TwoRules.Replace("aanvrager.inkomen > 1000", "aanvrager.inkomen > 100")));
        var h = Household(income: 1150m);
        h.Goals.Add("doel.rond");
        var result = engine.Evaluate(h, Peildatum);
        result.Goals.Single().ActiveBecause.Should().Be(GoalActivation.Stated);
        result.Collisions.Should().ContainSingle().Which.Goal.Should().Be("doel.rond");
    }

    [Fact]
    public void Two_applicable_rules_that_set_different_values_are_a_contradiction()
    {
        var engine = new DoorbraakEngine(Load("""
            rules:
              - id: regel.ja
                title: Regel ja
                law: { law: Wet A, article: "1", url: "https://example.org/a" }
                domain: wonen
                applies: aanvrager.leeftijd >= 18
                determines: { huishouden.status: "toegelaten" }
              - id: regel.nee
                title: Regel nee
                law: { law: Wet B, article: "2", url: "https://example.org/b" }
                domain: wonen
                applies: aanvrager.inkomen > 0
                determines: { huishouden.status: "geweigerd" }
            """));
        var result = engine.Evaluate(Household(), Peildatum);
        var c = result.Collisions.Should().ContainSingle().Subject;
        c.Kind.Should().Be(CollisionKind.Contradiction);
        c.Id.Should().Be("tegenstrijdig.regel.ja.regel.nee");
        c.Rules.Should().Equal("regel.ja", "regel.nee");
        c.Explanation.Should().Contain("toegelaten").And.Contain("geweigerd").And.Contain("spreken elkaar tegen");
    }

    [Fact]
    public void A_declared_collision_is_reported_when_its_rules_apply_and_its_goal_fails()
    {
        var rules = TwoRules + "\n" + """
            collisions:
              - id: botsing.bekend
                title: Bekende botsing
                rules: [regel.a]
                goal: doel.rond
                when: aanvrager.leeftijd >= 40
                severity: critical
                explain: Bekend uit de praktijk.
                explain_en: Known from practice.
            """;
        var engine = new DoorbraakEngine(Load(rules));
        var nl = engine.Evaluate(Household(), Peildatum);
        var c = nl.Collisions.Should().ContainSingle().Subject;
        c.Id.Should().Be("botsing.bekend");
        c.Kind.Should().Be(CollisionKind.Declared);
        c.Severity.Should().Be(CollisionSeverity.Critical);
        c.Explanation.Should().StartWith("Bekend uit de praktijk.");
        engine.Evaluate(Household(), Peildatum, new EvaluationOptions { Language = ReportLanguage.English })
            .Collisions.Single().Explanation.Should().StartWith("Known from practice.").And.Contain("fails in the lawful situation");
    }

    [Fact]
    public void A_rule_outside_its_validity_period_does_not_apply_and_parameters_follow_the_date()
    {
        var engine = new DoorbraakEngine(MiniPack.Load(MiniPack.Rules.Replace(
            "id: pw.kostendelersnorm\n    title: Kostendelersnorm", "id: pw.kostendelersnorm\n    title: Kostendelersnorm\n    valid: { from: 2026-01-01 }")));
        var in2025 = engine.Evaluate(MiniPack.S1(), new DateOnly(2025, 6, 1));
        in2025.Determinations.Select(d => d.Rule).Should().NotContain("pw.kostendelersnorm");
        in2025.Collisions.Should().BeEmpty();

        var plain = new DoorbraakEngine(MiniPack.Load());
        var r2025 = plain.Evaluate(MiniPack.S1(), new DateOnly(2025, 6, 1));
        r2025.Determinations.Single(d => d.Rule == "pw.kostendelersnorm").Value.Should().Be("975.00");
    }

    [Fact]
    public void Rules_that_depend_on_each_other_in_a_cycle_are_a_load_error_naming_them()
    {
        var (set, diagnostics) = PackSet.TryLoad([PolicyPackSource.FromFiles("k", new Dictionary<string, string>
        {
            ["pack.yaml"] = MiniPack.Manifest,
            ["facts.yaml"] = Base,
            ["rules.yaml"] = """
                rules:
                  - id: regel.x
                    title: X
                    law: { law: Wet, article: "1", url: "https://example.org" }
                    domain: inkomen
                    applies: huishouden.korting_b > 0
                    determines: { huishouden.korting_a: 1 }
                  - id: regel.y
                    title: Y
                    law: { law: Wet, article: "2", url: "https://example.org" }
                    domain: inkomen
                    applies: huishouden.korting_a > 0
                    determines: { huishouden.korting_b: 1 }
                """,
        })]);
        set.Should().BeNull();
        diagnostics.Should().ContainSingle(d => d.Code == "DBR1040").Which.ToString()
            .Should().StartWith("k/rules.yaml:2:5: error DBR1040").And.Contain("regel.x").And.Contain("regel.y");
    }

    [Fact]
    public void Traces_name_the_facts_used_and_redaction_hides_their_values()
    {
        var engine = new DoorbraakEngine(MiniPack.Load());
        var result = engine.Evaluate(MiniPack.S1(), Peildatum);
        var d = result.Determinations.Single(x => x.Rule == "gevolg.kind-vertrekt");
        d.Source.Should().Be(StatementSource.Practice);
        d.Explanation.Text.Should().StartWith("De ervaring leert");
        d.Explanation.Facts.Should().Contain(f => f.Path == "leden[zoon].leeftijd" && f.Value == "28");
        result.Determinations.Single(x => x.Rule == "pw.kostendelersnorm").Explanation.Text.Should().StartWith("De wet zegt (Participatiewet art. 22a)");

        var redacted = engine.Evaluate(MiniPack.S1(), Peildatum, new EvaluationOptions { Redact = true });
        redacted.Determinations.Should().OnlyContain(x => x.Value == "[afgeschermd]" && x.Previous == "[afgeschermd]");
        redacted.Determinations.SelectMany(x => x.Explanation.Facts).Should().OnlyContain(f => f.Value == "[afgeschermd]");
        redacted.Collisions.SelectMany(c => c.Trace.Facts).Should().OnlyContain(f => f.Value == "[afgeschermd]");
        var traces = ResultJson.Serialize(redacted with { Proposals = [] });
        traces.Should().NotContain("1001.07").And.NotContain("1401.5").And.Contain("[afgeschermd]");
        redacted.Proposals.Single().Motivation.Should().NotContain("Sem").And.Contain("[afgeschermd]");
    }

    [Fact]
    public void One_engine_evaluated_from_many_threads_gives_the_sequential_results()
    {
        var engine = new DoorbraakEngine(MiniPack.Load());
        var households = Enumerable.Range(0, 40).Select(i => MiniPack.S1(sonBirthYear: 1990 + i % 12, ownHousing: i % 5 == 0 ? null : false)).ToList();
        var sequential = households.Select(h => ResultJson.Serialize(engine.Evaluate(h, Peildatum))).ToList();
        var parallel = new string[households.Count * 5];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => parallel[i] = ResultJson.Serialize(engine.Evaluate(households[i % households.Count], Peildatum)));
        for (var i = 0; i < parallel.Length; i++) parallel[i].Should().Be(sequential[i % households.Count]);
        sequential.Distinct().Count().Should().BeGreaterThan(3, "the households differ, so the results must too");
    }

    [Fact]
    public void A_household_with_a_fact_no_pack_knows_is_refused_with_a_hint()
    {
        var engine = new DoorbraakEngine(MiniPack.Load());
        var h = MiniPack.S1();
        h.Members[1].Facts.Set("dreigt_daklos", FactValue.True);
        var act = () => engine.Evaluate(h, Peildatum);
        var problem = act.Should().Throw<HouseholdException>().Which.Diagnostics.Should().ContainSingle().Which;
        problem.ToString().Should().Contain("leden[zoon]").And.Contain("dreigt_daklos").And.Contain("did you mean 'dreigt_dakloos'");
        problem.Code.Should().Be("DBR3001");
        problem.Hint.Should().Be("did you mean 'dreigt_dakloos'?");
    }

    [Fact]
    public void A_household_read_from_yaml_reports_unknown_facts_at_their_line()
    {
        var engine = new DoorbraakEngine(MiniPack.Load());
        var act = () => engine.ReadHousehold("huur: 780\nleden:\n  - { id: moeder, rol: aanvrager, geboren: 1971-02-30 }\n  - { id: zoon, inkomne: 0 }\n", "h.yaml");
        var problems = act.Should().Throw<HouseholdException>().Which.Diagnostics.Select(d => d.ToString()).ToList();
        problems.Should().Contain(p => p.StartsWith("h.yaml:3:44: error DBR1013") && p.Contains("February 1971 has 28 days"));
        problems.Should().Contain(p => p.StartsWith("h.yaml:4:17: error DBR3001") && p.Contains("did you mean 'inkomen'"));
    }

    [Fact]
    public void A_household_read_from_json_evaluates_like_the_same_household_built_in_code()
    {
        var engine = new DoorbraakEngine(MiniPack.Load());
        var json = """
            { "huur": 780, "leden": [
              { "id": "moeder", "rol": "aanvrager", "geboren": "1971-01-10", "heeft_bijstand": true, "inkomen": 1401.50 },
              { "id": "zoon", "rol": "kind", "naam": "Sem", "geboren": "1997-09-14", "inkomen": 0, "eigen_woonruimte": false } ] }
            """;
        var fromJson = engine.Evaluate(engine.ReadHousehold(json, "h.json"), Peildatum);
        ResultJson.Serialize(fromJson).Should().Be(ResultJson.Serialize(engine.Evaluate(MiniPack.S1(), Peildatum)));
    }

    [Fact]
    public void A_rule_that_sets_a_role_is_seen_by_later_rules_reading_through_that_role()
    {
        var engine = new DoorbraakEngine(Load("""
            rules:
              - id: regel.eerst
                title: Eerst lezen
                law: { law: Wet, article: "1", url: "https://example.org" }
                domain: wonen
                applies: aanvrager.inkomen > 0
                determines: { huishouden.status: "gelezen" }
              - id: regel.rol
                title: Partner wordt aanvrager
                law: { law: Wet, article: "2", url: "https://example.org" }
                domain: wonen
                for_each: leden
                applies: rol = "partner"
                determines: { lid.rol: "aanvrager" }
              - id: regel.daarna
                title: Daarna lezen
                law: { law: Wet, article: "3", url: "https://example.org" }
                domain: wonen
                applies: huishouden.status = "gelezen" and aanvrager.leeftijd < 30
                determines: { huishouden.korting_a: 1 }
            """));
        var h = new Household();
        h.Members.Add(new HouseholdMember("p") { Role = "partner", BirthDate = new DateOnly(2000, 1, 1), Income = 100m });
        var result = engine.Evaluate(h, Peildatum);
        result.Determinations.Select(d => d.Rule).Should().Equal("regel.rol", "regel.eerst", "regel.daarna");
    }
}
