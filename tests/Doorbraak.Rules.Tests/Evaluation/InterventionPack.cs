namespace Doorbraak.Rules.Tests.Evaluation;

/// <summary>
/// A small v2 pack: rent arrears threaten eviction (a goal collision); an intervention pays the arrears once from a
/// budget, a deviation postpones for one month, and a request asks an outside authority. Amounts are test figures.
/// </summary>
internal static class InterventionPack
{
    public const string Manifest = """
        id: test.interventies
        version: 1.0.0
        title: Interventies
        jurisdiction: NL
        valid: { from: 2000-01-01 }
        """;

    public const string Organisation = """
        roles:
          - { id: consulent, rank: 10, title: Consulent }
          - { id: regisseur, rank: 20, title: Regisseur }
          - { id: teamleider, rank: 30, title: Teamleider }
          - { id: manager, rank: 40, title: Manager }
          - { id: college, rank: 60, title: College }
        authorities:
          - { id: dienst-toeslagen, title: Dienst Toeslagen, law: Algemene wet inkomensafhankelijke regelingen }
        """;

    public const string Content = """
        facts:
          huishouden.huurachterstand_opgelost: { type: boolean, description: De huurachterstand is betaald, default: false }
          huishouden.ontruiming_dreigt: { type: boolean, description: Ontruiming dreigt, default: false }
          huishouden.betalingsregeling_toeslagen: { type: boolean, description: Persoonlijke betalingsregeling bij Toeslagen, default: false }
          huishouden.toeslagschuld_opeisbaar: { type: boolean, description: Toeslagschuld wordt ineens opgeëist, default: false }
          huishouden.toeslagschuld_open: { type: money, description: Openstaande toeslagschuld, default: 0 }
        parameters:
          test.grens_teamleider:
            title: Grens teamleider
            type: money
            values:
              - { from: 2000-01-01, value: 600.00, source: "testwaarde" }
        rules:
          - id: huur.ontruiming
            title: Ontruiming bij huurachterstand
            law: { law: Burgerlijk Wetboek Boek 7, article: "7:231" }
            domain: wonen
            applies: huishouden.huurachterstand > 0 and not huishouden.huurachterstand_opgelost
            determines: { huishouden.ontruiming_dreigt: true }
          - id: toeslag.terugvordering
            title: Terugvordering toeslag ineens
            law: { law: Awir, article: "26" }
            domain: inkomen
            applies: huishouden.toeslagschuld_open > 0 and not huishouden.betalingsregeling_toeslagen
            determines: { huishouden.toeslagschuld_opeisbaar: true }
        goals:
          - id: doel.dak
            title: Dak boven het hoofd
            domain: wonen
            holds: not huishouden.ontruiming_dreigt
          - id: doel.toeslagschuld
            title: Toeslagschuld beheersbaar
            domain: inkomen
            holds: not huishouden.toeslagschuld_opeisbaar
        costs:
          - id: kosten.opvang
            title: Maatschappelijke opvang
            payer: gemeente
            monthly: 3000
            when: huishouden.ontruiming_dreigt
          - id: kosten.ontruiming
            title: Ontruiming
            payer: woningcorporatie
            once: 6000
            when: huishouden.ontruiming_dreigt
        deviations:
          - id: afw.ontruiming-een-maand-uitstellen
            title: Ontruiming een maand aanhouden
            deviates: huur.ontruiming
            change: { suspend: true }
            basis: { law: Testwet, article: "1", kind: hardheidsclausule }
            mandate: teamleider
            limits: { duration: P1M }
        interventions:
          - id: int.huur-betalen
            title: Huurachterstand betalen uit het budget
            action: betaling
            basis: { law: Testverordening, article: "2", kind: budget }
            allowed: huishouden.huurachterstand <= 5000
            change: { set: { huishouden.huurachterstand_opgelost: true } }
            resolves: [doel.dak]
            mandate:
              - { up_to: test.grens_teamleider, role: teamleider }
              - { role: manager }
            costs:
              - { payer: gemeente, once: huishouden.huurachterstand }
            motivation: |
              Voor {{aanvrager.naam}} betaalt het college de huurachterstand; besluit door {{mandaat}}.
          - id: int.toeslagen-regeling
            title: Persoonlijke betalingsregeling vragen
            action: overig
            basis: { law: Awir, article: "26", kind: taak }
            change: { set: { huishouden.betalingsregeling_toeslagen: true } }
            resolves: [doel.toeslagschuld]
            mandate: regisseur
            decider: dienst-toeslagen
            deliver: [inkomensgegevens, overzicht van de schulden]
          - id: int.time-out
            title: Time-out tot de opname eindigt
            action: time-out
            basis: { law: Testwet, article: "3", kind: taak }
            allowed: huishouden.huurachterstand > 9000
            change: { set: { huishouden.huurachterstand_opgelost: true } }
            resolves: [doel.dak]
            mandate: open
            limits: { until: huishouden.heeft_woonruimte, max: P6M }
        """;

    public static PolicyPackSource Source(string content = Content, params (string Path, string Text)[] extra)
    {
        var files = new Dictionary<string, string> { ["pack.yaml"] = Manifest, ["organisatie.yaml"] = Organisation, ["content.yaml"] = content };
        foreach (var (p, t) in extra) files[p] = t;
        return PolicyPackSource.FromFiles("interventies", files);
    }

    public static PackSet Load(string content = Content, params (string Path, string Text)[] extra) => PackSet.Load([Source(content, extra)]);

    /// <summary>A household with rent arrears; a negative <paramref name="vermogen"/> is an open toeslag debt of that size.</summary>
    public static Household Household(decimal arrears, decimal vermogen = 0)
    {
        var h = new Household { RentArrears = arrears, Assets = Math.Max(0, vermogen) };
        if (vermogen < 0) h.Facts.Set("toeslagschuld_open", FactValue.Money(-vermogen));
        h.Members.Add(new HouseholdMember("a") { Role = "aanvrager", BirthDate = new DateOnly(1980, 5, 1), Income = 1500m });
        h.Members.Add(new HouseholdMember("zoon") { Role = "kind", BirthDate = new DateOnly(2000, 5, 1), Income = 0m });
        return h;
    }
}
