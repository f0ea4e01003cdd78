using System.Text.RegularExpressions;
using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Compilation;

namespace Doorbraak.Rules.Evaluation;

/// <summary>
/// The facts a household supplies that nothing in the loaded packs reads: no rule, consequence, goal, declared
/// collision, deviation (condition, change or motivation) or cost. Information for the regisseur ("you told me this,
/// and no pack uses it"), not a gap.
/// </summary>
internal static partial class UnusedFacts
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CompiledRuleSet, HashSet<FieldDefinition>> Cache = new();

    /// <summary>The paths (<c>huishouden.huur</c>, <c>leden[zoon].hobby</c>, <c>schulden[1].schuldeiser</c>) of supplied facts nothing reads, sorted.</summary>
    public static IReadOnlyList<string> Of(EvaluationSession session)
    {
        var read = Cache.GetValue(session.RuleSet, FieldsRead);
        var result = new List<string>();
        Collect(session.Supplied, read, session.Household.Facts, result);
        foreach (var e in session.Supplied.Collections.Where(c => c is not null).SelectMany(c => c))
        {
            var bag = Supplied(session.Household, e);
            if (bag is not null) Collect(e, read, bag, result);
        }
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    private static FactBag? Supplied(Household h, EntityInstance e) => e.Schema.Name switch
    {
        FactSchema.MemberEntity => h.Members.FirstOrDefault(m => m.Id == e.Id)?.Facts,
        FactSchema.DebtEntity => Index(e.Key) is { } i && i < h.Debts.Count ? h.Debts[i].Facts : null,
        FactSchema.ProvisionEntity => Index(e.Key) is { } j && j < h.Provisions.Count ? h.Provisions[j].Facts : null,
        _ => null,
    };

    private static int? Index(string key)
    {
        var open = key.IndexOf('[');
        return open >= 0 && int.TryParse(key.AsSpan(open + 1, key.Length - open - 2), out var n) ? n - 1 : null;
    }

    private static void Collect(EntityInstance e, HashSet<FieldDefinition> read, FactBag supplied, List<string> into)
    {
        foreach (var (name, _) in supplied.Values)
        {
            if (name == "id" && e.Schema.Name == FactSchema.MemberEntity) continue;
            if (!e.Schema.TryGetField(name, out var f) || read.Contains(f)) continue;
            into.Add($"{e.Key}.{name}");
        }
    }

    [GeneratedRegex(@"\{\{\s*([a-z_]+)\.([a-z0-9_]+)\s*\}\}")]
    private static partial Regex Placeholder();

    private static HashSet<FieldDefinition> FieldsRead(CompiledRuleSet plan)
    {
        var read = new HashSet<FieldDefinition>();
        void Add(Conditions.CompiledExpression? x)
        {
            if (x is not null) read.UnionWith(x.FieldsRead);
        }
        foreach (var r in plan.Rules)
        {
            read.UnionWith(r.Reads);
            Add(r.Applies);
            foreach (var d in r.Determines) Add(d.Value);
        }
        foreach (var g in plan.Goals)
        {
            Add(g.Holds);
            Add(g.Active);
        }
        foreach (var c in plan.Collisions) Add(c.When);
        foreach (var d in plan.Deviations)
        {
            Add(d.Allowed);
            Add(d.ParameterValue);
            foreach (var s in d.Sets) Add(s.Value);
            foreach (var e in d.ElementSets)
            {
                Add(e.Where);
                if (e.IdField is { } idField) read.Add(idField);
                foreach (var s in e.Sets) Add(s.Value);
            }
            Add(d.Until);
            foreach (var c in d.Costs) Add(c.Amount);
            if (d.Fact is { } f) read.Add(f);
            foreach (System.Text.RegularExpressions.Match m in Placeholder().Matches(d.Definition.Motivation ?? ""))
            {
                var entity = m.Groups[1].Value switch
                {
                    "huishouden" => plan.Schema.Household,
                    "lid" or BuiltInFacts.ApplicantRole => plan.Schema.Member,
                    _ => null,
                };
                if (entity is not null && entity.TryGetField(m.Groups[2].Value, out var field)) read.Add(field);
            }
        }
        foreach (var c in plan.Costs)
        {
            Add(c.Monthly);
            Add(c.When);
        }
        // A member's age is derived from the birth date: reading the age reads the birth date.
        if (read.Any(f => f.Name == BuiltInFacts.Age && f.Owner.Name == FactSchema.MemberEntity) && plan.Schema.Member.TryGetField(BuiltInFacts.BirthDate, out var born))
            read.Add(born);
        return read;
    }
}
