using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Doorbraak.Rules.Hosting;

/// <summary>
/// The engine provider registered by AddDoorbraakRules: loads the packs once, and with hot reload watches the pack folders,
/// reloads in the background after a quiet period and swaps the engine atomically if the new set is valid.
/// </summary>
internal sealed class DoorbraakEngineProvider : IDoorbraakEngineProvider, IDisposable
{
    private readonly DoorbraakRulesOptions _options;
    private readonly IPrecedentSource? _precedents;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly object _reloadGate = new();
    private readonly List<FileSystemWatcher> _watchers = new();
    private volatile bool _rewatch;
    private readonly Timer? _debounce;
    private DoorbraakEngine _current;
    private PackReloadFailure? _lastError;
    private CancellationTokenSource _reloadTokenSource = new();
    private volatile bool _disposed;

    public DoorbraakEngineProvider(IOptionsMonitor<DoorbraakRulesOptions> options, InitialPackSetCache cache, ILogger logger, TimeProvider time, IPrecedentSource? precedents)
    {
        _logger = logger;
        _time = time;
        _precedents = precedents;
        // Reading the options runs the validator (unless ValidateOnStart already did): it throws OptionsValidationException
        // with every diagnostic if the packs do not load, and otherwise leaves the loaded set in the cache.
        _options = options.CurrentValue;
        var set = cache.Take(_options);
        if (set is null)
        {
            var (loaded, failure) = PackSourceResolver.TryLoad(_options, time.GetUtcNow());
            set = loaded ?? throw new OptionsValidationException(Options.DefaultName, typeof(DoorbraakRulesOptions), [failure!.ToString()]);
        }
        _current = new DoorbraakEngine(set, _precedents) { Backend = _options.Backend };
        if (set.Warnings.Count > 0) Log.LoadWarnings(_logger, set.Warnings.Count);
        Log.Loaded(_logger, set.Packs.Count, DoorbraakTelemetry.PackList(_current), DoorbraakTelemetry.ContentHash(set));

        if (_options.WatchForChanges)
        {
            _debounce = new Timer(_ => OnQuiet(), null, Timeout.Infinite, Timeout.Infinite);
            // Watching starts here, when the provider is created: at host start through DoorbraakRulesHostedService,
            // or (without a host) when the provider is first resolved.
            StartWatching();
        }
    }

    /// <summary>Whether the pack folders are being watched now.</summary>
    internal bool IsWatching
    {
        get { lock (_watchers) return _watchers.Count > 0; }
    }

    /// <summary>Watches the configured pack folders (once; no-op without hot reload or after disposal).</summary>
    internal void StartWatching()
    {
        if (!_options.WatchForChanges || _disposed) return;
        lock (_watchers)
        {
            if (_watchers.Count > 0) return;
            foreach (var folder in PackSourceResolver.Resolve(_options).Folders) Watch(folder);
            foreach (var parent in PackSourceResolver.Resolve(_options).Folders.Select(Path.GetDirectoryName).OfType<string>().Distinct(StringComparer.Ordinal))
                WatchParent(parent);
        }
    }

    /// <summary>Stops watching (at host stop), so no reload starts while the host shuts down. <see cref="StartWatching"/> starts again.</summary>
    internal void StopWatching()
    {
        lock (_watchers)
        {
            foreach (var w in _watchers)
            {
                w.EnableRaisingEvents = false;
                w.Dispose();
            }
            _watchers.Clear();
        }
        try { _debounce?.Change(Timeout.Infinite, Timeout.Infinite); }
        catch (ObjectDisposedException) { }
    }

    public DoorbraakEngine Current => Volatile.Read(ref _current);

    public PackReloadFailure? LastReloadError => Volatile.Read(ref _lastError);

    public IChangeToken GetReloadToken() => new CancellationChangeToken(Volatile.Read(ref _reloadTokenSource).Token);

    public event EventHandler<PackSetReloadedEventArgs>? Reloaded;

    public event EventHandler<PackReloadFailedEventArgs>? ReloadFailed;

    public Task<bool> ReloadAsync(CancellationToken cancellationToken = default) =>
        Task.Run(Reload, cancellationToken);

    /// <summary>How a set is loaded; tests replace it to simulate a load that hangs.</summary>
    internal Func<DoorbraakRulesOptions, DateTimeOffset, (PackSet? Set, PackReloadFailure? Failure)> Loader { get; set; } = PackSourceResolver.TryLoad;

    /// <summary>Loads and validates a new set; swaps it in only if valid. Reloads run one at a time.</summary>
    internal bool Reload()
    {
        lock (_reloadGate)
        {
            if (_disposed) return false;
            if (_rewatch)
            {
                // A pack folder was replaced as a whole (mv nl nl.old; mv nl.new nl): the old watcher follows nl.old.
                _rewatch = false;
                StopWatching();
                StartWatching();
            }
            var now = _time.GetUtcNow();
            // The load runs apart with a time limit: a file that blocks a read fails this reload but never holds the gate.
            var load = Task.Run(() => Loader(_options, now));
            (PackSet? Set, PackReloadFailure? Failure) result;
            try
            {
                result = load.Wait(_options.ReloadTimeout)
                    ? load.Result
                    : (null, new PackReloadFailure(now, $"The policy packs did not load within {_options.ReloadTimeout.TotalSeconds:0.#} seconds (ReloadTimeout); a pack file may block its read (a hanging network share, a special file). The reload was abandoned; the last good set stays.", []));
            }
            catch (AggregateException ex)
            {
                result = (null, new PackReloadFailure(now, $"The policy packs could not be loaded ({ex.InnerException?.GetType().Name}: {ex.InnerException?.Message}).", []));
            }
            var (set, failure) = result;
            if (set is null)
            {
                Volatile.Write(ref _lastError, failure);
                DoorbraakTelemetry.Reloads.Add(1, new KeyValuePair<string, object?>(DoorbraakTelemetry.OutcomeTag, "failed"));
                Log.ReloadFailed(_logger, failure!);
                Raise(() => ReloadFailed?.Invoke(this, new PackReloadFailedEventArgs(failure!)));
                return false;
            }
            Volatile.Write(ref _lastError, null);
            var previous = Current;
            if (SameContent(previous.PackSet, set))
            {
                Log.Unchanged(_logger);
                return true;
            }
            var engine = new DoorbraakEngine(set, _precedents) { Backend = _options.Backend };
            // The swap: evaluations that already hold 'previous' finish on it.
            Interlocked.Exchange(ref _current, engine);
            DoorbraakTelemetry.Reloads.Add(1, new KeyValuePair<string, object?>(DoorbraakTelemetry.OutcomeTag, "ok"));
            if (set.Warnings.Count > 0) Log.LoadWarnings(_logger, set.Warnings.Count);
            Log.Reloaded(_logger, set.Packs.Count, DoorbraakTelemetry.PackList(engine), DoorbraakTelemetry.ContentHash(set), DoorbraakTelemetry.ContentHash(previous.PackSet));
            var oldTokenSource = Interlocked.Exchange(ref _reloadTokenSource, new CancellationTokenSource());
            // Not disposed: consumers may still hold (and register on) a token from it. It has no timer to release.
            Raise(() => oldTokenSource.Cancel());
            Raise(() => Reloaded?.Invoke(this, new PackSetReloadedEventArgs(previous, engine)));
            return true;
        }
    }

    private void Raise(Action action)
    {
        // A failing subscriber must not undo a reload or stop the watcher.
        try { action(); }
        catch (Exception ex) { Log.WatcherError(_logger, ex); }
    }

    private static bool SameContent(PackSet a, PackSet b) =>
        a.Packs.Count == b.Packs.Count &&
        a.Packs.Zip(b.Packs).All(p => p.First.Id == p.Second.Id && p.First.Sha256 == p.Second.Sha256);

    private void Watch(string folder)
    {
        var watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        watcher.Changed += OnChanged;
        watcher.Created += OnChanged;
        watcher.Deleted += OnChanged;
        watcher.Renamed += OnRenamed;
        watcher.Error += OnError;
        watcher.EnableRaisingEvents = true;
        _watchers.Add(watcher);
        Log.Watching(_logger, folder);
    }

    private void WatchParent(string parent)
    {
        if (!Directory.Exists(parent)) return;
        // Non-recursive: only the pack folders' own names matter here (a folder renamed away, or a new one moved in).
        var names = PackSourceResolver.Resolve(_options).Folders.Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        var watcher = new FileSystemWatcher(parent) { IncludeSubdirectories = false, NotifyFilter = NotifyFilters.DirectoryName | NotifyFilters.FileName };
        void OnParent(string? name, string? oldName)
        {
            if (!names.Contains(name ?? "") && !names.Contains(oldName ?? "")) return;
            _rewatch = true;
            Schedule();
        }
        watcher.Created += (_, e) => OnParent(e.Name, null);
        watcher.Deleted += (_, e) => OnParent(e.Name, null);
        watcher.Renamed += (_, e) => OnParent(e.Name, e.OldName);
        watcher.Error += OnError;
        watcher.EnableRaisingEvents = true;
        _watchers.Add(watcher);
    }

    private static bool Relevant(string path)
    {
        // A Kubernetes ConfigMap update swaps its '..data' link to a new '..<timestamp>' folder.
        if (Path.GetFileName(path).StartsWith("..", StringComparison.Ordinal)) return true;
        var ext = Path.GetExtension(path);
        // YAML files, or a folder (no extension) being added, removed or renamed.
        return ext.Length == 0 || ext.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || ext.Equals(".yml", StringComparison.OrdinalIgnoreCase) || ext.Equals(".jws", StringComparison.OrdinalIgnoreCase);
    }

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        if (Relevant(e.FullPath)) Schedule();
    }

    private void OnRenamed(object sender, RenamedEventArgs e)
    {
        if (Relevant(e.FullPath) || Relevant(e.OldFullPath)) Schedule();
    }

    private void OnError(object sender, ErrorEventArgs e)
    {
        Log.WatcherError(_logger, e.GetException());
        Schedule();
    }

    private void Schedule()
    {
        if (_disposed) return;
        try { _debounce?.Change(_options.ReloadDebounce, Timeout.InfiniteTimeSpan); }
        catch (ObjectDisposedException) { }
    }

    private void OnQuiet()
    {
        try { Reload(); }
        catch (Exception ex) { Log.WatcherError(_logger, ex); }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        StopWatching();
        _debounce?.Dispose();
    }
}
