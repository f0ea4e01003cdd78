using Doorbraak.Rules.Packs;

namespace Doorbraak.Rules.Hosting;

/// <summary>Turns <see cref="DoorbraakRulesOptions"/> into pack sources and the folders to watch, and loads them.</summary>
internal static class PackSourceResolver
{
    public sealed record Resolved(IReadOnlyList<PolicyPackSource> Sources, IReadOnlyList<string> Folders, IReadOnlyList<string> Problems);

    public static Resolved Resolve(DoorbraakRulesOptions options)
    {
        var problems = new List<string>();
        var sources = new List<PolicyPackSource>();
        var folders = new List<string>();
        foreach (var dir in options.PackDirectories)
        {
            if (string.IsNullOrWhiteSpace(dir))
            {
                problems.Add("A pack folder is empty; give the folder that holds pack.yaml.");
                continue;
            }
            var full = Path.GetFullPath(dir);
            if (!Directory.Exists(full)) problems.Add($"The pack folder '{full}' does not exist.");
            else if (!File.Exists(Path.Combine(full, "pack.yaml"))) problems.Add($"The pack folder '{full}' has no pack.yaml; give the folder that holds the pack's manifest.");
            else { sources.Add(PolicyPackSource.FromDirectory(full)); folders.Add(full); }
        }
        foreach (var id in options.PackPackages)
        {
            var folder = FindPackageFolder(options.PackagePacksRoot, id);
            if (folder is null)
                problems.Add($"The policy-pack package '{id}' is not in '{Path.Combine(options.PackagePacksRoot, id)}'; add <PackageReference Include=\"{id}\" /> to the application project and build it, or set PackagePacksRoot.");
            else if (!File.Exists(Path.Combine(folder, "pack.yaml")))
                problems.Add($"The policy-pack package folder '{folder}' has no pack.yaml.");
            else { sources.Add(PolicyPackSource.FromDirectory(folder)); folders.Add(folder); }
        }
        sources.AddRange(options.Sources);
        if (options.PackDirectories.Count + options.PackPackages.Count + options.Sources.Count == 0)
            problems.Add("No policy packs are configured; call AddPackDirectory, AddEmbeddedPacks or AddPackPackage on the builder returned by AddDoorbraakRules.");
        if (options.ReloadDebounce < DoorbraakRulesOptions.MinReloadDebounce || options.ReloadDebounce > DoorbraakRulesOptions.MaxReloadDebounce)
            problems.Add($"ReloadDebounce is {options.ReloadDebounce}; it must be between {DoorbraakRulesOptions.MinReloadDebounce} and {DoorbraakRulesOptions.MaxReloadDebounce}.");
        if (options.ReloadTimeout <= TimeSpan.Zero || options.ReloadTimeout > TimeSpan.FromHours(1))
            problems.Add($"ReloadTimeout is {options.ReloadTimeout}; it must be more than zero and at most one hour.");
        if (options.LoadOptions is null) problems.Add("LoadOptions is null; leave it at its default or set a PackLoadOptions.");
        if (options.DefaultEvaluationOptions is null) problems.Add("DefaultEvaluationOptions is null; leave it at its default or set an EvaluationOptions.");
        return new Resolved(sources, folders.Distinct(StringComparer.Ordinal).ToList(), problems);
    }

    private static string? FindPackageFolder(string root, string id)
    {
        if (string.IsNullOrEmpty(root) || !Directory.Exists(root)) return null;
        var exact = Path.Combine(root, id);
        if (Directory.Exists(exact)) return exact;
        // NuGet ids are case-insensitive; file systems may not be.
        return Directory.EnumerateDirectories(root).FirstOrDefault(d => string.Equals(Path.GetFileName(d), id, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Loads the packs; returns the set, or null with a failure. Never throws for bad packs or I/O errors.</summary>
    public static (PackSet? Set, PackReloadFailure? Failure) TryLoad(DoorbraakRulesOptions options, DateTimeOffset now)
    {
        var resolved = Resolve(options);
        if (resolved.Problems.Count > 0)
            return (null, new PackReloadFailure(now, string.Join(" ", resolved.Problems), []));
        try
        {
            var (set, diagnostics) = PackSet.TryLoad(resolved.Sources, options.LoadOptions);
            if (set is not null) return (set, null);
            var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            return (null, new PackReloadFailure(now, $"The policy packs did not load ({errors} error(s)).", diagnostics));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, new PackReloadFailure(now, $"The policy packs could not be read ({ex.GetType().Name}: {ex.Message}).", []));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A failed load is always a reported failure, never an exception that ends the watcher silently.
            return (null, new PackReloadFailure(now, $"The policy packs could not be loaded ({ex.GetType().Name}: {ex.Message}).", []));
        }
    }
}
