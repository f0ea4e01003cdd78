namespace Doorbraak.Rules.Evaluation;

/// <summary>
/// Builds the completeness verdict of an evaluation from every kind of gap. Each kind is found by its own part of
/// this class (one file per kind), so that a new kind is one file plus its test.
/// </summary>
internal static partial class CompletenessCheck
{
    public static Completeness Of(EvaluationSession session, IReadOnlyList<FoundCollision> collisions)
    {
        var gaps = new List<Gap>();
        // One call per kind of gap; each kind lives in its own file (CompletenessCheck.<Kind>.cs).
        PacksNotValid(session, gaps);
        ParametersWithoutValue(session, gaps);
        Undecided(session, collisions, gaps);
        Situations(session, collisions, gaps);
        return gaps.Count == 0 ? Completeness.None : new Completeness(false, gaps);
    }
}
