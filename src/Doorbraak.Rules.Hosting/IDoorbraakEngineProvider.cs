using Microsoft.Extensions.Primitives;

namespace Doorbraak.Rules.Hosting;

/// <summary>
/// Holds the engine for the current pack set. With hot reload, <see cref="Current"/> is replaced atomically when changed
/// packs load and validate; an evaluation that already took an engine finishes on it.
/// </summary>
/// <threadsafety instance="true">All members are safe to call from many threads at once.</threadsafety>
public interface IDoorbraakEngineProvider
{
    /// <summary>The engine for the last pack set that loaded and validated. Take it once per evaluation (or per request).</summary>
    DoorbraakEngine Current { get; }

    /// <summary>Why the last reload failed, or null when the last reload (or the first load) succeeded.</summary>
    PackReloadFailure? LastReloadError { get; }

    /// <summary>A token that fires once when <see cref="Current"/> is replaced; get a new token after it fires.</summary>
    IChangeToken GetReloadToken();

    /// <summary>Raised after a new pack set was swapped in. Handlers run on a background thread.</summary>
    event EventHandler<PackSetReloadedEventArgs>? Reloaded;

    /// <summary>Raised when a reload failed and the last good pack set was kept. Handlers run on a background thread.</summary>
    event EventHandler<PackReloadFailedEventArgs>? ReloadFailed;

    /// <summary>Loads the configured packs again now (as the watcher does) and swaps them in if they are valid.</summary>
    /// <param name="cancellationToken">Cancels waiting for the reload to start.</param>
    /// <returns>True if the packs are valid (swapped in, or unchanged); false if the last good set was kept.</returns>
    Task<bool> ReloadAsync(CancellationToken cancellationToken = default);
}

/// <summary>Why a reload failed. Holds pack diagnostics only, never household data.</summary>
/// <param name="At">When the reload was attempted.</param>
/// <param name="Message">A one-line summary.</param>
/// <param name="Diagnostics">Every problem found in the packs (empty if the failure was not in the packs, such as an I/O error).</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record PackReloadFailure(DateTimeOffset At, string Message, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The summary and every diagnostic, one per line.</summary>
    public override string ToString() =>
        Diagnostics.Count == 0 ? Message : Message + Environment.NewLine + string.Join(Environment.NewLine, Diagnostics);
}

/// <summary>Data for <see cref="IDoorbraakEngineProvider.Reloaded"/>.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed class PackSetReloadedEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    public PackSetReloadedEventArgs(DoorbraakEngine previous, DoorbraakEngine current)
    {
        Previous = previous;
        Current = current;
    }

    /// <summary>The engine that was replaced (evaluations in flight may still use it).</summary>
    public DoorbraakEngine Previous { get; }

    /// <summary>The new engine.</summary>
    public DoorbraakEngine Current { get; }

    /// <summary>The packs now loaded, with versions and hashes.</summary>
    public IReadOnlyList<PackInfo> Packs => Current.PackSet.Packs;
}

/// <summary>Data for <see cref="IDoorbraakEngineProvider.ReloadFailed"/>.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed class PackReloadFailedEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    public PackReloadFailedEventArgs(PackReloadFailure failure) => Failure = failure;

    /// <summary>Why the reload failed.</summary>
    public PackReloadFailure Failure { get; }
}
