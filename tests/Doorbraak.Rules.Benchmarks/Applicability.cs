using Doorbraak.Rules.Source;
using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Compilation;

namespace Doorbraak.Rules.Benchmarks;

/// <summary>The national pack's law rules compared by all three implementations, in one fixed bit order.</summary>
public static class NationalRules
{
    public static readonly string[] Ids =
    [
        "pw.bijstandsnorm-alleenstaande", "pw.bijstandsnorm-gehuwden", "pw.bijstandsnorm-jongere", "pw.kostendelersnorm",
        "pw.zoektermijn-jongeren", "pw.verrekening", "pw.fraudevordering-buiten-schuldregeling", "bvv.beslagvrije-voet",
        "wmo.maatwerkvoorziening", "wmo.eigen-bijdrage", "jw.einde-jeugdhulp-18", "wgs.weigering-eerdere-schuldhulp", "wgs.weigering-fraude",
    ];

    public static string Describe(int mask) =>
        "[" + string.Join(", ", Ids.Where((_, i) => (mask & (1 << i)) != 0)) + "]";
}

/// <summary>Parameter values the C# and RulesEngine versions need, read from the pack on the reference date (so they cannot drift).</summary>
public sealed class NationalParameters
{
    public required int AowLeeftijd { get; init; }
    public required int WachttermijnMonths { get; init; }
    public required int WachttermijnDays { get; init; }

    internal static NationalParameters From(PackSet packs, DateOnly date)
    {
        var plan = packs.RuleSet;
        var values = plan.Parameters.ValuesOn(date);
        FactValue Get(string id) => values[plan.Parameters.Definitions.Select((d, i) => (d, i)).First(x => x.d.Id == id).i];
        var wacht = Get("wgs.wachttermijn_eerdere_schuldhulp");
        return new NationalParameters
        {
            AowLeeftijd = (int)Get("pw.aow_leeftijd").AsDecimal,
            WachttermijnMonths = wacht.DurationMonths,
            WachttermijnDays = wacht.DurationDays,
        };
    }
}

/// <summary>The floor: the same conditions written by hand over <see cref="FlatHousehold"/>.</summary>
public sealed class HandWritten(NationalParameters p)
{
    private readonly int _aow = p.AowLeeftijd;
    private readonly int _months = p.WachttermijnMonths, _days = p.WachttermijnDays;

    public int Evaluate(FlatHousehold h)
    {
        var a = h.Aanvrager;
        var leden = h.Leden;
        var hasPartner = false;
        int sharersExclApplicant = 0, sharersExclCouple = 0;
        bool anyWmoSupport = false, anyMaatwerk = false, anyJeugd18 = false;
        foreach (var m in leden)
        {
            if (m.Rol == "partner") hasPartner = true;
            var sharer = m.Leeftijd >= 27 && !m.Student && !(m.Rol == "overig" && m.CommercieleHuurder);
            if (sharer && m.Rol != "aanvrager")
            {
                sharersExclApplicant++;
                if (m.Rol != "partner") sharersExclCouple++;
            }
            if (m.WmoOndersteuning) anyWmoSupport = true;
            if (m.WmoMelding && m.Beperking && !m.EigenKrachtToereikend) anyMaatwerk = true;
            if (m.Jeugdhulp && m.Leeftijd < 18) anyJeugd18 = true;
        }
        bool anyTerug = false, anyFraud = false, anyFraudPunished = false;
        foreach (var d in h.Schulden)
        {
            if (d.Schuldeiser == "gemeente" && d.Soort == "terugvordering") anyTerug = true;
            if (d.Fraude)
            {
                anyFraud = true;
                if (d.OnherroepelijkBestraft) anyFraudPunished = true;
            }
        }
        var bijstand = a.HeeftBijstand;
        var age2167 = a.Leeftijd >= 21 && a.Leeftijd < _aow;
        var mask = 0;
        if (bijstand && age2167 && !hasPartner && sharersExclApplicant == 0) mask |= 1 << 0;
        var partner = h.Partner;
        if (bijstand && age2167 && hasPartner && partner!.Leeftijd >= 21 && partner.Leeftijd < _aow && sharersExclCouple == 0) mask |= 1 << 1;
        if (bijstand && a.Leeftijd >= 18 && a.Leeftijd < 21 && leden.Length == 1) mask |= 1 << 2;
        if (bijstand && age2167 && sharersExclCouple >= 1) mask |= 1 << 3;
        if (bijstand && a.Leeftijd < 27 && !a.ZoektermijnUitzondering) mask |= 1 << 4;
        if (bijstand && anyTerug) mask |= 1 << 5;
        var weigeringEerder = h.SchuldhulpAangevraagd && h.EerderSchuldhulp && h.EerdereSchuldhulpEinde.AddMonths(_months).AddDays(_days) > h.Peildatum;
        var weigeringFraude = h.SchuldhulpAangevraagd && anyFraudPunished;
        // pw.fraudevordering-buiten-schuldregeling reads huishouden.schuldhulp_geweigerd, which the two wgs rules determine first.
        if (h.SchuldhulpAangevraagd && !(weigeringEerder || weigeringFraude) && anyFraud) mask |= 1 << 6;
        if (bijstand) mask |= 1 << 7;
        if (anyMaatwerk) mask |= 1 << 8;
        if (anyWmoSupport) mask |= 1 << 9;
        if (anyJeugd18) mask |= 1 << 10;
        if (weigeringEerder) mask |= 1 << 11;
        if (weigeringFraude) mask |= 1 << 12;
        return mask;
    }
}

/// <summary>
/// Doorbraak's compiled conditions: every law rule of the national pack in plan order, evaluated with
/// the engine's own delegates over the engine's own frame. A rule's determinations are written only
/// when a later compared rule reads them (here: huishouden.schuldhulp_geweigerd), and undone afterwards,
/// so one household instance can be reused without copying.
/// </summary>
internal sealed class EngineApplicability
{
    private readonly (CompiledRule Rule, int Bit, CompiledDetermination[] Writes)[] _rules;
    private readonly FactValue[] _parameters;
    private readonly DateOnly _date;
    private readonly CompiledRuleSet _plan;

    public EngineApplicability(PackSet packs, DateOnly date)
    {
        _plan = packs.RuleSet;
        _date = date;
        _parameters = _plan.Parameters.ValuesOn(date);
        var compared = _plan.Rules.Where(r => NationalRules.Ids.Contains(r.Id)).ToList();
        if (compared.Count != NationalRules.Ids.Length)
            throw new InvalidOperationException($"The national pack no longer has the compared rules: missing {string.Join(", ", NationalRules.Ids.Except(compared.Select(r => r.Id)))}");
        _rules = compared.Where(r => r.ValidOn(date)).Select((r, i) =>
        {
            var later = compared.SkipWhile(x => x != r).Skip(1).SelectMany(x => x.Applies?.FieldsRead ?? []).ToHashSet();
            return (r, Array.IndexOf(NationalRules.Ids, r.Id), r.Determines.Where(d => later.Contains(d.Target.Field)).ToArray());
        }).ToArray();
    }

    public int RuleCount => _rules.Length;

    public string RuleId(int i) => _rules[i].Rule.Id;

    /// <summary>One rule's condition alone (for the per-rule breakdown); true when it applies to the household or any element.</summary>
    public bool EvaluateOne(int i, EntityInstance household)
    {
        var frame = new EvaluationFrame(household, _parameters, _date);
        var (rule, _, _) = _rules[i];
        if (rule.Applies is not { } cond) return true;
        if (rule.ForEach is { } coll)
        {
            foreach (var element in household.Collections[coll.Slot])
                if (cond.Evaluate(frame, element).IsTrue) return true;
            return false;
        }
        return cond.Evaluate(frame, null).IsTrue;
    }

    /// <summary>Builds the engine's frame from a host household (what Evaluate does first).</summary>
    public EntityInstance Prepare(Household h)
    {
        var problems = new DiagnosticBag();
        var e = _plan.FrameBuilder.Build(h, _date, problems);
        if (problems.HasErrors) throw new InvalidOperationException(string.Join("; ", problems.Items));
        return e;
    }

    public int Evaluate(EntityInstance household)
    {
        var frame = new EvaluationFrame(household, _parameters, _date);
        var mask = 0;
        List<(EntityInstance, int, FactValue)>? written = null;
        foreach (var (rule, bit, writes) in _rules)
        {
            var applies = false;
            if (rule.Applies is not { } cond) applies = true;
            else if (rule.ForEach is { } coll)
            {
                foreach (var element in household.Collections[coll.Slot])
                {
                    if (cond.Evaluate(frame, element).IsTrue) { applies = true; if (writes.Length == 0) break; Write(frame, rule, writes, element, ref written); }
                }
            }
            else if (cond.Evaluate(frame, null).IsTrue)
            {
                applies = true;
                if (writes.Length > 0) Write(frame, rule, writes, null, ref written);
            }
            if (applies) mask |= 1 << bit;
        }
        if (written is not null)
            for (var i = written.Count - 1; i >= 0; i--) { var (inst, slot, old) = written[i]; inst.Values[slot] = old; }
        frame.Reads.Clear();
        return mask;
    }

    private void Write(EvaluationFrame frame, CompiledRule rule, CompiledDetermination[] writes, EntityInstance? element, ref List<(EntityInstance, int, FactValue)>? written)
    {
        foreach (var det in writes)
        {
            var target = det.Target.Kind switch
            {
                TargetKind.Household => frame.Household,
                TargetKind.Element => element,
                _ => frame.MemberWithRole(det.Target.Role!, _plan.RoleField, _plan.MembersField),
            };
            if (target is null) continue;
            var value = det.Value.Evaluate(frame, element);
            (written ??= new()).Add((target, det.Target.Field.Slot, target.Values[det.Target.Field.Slot]));
            target.Values[det.Target.Field.Slot] = value;
        }
    }
}
