using Doorbraak.Rules.Packs;

namespace Doorbraak.Rules;

/// <summary>
/// What the engine found for one household on one reference date: the rules that applied and what they
/// determined, the goals, the collisions, the facts that are missing, the proposals, and an audit block.
/// Serialise with <see cref="ResultJson"/> for the documented JSON form (docs/evaluation-result.md).
/// </summary>
/// <threadsafety>Immutable once returned.</threadsafety>
public sealed record EvaluationResult(
    IReadOnlyList<DeterminationResult> Determinations,
    IReadOnlyList<GoalResult> Goals,
    IReadOnlyList<CollisionResult> Collisions,
    IReadOnlyList<MissingFact> MissingFacts,
    IReadOnlyList<ProposalResult> Proposals,
    AuditBlock Audit)
{
    /// <summary>How complete this result is: read it first (see <see cref="Doorbraak.Rules.Completeness"/>).</summary>
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
    public Completeness Completeness { get; init; } = Completeness.None;

    /// <summary>
    /// Every deviation that exists for a collision (it deviates from one of its rules) but is in no proposal, with why:
    /// its condition is false or unknown, it goes over its amount limit, rules become undecided with it, or it resolves
    /// nothing. Empty when proposals are not searched.
    /// </summary>
    public IReadOnlyList<NotProposedDeviation> NotProposed { get; init; } = [];

    /// <summary>
    /// The facts the household supplies that no loaded rule, goal, collision, deviation or cost reads, as paths such as
    /// <c>huishouden.gemeente</c> or <c>leden[zoon].ggz</c>, sorted. Information, not a gap: "you told me this, and no
    /// pack uses it".
    /// </summary>
    public IReadOnlyList<string> UnusedFacts { get; init; } = [];
}

/// <summary>A deviation that exists for a collision but is not proposed, and why.</summary>
/// <param name="Deviation">The deviation id.</param>
/// <param name="Collisions">The collisions it exists for (it deviates from one of their rules).</param>
/// <param name="Reason">Why it is not proposed.</param>
/// <param name="Message">The reason in words, in the result language ("niet voorgesteld: EUR 750,00 per maand gaat boven de grens van EUR 600,00 per maand").</param>
public sealed record NotProposedDeviation(string Deviation, IReadOnlyList<string> Collisions, NotProposedReason Reason, string Message);

/// <summary>A rule or consequence that applied, and the fact it set.</summary>
/// <param name="Rule">The rule id.</param>
/// <param name="Source"><see cref="StatementSource.Law"/> for a rule ("the law says") or <see cref="StatementSource.Practice"/> for a consequence ("experience shows").</param>
/// <param name="Title">The rule's title.</param>
/// <param name="Citation">The legal citation (rules) or source (consequences).</param>
/// <param name="Url">A link to the law text or source, if the pack gives one.</param>
/// <param name="Fact">The fact path set, such as <c>huishouden.bijstandsnorm</c> or <c>leden[zoon].dreigt_dakloos</c>.</param>
/// <param name="Value">The value set (invariant text; <c>[afgeschermd]</c> when redacted).</param>
/// <param name="Previous">The value before (supplied or set by an earlier rule), or <c>unknown</c>.</param>
/// <param name="Explanation">Why it applied, in words and with the facts used.</param>
public sealed record DeterminationResult(string Rule, StatementSource Source, string Title, string Citation, string? Url, string Fact, string Value, string Previous, Explanation Explanation)
{
    /// <summary>
    /// The rule's legal force as the pack declares it (<c>wet-plicht</c>, <c>wet-bevoegdheid</c>, <c>amvb</c>,
    /// <c>ministeriele-regeling</c>, <c>verordening</c>, <c>beleidsregel</c>, <c>werkinstructie</c>); null for a consequence
    /// and for a rule of a format 1 pack.
    /// </summary>
    public string? Force { get; init; }

    /// <summary>
    /// The force in words, in the result language, with how departing from the rule is possible and the clauses the rule
    /// names: "een beleidsregel; afwijken kan op grond van Awb 4:84 bij bijzondere omstandigheden". Null when <see cref="Force"/> is.
    /// </summary>
    public string? ForceText { get; init; }

    /// <summary>What the rule rests on (its grondslag), such as <c>Participatiewet art. 8 lid 1</c> for a policy rule; null when the pack does not say.</summary>
    public string? Grondslag { get; init; }
}

/// <summary>A goal and whether it holds today and on the projected lawful situation.</summary>
/// <param name="Goal">The goal id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Domain">Its domain.</param>
/// <param name="Active">Whether it is checked for this household.</param>
/// <param name="ActiveBecause">Why it is checked: stated by the household, its active condition holds, it holds today; or inactive.</param>
/// <param name="HoldsToday">On the situation as supplied: true, false or null (unknown).</param>
/// <param name="HoldsProjected">On the projected lawful situation: true, false or null (unknown).</param>
public sealed record GoalResult(string Goal, string Title, string Domain, bool Active, GoalActivation ActiveBecause, bool? HoldsToday, bool? HoldsProjected);

/// <summary>Where a lawful outcome collides with what would work.</summary>
/// <param name="Id">A stable id: the pack's declared id, or <c>botsing.&lt;goal&gt;.&lt;rules&gt;</c>, or <c>tegenstrijdig.&lt;rule&gt;.&lt;rule&gt;</c>.</param>
/// <param name="Kind">Derived (a goal fails because of rule outcomes), declared (known from the pack), or a contradiction (two rules set different values).</param>
/// <param name="Title">A short title (Dutch).</param>
/// <param name="Severity">Low, medium, high or critical.</param>
/// <param name="Goal">The goal that fails, if any.</param>
/// <param name="Rules">The rules involved: every rule of the smallest sets of rule outcomes that, set aside, let the goal hold; or the two contradicting rules.</param>
/// <param name="Members">The members affected (ids).</param>
/// <param name="Explanation">Why, in Dutch (or English on request).</param>
/// <param name="Trace">The facts and conditions behind it.</param>
public sealed record CollisionResult(string Id, CollisionKind Kind, string Title, CollisionSeverity Severity, string? Goal, IReadOnlyList<string> Rules, IReadOnlyList<string> Members, string Explanation, Explanation Trace)
{
    /// <summary>For derived collisions: each smallest set of rule outcomes that, set aside on its own, lets the goal hold.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Alternatives { get; init; } = [];

    /// <summary>
    /// True when the collision depends on values that are unknown: the goal is unknown (not false) on the projection, or
    /// setting the rules aside lets it hold only while values stay unknown. Not stated as certain; see <see cref="HingesOn"/>.
    /// </summary>
    public bool Conditional { get; init; }

    /// <summary>For a conditional collision: the fact paths (<c>leden[zoon].inkomen</c>) and parameters (<c>param.&lt;id&gt;</c>) it hinges on; the facts are also in <see cref="EvaluationResult.MissingFacts"/>.</summary>
    public IReadOnlyList<string> HingesOn { get; init; } = [];

    /// <summary>For a <see cref="CollisionKind.Blokkade"/>: what each rule of the loop waits for, and from whom.</summary>
    public IReadOnlyList<BlockadeWait> Waits { get; init; } = [];

    /// <summary>For a <see cref="CollisionKind.Blokkade"/>: the goals the loop holds back (the rules' <c>holds_back</c>).</summary>
    public IReadOnlyList<string> HeldBack { get; init; } = [];

    /// <summary>
    /// For a <see cref="CollisionKind.Blokkade"/>: the deviations that break the loop (they name a rule of it under
    /// <c>breaks</c>, or set the outcome of one), whether or not they are allowed for this household.
    /// </summary>
    public IReadOnlyList<string> BrokenBy { get; init; } = [];
}

/// <summary>One side of a blockade: the rule, the fact it waits for, and the provider who gives that fact.</summary>
/// <param name="Rule">The waiting rule's id.</param>
/// <param name="Fact">The fact it waits for, such as <c>huishouden.inkomen_stabiel</c>.</param>
/// <param name="Provider">Who gives that fact (<c>waits_for.provider</c>), such as <c>woningcorporatie</c>.</param>
/// <param name="Condition">The waiting rule's own condition (<c>applies</c>), or null when it has none.</param>
public sealed record BlockadeWait(string Rule, string Fact, string Provider, string? Condition);

/// <summary>A fact the host did not supply that would decide a rule, goal, collision or deviation.</summary>
/// <param name="Path">The fact, such as <c>leden[zoon].dreigt_dakloos</c>.</param>
/// <param name="Description">What the fact means (from the schema).</param>
/// <param name="Question">The question to put to the regisseur.</param>
/// <param name="NeededFor">The ids of what it would decide.</param>
public sealed record MissingFact(string Path, string Description, string? Question, IReadOnlyList<string> NeededFor)
{
    /// <summary>The kind of value the answer is (yes/no, a number, an amount, a date, a text), so a host can ask it with the right input.</summary>
    public FactKind Kind { get; init; }
}

/// <summary>An explanation: a sentence a regisseur reads, whether it is law or practice, and the conditions and facts used.</summary>
/// <param name="Text">The explanation in words.</param>
/// <param name="Basis">Law ("de wet zegt"), practice ("de ervaring leert"), the engine (a finding of the engine), or none when explanations are off.</param>
/// <param name="Conditions">Each part of the deciding condition with its outcome.</param>
/// <param name="Facts">The facts used, with their values (redacted on request).</param>
public sealed record Explanation(string Text, StatementSource Basis, IReadOnlyList<ConditionOutcome> Conditions, IReadOnlyList<FactUsed> Facts);

/// <summary>A part of a condition and its outcome (<c>waar</c>, <c>onwaar</c>, <c>onbekend</c>).</summary>
/// <param name="Condition">The expression text.</param>
/// <param name="Outcome">Its value.</param>
public sealed record ConditionOutcome(string Condition, string Outcome);

/// <summary>A fact read while deciding, and its value.</summary>
/// <param name="Path">The fact path.</param>
/// <param name="Value">The value, or <c>[afgeschermd]</c> when redacted.</param>
public sealed record FactUsed(string Path, string Value);

/// <summary>The audit block: which packs (with content hashes), which engine, which reference date.</summary>
/// <param name="Packs">The packs in load order.</param>
/// <param name="EngineVersion">The library's version.</param>
/// <param name="ReferenceDate">The peildatum.</param>
public sealed record AuditBlock(IReadOnlyList<PackInfo> Packs, string EngineVersion, DateOnly ReferenceDate)
{
    /// <summary>The engine that decided the rules (<c>compiled</c>, <c>nrules</c>); results are the same whichever it is.</summary>
    public string Backend { get; init; } = "compiled";
}

/// <summary>A loaded pack, as the audit trail names it.</summary>
/// <param name="Id">The pack id.</param>
/// <param name="Version">Its SemVer version.</param>
/// <param name="Title">Its title.</param>
/// <param name="Sha256">SHA-256 over the pack's normalised file contents.</param>
public sealed record PackInfo(string Id, string Version, string Title, string Sha256)
{
    /// <summary>Who signed the pack (from its verified pack.jws); null when signatures were not verified.</summary>
    public string? Signer { get; init; }

    /// <summary>The key id (JWK thumbprint) of the verified signature; null when signatures were not verified.</summary>
    public string? KeyId { get; init; }
}
