using System.Runtime.CompilerServices;
using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Source;
using Doorbraak.Rules.Compilation;

namespace Doorbraak.Rules.Evaluation;

/// <summary>
/// What an evaluation result was made from: the compiled rule set, the household's content and the options. Kept
/// beside the result (not in it, so the result stays a plain record) so that a decision is taken on the evaluated
/// result with the same options and refused for another household or other packs.
/// </summary>
internal sealed record EvaluationProvenance(CompiledRuleSet RuleSet, EntityInstance Supplied, IReadOnlyList<string> Goals, DateOnly Date, EvaluationOptions Options)
{
    private static readonly ConditionalWeakTable<EvaluationResult, EvaluationProvenance> Table = new();

    /// <summary>
    /// Keeps the situation as supplied (the session never changes it; projections work on copies), so evaluating
    /// costs nothing extra; the comparison is made only when a decision asks for it.
    /// </summary>
    public static EvaluationProvenance Create(EvaluationSession session) =>
        new(session.RuleSet, session.Supplied, session.Household.Goals.ToArray(), session.Date, session.Options);

    /// <summary>Whether <paramref name="household"/> is, fact for fact, the household that was evaluated.</summary>
    public bool IsSameHousehold(Household household)
    {
        var problems = new DiagnosticBag();
        var now = RuleSet.FrameBuilder.Build(household, Date, problems);
        return !problems.HasErrors && now.HasSameValues(Supplied) && household.Goals.SequenceEqual(Goals, StringComparer.Ordinal);
    }

    public static void Attach(EvaluationResult result, EvaluationProvenance provenance) => Table.AddOrUpdate(result, provenance);

    /// <summary>The provenance of a result made in this process, or null (a result read back from JSON).</summary>
    public static EvaluationProvenance? Of(EvaluationResult result) => Table.TryGetValue(result, out var p) ? p : null;
}
