namespace Doorbraak.Rules.Benchmarks;

/// <summary>
/// A deterministic generator of synthetic but plausible households. Household <c>i</c> depends only on
/// (seed, i), so batches can be generated in parallel and in any order and still be the same.
/// Every fact the national pack's rule conditions read is set (so three-valued logic does not enter
/// the comparison); facts that only consequences or goals read are set where plausible.
/// </summary>
public static class HouseholdGenerator
{
    public const int DefaultSeed = 20260301;
    public static readonly DateOnly Date = new(2026, 3, 1);

    private static readonly string[] Creditors = ["woningcorporatie", "energieleverancier", "zorgverzekeraar", "belastingdienst", "toeslagen", "CJIB", "gemeente", "incassobureau"];
    private static readonly string[] Kinds = ["huur", "energie", "zorgverzekering", "belasting", "toeslagen", "boete", "terugvordering", "overig"];

    /// <summary>Household number <paramref name="index"/>; <paramref name="members"/> forces the member count (0 = plausible mix).</summary>
    public static Household Generate(int seed, long index, int members = 0)
    {
        var rng = new Random(unchecked((int)(seed * 1_000_003L + index * 7_919L) ^ (int)(index >> 31)));
        var h = new Household();
        var date = Date;

        // Composition: single 40%, couple 15%, single parent 17%, couple with children 18%, with other adults 10%.
        var kind = rng.Next(100);
        var hasPartner = kind is >= 40 and < 55 or >= 72 and < 90 || (kind >= 90 && rng.Next(2) == 0);
        var children = kind < 55 ? 0 : 1 + rng.Next(3);
        var others = kind >= 90 ? 1 + rng.Next(2) : 0;
        if (members > 0)
        {
            hasPartner = members >= 2 && rng.Next(2) == 0;
            var rest = members - 1 - (hasPartner ? 1 : 0);
            others = rest > 0 ? rng.Next(Math.Min(rest, 2) + 1) : 0;
            children = rest - others;
        }

        // Applicant age: 18-20 5%, 21-26 15%, 27-66 70%, 67-85 10%.
        var a = rng.Next(100);
        var applicantAge = a < 5 ? 18 + rng.Next(3) : a < 20 ? 21 + rng.Next(6) : a < 90 ? 27 + rng.Next(40) : 67 + rng.Next(19);
        var bijstand = applicantAge < 67 && rng.Next(100) < 55;
        var applicant = Member(rng, "a", "aanvrager", applicantAge, date, bijstand);
        h.Members.Add(applicant);
        if (hasPartner)
        {
            var pAge = Math.Clamp(applicantAge + rng.Next(-6, 7), 18, 90);
            h.Members.Add(Member(rng, "p", "partner", pAge, date, false, bijstand ? 0 : null));
        }
        for (var c = 0; c < children; c++)
        {
            // Mostly minors; some adult children still living at home (the kostendelersnorm cases).
            var maxAge = Math.Max(0, applicantAge - 17);
            var age = rng.Next(100) < 80 ? rng.Next(Math.Min(18, maxAge + 1)) : Math.Min(maxAge, 18 + rng.Next(20));
            h.Members.Add(Member(rng, $"k{c + 1}", "kind", age, date, false));
        }
        for (var o = 0; o < others; o++)
            h.Members.Add(Member(rng, $"o{o + 1}", "overig", 20 + rng.Next(50), date, false));

        // Housing.
        h.Rent = 350 + rng.Next(90) * 10;
        h.HasHousing = rng.Next(100) < 96;
        h.HasPostalAddress = true;
        var arrears = rng.Next(100) < 18;
        h.RentArrears = arrears ? 200 + rng.Next(60) * 100 : 0;
        h.RentArrearsMonths = arrears ? 1 + rng.Next(8) : 0;
        h.EvictionAnnounced = arrears && rng.Next(100) < 30;
        if (h.EvictionAnnounced == true) h.EvictionDate = date.AddDays(14 + rng.Next(90));
        h.Assets = rng.Next(100) < 80 ? rng.Next(5000) : 5000 + rng.Next(50000);
        h.Facts.Set("bijzondere_bijstand_aangevraagd", FactValue.Bool(arrears && rng.Next(100) < 40));

        // Debts: none for half the households, otherwise 1-6.
        var debtCount = rng.Next(100) < 50 ? 0 : 1 + rng.Next(6);
        var anyFraud = false;
        for (var d = 0; d < debtCount; d++)
        {
            var ci = rng.Next(Creditors.Length);
            var creditor = Creditors[ci];
            var terug = creditor == "gemeente" && rng.Next(100) < 70;
            var fraud = terug && rng.Next(100) < 35;
            anyFraud |= fraud;
            var debt = new Debt
            {
                Creditor = creditor,
                Kind = terug ? "terugvordering" : Kinds[rng.Next(Kinds.Length - 2)],
                Amount = 100 + rng.Next(200) * 50,
                Status = rng.Next(3) switch { 0 => "open", 1 => "regeling", _ => "incasso" },
                Fraud = fraud,
                MonthlyAmount = rng.Next(100) < 60 ? 10 + rng.Next(30) * 5 : 0,
            };
            debt.Facts.Set("onherroepelijk_bestraft", FactValue.Bool(fraud && rng.Next(100) < 50));
            debt.Facts.Set("opzet", FactValue.Bool(fraud && rng.Next(100) < 70));
            debt.Facts.Set("benadeling_overheid", FactValue.Bool(fraud && rng.Next(100) < 90));
            h.Debts.Add(debt);
        }
        var problematic = debtCount >= 3 || (debtCount > 0 && rng.Next(100) < 30);
        var requested = debtCount > 0 && rng.Next(100) < (problematic ? 60 : 15);
        var earlier = rng.Next(100) < 25;
        h.Facts.Set("problematische_schulden", FactValue.Bool(problematic));
        h.Facts.Set("schuldhulp_aangevraagd", FactValue.Bool(requested));
        h.Facts.Set("eerder_schuldhulp", FactValue.Bool(earlier));
        h.Facts.Set("eerdere_schuldhulp_einde", FactValue.Date(date.AddDays(-30 - rng.Next(10 * 365))));
        // The national pack asks whether local policy refuses after an earlier trajectory (a local rule may also derive it).
        h.Facts.Set("beleid_weigert_na_eerder_traject", FactValue.Bool(earlier && rng.Next(100) < 40));
        h.Facts.Set("meewerken_schuldhulp", FactValue.Bool(rng.Next(100) < 80));
        h.Facts.Set("dringende_redenen", FactValue.Bool(rng.Next(100) < 10));
        h.Facts.Set("weigert_inlichtingen", FactValue.Bool(anyFraud && rng.Next(100) < 20));
        return h;
    }

    private static HouseholdMember Member(Random rng, string id, string role, int age, DateOnly date, bool bijstand, decimal? income = null)
    {
        var m = new HouseholdMember(id) { Role = role, Name = id };
        m.BirthDate = date.AddYears(-age).AddDays(-rng.Next(365));
        var adult = age >= 18;
        var student = adult && age < 30 && role != "aanvrager" && rng.Next(100) < 35;
        var works = adult && !bijstand && !student && age < 67 && rng.Next(100) < 65;
        m.ReceivesBijstand = bijstand;
        m.Student = student;
        m.Works = works;
        m.Income = income ?? (bijstand ? (rng.Next(100) < 70 ? 1401.50m : rng.Next(1400) + 0.5m)
            : works ? 1200 + rng.Next(2400) : age >= 67 ? 1350 + rng.Next(800) : adult && rng.Next(100) < 50 ? 0 : rng.Next(400));
        m.Benefit = bijstand ? "bijstand" : age >= 67 ? "aow" : student ? "studiefinanciering" : "geen";
        m.YouthCare = age < 18 ? rng.Next(100) < 10 : age < 23 && rng.Next(100) < 5;
        m.WmoSupport = rng.Next(100) < (age >= 67 ? 25 : 6);
        m.MentalHealth = adult && rng.Next(100) < 12;
        m.Addiction = adult && rng.Next(100) < 4;
        m.AbleToWork = adult && age < 67 && rng.Next(100) < 70;
        m.DomesticViolence = rng.Next(100) < 2;
        m.OwnHousing = role is "kind" or "overig" && adult && rng.Next(100) < 10;
        m.Homeless = false;
        m.Facts.Set("beperking", FactValue.Bool(rng.Next(100) < (age >= 67 ? 30 : 10)));
        m.Facts.Set("schoolgaand", FactValue.Bool(age is >= 5 and < 18));
        m.Facts.Set("meldingsdatum", FactValue.Date(date.AddDays(-rng.Next(60))));
        m.Facts.Set("zoektermijn_uitzondering", FactValue.Bool(rng.Next(100) < 15));
        m.Facts.Set("geen_steun_ouders", FactValue.Bool(age < 27 && rng.Next(100) < 40));
        m.Facts.Set("commerciele_huurder", FactValue.Bool(role == "overig" && rng.Next(100) < 50));
        m.Facts.Set("heeft_perspectiefplan", FactValue.Bool(rng.Next(100) < 30));
        m.Facts.Set("dreigt_dakloos", FactValue.Bool(rng.Next(100) < 3));
        m.Facts.Set("jeugdhulp_verblijf", FactValue.Bool(m.YouthCare == true && rng.Next(100) < 25));
        m.Facts.Set("vervolgzorg_geregeld", FactValue.Bool(rng.Next(100) < 50));
        m.Facts.Set("wmo_melding", FactValue.Bool(rng.Next(100) < 10));
        m.Facts.Set("eigen_kracht_toereikend", FactValue.Bool(rng.Next(100) < 50));
        m.Facts.Set("in_inrichting", FactValue.Bool(adult && rng.Next(100) < 2));
        m.Facts.Set("studiefinanciering_of_bbl", FactValue.Bool(student && rng.Next(100) < 85));
        m.Facts.Set("eigen_huurcontract_zelfde_verhuurder", FactValue.Bool(role == "overig" && rng.Next(100) < 15));
        m.Facts.Set("wmo_alleen_rolstoel", FactValue.Bool(m.WmoSupport == true && rng.Next(100) < 15));
        m.Facts.Set("voortzetting_besloten", FactValue.Bool(m.YouthCare == true && rng.Next(100) < 20));
        return m;
    }
}
