namespace Doorbraak.Rules.Tests.Evaluation;

/// <summary>
/// A small v2 pack where a debt's own facts cause the collision: an open fine keeps debt help refused (a law rule blocks
/// the goal). Interventions change the debt itself: a payment arrangement for the fines (by a condition), or paying one
/// debt off (by its id). A for_each rule that puts large open debts into collection shows that a rule does not undo what
/// an intervention set. Amounts are test figures.
/// </summary>
internal static class DebtInterventionPack
{
    public const string Manifest = """
        id: test.schuldinterventies
        version: 1.0.0
        title: Interventies op schulden
        jurisdiction: NL
        format: 2
        valid: { from: 2000-01-01 }
        """;

    public const string Content = """
        facts:
          schuld.id: { type: text, description: Kenmerk van de schuld in het dossier }
          huishouden.schuldhulp_geweigerd: { type: boolean, description: Schuldhulp is geweigerd, default: false }
        rules:
          - id: incasso.start
            title: Grote open schulden gaan naar incasso
            law: { law: Testwet, article: "1" }
            force: werkinstructie
            domain: schulden
            for_each: schulden
            applies: bedrag > 1000
            determines: { status: "incasso" }
          - id: shv.weigering
            title: Geen schuldhulp bij een openstaande boete
            law: { law: Testwet, article: "2" }
            force: wet-bevoegdheid
            domain: schulden
            applies: any schulden where soort = "boete" and (status = "open" or status = "incasso")
            determines: { huishouden.schuldhulp_geweigerd: true }
        goals:
          - id: doel.schuldhulp
            title: Schuldhulp mogelijk
            domain: schulden
            holds: not huishouden.schuldhulp_geweigerd
        interventions:
          - id: int.boete-regeling
            title: Betalingsregeling voor de boetes
            action: overig
            basis: { law: Testwet, article: "3", kind: taak }
            change:
              elements:
                - { collection: schulden, where: soort = "boete" and not fraude, set: { status: "regeling", maandbedrag: 25 } }
            resolves: [doel.schuldhulp]
            mandate: regisseur
          - id: int.boete-betalen
            title: De boete van het CJIB betalen
            action: betaling
            basis: { law: Testverordening, article: "2", kind: budget }
            change:
              set: { huishouden.schuldhulp_geweigerd: false }
              elements:
                - { collection: schulden, id: cjib-1, set: { bedrag: 0, status: "betaald" } }
            resolves: [doel.schuldhulp]
            mandate: teamleider
            costs:
              - { payer: gemeente, once: 300 }
        """;

    public static PolicyPackSource Source(string content = Content) =>
        PolicyPackSource.FromFiles("schuldinterventies", new Dictionary<string, string> { ["pack.yaml"] = Manifest, ["content.yaml"] = content });

    public static PackSet Load(string content = Content) => PackSet.Load([Source(content)]);

    /// <summary>A household with a fine of <paramref name="fine"/> (id cjib-1; whether it is a fraud claim unknown when null) and a rent debt.</summary>
    public static string Household(decimal fine, bool? fraude = false, string status = "open") => $$"""
        leden:
          - { id: a, rol: aanvrager, geboren: 1980-05-01 }
        schulden:
          - { id: cjib-1, soort: boete, {{(fraude is null ? "" : $"fraude: {(fraude.Value ? "true" : "false")}, ")}}bedrag: {{fine}}, status: {{status}} }
          - { id: huur-1, soort: huur, bedrag: 2000, status: open }
        """;
}
