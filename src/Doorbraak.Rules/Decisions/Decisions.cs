using Doorbraak.Rules.Source;

namespace Doorbraak.Rules;

/// <summary>An action agreed in the doorbraakplan, with who does it.</summary>
/// <param name="Description">What is done.</param>
/// <param name="Owner">Who does it (an organisation or role, not a personal name where avoidable).</param>
/// <param name="Due">By when.</param>
public sealed record AgreedAction(string Description, string Owner, DateOnly? Due);

/// <summary>A decision a host asks the library to record on a proposal.</summary>
/// <param name="ProposalId">The proposal id from the evaluation result.</param>
/// <param name="Outcome">Accepted, changed or rejected.</param>
/// <param name="DecidedBy">Who decided (a name or staff id, kept by the host).</param>
/// <param name="Mandate">The decider's mandate level: consulent, regisseur, teamleider, manager, directeur or college (or a role the packs declare). For a proposal whose mandate is <c>open</c> (<see cref="ProposalResult.MandateFallback"/>) only the competent body may decide: <c>college</c>.</param>
/// <param name="Motivation">Why; required.</param>
public sealed record DecisionRequest(string ProposalId, DecisionOutcome Outcome, string DecidedBy, string Mandate, string Motivation)
{
    /// <summary>For <see cref="DecisionOutcome.Changed"/>: the duration decided, in months (within the limit).</summary>
    public int? DurationMonths { get; init; }

    /// <summary>For <see cref="DecisionOutcome.Changed"/>: the amount decided (within the limit).</summary>
    public decimal? Amount { get; init; }

    /// <summary>How often this deviation was already granted to this household (checked against the limit on times).</summary>
    public int TimesGrantedBefore { get; init; }

    /// <summary>Why this decision differs from comparable earlier decisions, when it does (equal cases are treated equally).</summary>
    public string? ReasonForDifference { get; init; }

    /// <summary>Actions agreed with this decision.</summary>
    public IReadOnlyList<AgreedAction> Actions { get; init; } = [];

    /// <summary>
    /// That the decider has read the gaps of an incomplete result (<see cref="EvaluationResult.Completeness"/>) and decides anyway.
    /// A decision on an incomplete result is refused without it (<see cref="DecisionRefusalCode.Incomplete"/>).
    /// </summary>
    public bool AcknowledgedIncomplete { get; init; }
    /// <summary>
    /// For a proposal that is a request to another authority (<see cref="ProposalResult.Request"/>): that the request was
    /// sent. Only that is recorded (<see cref="RecordedDecision.RequestedFrom"/>); without it such a proposal is refused
    /// (<see cref="DecisionRefusalCode.Request"/>), because the municipality does not take that decision.
    /// </summary>
    public bool RequestSent { get; init; }

    /// <summary>The host's reference of the case (not a BSN), recorded with the precedent this decision becomes. A case opened with a reference supplies its own.</summary>
    public string? CaseReference { get; init; }
}

/// <summary>A decision as recorded in the doorbraakplan.</summary>
/// <param name="ProposalId">The proposal.</param>
/// <param name="Deviations">The deviation ids.</param>
/// <param name="Title">The proposal's title.</param>
/// <param name="Outcome">accepted, changed or rejected.</param>
/// <param name="DecidedBy">Who decided.</param>
/// <param name="Mandate">Their mandate level.</param>
/// <param name="RequiredMandate">The mandate the proposal needs (for an open mandate no local pack set: the competent body, <c>college</c>).</param>
/// <param name="Motivation">The motivation.</param>
/// <param name="Basis">The legal bases (citations).</param>
/// <param name="Limits">The limits in words.</param>
/// <param name="StartDate">From when it applies (the reference date), null when rejected.</param>
/// <param name="EndDate">Until when, null when rejected.</param>
/// <param name="ReviewDates">Review dates, empty when rejected.</param>
/// <param name="DecidedAt">When it was recorded (from the injected TimeProvider).</param>
/// <param name="ReasonForDifference">Why it differs from precedents, if it does.</param>
/// <param name="Actions">Agreed actions.</param>
/// <param name="PrecedentFacts">The facts the deviation's condition used, to serve as a precedent later.</param>
public sealed record RecordedDecision(
    string ProposalId, IReadOnlyList<string> Deviations, string Title, DecisionOutcome Outcome, string DecidedBy, string Mandate, string RequiredMandate,
    string Motivation, IReadOnlyList<string> Basis, string Limits, DateOnly? StartDate, DateOnly? EndDate, IReadOnlyList<DateOnly> ReviewDates,
    DateTimeOffset DecidedAt, string? ReasonForDifference, IReadOnlyList<AgreedAction> Actions, IReadOnlyDictionary<string, string> PrecedentFacts)
{
    /// <summary>
    /// Set when this records a request sent to another authority (the authority id), not a decision: the municipality
    /// asked, the authority decides. Such a record has no start or end date and is no precedent.
    /// </summary>
    public string? RequestedFrom { get; init; }
}

/// <summary>Why a decision could not be recorded.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(CamelCaseEnumConverter<DecisionRefusalCode>))]
public enum DecisionRefusalCode
{
    /// <summary>The evaluation has no proposal with this id.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("unknown-proposal")]
    UnknownProposal,
    /// <summary>The deviation exists but is not allowed for this household, or resolves no collision.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("not-allowed")]
    NotAllowed,
    /// <summary>The motivation is missing.</summary>
    Motivation,
    /// <summary>The mandate is unknown, or too low for this proposal.</summary>
    Mandate,
    /// <summary>The decision goes beyond the deviation's limits (duration, amount, times).</summary>
    Limits,
    /// <summary>An equal earlier case was decided otherwise, and no reason for the difference is given.</summary>
    Precedent,
    /// <summary>The result was evaluated with other packs than the planner's.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("other-packs")]
    OtherPacks,
    /// <summary>The household is not the one evaluated (or it changed since).</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("other-household")]
    OtherHousehold,
    /// <summary>The result is incomplete (it has gaps) and the decision does not acknowledge that (<see cref="DecisionRequest.AcknowledgedIncomplete"/>).</summary>
    Incomplete,
    /// <summary>The proposal is a request to another authority: it can be recorded as sent (<see cref="DecisionRequest.RequestSent"/>), never as a decision taken.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("request")]
    Request,
}

/// <summary>A refused decision: the reason as a code, and the diagnostic that says what is wrong and what to do (Dutch).</summary>
/// <param name="Code">Why.</param>
/// <param name="Diagnostic">The problem, with its DBR40xx code from the catalogue.</param>
public sealed record DecisionRefusal(DecisionRefusalCode Code, Diagnostic Diagnostic)
{
    /// <summary>What is wrong and what to do.</summary>
    public string Message => Diagnostic.Message;
}

/// <summary>The outcome of <see cref="DoorbraakPlanner.TryDecide(Household, EvaluationResult, DecisionRequest)"/>: the recorded decision, or why it was refused.</summary>
public sealed record DecisionAttempt
{
    private DecisionAttempt(RecordedDecision? decision, DecisionRefusal? refusal) => (Decision, Refusal) = (decision, refusal);

    /// <summary>The decision, when it was recorded.</summary>
    public RecordedDecision? Decision { get; }

    /// <summary>Why it was refused, when it was.</summary>
    public DecisionRefusal? Refusal { get; }

    /// <summary>Whether the decision was recorded.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Decision))]
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(Refusal))]
    public bool Succeeded => Decision is not null;

    internal static DecisionAttempt Recorded(RecordedDecision decision) => new(decision, null);

    internal static DecisionAttempt Refused(DecisionRefusal refusal) => new(null, refusal);
}

/// <summary>Thrown when a decision cannot be recorded: not allowed for this household, beyond its limits, or beyond the decider's mandate.</summary>
public sealed class DecisionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DecisionException(DecisionRefusal refusal) : base((refusal ?? throw new ArgumentNullException(nameof(refusal))).Message) => Refusal = refusal;

    /// <summary>Creates the exception for a reason, with the reason's catalogue code (for hosts and tests that refuse on their own grounds).</summary>
    public DecisionException(DecisionRefusalCode code, string message) : this(DecisionRefusals.Create(code, message))
    {
    }

    /// <summary>Why the decision was refused: the reason and the diagnostic.</summary>
    public DecisionRefusal Refusal { get; }

    /// <summary>Why the decision was refused.</summary>
    public DecisionRefusalCode Code => Refusal.Code;

    /// <summary>The problem, with a DBR40xx code from the catalogue (see docs/diagnostics.md); it has no place in a file, except DBR4012 (at the pack's <c>mandate: open</c>).</summary>
    public Diagnostic Diagnostic => Refusal.Diagnostic;
}

/// <summary>The catalogue code of each refusal reason.</summary>
internal static class DecisionRefusals
{
    public static DecisionRefusal Create(DecisionRefusalCode code, string message) => Create(code, Descriptor(code), message);

    public static DecisionRefusal Create(DecisionRefusalCode code, DiagnosticDescriptor descriptor, string message, SourceLocation? location = null) =>
        new(code, descriptor.At(location ?? SourceLocation.None, message));

    private static DiagnosticDescriptor Descriptor(DecisionRefusalCode code) => code switch
    {
        DecisionRefusalCode.UnknownProposal => DiagnosticCatalog.UnknownProposal,
        DecisionRefusalCode.NotAllowed => DiagnosticCatalog.DeviationNotAllowed,
        DecisionRefusalCode.Motivation => DiagnosticCatalog.MotivationMissing,
        DecisionRefusalCode.Mandate => DiagnosticCatalog.MandateTooLow,
        DecisionRefusalCode.Limits => DiagnosticCatalog.BeyondLimits,
        DecisionRefusalCode.Precedent => DiagnosticCatalog.DiffersFromPrecedent,
        DecisionRefusalCode.OtherPacks => DiagnosticCatalog.EvaluatedWithOtherPacks,
        DecisionRefusalCode.Incomplete => DiagnosticCatalog.IncompleteNotAcknowledged,
        DecisionRefusalCode.Request => DiagnosticCatalog.RequestIsNotADecision,
        _ => DiagnosticCatalog.OtherHousehold,
    };
}
