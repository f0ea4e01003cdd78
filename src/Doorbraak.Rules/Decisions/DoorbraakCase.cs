using Doorbraak.Rules.Evaluation;

namespace Doorbraak.Rules;

/// <summary>
/// One household's case: the engine it was evaluated with, the household, the evaluation result, and the decisions
/// taken on it. Decisions and the doorbraakplan are made on this evaluation (same packs, same household, same
/// options), never on a re-evaluation. Open one with <see cref="DoorbraakPlanner.OpenCase"/>.
/// </summary>
/// <threadsafety>Safe to call from several threads; decisions are recorded one at a time.</threadsafety>
public sealed class DoorbraakCase
{
    private readonly DoorbraakPlanner _planner;
    private readonly EvaluationSession _session;
    private readonly List<RecordedDecision> _decisions = new();
    private readonly Lock _lock = new();

    internal DoorbraakCase(DoorbraakPlanner planner, EvaluationSession session, EvaluationResult result, string? caseReference)
    {
        _planner = planner;
        _session = session;
        Result = result;
        CaseReference = caseReference;
    }

    /// <summary>The engine (and so the pack set) this case was evaluated with.</summary>
    public DoorbraakEngine Engine => _planner.Engine;

    /// <summary>The household as evaluated.</summary>
    public Household Household => _session.Household;

    /// <summary>The evaluation.</summary>
    public EvaluationResult Result { get; }

    /// <summary>The peildatum.</summary>
    public DateOnly ReferenceDate => _session.Date;

    /// <summary>The host's reference of the case, if given.</summary>
    public string? CaseReference { get; }

    /// <summary>The decisions recorded on this case, in order.</summary>
    public IReadOnlyList<RecordedDecision> Decisions
    {
        get
        {
            lock (_lock) return _decisions.ToList();
        }
    }

    /// <summary>Records a decision on one of the result's proposals, or throws with the reason it is refused.</summary>
    /// <exception cref="DecisionException">The decision is refused; see <see cref="DecisionException.Code"/>.</exception>
    public RecordedDecision Decide(DecisionRequest request)
    {
        var attempt = TryDecide(request);
        return attempt.Decision ?? throw new DecisionException(attempt.Refusal!);
    }

    /// <summary>Records a decision, or says why it is refused, without throwing.</summary>
    public DecisionAttempt TryDecide(DecisionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_lock)
        {
            var attempt = _planner.TryDecide(_session, Result, request, CaseReference);
            if (attempt.Decision is { } d) _decisions.Add(d);
            return attempt;
        }
    }

    /// <summary>What-if on this case: the household re-projected with these deviations (allowed or not).</summary>
    /// <exception cref="ArgumentException">A deviation id is not loaded.</exception>
    public WhatIfResult WhatIf(IEnumerable<string> deviationIds)
    {
        ArgumentNullException.ThrowIfNull(deviationIds);
        lock (_lock) return WhatIfQueries.Apply(_session, WhatIfQueries.Resolve(_session.RuleSet, deviationIds));
    }

    /// <summary>Assembles the doorbraakplan from this evaluation and the decisions recorded on the case.</summary>
    /// <param name="details">Case details; null for none beyond the case reference.</param>
    public DoorbraakPlan Assemble(PlanDetails? details = null)
    {
        details ??= new PlanDetails { CaseReference = CaseReference ?? "" };
        lock (_lock) return _planner.Assemble(_session, Result, _decisions, details);
    }
}
