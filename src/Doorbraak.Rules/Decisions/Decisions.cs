namespace Doorbraak.Rules;

/// <summary>What the regisseur (or whoever holds the mandate) decided on a proposal.</summary>
public enum DecisionOutcome
{
    /// <summary>Accepted as proposed.</summary>
    Accepted,
    /// <summary>Accepted with changes (a shorter duration or a lower amount).</summary>
    Changed,
    /// <summary>Rejected.</summary>
    Rejected,
}

/// <summary>An action agreed in the doorbraakplan, with who does it.</summary>
/// <param name="Description">What is done.</param>
/// <param name="Owner">Who does it (an organisation or role, not a personal name where avoidable).</param>
/// <param name="Due">By when.</param>
public sealed record AgreedAction(string Description, string Owner, DateOnly? Due);

/// <summary>A decision a host asks the library to record on a proposal.</summary>
/// <param name="ProposalId">The proposal id from the evaluation result.</param>
/// <param name="Outcome">Accepted, changed or rejected.</param>
/// <param name="DecidedBy">Who decided (a name or staff id, kept by the host).</param>
/// <param name="Mandate">The decider's mandate level: consulent, regisseur, teamleider, manager, directeur or college.</param>
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
}

/// <summary>A decision as recorded in the doorbraakplan.</summary>
/// <param name="ProposalId">The proposal.</param>
/// <param name="Deviations">The deviation ids.</param>
/// <param name="Title">The proposal's title.</param>
/// <param name="Outcome">accepted, changed or rejected.</param>
/// <param name="DecidedBy">Who decided.</param>
/// <param name="Mandate">Their mandate level.</param>
/// <param name="RequiredMandate">The mandate the proposal needs.</param>
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
    DateTimeOffset DecidedAt, string? ReasonForDifference, IReadOnlyList<AgreedAction> Actions, IReadOnlyDictionary<string, string> PrecedentFacts);

/// <summary>Thrown when a decision cannot be recorded: not allowed for this household, beyond its limits, or beyond the decider's mandate.</summary>
public sealed class DecisionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DecisionException(Diagnostic diagnostic) : base((diagnostic ?? throw new ArgumentNullException(nameof(diagnostic))).Message) => Diagnostic = diagnostic;

    /// <summary>The problem, with a DBR40xx code from the catalogue (see docs/diagnostics.md); it has no place in a file.</summary>
    public Diagnostic Diagnostic { get; }

    /// <summary>The catalogue code, such as <c>DBR4005</c> (the decider's mandate is too low).</summary>
    public string Code => Diagnostic.Code;
}
