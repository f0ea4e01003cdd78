using Doorbraak.Rules.Compilation;
using Doorbraak.Rules.Conditions;
using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Wording;

namespace Doorbraak.Rules.Evaluation;

internal static partial class CompletenessCheck
{
    /// <summary>
    /// A parameter that a rule, goal, collision, deviation or cost reads and that has no value on the peildatum:
    /// every figure computed from it is unknown, so the result cannot be complete.
    /// </summary>
    private static void ParametersWithoutValue(EvaluationSession session, List<Gap> gaps)
    {
        // Most evaluations have a value for every parameter: only then is anything else computed.
        Dictionary<string, SortedSet<string>>? readers = null;
        HashSet<string>? invalidPacks = null;
        var words = Texts.Of(session.Lang);
        foreach (var def in session.RuleSet.Parameters.Definitions)
        {
            if (!session.RuleSet.Environment.Parameters.TryGetValue(def.Id, out var symbol)) continue;
            if (!session.Parameters[symbol.Slot].IsUnknown) continue;
            // A pack that is not valid on the peildatum already has its gap; its parameters are part of it.
            invalidPacks ??= gaps.Where(g => g.Kind == GapKind.PackNotValid).Select(g => g.Subject).ToHashSet(StringComparer.Ordinal);
            if (invalidPacks.Contains(def.PackId)) continue;
            readers ??= ParameterReaders(session.RuleSet, session.Date);
            if (!readers.TryGetValue(def.Id, out var affects) || affects.Count == 0) continue;
            var earlier = def.Values.Where(v => v.To is { } to && to < session.Date).Select(v => v.To!.Value).DefaultIfEmpty().Max();
            var later = def.Values.Where(v => v.From > session.Date).Select(v => v.From).DefaultIfEmpty().Min();
            var message = earlier != default
                ? words.Format("engine.completeness.parameter.after", ("parameter", def.Id), ("title", def.Title), ("date", words.Date(earlier)))
                : later != default
                    ? words.Format("engine.completeness.parameter.before", ("parameter", def.Id), ("title", def.Title), ("date", words.Date(later)))
                    : words.Format("engine.completeness.parameter.none", ("parameter", def.Id), ("title", def.Title));
            gaps.Add(new Gap(GapKind.ParameterWithoutValue, def.Id, message, affects.ToList()));
        }
    }

    /// <summary>
    /// For each parameter id, the ids of the rules, goals, collisions, deviations and costs that read it; a rule that is
    /// not valid on <paramref name="date"/> is not run, so it does not count.
    /// </summary>
    internal static Dictionary<string, SortedSet<string>> ParameterReaders(CompiledRuleSet set, DateOnly date)
    {
        var readers = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        void Add(CompiledExpression? e, string id)
        {
            if (e is null) return;
            foreach (var p in e.ParametersRead)
            {
                if (!readers.TryGetValue(p.Id, out var s)) readers[p.Id] = s = new SortedSet<string>(StringComparer.Ordinal);
                s.Add(id);
            }
        }
        foreach (var r in set.Rules)
        {
            if (!r.ValidOn(date)) continue;
            Add(r.Applies, r.Id);
            foreach (var d in r.Determines) Add(d.Value, r.Id);
        }
        foreach (var g in set.Goals)
        {
            Add(g.Holds, g.Id);
            Add(g.Active, g.Id);
        }
        foreach (var c in set.Collisions) Add(c.When, c.Definition.Id);
        foreach (var d in set.Deviations)
        {
            Add(d.Allowed, d.Id);
            Add(d.ParameterValue, d.Id);
            foreach (var s in d.Sets) Add(s.Value, d.Id);
            foreach (var e in d.ElementSets)
            {
                Add(e.Where, d.Id);
                foreach (var s in e.Sets) Add(s.Value, d.Id);
            }
            Add(d.Until, d.Id);
            foreach (var c in d.Costs) Add(c.Amount, d.Id);
        }
        foreach (var c in set.Costs)
        {
            Add(c.Monthly, c.Definition.Id);
            Add(c.When, c.Definition.Id);
        }
        return readers;
    }

    /// <summary>The ids of the parameters that have no value on the session's peildatum.</summary>
    internal static HashSet<string> ParametersWithoutValueIds(EvaluationSession session) =>
        session.RuleSet.Environment.Parameters.Values.Where(p => session.Parameters[p.Slot].IsUnknown).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
}
