namespace Doorbraak.Rules.Hosting;

/// <summary>Wraps <see cref="DoorbraakPlanner"/> on the current engine (taken once per call) with metrics and a trace.</summary>
internal sealed class InstrumentedPlanner(IDoorbraakEngineProvider provider, TimeProvider time, IPrecedentSource? precedents) : IDoorbraakPlanner
{
    public RecordedDecision Decide(Household household, EvaluationResult result, DecisionRequest request)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(request);
        var engine = provider.Current;
        var (activity, started) = (DoorbraakTelemetry.Start("doorbraak.decide", engine), System.Diagnostics.Stopwatch.GetTimestamp());
        using (activity)
        {
            RecordedDecision decision;
            try
            {
                decision = new DoorbraakPlanner(engine, time, precedents).Decide(household, result, request);
            }
            catch (Exception ex)
            {
                DoorbraakTelemetry.PlanningStep(DoorbraakTelemetry.DecideDuration, DoorbraakTelemetry.Decisions, activity, started, ex);
                throw;
            }
            DoorbraakTelemetry.PlanningStep(DoorbraakTelemetry.DecideDuration, DoorbraakTelemetry.Decisions, activity, started, null);
            return decision;
        }
    }

    public DecisionAttempt TryDecide(Household household, EvaluationResult result, DecisionRequest request)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(request);
        var engine = provider.Current;
        var (activity, started) = (DoorbraakTelemetry.Start("doorbraak.decide", engine), System.Diagnostics.Stopwatch.GetTimestamp());
        using (activity)
        {
            var attempt = new DoorbraakPlanner(engine, time, precedents).TryDecide(household, result, request);
            DoorbraakTelemetry.PlanningStep(DoorbraakTelemetry.DecideDuration, DoorbraakTelemetry.Decisions, activity, started,
                attempt.Refusal is { } refusal ? new DecisionException(refusal) : null);
            return attempt;
        }
    }

    public DoorbraakCase OpenCase(Household household, DateOnly referenceDate, EvaluationOptions? options = null, string? caseReference = null)
    {
        ArgumentNullException.ThrowIfNull(household);
        var engine = provider.Current;
        using var activity = DoorbraakTelemetry.Start("doorbraak.open-case", engine);
        return new DoorbraakPlanner(engine, time, precedents).OpenCase(household, referenceDate, options, caseReference);
    }

    public DoorbraakPlan Assemble(Household household, EvaluationResult result, IEnumerable<RecordedDecision> decisions, PlanDetails details)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(details);
        var engine = provider.Current;
        var (activity, started) = (DoorbraakTelemetry.Start("doorbraak.assemble", engine), System.Diagnostics.Stopwatch.GetTimestamp());
        using (activity)
        {
            DoorbraakPlan plan;
            try
            {
                plan = new DoorbraakPlanner(engine, time, precedents).Assemble(household, result, decisions, details);
            }
            catch (Exception ex)
            {
                DoorbraakTelemetry.PlanningStep(DoorbraakTelemetry.AssembleDuration, DoorbraakTelemetry.Plans, activity, started, ex);
                throw;
            }
            DoorbraakTelemetry.PlanningStep(DoorbraakTelemetry.AssembleDuration, DoorbraakTelemetry.Plans, activity, started, null);
            activity?.SetTag("doorbraak.decisions", plan.Decisions.Count);
            return plan;
        }
    }
}
