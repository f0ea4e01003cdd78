using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Packs;

namespace Doorbraak.Rules.Tests.Evaluation;

/// <summary>Every result says first how complete it is: parameters without value, packs not valid, undecided conditions; unknown stays unknown.</summary>
public class CompletenessTests
{
    private static readonly Lazy<DoorbraakEngine> National = new(() => new DoorbraakEngine(PackSet.LoadDirectories(Path.Combine(RepoRoot.Path, "policypacks", "nl-sociaal-domein"))));

    private static Household Readme() =>
        National.Value.ReadHousehold(File.ReadAllText(Path.Combine(RepoRoot.Path, "samples", "households", "s1-kostendelersnorm.yaml")), "s1-kostendelersnorm.yaml");

    [Fact]
    public void With_a_members_role_unknown_the_role_is_asked_not_the_fact_a_rule_derives_from_it()
    {
        // pw.kostendelende-medebewoner applies as soon as the role is known (applies: bekend(rol)) and then sets kostendeler:
        // an answer to kostendeler itself would be overwritten, so the role stands in for it.
        var h = Readme();
        h.Members.Single(m => m.Id == "moeder").Facts.Set("rol", FactValue.Unknown);
        var asked = National.Value.Evaluate(h, new DateOnly(2026, 3, 1)).MissingFacts.Select(m => m.Path).ToList();
        asked.Should().Contain("leden[moeder].rol");
        asked.Should().NotContain("leden[moeder].kostendeler");
    }

    [Fact]
    public void The_readme_household_after_the_norms_end_is_incomplete_with_the_norm_parameters_named()
    {
        var result = National.Value.Evaluate(Readme(), new DateOnly(2026, 11, 30));

        result.Completeness.Complete.Should().BeFalse();
        var gaps = result.Completeness.Gaps.Where(g => g.Kind == GapKind.ParameterWithoutValue).ToList();
        gaps.Select(g => g.Subject).Should().Contain(["pw.norm.alleenstaande", "pw.kostendelersnorm.a2"]);
        var norm = gaps.Single(g => g.Subject == "pw.norm.alleenstaande");
        norm.Message.Should().Contain("pw.norm.alleenstaande").And.Contain("na 30 juni 2026").And.Contain("Werk het pakket bij");
        norm.Affects.Should().Contain("pw.bijstandsnorm-alleenstaande");

        var json = ResultJson.Serialize(result);
        json.Should().NotContain("EUR 0,00");
        json.IndexOf("\"completeness\"", StringComparison.Ordinal).Should().BeLessThan(json.IndexOf("\"determinations\"", StringComparison.Ordinal));
        json.Should().Contain("\"kind\": \"parameter-without-value\"");
    }

    [Fact]
    public void The_readme_household_on_a_date_with_norms_is_complete()
    {
        var result = National.Value.Evaluate(Readme(), new DateOnly(2026, 3, 1));
        result.Completeness.Complete.Should().BeTrue(string.Join("\n", result.Completeness.Gaps.Select(g => g.Message)));
        result.Completeness.Gaps.Should().BeEmpty();
    }

    [Fact]
    public void A_2026_pack_before_its_validity_gives_pack_not_valid()
    {
        var result = National.Value.Evaluate(Readme(), new DateOnly(2025, 11, 1));
        result.Completeness.Complete.Should().BeFalse();
        var gap = result.Completeness.Gaps.Should().ContainSingle(g => g.Kind == GapKind.PackNotValid).Subject;
        gap.Subject.Should().Be("nl.sociaal-domein");
        gap.Message.Should().Contain("vanaf 1 januari 2026").And.Contain("1 november 2025");
        gap.Affects.Should().Contain("pw.kostendelersnorm");
    }

    [Fact]
    public void A_pack_after_its_end_gives_pack_not_valid_in_english_too()
    {
        var set = PackSet.Load([PolicyPackSource.FromFiles("mini", new Dictionary<string, string>
        {
            ["pack.yaml"] = MiniPack.Manifest.Replace("valid: { from: 2000-01-01 }", "valid: { from: 2025-01-01, to: 2025-12-31 }"),
            ["facts.yaml"] = MiniPack.Facts,
            ["rules.yaml"] = MiniPack.Rules,
        })]);
        var result = new DoorbraakEngine(set).Evaluate(MiniPack.S1(), new DateOnly(2026, 3, 1), new EvaluationOptions { Language = ReportLanguage.English });
        var gap = result.Completeness.Gaps.Should().ContainSingle(g => g.Kind == GapKind.PackNotValid).Subject;
        gap.Message.Should().Contain("valid until 31 December 2025");
    }

    private static PackSet OpvangEndsEarly() => PackSet.Load([PolicyPackSource.FromFiles("mini", new Dictionary<string, string>
    {
        ["pack.yaml"] = MiniPack.Manifest,
        ["facts.yaml"] = MiniPack.Facts.Replace("- { from: 2020-01-01, value: 3000.00, illustrative: true }", "- { from: 2020-01-01, to: 2026-02-28, value: 3000.00 }"),
        ["rules.yaml"] = MiniPack.Rules,
    })]);

    [Fact]
    public void A_cost_computed_from_an_unknown_value_is_unknown_never_zero()
    {
        var result = new DoorbraakEngine(OpvangEndsEarly()).Evaluate(MiniPack.S1(), new DateOnly(2026, 3, 1));

        var gap = result.Completeness.Gaps.Should().ContainSingle().Subject;
        gap.Kind.Should().Be(GapKind.ParameterWithoutValue);
        gap.Subject.Should().Be("kosten.opvang_per_maand");
        gap.Message.Should().Contain("na 28 februari 2026");
        gap.Affects.Should().Equal("kosten.opvang");

        var cost = result.Proposals.Should().ContainSingle().Subject.Cost;
        var opvang = cost.Items.Single(i => i.Cost == "kosten.opvang");
        opvang.CurrentMonthly.Should().BeNull("the son threatened with homelessness costs opvang at an unknown price");
        opvang.ProposalMonthly.Should().Be(0m);
        cost.CurrentRoute.Should().BeNull();
        cost.Difference.Should().BeNull();
        cost.Items.Single(i => i.Cost == "kosten.bijstand").CurrentMonthly.Should().Be(1001.07m, "a known cost stays known");
        result.Proposals[0].RankReason.Should().Contain("onbekend").And.NotContain("EUR 0,00");
    }

    [Fact]
    public void A_decision_on_an_incomplete_result_needs_an_acknowledgement_and_the_plan_keeps_the_gaps()
    {
        var engine = new DoorbraakEngine(OpvangEndsEarly());
        var planner = new DoorbraakPlanner(engine);
        var household = MiniPack.S1();
        var result = engine.Evaluate(household, new DateOnly(2026, 3, 1));
        var request = new DecisionRequest("afw.kostendelersnorm-tijdelijk", DecisionOutcome.Accepted, "T. Leider", "teamleider", "Sem dreigt dakloos te raken.");

        var refused = planner.TryDecide(household, result, request);
        refused.Succeeded.Should().BeFalse();
        refused.Refusal!.Code.Should().Be(DecisionRefusalCode.Incomplete);
        refused.Refusal.Diagnostic.Code.Should().Be("DBR4011");
        refused.Refusal.Message.Should().Contain("kosten.opvang_per_maand").And.Contain("AcknowledgedIncomplete");

        var decided = planner.TryDecide(household, result, request with { AcknowledgedIncomplete = true });
        decided.Succeeded.Should().BeTrue(decided.Refusal?.Message);

        var plan = planner.Assemble(household, result, [decided.Decision!], new PlanDetails { CaseReference = "ZAAK-1" });
        plan.Completeness.Should().NotBeNull();
        plan.Completeness!.Complete.Should().BeFalse();
        plan.Cost.CurrentRoute.Should().BeNull();
        plan.Summary.Should().NotContain("EUR 0,00");
        var md = PlanExport.ToMarkdown(plan);
        md.IndexOf("Onvolledig", StringComparison.Ordinal).Should().BeGreaterThan(0).And.BeLessThan(md.IndexOf("## Botsingen", StringComparison.Ordinal));
        md.Should().Contain("kosten.opvang_per_maand");
        var html = PlanExport.ToHtml(plan);
        html.Should().Contain("class=\"completeness incomplete\" role=\"alert\"").And.Contain("onbekend");
        PlanExport.FromJson(PlanExport.ToJson(plan)).Completeness!.Gaps.Should().ContainSingle();
    }

    [Fact]
    public void A_complete_result_needs_no_acknowledgement()
    {
        var engine = new DoorbraakEngine(MiniPack.Load());
        var result = engine.Evaluate(MiniPack.S1(), new DateOnly(2026, 3, 1));
        result.Completeness.Complete.Should().BeTrue();
        var request = new DecisionRequest("afw.kostendelersnorm-tijdelijk", DecisionOutcome.Accepted, "T. Leider", "teamleider", "Sem dreigt dakloos te raken.");
        new DoorbraakPlanner(engine).TryDecide(MiniPack.S1(), result, request).Succeeded.Should().BeTrue();
    }

    [Theory]
    [InlineData("aanvrager.inkomen / huishouden.deler > 1", "er wordt door nul gedeeld")]
    [InlineData("aanvrager.geboren + P9000Y > aanvrager.geboren", "een berekende datum valt buiten het bereik van de kalender")]
    [InlineData("afronden(aanvrager.inkomen, 11) > 0", "afronden vraagt een aantal decimalen dat geen heel getal van 0 tot en met 10 is")]
    [InlineData("aanvrager.inkomen * 79228162514264337593543950 > 1", "een berekend getal wordt te groot")]
    public void A_condition_undecided_although_every_fact_is_known_is_an_undecided_gap_with_its_exact_cause(string condition, string cause)
    {
        var set = PackSet.Load([PolicyPackSource.FromFiles("deling", new Dictionary<string, string>
        {
            ["pack.yaml"] = MiniPack.Manifest,
            ["content.yaml"] = $$"""
                facts:
                  huishouden.deler: { type: money, description: Deler, default: 0 }
                  huishouden.hulp: { type: boolean, description: Hulp, default: false }
                rules:
                  - id: regel.deling
                    title: Deling
                    law: { law: Wet A, article: "1" }
                    domain: inkomen
                    applies: {{condition}}
                    determines: { huishouden.hulp: true }
                """,
        })]);
        var h = new Household();
        h.Members.Add(new HouseholdMember("a") { Role = "aanvrager", BirthDate = new DateOnly(1980, 5, 1), Income = 1500m });

        var result = new DoorbraakEngine(set).Evaluate(h, new DateOnly(2026, 3, 1));

        result.MissingFacts.Should().BeEmpty("no household fact is missing");
        var gap = result.Completeness.Gaps.Should().ContainSingle().Subject;
        gap.Kind.Should().Be(GapKind.Undecided);
        gap.Subject.Should().Be("regel.deling");
        gap.Message.Should().Contain(cause).And.Contain(condition);
    }

    [Fact]
    public void A_parameter_read_only_by_a_rule_no_longer_valid_is_no_gap_and_an_invalid_pack_covers_its_parameters()
    {
        var set = PackSet.Load([PolicyPackSource.FromFiles("oud", new Dictionary<string, string>
        {
            ["pack.yaml"] = MiniPack.Manifest,
            ["content.yaml"] = """
                facts:
                  huishouden.toeslag: { type: money, description: Toeslag }
                parameters:
                  oud.bedrag:
                    title: Oud bedrag
                    type: money
                    values:
                      - { from: 2025-01-01, to: 2025-12-31, value: 10 }
                rules:
                  - id: regel.oud
                    title: Oude regel
                    law: { law: Wet A, article: "1" }
                    domain: inkomen
                    valid: { from: 2025-01-01, to: 2025-12-31 }
                    determines: { huishouden.toeslag: oud.bedrag }
                """,
        })]);
        var h = new Household();
        h.Members.Add(new HouseholdMember("a") { Role = "aanvrager", BirthDate = new DateOnly(1980, 5, 1), Income = 1500m });
        new DoorbraakEngine(set).Evaluate(h, new DateOnly(2026, 3, 1)).Completeness.Complete.Should().BeTrue();

        var national = National.Value.Evaluate(Readme(), new DateOnly(2025, 11, 1));
        national.Completeness.Gaps.Should().ContainSingle().Which.Kind.Should().Be(GapKind.PackNotValid, "the pack's own parameters are part of its gap");
    }
}
