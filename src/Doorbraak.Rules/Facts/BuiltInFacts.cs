namespace Doorbraak.Rules.Facts;

/// <summary>The built-in household model, in the Dutch vocabulary packs use. Documented in docs/pack-format.md.</summary>
internal static class BuiltInFacts
{
    /// <summary>The household's members (a collection).</summary>
    public const string Members = "leden";

    /// <summary>A member's role.</summary>
    public const string Role = "rol";

    /// <summary>The role of the member who applies.</summary>
    public const string ApplicantRole = "aanvrager";

    /// <summary>A member's date of birth.</summary>
    public const string BirthDate = "geboren";

    /// <summary>A member's age on the reference date, derived from <see cref="BirthDate"/>.</summary>
    public const string Age = "leeftijd";

    /// <summary>A member's name, for motivations.</summary>
    public const string Name = "naam";

    /// <summary>The household's list of situation ids (not a fact: checked against the situations the packs declare).</summary>
    public const string Situations = "situaties";

    public static void AddTo(FactSchema s)
    {
        var h = s.Household;
        h.Add("leden", FactType.ListOf(FactSchema.MemberEntity), "De leden van het huishouden", builtIn: true);
        h.Add("schulden", FactType.ListOf(FactSchema.DebtEntity), "De schulden van het huishouden", builtIn: true);
        h.Add("voorzieningen", FactType.ListOf(FactSchema.ProvisionEntity), "De voorzieningen die het huishouden nu krijgt", builtIn: true);
        h.Add("gemeente", FactType.Text, "Gemeente van inschrijving", question: "In welke gemeente staat het huishouden ingeschreven?", builtIn: true);
        h.Add("huur", FactType.Money, "Huur per maand", "EUR/maand", "Wat is de huur per maand?", builtIn: true);
        h.Add("huurachterstand", FactType.Money, "Huurachterstand", "EUR", "Hoe hoog is de huurachterstand?", builtIn: true);
        h.Add("huurachterstand_maanden", FactType.Number, "Huurachterstand in maanden", "maanden", "Hoeveel maanden huur zijn achterstallig?", builtIn: true);
        h.Add("ontruiming_aangezegd", FactType.Boolean, "De verhuurder heeft ontruiming aangezegd of een vonnis tot ontruiming is gewezen", question: "Is ontruiming aangezegd?", builtIn: true);
        h.Add("ontruimingsdatum", FactType.Date, "Datum van de aangezegde ontruiming", question: "Op welke datum is de ontruiming gepland?", builtIn: true);
        h.Add("eigen_woning", FactType.Boolean, "Het huishouden woont in een eigen (koop)woning", builtIn: true);
        h.Add("heeft_woonruimte", FactType.Boolean, "Het huishouden heeft een eigen woonadres", question: "Heeft het huishouden een eigen woonadres?", builtIn: true);
        h.Add("heeft_postadres", FactType.Boolean, "Het huishouden heeft een woon- of briefadres", question: "Heeft het huishouden een woon- of briefadres?", builtIn: true);
        h.Add("vermogen", FactType.Money, "Vermogen van het huishouden", "EUR", "Hoeveel vermogen heeft het huishouden?", builtIn: true);

        var m = s.Member;
        m.Add("id", FactType.Text, "Korte aanduiding van het lid in dit dossier (geen BSN)", builtIn: true);
        m.Add("naam", FactType.Text, "Roepnaam, voor de motivering", builtIn: true);
        m.Add("rol", FactType.Text, "Rol: aanvrager, partner, kind of overig", question: "Welke rol heeft dit lid in het huishouden?", builtIn: true);
        m.Add("geboren", FactType.Date, "Geboortedatum", question: "Wat is de geboortedatum?", builtIn: true);
        m.Add("leeftijd", FactType.Number, "Leeftijd op de peildatum (afgeleid van geboren)", "jaar", "Wat is de geboortedatum?", builtIn: true);
        m.Add("inkomen", FactType.Money, "Netto inkomen uit werk of uitkering per maand", "EUR/maand", "Wat is het netto inkomen per maand?", builtIn: true);
        m.Add("uitkering", FactType.Text, "Soort uitkering (bijstand, ww, wia, aow, studiefinanciering, geen)", question: "Welke uitkering ontvangt dit lid?", builtIn: true);
        m.Add("heeft_bijstand", FactType.Boolean, "Ontvangt of vraagt bijstand (Participatiewet)", question: "Ontvangt of vraagt dit lid bijstand?", builtIn: true);
        m.Add("werkt", FactType.Boolean, "Heeft betaald werk", question: "Heeft dit lid betaald werk?", builtIn: true);
        m.Add("student", FactType.Boolean, "Volgt onderwijs met studiefinanciering of WTOS", question: "Volgt dit lid een opleiding met studiefinanciering?", builtIn: true);
        m.Add("schoolgaand", FactType.Boolean, "Gaat naar school (leerplichtig of kwalificatieplichtig)", builtIn: true);
        m.Add("jeugdhulp", FactType.Boolean, "Krijgt jeugdhulp (Jeugdwet)", question: "Krijgt dit lid jeugdhulp?", builtIn: true);
        m.Add("wmo_ondersteuning", FactType.Boolean, "Krijgt een maatwerkvoorziening Wmo", question: "Krijgt dit lid Wmo-ondersteuning?", builtIn: true);
        m.Add("ggz", FactType.Boolean, "Heeft psychische problematiek waarvoor behandeling nodig is", question: "Is er sprake van psychische problematiek?", builtIn: true);
        m.Add("verslaving", FactType.Boolean, "Heeft een verslaving", question: "Is er sprake van een verslaving?", builtIn: true);
        m.Add("beperking", FactType.Boolean, "Heeft een lichamelijke of verstandelijke beperking", builtIn: true);
        m.Add("arbeidsvermogen", FactType.Boolean, "Kan (nu) werken", question: "Kan dit lid op dit moment werken?", builtIn: true);
        m.Add("huiselijk_geweld", FactType.Boolean, "Betrokken bij huiselijk geweld of kindermishandeling (als slachtoffer)", builtIn: true);
        m.Add("justitie", FactType.Boolean, "Heeft een justitiële titel of komt uit detentie", builtIn: true);
        m.Add("eigen_woonruimte", FactType.Boolean, "Heeft eigen woonruimte buiten dit huishouden", question: "Heeft dit lid eigen woonruimte?", builtIn: true);
        m.Add("dakloos", FactType.Boolean, "Is nu dakloos", question: "Is dit lid nu dakloos?", builtIn: true);

        var d = s.Debt;
        d.Add("schuldeiser", FactType.Text, "Naam of soort schuldeiser", builtIn: true);
        d.Add("soort", FactType.Text, "Soort schuld (huur, energie, zorgverzekering, belasting, toeslagen, terugvordering, boete, overig)", builtIn: true);
        d.Add("bedrag", FactType.Money, "Openstaand bedrag", "EUR", "Hoe hoog is deze schuld?", builtIn: true);
        d.Add("status", FactType.Text, "Status (open, regeling, incasso, beslag)", builtIn: true);
        d.Add("fraude", FactType.Boolean, "De schuld is een fraudevordering (schending inlichtingenplicht)", question: "Is deze schuld een fraudevordering?", builtIn: true);
        d.Add("maandbedrag", FactType.Money, "Wat er per maand op deze schuld wordt afgelost of verrekend", "EUR/maand", builtIn: true);

        var p = s.Provision;
        p.Add("soort", FactType.Text, "Soort voorziening (jeugdhulp, wmo, opvang, beschermd-wonen, schuldhulp, bijstand, ...)", builtIn: true);
        p.Add("wet", FactType.Text, "Wet waarop de voorziening berust", builtIn: true);
        p.Add("lid", FactType.Text, "Het lid (id) voor wie de voorziening is", builtIn: true);
        p.Add("kosten_per_maand", FactType.Money, "Kosten per maand", "EUR/maand", builtIn: true);
        p.Add("betaler", FactType.Text, "Wie de kosten draagt (gemeente, rijk, zorgverzekeraar, woningcorporatie)", builtIn: true);
        p.Add("einddatum", FactType.Date, "Datum waarop de voorziening eindigt", builtIn: true);
    }
}
