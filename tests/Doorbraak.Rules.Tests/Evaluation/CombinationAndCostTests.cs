using Doorbraak.Rules.Packs;
using Doorbraak.Rules.Tests.Evaluation;

namespace Doorbraak.Rules.Tests.Evaluation;

public class CombinationAndCostTests
{
    private static readonly DateOnly Peildatum = new(2026, 3, 1);

    private const string Pack = TwoRulePack.Facts + "\n" + TwoRulePack.RulesAndGoal + "\n" + """
        deviations:
          - id: afw.a
            title: A niet toepassen
            deviates: regel.a
            change: { suspend: true }
            basis: { law: Wet A, article: "9", kind: hardheidsclausule }
            mandate: teamleider
            limits: { amount: LIMIT, amount_per: month }
          - id: afw.b
            title: B niet toepassen
            deviates: regel.b
            change: { suspend: true }
            basis: { law: Awb, article: "4:84", kind: awb-4:84 }
            mandate: manager
        """;

    private static DoorbraakEngine Engine(decimal limit = 1000m) => new(PackSet.Load([PolicyPackSource.FromFiles("c", new Dictionary<string, string>
    {
        ["pack.yaml"] = MiniPack.Manifest,
        ["content.yaml"] = Pack.Replace("LIMIT", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    })]));

    private static Doorbraak.Rules.Household Household()
    {
        var h = new Doorbraak.Rules.Household();
        h.Members.Add(new Doorbraak.Rules.HouseholdMember("a") { Role = "aanvrager", BirthDate = new DateOnly(1980, 5, 1), Income = 1500m });
        return h;
    }

    [Fact]
    public void When_no_single_deviation_suffices_a_combination_is_proposed_with_the_highest_mandate()
    {
        var result = Engine().Evaluate(Household(), Peildatum);
        var p = result.Proposals.Should().ContainSingle().Subject;
        p.Id.Should().Be("afw.a+afw.b");
        p.Deviations.Should().Equal("afw.a", "afw.b");
        p.Resolves.Should().Equal("botsing.doel.rond");
        p.Mandate.Should().Be("manager");
        p.Basis.Select(b => b.Citation).Should().Equal("Wet A art. 9", "Awb art. 4:84");
    }

    [Fact]
    public void Combinations_are_not_tried_beyond_the_configured_size()
    {
        Engine().Evaluate(Household(), Peildatum, new EvaluationOptions { MaxCombination = 1 }).Proposals.Should().BeEmpty();
    }

    [Fact]
    public void A_deviation_that_would_move_more_money_than_its_limit_is_not_proposed()
    {
        Engine(limit: 500m).Evaluate(Household(), Peildatum).Proposals.Should().BeEmpty();
    }

    [Fact]
    public void The_cost_comparison_uses_pack_costs_over_the_horizon_and_the_deviation_period()
    {
        var result = new DoorbraakEngine(MiniPack.Load()).Evaluate(MiniPack.S1(), Peildatum);
        var cost = result.Proposals.Single().Cost;
        cost.HorizonMonths.Should().Be(12);
        cost.DeviationMonths.Should().Be(6);
        cost.Items.Should().BeEquivalentTo(new[]
        {
            new CostLine("kosten.bijstand", "Bijstand", "gemeente", 1001.07m, 1401.50m),
            new CostLine("kosten.opvang", "Opvang", "gemeente", 3000.00m, 0m) { IllustrativeParameters = ["kosten.opvang_per_maand"] },
        });
        cost.CurrentRoute.Should().Be(4001.07m * 12);
        cost.ProposalRoute.Should().Be(1401.50m * 6 + 4001.07m * 6);
        cost.Difference.Should().Be(-15597.42m);

        var over24 = new DoorbraakEngine(MiniPack.Load()).Evaluate(MiniPack.S1(), Peildatum, new EvaluationOptions { HorizonMonths = 24 }).Proposals.Single().Cost;
        over24.CurrentRoute.Should().Be(4001.07m * 24);
        over24.DeviationMonths.Should().Be(6);
    }

    [Fact]
    public void The_proposal_carries_the_motivation_the_checklist_and_the_review_moments()
    {
        var p = new DoorbraakEngine(MiniPack.Load()).Evaluate(MiniPack.S1(), Peildatum).Proposals.Single();
        p.Motivation.Should().Be("Het college wijkt op grond van Participatiewet art. 18 lid 1 af omdat Sem anders dakloos dreigt te raken; tot 31 augustus 2026."
            + "\n\nLet op: deze berekening rust op illustratieve waarden (kosten.opvang_per_maand), geen officiële bedragen. Controleer ze vóór een besluit.");
        p.Checklist.Should().StartWith(["Afweging van belangen", "Plan van de jongere"]);
        p.Checklist.Should().Contain(c => c.Contains("teamleider"));
        p.Review.Should().Equal("P3M", "P6M");
        p.Limits.DurationMonths.Should().Be(6);
        p.Limits.Text.Should().Be("ten hoogste 6 maanden");
    }
}
