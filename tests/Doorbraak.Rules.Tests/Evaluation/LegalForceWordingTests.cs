namespace Doorbraak.Rules.Tests.Evaluation;

/// <summary>Traces, proposals and the doorbraakplan say the legal force of a rule in words (pack format 2).</summary>
public sealed class LegalForceWordingTests
{
    private static readonly DateOnly Peildatum = new(2026, 3, 1);

    /// <summary>The mini pack in format 2: every rule a statute duty; the kostendelersnorm names Pw 18 lid 1 as the clause to depart under.</summary>
    private static PackSet StatutePack() => Load(Format2(MiniPack.Rules).Replace(
        "article: \"22a\", url: \"https://wetten.overheid.nl/BWBR0015703\" }\n    force: wet-plicht",
        "article: \"22a\", url: \"https://wetten.overheid.nl/BWBR0015703\" }\n    force: wet-plicht\n    clauses:\n      - { law: Participatiewet, article: \"18 lid 1\", kind: individualisering }"));

    /// <summary>
    /// A made-up variant in which the rule departed from is a municipal policy rule resting on a statute article, departed
    /// from under Awb 4:84 with an illustrative citation (test fiction, not the law).
    /// </summary>
    private static PackSet PolicyPack() => Load(Format2(MiniPack.Rules)
        .Replace("title: Kostendelersnorm\n    law: { law: Participatiewet, article: \"22a\", url: \"https://wetten.overheid.nl/BWBR0015703\" }\n    force: wet-plicht",
                 "title: Kostendelersnorm\n    law: { law: Beleidsregels Testgemeente, article: \"4 lid 3\", illustrative: true }\n    force: beleidsregel\n    grondslag: { law: Participatiewet, article: \"35 lid 1\" }")
        .Replace("basis: { law: Participatiewet, article: \"18 lid 1\", kind: individualisering }",
                 "basis: { law: Awb, article: \"4:84\", kind: awb-4:84, illustrative: true }"));

    private static string Format2(string rules) =>
        rules.Replace("url: \"https://wetten.overheid.nl/BWBR0015703\" }\n    domain", "url: \"https://wetten.overheid.nl/BWBR0015703\" }\n    force: wet-plicht\n    domain");

    private static PackSet Load(string rules) => PackSet.Load([PolicyPackSource.FromFiles("mini", new Dictionary<string, string>
    {
        ["pack.yaml"] = MiniPack.Manifest + "\nformat: 2\n",
        ["facts.yaml"] = MiniPack.Facts,
        ["rules.yaml"] = rules,
    })]);

    [Fact]
    public void The_rule_trace_says_the_force_and_the_clauses_in_words()
    {
        var set = StatutePack();
        set.Warnings.Should().BeEmpty("a format 2 pack has no format warning");
        var result = new DoorbraakEngine(set).Evaluate(MiniPack.S1(), Peildatum);
        var d = result.Determinations.First(x => x.Rule == "pw.kostendelersnorm");
        d.Force.Should().Be("wet-plicht");
        d.ForceText.Should().Be("een wettelijke plicht; afwijken kan alleen waar de wet dat zelf toestaat (hardheidsclausule, individualisering of dringende redenen); de regel noemt Participatiewet art. 18 lid 1 (individualisering)");
        d.Explanation.Text.Should().EndWith(" Deze regel is " + d.ForceText + ".");
        result.Determinations.Where(x => x.Source == StatementSource.Practice).Should().OnlyContain(x => x.Force == null && x.ForceText == null);

        var en = new DoorbraakEngine(set).Evaluate(MiniPack.S1(), Peildatum, new EvaluationOptions { Language = ReportLanguage.English });
        en.Determinations.First(x => x.Rule == "pw.kostendelersnorm").ForceText.Should().StartWith("a statutory duty; departing from it is only possible where the statute itself allows it");
    }

    [Fact]
    public void A_proposal_says_the_force_of_the_rule_it_departs_from()
    {
        var result = new DoorbraakEngine(PolicyPack()).Evaluate(MiniPack.S1(), Peildatum);
        var basis = result.Proposals.Should().ContainSingle().Subject.Basis.Should().ContainSingle().Subject;
        basis.Force.Should().Be("beleidsregel");
        basis.ForceText.Should().Be("een beleidsregel; afwijken kan op grond van Awb 4:84 bij bijzondere omstandigheden");
        basis.Grondslag.Should().Be("Participatiewet art. 35 lid 1");
        basis.Illustrative.Should().BeTrue();
        var rule = result.Determinations.First(x => x.Rule == "pw.kostendelersnorm");
        rule.Citation.Should().Be("Beleidsregels Testgemeente art. 4 lid 3", "the grondslag is its own field, never glued to the article");
        rule.Grondslag.Should().Be("Participatiewet art. 35 lid 1");

        var json = ResultJson.Serialize(result);
        json.Should().Contain("\"forceText\"").And.Contain("\"grondslag\"");
        var back = ResultJson.Deserialize(json);
        back.Proposals[0].Basis[0].ForceText.Should().Be(basis.ForceText);
        back.Determinations.First(x => x.Rule == "pw.kostendelersnorm").Force.Should().Be("beleidsregel");
    }

    [Fact]
    public void The_plan_says_the_force_of_the_rule_in_markdown_and_html()
    {
        var engine = new DoorbraakEngine(PolicyPack());
        var household = MiniPack.S1();
        var result = engine.Evaluate(household, Peildatum);
        var plan = new DoorbraakPlanner(engine).Assemble(household, result, [], new PlanDetails { CaseReference = "ZAAK-1" });
        var md = PlanExport.ToMarkdown(plan);
        md.Should().Contain("Awb art. 4:84 (voorbeeld, geen echte bepaling) — pw.kostendelersnorm is een beleidsregel; afwijken kan op grond van Awb 4:84 bij bijzondere omstandigheden (grondslag: Participatiewet art. 35 lid 1)");
        md.Should().NotContain("art. 35 lid 1 art. 4 lid 3").And.NotContain("art. 4 lid 3 art. 35 lid 1");
        PlanExport.ToHtml(plan).Should().Contain("pw.kostendelersnorm is een beleidsregel; afwijken kan op grond van Awb 4:84 bij bijzondere omstandigheden");
    }
}
