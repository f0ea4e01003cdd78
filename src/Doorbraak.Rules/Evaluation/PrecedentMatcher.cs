using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Compilation;

namespace Doorbraak.Rules.Evaluation;

/// <summary>Finds earlier decisions on the same deviation and measures how alike the cases are, by the facts the deviation's condition uses.</summary>
internal static class PrecedentMatcher
{
    /// <summary>Precedents at least this similar are listed.</summary>
    public const decimal Threshold = 0.5m;

    /// <summary>
    /// The facts (by name) that decide the case: what the deviation's condition reads (member facts of the member the
    /// deviation is about) and the household facts its rule's condition reads, with this household's values.
    /// </summary>
    public static SortedDictionary<string, string> KeyFacts(EvaluationSession ctx, CompiledDeviation d, EntityInstance? member)
    {
        var rule = d.Rule >= 0 ? ctx.RuleSet.Rules[d.Rule] : null;
        var fields = (d.Allowed?.FieldsRead ?? [])
            .Concat((rule?.Applies?.FieldsRead ?? []).Where(f => f.Owner.Name == FactSchema.HouseholdEntity))
            .Where(f => f.Type.IsScalar)
            .Distinct();
        var facts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in fields)
        {
            EntityInstance? source = f.Owner.Name switch
            {
                FactSchema.HouseholdEntity => ctx.Base.Household,
                FactSchema.MemberEntity => member,
                _ => null,
            };
            if (source is null) continue;
            facts[f.QualifiedName] = ProposalFinder.Invariant(source.Values[f.Slot]);
        }
        return facts;
    }

    public static List<PrecedentMatch> Match(EvaluationSession ctx, IEnumerable<CompiledDeviation> deviations, EntityInstance? member, IPrecedentSource source)
    {
        var result = new List<PrecedentMatch>();
        foreach (var d in deviations)
        {
            var mine = KeyFacts(ctx, d, member);
            foreach (var p in source.ForDeviation(d.Id))
            {
                var similarity = Similarity(mine, p.Facts);
                if (similarity >= Threshold)
                    result.Add(new PrecedentMatch(p.CaseReference, p.Deviation, p.Outcome, p.DecidedOn, similarity, p.Motivation));
            }
        }
        return result.OrderByDescending(m => m.Similarity).ThenByDescending(m => m.DecidedOn).ThenBy(m => m.CaseReference, StringComparer.Ordinal).Take(10).ToList();
    }

    public static decimal Similarity(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        if (a.Count == 0) return 0;
        var equal = a.Count(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);
        return decimal.Round((decimal)equal / a.Count, 2);
    }
}
