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

    internal static NationalParameters From(PackSet packs, DateOnly date)
    {
        var plan = packs.RuleSet;
        var values = plan.Parameters.ValuesOn(date);
        FactValue Get(string id) => values[plan.Parameters.Definitions.Select((d, i) => (d, i)).First(x => x.d.Id == id).i];
        return new NationalParameters { AowLeeftijd = (int)Get("pw.aow_leeftijd").AsDecimal };
    }
}

/// <summary>
/// The floor: the same conditions written by hand over <see cref="FlatHousehold"/>, including the two facts the pack
/// derives first for them (lid.kostendeler from pw.kostendelende-medebewoner, huishouden.aow_leeftijd_bereikt from
/// pw.aow-leeftijd-bereikt) and huishouden.schuldhulp_geweigerd (from the two wgs rules).
/// </summary>
public sealed class HandWritten(NationalParameters p)
{
    private readonly int _aow = p.AowLeeftijd;

    /// <summary>lid.kostendeler as pw.kostendelende-medebewoner determines it (art. 19a lid 1).</summary>
    public static bool Kostendeler(FlatMember m) =>
        m.Rol != "aanvrager" && m.Rol != "partner" && m.Leeftijd >= 27 && !(m.Student && m.StudiefinancieringOfBbl)
        && !(m.Rol == "overig" && (m.CommercieleHuurder || m.EigenHuurcontractZelfdeVerhuurder));

    public int Evaluate(FlatHousehold h)
    {
        var a = h.Aanvrager;
        var leden = h.Leden;
        var hasPartner = false;
        var kostendelers = 0;
        bool anyWmo = false, anyMaatwerk = false, anyJeugd = false;
        foreach (var m in leden)
        {
            if (m.Rol == "partner") hasPartner = true;
            if (Kostendeler(m)) kostendelers++;
            if (m.WmoOndersteuning && m.Leeftijd >= 18 && !m.WmoAlleenRolstoel) anyWmo = true;
            if (m.WmoMelding && m.Beperking && !m.EigenKrachtToereikend) anyMaatwerk = true;
            if (m.Jeugdhulp && m.Leeftijd < 21 && !m.VoortzettingBesloten) anyJeugd = true;
        }
        bool anyVerrekenbaar = false, anyFraud = false, anyFraudRefusal = false;
        foreach (var d in h.Schulden)
        {
            if (d.Schuldeiser == "gemeente" && (d.Soort == "terugvordering" || d.Soort == "boete")) anyVerrekenbaar = true;
            if (d.Fraude)
            {
                anyFraud = true;
                if (d.Opzet && d.BenadelingOverheid && d.OnherroepelijkBestraft) anyFraudRefusal = true;
            }
        }
        var partner = h.Partner;
        var bijstand = a.HeeftBijstand;
        var aowBereikt = a.Leeftijd >= _aow || (hasPartner && partner!.Leeftijd >= _aow);
        var age21Aow = a.Leeftijd >= 21 && a.Leeftijd < _aow;
        var mask = 0;
        if (bijstand && age21Aow && !hasPartner && !a.InInrichting && kostendelers == 0 && !aowBereikt) mask |= 1 << 0;
        if (bijstand && age21Aow && hasPartner && partner!.Leeftijd >= 21 && partner.Leeftijd < _aow && !a.InInrichting && kostendelers == 0 && !aowBereikt) mask |= 1 << 1;
        if (bijstand && a.Leeftijd >= 18 && a.Leeftijd < 21 && !hasPartner && !a.InInrichting && !aowBereikt) mask |= 1 << 2;
        if (bijstand && age21Aow && kostendelers >= 1) mask |= 1 << 3;
        if (bijstand && a.Leeftijd < 27 && !a.ZoektermijnUitzondering && (!hasPartner || partner!.Leeftijd < 27)) mask |= 1 << 4;
        if (bijstand && anyVerrekenbaar && !h.TerugvorderingBedragNul) mask |= 1 << 5;
        var weigeringEerder = h.SchuldhulpAangevraagd && h.BeleidWeigertNaEerderTraject;
        var weigeringFraude = h.SchuldhulpAangevraagd && anyFraudRefusal;
        // pw.fraudevordering-buiten-schuldregeling reads huishouden.schuldhulp_geweigerd, which the two wgs rules determine first.
        if (h.SchuldhulpAangevraagd && !(weigeringEerder || weigeringFraude) && anyFraud) mask |= 1 << 6;
        if (bijstand) mask |= 1 << 7;
        if (anyMaatwerk) mask |= 1 << 8;
        if (anyWmo) mask |= 1 << 9;
        if (anyJeugd) mask |= 1 << 10;
        if (weigeringEerder) mask |= 1 << 11;
        if (weigeringFraude) mask |= 1 << 12;
        return mask;
    }
}

/// <summary>
/// Doorbraak's compiled conditions: every compared law rule of the national pack in plan order, with the rules
/// they depend on (pw.kostendelende-medebewoner and pw.aow-leeftijd-bereikt, which determine facts the compared
/// conditions read), evaluated with the engine's own delegates over the engine's own frame. A rule's determinations
/// are written only when a later rule of the run reads them, and undone afterwards, so one household instance can
/// be reused without copying.
/// </summary>
internal sealed class EngineApplicability
{
    private readonly (CompiledRule Rule, int Bit, CompiledDetermination[] Writes)[] _rules;
    private readonly int[] _compared;
    private readonly FactValue[] _parameters;
    private readonly DateOnly _date;
    private readonly CompiledRuleSet _plan;
    [ThreadStatic] private static List<(EntityInstance, int, FactValue)>? t_written;

    public EngineApplicability(PackSet packs, DateOnly date)
    {
        _plan = packs.RuleSet;
        _date = date;
        _parameters = _plan.Parameters.ValuesOn(date);
        var compared = _plan.Rules.Where(r => NationalRules.Ids.Contains(r.Id)).ToList();
        if (compared.Count != NationalRules.Ids.Length)
            throw new InvalidOperationException($"The national pack no longer has the compared rules: missing {string.Join(", ", NationalRules.Ids.Except(compared.Select(r => r.Id)))}");
        // The compared rules and, transitively, every rule that determines a fact one of them reads.
        // (Only the compared conditions count; for a helper rule its determinations too.)
        var run = compared.ToHashSet();
        for (var changed = true; changed;)
        {
            changed = false;
            var reads = run.SelectMany(r => ConditionReads(compared, r)).ToHashSet();
            foreach (var r in _plan.Rules)
                if (r.ValidOn(date) && !run.Contains(r) && r.Writes.Overlaps(reads)) changed |= run.Add(r);
        }
        var ordered = _plan.Rules.Where(r => run.Contains(r) && r.ValidOn(date)).ToList();
        _rules = ordered.Select((r, i) =>
        {
            var later = ordered.Skip(i + 1).SelectMany(x => ConditionReads(compared, x)).ToHashSet();
            return (r, Array.IndexOf(NationalRules.Ids, r.Id), r.Determines.Where(d => later.Contains(d.Target.Field)).ToArray());
        }).ToArray();
        _compared = Enumerable.Range(0, _rules.Length).Where(i => _rules[i].Bit >= 0).ToArray();
        Helpers = _rules.Where(r => r.Bit < 0).Select(r => r.Rule.Id).ToArray();
    }

    private static IEnumerable<FieldDefinition> ConditionReads(List<CompiledRule> compared, CompiledRule r) =>
        compared.Contains(r) ? r.Applies?.FieldsRead ?? [] : r.Reads;

    /// <summary>The rules run before or between the compared ones because they determine facts those read.</summary>
    public IReadOnlyList<string> Helpers { get; }

    public int RuleCount => _compared.Length;

    public string RuleId(int i) => _rules[_compared[i]].Rule.Id;

    /// <summary>
    /// One compared rule's condition alone (for the per-rule breakdown), after the rules before it in the run (so the
    /// facts it reads are derived); the time includes those. True when it applies to the household or any element.
    /// </summary>
    public bool EvaluateOne(int i, EntityInstance household) => (Run(household, _compared[i]) & (1 << _rules[_compared[i]].Bit)) != 0;

    /// <summary>Builds the engine's frame from a host household (what Evaluate does first).</summary>
    public EntityInstance Prepare(Household h)
    {
        var problems = new DiagnosticBag();
        var e = _plan.FrameBuilder.Build(h, _date, problems);
        if (problems.HasErrors) throw new InvalidOperationException(string.Join("; ", problems.Items));
        return e;
    }

    public int Evaluate(EntityInstance household) => Run(household, -1);

    /// <summary>Runs the rules in order; with <paramref name="only"/> &gt;= 0 only the rules the run needs before it and that one.</summary>
    private int Run(EntityInstance household, int only)
    {
        var frame = new EvaluationFrame(household, _parameters, _date);
        var mask = 0;
        var written = t_written ??= new();
        for (var k = 0; k < _rules.Length; k++)
        {
            var (rule, bit, writes) = _rules[k];
            if (only >= 0 && (k > only || (k < only && writes.Length == 0))) continue;
            var applies = false;
            if (rule.Applies is not { } cond)
            {
                applies = true;
                if (writes.Length > 0) Write(frame, writes, null, written);
            }
            else if (rule.ForEach is { } coll)
            {
                foreach (var element in household.Collections[coll.Slot])
                {
                    if (cond.Evaluate(frame, element).IsTrue) { applies = true; if (writes.Length == 0) break; Write(frame, writes, element, written); }
                }
            }
            else if (cond.Evaluate(frame, null).IsTrue)
            {
                applies = true;
                if (writes.Length > 0) Write(frame, writes, null, written);
            }
            if (applies && bit >= 0) mask |= 1 << bit;
        }
        for (var i = written.Count - 1; i >= 0; i--) { var (inst, slot, old) = written[i]; inst.Values[slot] = old; }
        written.Clear();
        frame.Reads.Clear();
        return mask;
    }

    private void Write(EvaluationFrame frame, CompiledDetermination[] writes, EntityInstance? element, List<(EntityInstance, int, FactValue)> written)
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
            written.Add((target, det.Target.Field.Slot, target.Values[det.Target.Field.Slot]));
            target.Values[det.Target.Field.Slot] = value;
        }
    }
}
