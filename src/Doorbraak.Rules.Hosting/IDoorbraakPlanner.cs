namespace Doorbraak.Rules.Hosting;

/// <summary>
/// Records decisions and assembles doorbraakplannen on the current engine of <see cref="IDoorbraakEngineProvider"/>, with
/// metrics and tracing (see <see cref="DoorbraakDiagnostics"/>). The instrumented counterpart of <see cref="DoorbraakPlanner"/>,
/// which is part of the core and has no metrics.
/// </summary>
/// <threadsafety instance="true">All members are safe to call from many threads at once.</threadsafety>
public interface IDoorbraakPlanner
{
    /// <summary>Checks and records one decision; see <see cref="DoorbraakPlanner.Decide"/>.</summary>
    /// <param name="household">The household the result was evaluated for.</param>
    /// <param name="result">The evaluation result that holds the proposal.</param>
    /// <param name="request">The decision.</param>
    /// <exception cref="DecisionException">The decision is refused (mandate, limits, motivation, ...).</exception>
    RecordedDecision Decide(Household household, EvaluationResult result, DecisionRequest request);

    /// <summary>Records one decision or says why it is refused, without throwing; see <see cref="DoorbraakPlanner.TryDecide(Household, EvaluationResult, DecisionRequest)"/>.</summary>
    /// <param name="household">The household the result was evaluated for.</param>
    /// <param name="result">The evaluation result that holds the proposal.</param>
    /// <param name="request">The decision.</param>
    DecisionAttempt TryDecide(Household household, EvaluationResult result, DecisionRequest request);

    /// <summary>
    /// Evaluates a household on the current engine and opens its case (see <see cref="DoorbraakPlanner.OpenCase"/>): the
    /// engine is taken once, so a pack reload between evaluating and deciding cannot mix two pack sets.
    /// </summary>
    /// <param name="household">The household.</param>
    /// <param name="referenceDate">The peildatum.</param>
    /// <param name="options">Options; null for the defaults.</param>
    /// <param name="caseReference">The host's reference of the case (not a BSN).</param>
    DoorbraakCase OpenCase(Household household, DateOnly referenceDate, EvaluationOptions? options = null, string? caseReference = null);

    /// <summary>Assembles the doorbraakplan; see <see cref="DoorbraakPlanner.Assemble"/>.</summary>
    /// <param name="household">The household.</param>
    /// <param name="result">Its evaluation result.</param>
    /// <param name="decisions">The recorded decisions.</param>
    /// <param name="details">The case reference and other details of the plan.</param>
    DoorbraakPlan Assemble(Household household, EvaluationResult result, IEnumerable<RecordedDecision> decisions, PlanDetails details);
}
