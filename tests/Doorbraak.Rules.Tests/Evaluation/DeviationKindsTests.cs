using Doorbraak.Rules.Tests.Evaluation;

namespace Doorbraak.Rules.Tests.Evaluation;

public class DeviationKindsTests
{
    private static readonly DateOnly Peildatum = new(2026, 3, 1);

    private const string Pack = """
        facts:
          huishouden.verrekening: { type: money, description: Verrekening per maand, default: 0 }
          huishouden.korting: { type: money, description: Korting op de uitkering, default: 0 }
          huishouden.schuldhulp_geweigerd: { type: boolean, description: Schuldhulp geweigerd, default: false }
          huishouden.invordering_start: { type: date, description: Start invordering }
          huishouden.stabiel_vanaf: { type: date, description: Vanaf wanneer het huishouden stabiel is }
        parameters:
          pw.factor:
            title: Factor
            type: number
            values: [ { from: 2020-01-01, value: 0.5 } ]
          pw.grens:
            title: Grens
            type: money
            values: [ { from: 2020-01-01, value: 1300.00 } ]
        rules:
          - id: r.verrekening
            title: Verrekening
            law: { law: Participatiewet, article: "60", url: "https://wetten.overheid.nl/BWBR0015703" }
            domain: schulden
            applies: any schulden where soort = "terugvordering"
            determines:
              huishouden.verrekening: sum(maandbedrag of schulden where soort = "terugvordering")
          - id: r.uitkering
            title: Korting
            law: { law: Participatiewet, article: "21", url: "https://wetten.overheid.nl/BWBR0015703" }
            domain: inkomen
            applies: aanvrager.heeft_bijstand
            determines:
              huishouden.korting: € 1401.50 * pw.factor
          - id: r.fraude
            title: Weigering bij fraude
            law: { law: Wgs, article: "3 lid 3", url: "https://wetten.overheid.nl/BWBR0031331" }
            domain: schulden
            applies: any schulden where fraude
            determines:
              huishouden.schuldhulp_geweigerd: true
          - id: r.invordering
            title: Invordering direct
            law: { law: Participatiewet, article: "58", url: "https://wetten.overheid.nl/BWBR0015703" }
            domain: schulden
            applies: any schulden where soort = "terugvordering"
            determines:
              huishouden.invordering_start: peildatum
        goals:
          - id: g.minimum
            title: Bestaansminimum
            domain: inkomen
            holds: aanvrager.inkomen - huishouden.verrekening >= pw.grens
          - id: g.uitkering
            title: Genoeg uitkering
            domain: inkomen
            active: aanvrager.heeft_bijstand
            holds: aanvrager.inkomen - huishouden.korting >= 1000
          - id: g.schulden
            title: Schulden onder controle
            domain: schulden
            holds: not huishouden.schuldhulp_geweigerd
          - id: g.rust
            title: Eerst stabiliseren
            domain: schulden
            active: bekend(huishouden.stabiel_vanaf)
            holds: not bekend(huishouden.invordering_start) or huishouden.invordering_start >= huishouden.stabiel_vanaf
        deviations:
          - id: afw.kwijtschelden
            title: Verrekening niet toepassen
            deviates: r.verrekening
            change: { waive: huishouden.verrekening }
            basis: { law: Awb, article: "4:84", kind: awb-4:84 }
            mandate: manager
          - id: afw.spreiden
            title: Verrekening spreiden
            deviates: r.verrekening
            change: { spread: { fact: huishouden.verrekening, months: 5 } }
            basis: { law: Participatiewet, article: "18 lid 1", kind: individualisering }
            mandate: regisseur
          - id: afw.lager
            title: Lagere verrekening
            deviates: r.verrekening
            change: { set: { huishouden.verrekening: 100 } }
            basis: { law: Participatiewet, article: "58 lid 8", kind: hardheidsclausule }
            mandate: teamleider
          - id: afw.factor
            title: Andere factor
            deviates: r.uitkering
            change: { parameter: pw.factor, value: 0.1 }
            basis: { law: Participatiewet, article: "18 lid 1", kind: individualisering }
            mandate: teamleider
          - id: afw.uitzondering
            title: Schuldhulp ondanks fraude
            deviates: r.fraude
            change: { exempt: true }
            basis: { law: Wgs, article: "3 lid 3", kind: wettelijke-bevoegdheid }
            allowed: no schulden where fraude and bedrag > 10000
            mandate: teamleider
          - id: afw.uitstel
            title: Invordering uitstellen
            deviates: r.invordering
            change: { postpone: P3M }
            basis: { law: Participatiewet, article: "58", kind: wettelijke-bevoegdheid }
            mandate: consulent
        """;

    private static DoorbraakEngine Engine() => new(PackSet.Load([PolicyPackSource.FromFiles("p", new Dictionary<string, string>
    {
        ["pack.yaml"] = MiniPack.Manifest,
        ["pack-content.yaml"] = Pack,
    })]));

    private static Household Household(decimal fraudAmount = 2000m)
    {
        var h = new Household();
        h.Members.Add(new HouseholdMember("a") { Role = "aanvrager", BirthDate = new DateOnly(1980, 5, 1), Income = 1401.50m, ReceivesBijstand = true });
        h.Debts.Add(new Debt { Kind = "terugvordering", Amount = 3000m, MonthlyAmount = 250m, Fraud = false });
        h.Debts.Add(new Debt { Kind = "boete", Amount = fraudAmount, Fraud = true });
        h.Facts.Set("stabiel_vanaf", FactValue.Date(new DateOnly(2026, 6, 1)));
        return h;
    }

    [Fact]
    public void Every_kind_of_deviation_resolves_its_own_collision()
    {
        var result = Engine().Evaluate(Household(), Peildatum);
        result.Collisions.Select(c => c.Id).Should().BeEquivalentTo("botsing.g.minimum", "botsing.g.uitkering", "botsing.g.schulden", "botsing.g.rust");
        var byId = result.Proposals.ToDictionary(p => p.Id);
        byId.Keys.Should().BeEquivalentTo("afw.kwijtschelden", "afw.spreiden", "afw.lager", "afw.factor", "afw.uitzondering", "afw.uitstel");
        byId["afw.kwijtschelden"].Resolves.Should().Equal("botsing.g.minimum");
        byId["afw.spreiden"].Resolves.Should().Equal("botsing.g.minimum");
        byId["afw.lager"].Resolves.Should().Equal("botsing.g.minimum");
        byId["afw.factor"].Resolves.Should().Equal("botsing.g.uitkering");
        byId["afw.uitzondering"].Resolves.Should().Equal("botsing.g.schulden");
        byId["afw.uitstel"].Resolves.Should().Equal("botsing.g.rust");
        byId["afw.kwijtschelden"].Leaves.Should().HaveCount(3);
    }

    [Fact]
    public void Ranking_puts_the_stronger_legal_basis_first_and_explains_itself()
    {
        var result = Engine().Evaluate(Household(), Peildatum);
        result.Proposals.Select(p => p.Id).Should().Equal("afw.lager", "afw.spreiden", "afw.factor", "afw.uitstel", "afw.uitzondering", "afw.kwijtschelden");
        result.Proposals.Select(p => p.Rank).Should().Equal(1, 2, 3, 4, 5, 6);
        result.Proposals[0].RankReason.Should().Contain("hardheidsclausule").And.Contain("teamleider");
        result.Proposals[^1].Basis.Single().Kind.Should().Be("awb-4:84");
    }

    [Fact]
    public void A_deviation_whose_condition_does_not_hold_is_not_proposed()
    {
        var result = Engine().Evaluate(Household(fraudAmount: 20000m), Peildatum);
        result.Collisions.Select(c => c.Id).Should().Contain("botsing.g.schulden");
        result.Proposals.Select(p => p.Id).Should().NotContain("afw.uitzondering");
    }

    [Fact]
    public void What_if_applies_a_deviation_and_reports_what_it_resolves()
    {
        var engine = Engine();
        var w = engine.WhatIf(Household(fraudAmount: 20000m), Peildatum, ["afw.uitzondering"]);
        w.Allowed["afw.uitzondering"].Should().BeFalse();
        w.Resolves.Should().Equal("botsing.g.schulden");
        w.Summary.Should().Contain("niet toegestaan");
        engine.DeviationsForRule("r.verrekening").Select(d => d.Id).Should().BeEquivalentTo("afw.kwijtschelden", "afw.spreiden", "afw.lager");
        engine.DeviationsForRule("r.verrekening").Single(d => d.Id == "afw.spreiden").Change.Should().Be("spread");
        var unknown = () => engine.DeviationsForRule("r.verekening");
        unknown.Should().Throw<ArgumentException>().WithMessage("*did you mean 'r.verrekening'*");
        var unknownDeviation = () => engine.WhatIf(Household(), Peildatum, ["afw.spreden"]);
        unknownDeviation.Should().Throw<ArgumentException>().WithMessage("*did you mean 'afw.spreiden'*");
    }
}
