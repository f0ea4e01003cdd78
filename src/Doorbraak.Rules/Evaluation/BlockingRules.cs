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
    public static List<int[]> SmallestSets(EvaluationSession session, CompiledGoal goal) => Search(session, goal, null).Sets;

    /// <summary>
    /// The smallest sets of applied rule outcomes whose removal provably lets the goal hold. When no set does, the smallest
    /// sets whose removal lets it hold only conditionally (the goal becomes unknown, or holds only while rules became
    /// undecided) are returned with <see cref="BlockingSearch.Conditional"/> set and the unknowns in <paramref name="hinges"/>.
    /// A goal that "holds" only because values became unknown is never counted as provably resolved.
    /// </summary>
    public static BlockingSearch Search(EvaluationSession session, CompiledGoal goal, Hinges? hinges)
    {
        var candidates = Candidates(session, goal);
        List<int[]>? conditional = null;
        Hinges? conditionalHinges = null;
        for (var size = 1; size <= Math.Min(MaxSetSize, candidates.Count); size++)
        {
            var sets = new List<int[]>();
            var maybe = new List<int[]>();
            var h = hinges is null || conditional is not null ? null : new Hinges();
            foreach (var set in Combinations(candidates, size))
            {
                switch (session.WithoutVerdict(goal, set, h))
                {
                    case Counterfactual.Holds: sets.Add(set); break;
                    case Counterfactual.Conditional: maybe.Add(set); break;
                }
            }
            if (sets.Count > 0) return new BlockingSearch(sets, false);
            if (conditional is null && maybe.Count > 0)
            {
                conditional = maybe;
                conditionalHinges = h;
            }
        }
        if (conditional is null || hinges is null) return new BlockingSearch([], false);
        hinges.Reads.AddRange(conditionalHinges!.Reads);
        hinges.Paths.UnionWith(conditionalHinges.Paths);
        return new BlockingSearch(conditional, true);
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

/// <summary>The result of the blocking-rules search: the smallest sets, and whether they only conditionally let the goal hold.</summary>
internal sealed record BlockingSearch(List<int[]> Sets, bool Conditional);
