using Doorbraak.Rules.Packs;
using Doorbraak.Rules.Compilation;

namespace Doorbraak.Rules.Evaluation;

/// <summary>What a set of deviations does to a household: the collisions it resolves, leaves and creates, and the re-projection.</summary>
internal sealed record DeviationOutcome(CompiledDeviation[] Deviations, List<string> Resolves, List<string> Leaves, List<string> Creates, Reprojection Reprojection)
{
    public string Id => string.Join("+", Deviations.Select(d => d.Id));
}

/// <summary>
/// The one place that decides whether deviations resolve a collision. Proposals, what-if and decisions all classify
/// through it, so they cannot disagree.
/// </summary>
internal static class OutcomeClassifier
{
    public static DeviationOutcome Classify(EvaluationSession session, CompiledDeviation[] set, IReadOnlyList<FoundCollision> collisions)
    {
        var re = session.Reproject(ProjectionChanges.With(set));
        var resolves = new List<string>();
        var leaves = new List<string>();
        foreach (var c in collisions)
            (Resolves(set, c, re.Goals, re.Projection) ? resolves : leaves).Add(c.Result.Id);
        var creates = new List<string>();
        foreach (var g in session.RuleSet.Goals)
            if (session.HoldsProjected[g.Index].IsTrue && re.Goals[g.Index].IsFalse)
                creates.Add($"botsing.{g.Id}.{string.Join("+", set.Select(d => d.Id))}");
        return new DeviationOutcome(set, resolves, leaves, creates, re);
    }

    /// <summary>
    /// A blockade is resolved when the loop is gone on the re-projection. A goal collision is resolved when its goal holds on the re-projection. A contradiction is resolved when a deviation
    /// changes the outcome of one of the two rules (it no longer applies, or sets another value); deviations that only
    /// postpone, spread or waive an amount leave the two rules contradicting each other.
    /// </summary>
    private static bool Resolves(CompiledDeviation[] set, FoundCollision c, FactValue[] goals, Projection projection)
    {
        // A blockade is resolved when its loop no longer holds with the deviations applied.
        // (and none of its rules is left waiting: suspending one side ends the loop but leaves the other side held back).
        if (c.Blockade is { } b)
            return !projection.Blockades.Any(x => x.Group.Index == b.Group.Index) && !projection.HeldBack.Any(h => b.Rules.Contains(h.Rule));
        if (c.Contradiction is not { } x) return goals[c.Goal].IsTrue;
        foreach (var d in set)
            if ((d.Rule == x.First.Rule.Index || d.Rule == x.Second.Rule.Index) && d.Definition.Change.Kind is ChangeKind.Suspend or ChangeKind.Exempt or ChangeKind.Set)
                return true;
        return false;
    }
}
