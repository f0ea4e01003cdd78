using Doorbraak.Rules.Facts;

namespace Doorbraak.Rules.Benchmarks;

/// <summary>
/// The household as a plain object, the way a host would hand it to Microsoft RulesEngine or to
/// hand-written C#: typed properties, no three-valued logic (every fact the national pack's rule
/// conditions read is known in generated households).
/// </summary>
public sealed class FlatMember
{
    public string Id { get; init; } = "";
    public string Rol { get; init; } = "";
    public int Leeftijd { get; init; }
    public decimal Inkomen { get; init; }
    public bool HeeftBijstand { get; init; }
    public bool Student { get; init; }
    public bool Jeugdhulp { get; init; }
    public bool WmoOndersteuning { get; init; }
    public bool Beperking { get; init; }
    public bool EigenWoonruimte { get; init; }
    public bool ZoektermijnUitzondering { get; init; }
    public bool GeenSteunOuders { get; init; }
    public bool CommercieleHuurder { get; init; }
    public bool WmoMelding { get; init; }
    public bool EigenKrachtToereikend { get; init; }
    public bool InInrichting { get; init; }
    public bool StudiefinancieringOfBbl { get; init; }
    public bool EigenHuurcontractZelfdeVerhuurder { get; init; }
    public bool WmoAlleenRolstoel { get; init; }
    public bool VoortzettingBesloten { get; init; }
}

public sealed class FlatDebt
{
    public string Schuldeiser { get; init; } = "";
    public string Soort { get; init; } = "";
    public decimal Bedrag { get; init; }
    public decimal Maandbedrag { get; init; }
    public bool Fraude { get; init; }
    public bool OnherroepelijkBestraft { get; init; }
    public bool Opzet { get; init; }
    public bool BenadelingOverheid { get; init; }
}

public sealed class FlatHousehold
{
    public FlatMember[] Leden { get; init; } = [];
    public FlatDebt[] Schulden { get; init; } = [];
    /// <summary>The first member with role aanvrager (generated households always have one).</summary>
    public FlatMember Aanvrager { get; init; } = null!;
    /// <summary>The first member with role partner, or null.</summary>
    public FlatMember? Partner { get; init; }
    public bool SchuldhulpAangevraagd { get; init; }
    /// <summary>huishouden.beleid_weigert_na_eerder_traject (pack default false; a local rule or the host sets it).</summary>
    public bool BeleidWeigertNaEerderTraject { get; init; }
    /// <summary>huishouden.terugvordering_bedrag is known and zero (generated households leave it unknown).</summary>
    public bool TerugvorderingBedragNul { get; init; }

    /// <summary>Converts a generated household (all facts the conditions read are set).</summary>
    public static FlatHousehold From(Household h, DateOnly date)
    {
        var leden = h.Members.Select(m => new FlatMember
        {
            Id = m.Id,
            Rol = m.Role!,
            Leeftijd = FrameBuilder.AgeOn(m.BirthDate!.Value, date),
            Inkomen = m.Income ?? 0,
            HeeftBijstand = m.ReceivesBijstand!.Value,
            Student = m.Student!.Value,
            Jeugdhulp = m.YouthCare!.Value,
            WmoOndersteuning = m.WmoSupport!.Value,
            Beperking = m.Facts.Get("beperking").AsBool,
            EigenWoonruimte = m.OwnHousing!.Value,
            ZoektermijnUitzondering = m.Facts.Get("zoektermijn_uitzondering").AsBool,
            GeenSteunOuders = m.Facts.Get("geen_steun_ouders").AsBool,
            CommercieleHuurder = m.Facts.Get("commerciele_huurder").AsBool,
            WmoMelding = m.Facts.Get("wmo_melding").AsBool,
            EigenKrachtToereikend = m.Facts.Get("eigen_kracht_toereikend").AsBool,
            InInrichting = Bool(m.Facts, "in_inrichting"),
            StudiefinancieringOfBbl = Bool(m.Facts, "studiefinanciering_of_bbl"),
            EigenHuurcontractZelfdeVerhuurder = Bool(m.Facts, "eigen_huurcontract_zelfde_verhuurder"),
            WmoAlleenRolstoel = Bool(m.Facts, "wmo_alleen_rolstoel"),
            VoortzettingBesloten = Bool(m.Facts, "voortzetting_besloten"),
        }).ToArray();
        return new FlatHousehold
        {
            Leden = leden,
            Schulden = h.Debts.Select(d => new FlatDebt
            {
                Schuldeiser = d.Creditor!,
                Soort = d.Kind!,
                Bedrag = d.Amount!.Value,
                Maandbedrag = d.MonthlyAmount ?? 0,
                Fraude = d.Fraud!.Value,
                OnherroepelijkBestraft = d.Facts.Get("onherroepelijk_bestraft").AsBool,
                Opzet = d.Facts.Get("opzet").AsBool,
                BenadelingOverheid = d.Facts.Get("benadeling_overheid").AsBool,
            }).ToArray(),
            Aanvrager = leden.First(m => m.Rol == "aanvrager"),
            Partner = leden.FirstOrDefault(m => m.Rol == "partner"),
            SchuldhulpAangevraagd = h.Facts.Get("schuldhulp_aangevraagd").AsBool,
            BeleidWeigertNaEerderTraject = Bool(h.Facts, "beleid_weigert_na_eerder_traject"),
            TerugvorderingBedragNul = h.Facts.Get("terugvordering_bedrag") is { IsUnknown: false } t && t.AsDecimal == 0,
        };
    }

    /// <summary>A boolean fact whose pack default is false: unknown reads as false, as the engine fills in the default.</summary>
    private static bool Bool(FactBag facts, string name) => facts.Get(name) is { IsUnknown: false } v && v.AsBool;
}
