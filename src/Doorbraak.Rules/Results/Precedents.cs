namespace Doorbraak.Rules;

/// <summary>An earlier decision on a deviation, as a host keeps it (no personal data beyond the facts the deviation's condition used).</summary>
/// <param name="CaseReference">The host's reference of the case (not a BSN).</param>
/// <param name="Deviation">The deviation id decided on.</param>
/// <param name="Outcome">Accepted, changed or rejected.</param>
/// <param name="DecidedOn">The date of the decision.</param>
/// <param name="Facts">The facts the deviation's condition used, by name (<c>lid.leeftijd</c>, <c>huishouden.huur</c>), as invariant text.</param>
/// <param name="Motivation">The motivation given.</param>
public sealed record PrecedentRecord(string CaseReference, string Deviation, DecisionOutcome Outcome, DateOnly DecidedOn, IReadOnlyDictionary<string, string> Facts, string? Motivation);

/// <summary>Supplies earlier decisions so that equal cases are treated equally. Implemented by the host.</summary>
public interface IPrecedentSource
{
    /// <summary>Earlier decisions on the deviation with this id.</summary>
    IEnumerable<PrecedentRecord> ForDeviation(string deviationId);
}

/// <summary>A precedent source the planner can also write to: every recorded decision becomes a precedent.</summary>
public interface IPrecedentStore : IPrecedentSource
{
    /// <summary>Keeps a decision as a precedent.</summary>
    void Add(PrecedentRecord record);
}

/// <summary>An in-memory precedent store, for tests, demos and small hosts.</summary>
/// <threadsafety>Thread-safe.</threadsafety>
public sealed class InMemoryPrecedentSource : IPrecedentStore
{
    private readonly List<PrecedentRecord> _records = new();
    private readonly Lock _lock = new();

    /// <summary>Adds a decision.</summary>
    public void Add(PrecedentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_lock) _records.Add(record);
    }

    /// <inheritdoc />
    public IEnumerable<PrecedentRecord> ForDeviation(string deviationId)
    {
        lock (_lock) return _records.Where(r => r.Deviation == deviationId).ToList();
    }
}
