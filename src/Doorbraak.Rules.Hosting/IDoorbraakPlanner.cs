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

    /// <summary>Assembles the doorbraakplan; see <see cref="DoorbraakPlanner.Assemble"/>.</summary>
    /// <param name="household">The household.</param>
    /// <param name="result">Its evaluation result.</param>
    /// <param name="decisions">The recorded decisions.</param>
    /// <param name="details">The case reference and other details of the plan.</param>
    DoorbraakPlan Assemble(Household household, EvaluationResult result, IEnumerable<RecordedDecision> decisions, PlanDetails details);
}
