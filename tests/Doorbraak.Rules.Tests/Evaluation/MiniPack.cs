namespace Doorbraak.Rules.Tests.Evaluation;

/// <summary>A small pack with the worked example of the concept model (kostendelersnorm and a roof for every member).</summary>
internal static class MiniPack
{
    public const string Manifest = """
        id: test.mini
        version: 1.0.0
        title: Mini
        jurisdiction: NL
        valid: { from: 2000-01-01 }
        """;

    public const string Facts = """
        facts:
          lid.dreigt_dakloos:
            type: boolean
            description: Dreigt dakloos te raken
            question: Dreigt dit lid dakloos te raken?
            default: false
          huishouden.kostendelers:
            type: number
            description: Aantal kostendelers
          huishouden.bijstandsnorm:
            type: money
            description: De toepasselijke bijstandsnorm
        parameters:
          pw.norm.alleenstaande:
            title: Norm alleenstaande
            type: money
            values:
              - { from: 2025-01-01, to: 2025-12-31, value: 1365.00 }
              - { from: 2026-01-01, value: 1401.50, source: "Normenbrief 2026" }
          pw.norm.gehuwden:
            title: Norm gehuwden
            type: money
            values:
              - { from: 2025-01-01, to: 2025-12-31, value: 1950.00 }
              - { from: 2026-01-01, value: 2002.13 }
          kosten.opvang_per_maand:
            title: Opvang per maand
            type: money
            values:
              - { from: 2020-01-01, value: 3000.00, illustrative: true }
        """;

    public const string Rules = """
        rules:
          - id: pw.kostendelers
            title: Aantal kostendelers
            law: { law: Participatiewet, article: "19a", url: "https://wetten.overheid.nl/BWBR0015703" }
            domain: inkomen
            applies: aanvrager.heeft_bijstand
            determines:
              huishouden.kostendelers: count(leden where leeftijd >= 27)
          - id: pw.norm
            title: Bijstandsnorm alleenstaande
            law: { law: Participatiewet, article: "21", url: "https://wetten.overheid.nl/BWBR0015703" }
            domain: inkomen
            applies: aanvrager.heeft_bijstand
            determines:
              huishouden.bijstandsnorm: pw.norm.alleenstaande
          - id: pw.kostendelersnorm
            title: Kostendelersnorm
            law: { law: Participatiewet, article: "22a", url: "https://wetten.overheid.nl/BWBR0015703" }
            domain: inkomen
            applies: aanvrager.heeft_bijstand and huishouden.kostendelers >= 2
            determines:
              huishouden.bijstandsnorm: min(huishouden.bijstandsnorm, afronden(pw.norm.gehuwden * 0.5, 2))
        consequences:
          - id: gevolg.kind-vertrekt
            title: Volwassen kind zonder inkomen verlaat de woning
            source: { title: "Praktijk Doorbraakmethode" }
            domain: wonen
            for_each: leden
            applies: rol = "kind" and leeftijd >= 27 and inkomen = 0 and not eigen_woonruimte and huishouden.bijstandsnorm < pw.norm.alleenstaande
            determines:
              lid.dreigt_dakloos: true
        goals:
          - id: doel.dak
            title: Iedereen heeft woonruimte
            domain: wonen
            holds: no leden where dreigt_dakloos
        collisions:
          - id: botsing.kostendeler-jongvolwassene
            title: Kostendelersnorm duwt volwassen kind de deur uit
            rules: [pw.kostendelersnorm]
            goal: doel.dak
            severity: high
            explain: De kostendelersnorm verlaagt de uitkering van de ouder zolang het volwassen kind thuis woont.
        deviations:
          - id: afw.kostendelersnorm-tijdelijk
            title: Kind tijdelijk niet meetellen
            deviates: pw.kostendelersnorm
            change: { suspend: true }
            basis: { law: Participatiewet, article: "18 lid 1", kind: individualisering }
            allowed: any leden where rol = "kind" and dreigt_dakloos
            limits: { duration: P6M }
            mandate: teamleider
            document: [Afweging van belangen, Plan van de jongere]
            review: [P3M, P6M]
            motivation: "Het college wijkt op grond van {{basis}} af omdat {{lid.naam}} anders dakloos dreigt te raken; tot {{einddatum}}."
        costs:
          - id: kosten.bijstand
            title: Bijstand
            payer: gemeente
            monthly: huishouden.bijstandsnorm
            when: aanvrager.heeft_bijstand
          - id: kosten.opvang
            title: Opvang
            payer: gemeente
            for_each: leden
            when: dreigt_dakloos
            monthly: kosten.opvang_per_maand
        """;

    public static PolicyPackSource Source(string? rules = null) => PolicyPackSource.FromFiles("mini", new Dictionary<string, string>
    {
        ["pack.yaml"] = Manifest,
        ["facts.yaml"] = Facts,
        ["rules.yaml"] = rules ?? Rules,
    });

    public static PackSet Load(string? rules = null) => PackSet.Load([Source(rules)]);

    public static Household S1(int sonBirthYear = 1997, bool? ownHousing = false)
    {
        var h = new Household { Rent = 780m };
        h.Members.Add(new HouseholdMember("moeder") { Role = "aanvrager", BirthDate = new DateOnly(1971, 1, 10), ReceivesBijstand = true, Income = 1401.50m });
        var son = new HouseholdMember("zoon") { Role = "kind", Name = "Sem", BirthDate = new DateOnly(sonBirthYear, 9, 14), Income = 0m, OwnHousing = ownHousing };
        son.Facts.Set("dreigt_dakloos", FactValue.False);
        h.Members.Add(son);
        return h;
    }
}
