using global::NRules;
using global::NRules.Fluent;
using global::NRules.Fluent.Dsl;

namespace Doorbraak.Rules.Benchmarks;

/// <summary>
/// NRules as a peer: the 13 national rules written the way an NRules user would, as fluent rules in C# over the plain
/// household, one session per household. The Wgs refusals insert a fact that the fraud-claim rule matches with
/// <c>Not</c> (forward chaining), as the pack derives huishouden.schuldhulp_geweigerd first.
/// </summary>
public sealed class PeerNRules
{
    private readonly ISessionFactory _factory;
    private readonly NationalParameters _p;

    public PeerNRules(NationalParameters p)
    {
        _p = p;
        var repository = new RuleRepository();
        repository.Load(x => x.From(typeof(PeerNRules).Assembly).Where(r => r.IsTagged(Tag)));
        _factory = repository.Compile();
    }

    internal const string Tag = "doorbraak-national";

    public int Evaluate(FlatHousehold h)
    {
        var session = _factory.CreateSession();
        var result = new Applied();
        session.Insert(h);
        session.Insert(_p);
        session.Insert(result);
        session.Fire();
        return result.Mask;
    }

    public sealed class Applied
    {
        public int Mask;
    }

    public sealed class SchuldhulpGeweigerd;

    private static bool Bijstand2167(FlatHousehold h, NationalParameters p) => h.Aanvrager.HeeftBijstand && h.Aanvrager.Leeftijd >= 21 && h.Aanvrager.Leeftijd < p.AowLeeftijd;
    private static bool Sharer(FlatMember m) => m.Leeftijd >= 27 && !m.Student && !(m.Rol == "overig" && m.CommercieleHuurder);

    [Tag(Tag)]
    public sealed class Alleenstaande : Rule
    {
        public override void Define()
        {
            FlatHousehold h = null!; NationalParameters p = null!; Applied a = null!;
            When().Match(() => p).Match(() => h, x => Bijstand2167(x, p) && !x.Leden.Any(m => m.Rol == "partner") && !x.Leden.Any(m => m.Rol != "aanvrager" && Sharer(m))).Match(() => a);
            Then().Do(_ => Set(a, 0));
        }
    }

    [Tag(Tag)]
    public sealed class Gehuwden : Rule
    {
        public override void Define()
        {
            FlatHousehold h = null!; NationalParameters p = null!; Applied a = null!;
            When().Match(() => p).Match(() => h, x => Bijstand2167(x, p) && x.Partner != null && x.Partner.Leeftijd >= 21 && x.Partner.Leeftijd < p.AowLeeftijd
                && !x.Leden.Any(m => m.Rol != "aanvrager" && m.Rol != "partner" && Sharer(m))).Match(() => a);
            Then().Do(_ => Set(a, 1));
        }
    }

    [Tag(Tag)]
    public sealed class Jongere : Rule
    {
        public override void Define()
        {
            FlatHousehold h = null!; Applied a = null!;
            When().Match(() => h, x => x.Aanvrager.HeeftBijstand && x.Aanvrager.Leeftijd >= 18 && x.Aanvrager.Leeftijd < 21 && x.Leden.Length == 1).Match(() => a);
            Then().Do(_ => Set(a, 2));
        }
    }

    [Tag(Tag)]
    public sealed class Kostendelersnorm : Rule
    {
        public override void Define()
        {
            FlatHousehold h = null!; NationalParameters p = null!; Applied a = null!;
            When().Match(() => p).Match(() => h, x => Bijstand2167(x, p) && x.Leden.Any(m => m.Rol != "aanvrager" && m.Rol != "partner" && Sharer(m))).Match(() => a);
            Then().Do(_ => Set(a, 3));
        }
    }

    [Tag(Tag)]
    public sealed class Zoektermijn : Rule
    {
        public override void Define()
        {
            FlatHousehold h = null!; Applied a = null!;
            When().Match(() => h, x => x.Aanvrager.HeeftBijstand && x.Aanvrager.Leeftijd < 27 && !x.Aanvrager.ZoektermijnUitzondering).Match(() => a);
            Then().Do(_ => Set(a, 4));
        }
    }

    [Tag(Tag)]
    public sealed class Verrekening : Rule
    {
        public override void Define()
        {
            FlatHousehold h = null!; Applied a = null!;
            When().Match(() => h, x => x.Aanvrager.HeeftBijstand && x.Schulden.Any(d => d.Schuldeiser == "gemeente" && d.Soort == "terugvordering")).Match(() => a);
            Then().Do(_ => Set(a, 5));
        }
    }

    [Tag(Tag)]
    public sealed class FraudevorderingBuitenSchuldregeling : Rule
    {
        public override void Define()
        {
            FlatHousehold h = null!; Applied a = null!;
            When().Match(() => h, x => x.SchuldhulpAangevraagd && x.Schulden.Any(d => d.Fraude)).Not<SchuldhulpGeweigerd>().Match(() => a);
            Then().Do(_ => Set(a, 6));
        }
    }

    [Tag(Tag)]
    public sealed class BeslagvrijeVoet : Rule
    {
        public override void Define()
        {
            FlatHousehold h = null!; Applied a = null!;
            When().Match(() => h, x => x.Aanvrager.HeeftBijstand).Match(() => a);
            Then().Do(_ => Set(a, 7));
        }
    }

    [Tag(Tag)]
    public sealed class Maatwerkvoorziening : Rule
    {
        public override void Define()
        {
            FlatHousehold h = null!; Applied a = null!;
            When().Match(() => h, x => x.Leden.Any(m => m.WmoMelding && m.Beperking && !m.EigenKrachtToereikend)).Match(() => a);
            Then().Do(_ => Set(a, 8));
        }
    }

    [Tag(Tag)]
    public sealed class EigenBijdrage : Rule
    {
        public override void Define()
        {
            FlatHousehold h = null!; Applied a = null!;
            When().Match(() => h, x => x.Leden.Any(m => m.WmoOndersteuning)).Match(() => a);
            Then().Do(_ => Set(a, 9));
        }
    }

    [Tag(Tag)]
    public sealed class EindeJeugdhulp18 : Rule
    {
        public override void Define()
        {
            FlatHousehold h = null!; Applied a = null!;
            When().Match(() => h, x => x.Leden.Any(m => m.Jeugdhulp && m.Leeftijd < 18)).Match(() => a);
            Then().Do(_ => Set(a, 10));
        }
    }

    [Tag(Tag)]
    public sealed class WeigeringEerdereSchuldhulp : Rule
    {
        public override void Define()
        {
            FlatHousehold h = null!; NationalParameters p = null!; Applied a = null!;
            When().Match(() => p).Match(() => h, x => x.SchuldhulpAangevraagd && x.EerderSchuldhulp
                && x.EerdereSchuldhulpEinde.AddMonths(p.WachttermijnMonths).AddDays(p.WachttermijnDays) > x.Peildatum).Match(() => a);
            Then().Do(ctx => Refuse(ctx, a, 11));
        }
    }

    [Tag(Tag)]
    public sealed class WeigeringFraude : Rule
    {
        public override void Define()
        {
            FlatHousehold h = null!; Applied a = null!;
            When().Match(() => h, x => x.SchuldhulpAangevraagd && x.Schulden.Any(d => d.Fraude && d.OnherroepelijkBestraft)).Match(() => a);
            Then().Do(ctx => Refuse(ctx, a, 12));
        }
    }

    private static void Set(Applied a, int bit) => a.Mask |= 1 << bit;

    private static void Refuse(global::NRules.RuleModel.IContext ctx, Applied a, int bit)
    {
        Set(a, bit);
        ctx.TryInsert(new SchuldhulpGeweigerd());
    }
}
