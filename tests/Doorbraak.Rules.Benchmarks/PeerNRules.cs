using global::NRules;
using global::NRules.Fluent;
using global::NRules.Fluent.Dsl;

namespace Doorbraak.Rules.Benchmarks;

/// <summary>
/// NRules as a peer: the 13 national rules written the way an NRules user would, as fluent rules in C# over the plain
/// household, one session per household. The Wgs refusals insert a fact that the fraud-claim rule matches with
/// <c>Not</c> (forward chaining), as the pack derives huishouden.schuldhulp_geweigerd first; they have a higher priority, so
/// the derived fact is there before the dependent rule fires (without it NRules fires the fraud-claim rule first: the
/// agreement check found that on the first generated household).
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
        var count = repository.GetRules().Count();
        if (count != NationalRules.Ids.Length) throw new InvalidOperationException($"NRules loaded {count} rules, expected {NationalRules.Ids.Length}.");
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


}

/// <summary>What the peer's rules share.</summary>
internal static class NationalRuleHelpers
{
    public static bool Age21Aow(FlatMember m, NationalParameters p) => m.Leeftijd >= 21 && m.Leeftijd < p.AowLeeftijd;

    public static bool HasPartner(FlatHousehold h) => h.Leden.Any(m => m.Rol == "partner");

    public static int Kostendelers(FlatHousehold h) => h.Leden.Count(HandWritten.Kostendeler);

    /// <summary>huishouden.aow_leeftijd_bereikt (determined when the applicant has bijstand; every reader checks that first).</summary>
    public static bool AowBereikt(FlatHousehold h, NationalParameters p) => h.Aanvrager.Leeftijd >= p.AowLeeftijd || h.Leden.Any(m => m.Rol == "partner" && m.Leeftijd >= p.AowLeeftijd);

    public static void Set(PeerNRules.Applied a, int bit) => a.Mask |= 1 << bit;

    public static void Refuse(global::NRules.RuleModel.IContext ctx, PeerNRules.Applied a, int bit)
    {
        Set(a, bit);
        ctx.TryInsert(new PeerNRules.SchuldhulpGeweigerd());
    }
}

[Tag(PeerNRules.Tag)]
public sealed class Alleenstaande : Rule
{
    public override void Define()
    {
        FlatHousehold h = null!; NationalParameters p = null!; PeerNRules.Applied a = null!;
        When().Match(() => p).Match(() => h, x => x.Aanvrager.HeeftBijstand && NationalRuleHelpers.Age21Aow(x.Aanvrager, p) && !NationalRuleHelpers.HasPartner(x)
            && !x.Aanvrager.InInrichting && NationalRuleHelpers.Kostendelers(x) == 0 && !NationalRuleHelpers.AowBereikt(x, p)).Match(() => a);
        Then().Do(_ => NationalRuleHelpers.Set(a, 0));
    }
}

[Tag(PeerNRules.Tag)]
public sealed class Gehuwden : Rule
{
    public override void Define()
    {
        FlatHousehold h = null!; NationalParameters p = null!; PeerNRules.Applied a = null!;
        When().Match(() => p).Match(() => h, x => x.Aanvrager.HeeftBijstand && NationalRuleHelpers.Age21Aow(x.Aanvrager, p) && NationalRuleHelpers.HasPartner(x)
            && NationalRuleHelpers.Age21Aow(x.Partner!, p) && !x.Aanvrager.InInrichting && NationalRuleHelpers.Kostendelers(x) == 0 && !NationalRuleHelpers.AowBereikt(x, p)).Match(() => a);
        Then().Do(_ => NationalRuleHelpers.Set(a, 1));
    }
}

[Tag(PeerNRules.Tag)]
public sealed class Jongere : Rule
{
    public override void Define()
    {
        FlatHousehold h = null!; NationalParameters p = null!; PeerNRules.Applied a = null!;
        When().Match(() => p).Match(() => h, x => x.Aanvrager.HeeftBijstand && x.Aanvrager.Leeftijd >= 18 && x.Aanvrager.Leeftijd < 21 && !NationalRuleHelpers.HasPartner(x)
            && !x.Aanvrager.InInrichting && !NationalRuleHelpers.AowBereikt(x, p)).Match(() => a);
        Then().Do(_ => NationalRuleHelpers.Set(a, 2));
    }
}

[Tag(PeerNRules.Tag)]
public sealed class Kostendelersnorm : Rule
{
    public override void Define()
    {
        FlatHousehold h = null!; NationalParameters p = null!; PeerNRules.Applied a = null!;
        When().Match(() => p).Match(() => h, x => x.Aanvrager.HeeftBijstand && NationalRuleHelpers.Age21Aow(x.Aanvrager, p) && NationalRuleHelpers.Kostendelers(x) >= 1).Match(() => a);
        Then().Do(_ => NationalRuleHelpers.Set(a, 3));
    }
}

[Tag(PeerNRules.Tag)]
public sealed class Zoektermijn : Rule
{
    public override void Define()
    {
        FlatHousehold h = null!; PeerNRules.Applied a = null!;
        When().Match(() => h, x => x.Aanvrager.HeeftBijstand && x.Aanvrager.Leeftijd < 27 && !x.Aanvrager.ZoektermijnUitzondering
            && (!NationalRuleHelpers.HasPartner(x) || x.Partner!.Leeftijd < 27)).Match(() => a);
        Then().Do(_ => NationalRuleHelpers.Set(a, 4));
    }
}

[Tag(PeerNRules.Tag)]
public sealed class Verrekening : Rule
{
    public override void Define()
    {
        FlatHousehold h = null!; PeerNRules.Applied a = null!;
        When().Match(() => h, x => x.Aanvrager.HeeftBijstand && x.Schulden.Any(d => d.Schuldeiser == "gemeente" && (d.Soort == "terugvordering" || d.Soort == "boete"))
            && !x.TerugvorderingBedragNul).Match(() => a);
        Then().Do(_ => NationalRuleHelpers.Set(a, 5));
    }
}

[Tag(PeerNRules.Tag)]
public sealed class FraudevorderingBuitenSchuldregeling : Rule
{
    public override void Define()
    {
        FlatHousehold h = null!; PeerNRules.Applied a = null!;
        When().Match(() => h, x => x.SchuldhulpAangevraagd && x.Schulden.Any(d => d.Fraude)).Not<PeerNRules.SchuldhulpGeweigerd>().Match(() => a);
        Then().Do(_ => NationalRuleHelpers.Set(a, 6));
    }
}

[Tag(PeerNRules.Tag)]
public sealed class BeslagvrijeVoet : Rule
{
    public override void Define()
    {
        FlatHousehold h = null!; PeerNRules.Applied a = null!;
        When().Match(() => h, x => x.Aanvrager.HeeftBijstand).Match(() => a);
        Then().Do(_ => NationalRuleHelpers.Set(a, 7));
    }
}

[Tag(PeerNRules.Tag)]
public sealed class Maatwerkvoorziening : Rule
{
    public override void Define()
    {
        FlatHousehold h = null!; PeerNRules.Applied a = null!;
        When().Match(() => h, x => x.Leden.Any(m => m.WmoMelding && m.Beperking && !m.EigenKrachtToereikend)).Match(() => a);
        Then().Do(_ => NationalRuleHelpers.Set(a, 8));
    }
}

[Tag(PeerNRules.Tag)]
public sealed class EigenBijdrage : Rule
{
    public override void Define()
    {
        FlatHousehold h = null!; PeerNRules.Applied a = null!;
        When().Match(() => h, x => x.Leden.Any(m => m.WmoOndersteuning && m.Leeftijd >= 18 && !m.WmoAlleenRolstoel)).Match(() => a);
        Then().Do(_ => NationalRuleHelpers.Set(a, 9));
    }
}

[Tag(PeerNRules.Tag)]
public sealed class EindeJeugdhulp18 : Rule
{
    public override void Define()
    {
        FlatHousehold h = null!; PeerNRules.Applied a = null!;
        When().Match(() => h, x => x.Leden.Any(m => m.Jeugdhulp && m.Leeftijd < 21 && !m.VoortzettingBesloten)).Match(() => a);
        Then().Do(_ => NationalRuleHelpers.Set(a, 10));
    }
}

[Tag(PeerNRules.Tag)]
[Priority(10)] // derive the refusal before the rule that matches Not<SchuldhulpGeweigerd> fires
public sealed class WeigeringEerdereSchuldhulp : Rule
{
    public override void Define()
    {
        FlatHousehold h = null!; PeerNRules.Applied a = null!;
        When().Match(() => h, x => x.SchuldhulpAangevraagd && x.BeleidWeigertNaEerderTraject).Match(() => a);
        Then().Do(ctx => NationalRuleHelpers.Refuse(ctx, a, 11));
    }
}

[Tag(PeerNRules.Tag)]
[Priority(10)]
public sealed class WeigeringFraude : Rule
{
    public override void Define()
    {
        FlatHousehold h = null!; PeerNRules.Applied a = null!;
        When().Match(() => h, x => x.SchuldhulpAangevraagd && x.Schulden.Any(d => d.Fraude && d.Opzet && d.BenadelingOverheid && d.OnherroepelijkBestraft)).Match(() => a);
        Then().Do(ctx => NationalRuleHelpers.Refuse(ctx, a, 12));
    }
}
