namespace Doorbraak.Rules;

/// <summary>What happens to a household when deviations are applied, whether or not they are allowed for it.</summary>
/// <param name="Deviations">The deviation ids applied.</param>
/// <param name="Allowed">For each deviation: whether its condition holds for this household (null: unknown).</param>
/// <param name="Resolves">Collisions it resolves.</param>
/// <param name="Leaves">Collisions that remain.</param>
/// <param name="Creates">Collisions it creates.</param>
/// <param name="Goals">Every goal on the re-projected situation.</param>
/// <param name="Cost">The cost comparison.</param>
/// <param name="Summary">The answer in words.</param>
public sealed record WhatIfResult(IReadOnlyList<string> Deviations, IReadOnlyDictionary<string, bool?> Allowed, IReadOnlyList<string> Resolves, IReadOnlyList<string> Leaves, IReadOnlyList<string> Creates, IReadOnlyList<GoalResult> Goals, CostComparison Cost, string Summary)
{
    /// <summary>Each deviation or intervention applied, with its kind and who decides it (pack format v2).</summary>
    public IReadOnlyList<ProposalStep> Steps { get; init; } = [];

    /// <summary>When an authority outside the municipality decides a step: the request to send it.</summary>
    public ProposalRequest? Request { get; init; }
}

/// <summary>A deviation a pack offers from a rule.</summary>
/// <param name="Id">The deviation id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Rule">The rule it deviates from.</param>
/// <param name="Change">suspend, parameter, set, postpone, waive, spread or exempt.</param>
/// <param name="Basis">Its legal basis.</param>
/// <param name="Mandate">Who may decide.</param>
/// <param name="Allowed">The condition under which it is allowed, as written.</param>
/// <param name="Limits">Its limits.</param>
/// <param name="Review">Review moments.</param>
public sealed record DeviationInfo(string Id, string Title, string Rule, string Change, LegalBasis Basis, string Mandate, string? Allowed, DeviationLimitsResult Limits, IReadOnlyList<string> Review);
