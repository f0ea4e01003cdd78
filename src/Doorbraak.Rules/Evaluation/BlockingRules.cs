using Doorbraak.Rules.Packs;
using Doorbraak.Rules.Compilation;

namespace Doorbraak.Rules.Evaluation;

/// <summary>
/// The one search for the rules that block a goal: the smallest sets of applied rule outcomes that, set aside,
/// let the goal hold. Used by the collision search and by the "which rules block this goal" query.
/// </summary>
internal static class BlockingRules
{
    /// <summary>At most this many applied rules are considered per failing goal.</summary>
    public const int MaxCandidates = 12;

    /// <summary>The largest set of rule outcomes set aside together.</summary>
    public const int MaxSetSize = 3;

    /// <summary>Applied rules (law, not consequences: experience is not set aside) that can reach the goal.</summary>
    public static List<int> Candidates(EvaluationSession session, CompiledGoal goal) =>
        goal.Cone.Where(i => session.Base.Applied.Contains(i) && session.RuleSet.Rules[i].Definition.Kind == RuleKind.Rule).Take(MaxCandidates).ToList();

    /// <summary>The smallest sets of applied rule outcomes whose removal lets the goal hold; empty when none up to <see cref="MaxSetSize"/> does.</summary>
    public static List<int[]> SmallestSets(EvaluationSession session, CompiledGoal goal)
    {
        var candidates = Candidates(session, goal);
        for (var size = 1; size <= Math.Min(MaxSetSize, candidates.Count); size++)
        {
            var sets = new List<int[]>();
            foreach (var set in Combinations(candidates, size))
                if (session.HoldsWithout(goal, set)) sets.Add(set);
            if (sets.Count > 0) return sets;
        }
        return [];
    }

    /// <summary>Every combination of <paramref name="size"/> items, in lexicographic order of their positions.</summary>
    public static IEnumerable<int[]> Combinations(IReadOnlyList<int> items, int size)
    {
        var idx = new int[size];
        for (var i = 0; i < size; i++) idx[i] = i;
        while (true)
        {
            var pick = new int[size];
            for (var i = 0; i < size; i++) pick[i] = items[idx[i]];
            yield return pick;
            var k = size - 1;
            while (k >= 0 && idx[k] == items.Count - size + k) k--;
            if (k < 0) yield break;
            idx[k]++;
            for (var j = k + 1; j < size; j++) idx[j] = idx[j - 1] + 1;
        }
    }
}
