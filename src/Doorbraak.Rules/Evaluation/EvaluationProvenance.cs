using System.Runtime.CompilerServices;
using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Compilation;

namespace Doorbraak.Rules.Evaluation;

/// <summary>
/// What an evaluation result was made from: the compiled rule set, the household's content and the options. Kept
/// beside the result (not in it, so the result stays a plain record) so that a decision is taken on the evaluated
/// result with the same options and refused for another household or other packs.
/// </summary>
internal sealed record EvaluationProvenance(CompiledRuleSet RuleSet, string HouseholdFingerprint, EvaluationOptions Options)
{
    private static readonly ConditionalWeakTable<EvaluationResult, EvaluationProvenance> Table = new();

    public static EvaluationProvenance Create(EvaluationSession session) =>
        new(session.RuleSet, Facts.HouseholdFingerprint.Of(session.Household), session.Options);

    public static void Attach(EvaluationResult result, EvaluationProvenance provenance) => Table.AddOrUpdate(result, provenance);

    /// <summary>The provenance of a result made in this process, or null (a result read back from JSON).</summary>
    public static EvaluationProvenance? Of(EvaluationResult result) => Table.TryGetValue(result, out var p) ? p : null;
}
