using System.Diagnostics;
using Doorbraak.Rules.Engine;
using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Proposals;

namespace Doorbraak.Rules.Hosting;

/// <summary>Takes the current engine once per call (so a reload never changes an evaluation half-way) and records metrics and a trace.</summary>
internal sealed class InstrumentedEvaluator(IDoorbraakEngineProvider provider, DoorbraakRulesOptions options) : IDoorbraakEvaluator
{
    private static readonly KeyValuePair<string, object?> Ok = new(DoorbraakTelemetry.OutcomeTag, "ok");
    private static readonly KeyValuePair<string, object?> Error = new(DoorbraakTelemetry.OutcomeTag, "error");

    public DoorbraakEngine Engine => provider.Current;

    public EvaluationResult Evaluate(Household household, DateOnly referenceDate, EvaluationOptions? evaluationOptions = null)
    {
        ArgumentNullException.ThrowIfNull(household);
        var engine = provider.Current;
        using var activity = DoorbraakTelemetry.Start("doorbraak.evaluate", engine);
        var started = Stopwatch.GetTimestamp();
        EvaluationResult result;
        try
        {
            result = engine.Evaluate(household, referenceDate, evaluationOptions ?? options.DefaultEvaluationOptions);
        }
        catch (Exception ex)
        {
            DoorbraakTelemetry.Duration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, Error);
            DoorbraakTelemetry.Evaluations.Add(1, Error);
            DoorbraakTelemetry.Failed(activity, ex);
            throw;
        }
        DoorbraakTelemetry.Duration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, Ok);
        DoorbraakTelemetry.Evaluations.Add(1, Ok);
        if (result.Collisions.Count > 0) DoorbraakTelemetry.Collisions.Add(result.Collisions.Count);
        if (result.Proposals.Count > 0) DoorbraakTelemetry.Proposals.Add(result.Proposals.Count);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("doorbraak.determinations", result.Determinations.Count);
            activity.SetTag("doorbraak.collisions", result.Collisions.Count);
            activity.SetTag("doorbraak.proposals", result.Proposals.Count);
            activity.SetTag("doorbraak.missing_facts", result.MissingFacts.Count);
        }
        return result;
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
