namespace Doorbraak.Rules.Hosting;

/// <summary>Takes the current engine once per call (so a reload never changes an evaluation half-way) and records metrics and a trace.</summary>
internal sealed class InstrumentedEvaluator(IDoorbraakEngineProvider provider, DoorbraakRulesOptions options) : IDoorbraakEvaluator
{
    public DoorbraakEngine Engine => provider.Current;

    public EvaluationResult Evaluate(Household household, DateOnly referenceDate, EvaluationOptions? evaluationOptions = null)
    {
        ArgumentNullException.ThrowIfNull(household);
        var engine = provider.Current;
        var (activity, started) = DoorbraakTelemetry.StartEvaluation(engine);
        using (activity)
        {
            EvaluationResult result;
            try
            {
                result = engine.Evaluate(household, referenceDate, evaluationOptions ?? options.DefaultEvaluationOptions);
            }
            catch (Exception ex)
            {
                DoorbraakTelemetry.EvaluationFailed(activity, started, ex);
                throw;
            }
            DoorbraakTelemetry.EvaluationCompleted(activity, started, result);
            return result;
        }
    }

    public WhatIfResult WhatIf(Household household, DateOnly referenceDate, IEnumerable<string> deviationIds, EvaluationOptions? evaluationOptions = null)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(deviationIds);
        var engine = provider.Current;
        var ids = deviationIds.ToList();
        using var activity = DoorbraakTelemetry.Start("doorbraak.what_if", engine);
        // Deviation ids come from the packs, not from the household.
        activity?.SetTag("doorbraak.deviations", string.Join(",", ids));
        try
        {
            var result = engine.WhatIf(household, referenceDate, ids, evaluationOptions ?? options.DefaultEvaluationOptions);
            activity?.SetTag("doorbraak.resolves", result.Resolves.Count);
            activity?.SetTag("doorbraak.creates", result.Creates.Count);
            return result;
        }
        catch (Exception ex)
        {
            DoorbraakTelemetry.Failed(activity, ex);
            throw;
        }
    }
}
