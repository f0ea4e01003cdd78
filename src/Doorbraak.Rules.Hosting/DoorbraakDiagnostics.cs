using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Doorbraak.Rules.Hosting;

/// <summary>
/// Names of the library's <see cref="Meter"/> and <see cref="ActivitySource"/>, for OpenTelemetry or any listener:
/// <c>.AddMeter(DoorbraakDiagnostics.MeterName)</c>, <c>.AddSource(DoorbraakDiagnostics.ActivitySourceName)</c>.
/// Tags carry pack ids, versions and counts only, never household facts.
/// </summary>
/// <remarks>
/// Instruments (durations in seconds, unit <c>s</c>, as the OpenTelemetry semantic conventions ask):
/// <c>doorbraak.evaluations</c> (counter, tag <c>doorbraak.outcome</c> = ok|error),
/// <c>doorbraak.evaluation.duration</c> (histogram, s), <c>doorbraak.collisions</c> (counter),
/// <c>doorbraak.proposals</c> (counter), <c>doorbraak.decisions</c> (counter, tag <c>doorbraak.outcome</c> = ok|refused|error),
/// <c>doorbraak.decide.duration</c> (histogram, s), <c>doorbraak.plans</c> (counter, tag <c>doorbraak.outcome</c> = ok|refused|error),
/// <c>doorbraak.assemble.duration</c> (histogram, s), <c>doorbraak.pack_reloads</c> (counter, tag <c>doorbraak.outcome</c> = ok|failed).
/// Activities: <c>doorbraak.evaluate</c>, <c>doorbraak.what_if</c>, <c>doorbraak.decide</c> and <c>doorbraak.assemble</c>.
/// </remarks>
public static class DoorbraakDiagnostics
{
    /// <summary>The meter name: <c>Doorbraak.Rules</c>.</summary>
    public const string MeterName = "Doorbraak.Rules";

    /// <summary>The activity source name: <c>Doorbraak.Rules</c>.</summary>
    public const string ActivitySourceName = "Doorbraak.Rules";
}

/// <summary>The library's instruments. Static so that any listener sees them without DI.</summary>
internal static class DoorbraakTelemetry
{
    private static readonly string Version = DoorbraakEngine.EngineVersion;

    public static readonly ActivitySource Source = new(DoorbraakDiagnostics.ActivitySourceName, Version);
    public static readonly Meter Meter = new(DoorbraakDiagnostics.MeterName, Version);

    public static readonly Counter<long> Evaluations = Meter.CreateCounter<long>("doorbraak.evaluations", "{evaluation}", "Households evaluated.");
    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("doorbraak.evaluation.duration", "s", "Time to evaluate one household.");
    public static readonly Counter<long> Decisions = Meter.CreateCounter<long>("doorbraak.decisions", "{decision}", "Decisions recorded or refused.");
    public static readonly Histogram<double> DecideDuration = Meter.CreateHistogram<double>("doorbraak.decide.duration", "s", "Time to check and record one decision.");
    public static readonly Counter<long> Plans = Meter.CreateCounter<long>("doorbraak.plans", "{plan}", "Doorbraakplannen assembled.");
    public static readonly Histogram<double> AssembleDuration = Meter.CreateHistogram<double>("doorbraak.assemble.duration", "s", "Time to assemble one doorbraakplan.");
    public static readonly Counter<long> Collisions = Meter.CreateCounter<long>("doorbraak.collisions", "{collision}", "Collisions found.");
    public static readonly Counter<long> Proposals = Meter.CreateCounter<long>("doorbraak.proposals", "{proposal}", "Proposals made.");
    public static readonly Counter<long> Reloads = Meter.CreateCounter<long>("doorbraak.pack_reloads", "{reload}", "Pack set reloads.");

    public const string OutcomeTag = "doorbraak.outcome";

    /// <summary>Pack ids and versions, as <c>id@version</c> joined with commas. Contains no household data.</summary>
    public static string PackList(DoorbraakEngine engine) => string.Join(",", engine.PackSet.Packs.Select(p => $"{p.Id}@{p.Version}"));

    /// <summary>
    /// One SHA-256 over the packs of a set (ids, versions and each pack's content hash, in load order), lower-case hex:
    /// the same packs give the same hash on every machine, so a log line says which content is in use.
    /// </summary>
    public static string ContentHash(PackSet set)
    {
        var text = string.Join("\n", set.Packs.Select(p => $"{p.Id}@{p.Version}:{p.Sha256}"));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    public static Activity? Start(string name, DoorbraakEngine engine)
    {
        var activity = Source.StartActivity(name, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("doorbraak.packs", PackList(engine));
            activity.SetTag("doorbraak.pack_count", engine.PackSet.Packs.Count);
            activity.SetTag("doorbraak.engine_version", Version);
        }
        return activity;
    }

    public static void Failed(Activity? activity, Exception ex)
    {
        // The exception type only: messages may quote household values.
        activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
        activity?.SetTag("error.type", ex.GetType().FullName);
    }

    private static readonly KeyValuePair<string, object?> Ok = new(OutcomeTag, "ok");
    private static readonly KeyValuePair<string, object?> Error = new(OutcomeTag, "error");
    private static readonly KeyValuePair<string, object?> Refused = new(OutcomeTag, "refused");

    /// <summary>Records a finished (or failed) Decide or Assemble: duration in seconds and a count, tagged ok, refused (a <see cref="DecisionException"/>) or error.</summary>
    public static void PlanningStep(Histogram<double> duration, Counter<long> count, Activity? activity, long started, Exception? ex)
    {
        var outcome = ex is null ? Ok : ex is DecisionException ? Refused : Error;
        duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, outcome);
        count.Add(1, outcome);
        if (ex is DecisionException refused) activity?.SetTag("doorbraak.refused", ResultJson.NameOf(refused.Code));
        else if (ex is not null) Failed(activity, ex);
    }

    /// <summary>Starts the trace of one evaluation. Pair with <see cref="EvaluationCompleted"/> or <see cref="EvaluationFailed"/>.</summary>
    public static (Activity? Activity, long Started) StartEvaluation(DoorbraakEngine engine) =>
        (Start("doorbraak.evaluate", engine), Stopwatch.GetTimestamp());

    /// <summary>Records a finished evaluation: counts and duration, and the counts as activity tags. No household data.</summary>
    public static void EvaluationCompleted(Activity? activity, long started, EvaluationResult result)
    {
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, Ok);
        Evaluations.Add(1, Ok);
        if (result.Collisions.Count > 0) Collisions.Add(result.Collisions.Count);
        if (result.Proposals.Count > 0) Proposals.Add(result.Proposals.Count);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("doorbraak.determinations", result.Determinations.Count);
            activity.SetTag("doorbraak.collisions", result.Collisions.Count);
            activity.SetTag("doorbraak.proposals", result.Proposals.Count);
            activity.SetTag("doorbraak.missing_facts", result.MissingFacts.Count);
        }
    }

    /// <summary>Records a failed evaluation (the exception type only).</summary>
    public static void EvaluationFailed(Activity? activity, long started, Exception ex)
    {
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, Error);
        Evaluations.Add(1, Error);
        Failed(activity, ex);
    }
}
