namespace Doorbraak.Rules.Hosting;

/// <summary>Wraps <see cref="DoorbraakPlanner"/> on the current engine (taken once per call) with metrics and a trace.</summary>
internal sealed class InstrumentedPlanner(IDoorbraakEngineProvider provider, TimeProvider time, IPrecedentSource? precedents) : IDoorbraakPlanner
{
    public RecordedDecision Decide(Household household, EvaluationResult result, DecisionRequest request)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(request);
        return Measure("doorbraak.decide", DoorbraakTelemetry.DecideDuration, DoorbraakTelemetry.Decisions,
            planner => planner.Decide(household, result, request), (_, _) => null);
    }

    public DecisionAttempt TryDecide(Household household, EvaluationResult result, DecisionRequest request)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(request);
        return Measure("doorbraak.decide", DoorbraakTelemetry.DecideDuration, DoorbraakTelemetry.Decisions,
            planner => planner.TryDecide(household, result, request), (a, _) => a.Refusal is { } refusal ? new DecisionException(refusal) : null);
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
        return Measure("doorbraak.assemble", DoorbraakTelemetry.AssembleDuration, DoorbraakTelemetry.Plans,
            planner => planner.Assemble(household, result, decisions, details), (plan, activity) =>
            {
                activity?.SetTag("doorbraak.decisions", plan.Decisions.Count);
                return null;
            });
    }

    /// <summary>
    /// Runs one planning step on the current engine with its trace, duration (seconds) and outcome count;
    /// <paramref name="completed"/> tags the trace and says whether the step's value is a refusal.
    /// </summary>
    private T Measure<T>(string name, System.Diagnostics.Metrics.Histogram<double> duration, System.Diagnostics.Metrics.Counter<long> count,
        Func<DoorbraakPlanner, T> step, Func<T, System.Diagnostics.Activity?, Exception?> completed)
    {
        var engine = provider.Current;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var activity = DoorbraakTelemetry.Start(name, engine);
        T value;
        try
        {
            value = step(new DoorbraakPlanner(engine, time, precedents));
        }
        catch (Exception ex)
        {
            DoorbraakTelemetry.PlanningStep(duration, count, activity, started, ex);
            throw;
        }
        DoorbraakTelemetry.PlanningStep(duration, count, activity, started, completed(value, activity));
        return value;
    }
}
