using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Doorbraak.Rules.Hosting;

/// <summary>
/// Adds policy packs and behaviour to the Doorbraak.Rules services. Returned by
/// <see cref="DoorbraakRulesServiceCollectionExtensions.AddDoorbraakRules"/>; every method returns the builder so calls chain.
/// </summary>
/// <threadsafety>Use from the thread that configures the services.</threadsafety>
public sealed class DoorbraakRulesBuilder
{
    internal DoorbraakRulesBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection the services are registered in.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Loads a pack from a folder that holds <c>pack.yaml</c>.</summary>
    /// <param name="path">The folder; a relative path is made absolute against the current directory now.</param>
    public DoorbraakRulesBuilder AddPackDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        return Configure(o => o.PackDirectories.Add(full));
    }

    /// <summary>Loads a pack embedded in an assembly; see <see cref="PolicyPackSource.FromEmbeddedResources"/> for the resource names.</summary>
    /// <param name="assembly">The assembly holding the resources.</param>
    /// <param name="prefix">The common prefix of the resource names, such as <c>policypacks/gemeente-x/</c>.</param>
    public DoorbraakRulesBuilder AddEmbeddedPacks(Assembly assembly, string prefix)
    {
        var source = PolicyPackSource.FromEmbeddedResources(assembly, prefix);
        return AddPackSource(source);
    }

    /// <summary>
    /// Loads a pack shipped as a policy-pack NuGet package. Add a <c>PackageReference</c> to the package: it copies its YAML
    /// to <c>policypacks/&lt;package id&gt;/</c> in the output folder, and this method loads it from there
    /// (<see cref="DoorbraakRulesOptions.PackagePacksRoot"/>).
    /// </summary>
    /// <param name="packageId">The package id, such as <c>Doorbraak.PolicyPack.NlSociaalDomein</c>.</param>
    public DoorbraakRulesBuilder AddPackPackage(string packageId)
    {
        ArgumentException.ThrowIfNullOrEmpty(packageId);
        return Configure(o => o.PackPackages.Add(packageId));
    }

    /// <summary>Loads a pack from any source (embedded, in memory).</summary>
    /// <param name="source">The source.</param>
    public DoorbraakRulesBuilder AddPackSource(PolicyPackSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Configure(o => o.Sources.Add(source));
    }

    /// <summary>
    /// Hot reload: when a pack folder (or a package's pack folder) changes, the packs are loaded and validated in the
    /// background and swapped in only if they are valid. A failed reload keeps the last good packs and is reported through
    /// <see cref="IDoorbraakEngineProvider.LastReloadError"/> and the log.
    /// </summary>
    /// <param name="debounce">How long the folders must be quiet before reloading; null for 200 ms.</param>
    public DoorbraakRulesBuilder WatchForChanges(TimeSpan? debounce = null) => Configure(o =>
    {
        o.WatchForChanges = true;
        if (debounce is { } d) o.ReloadDebounce = d;
    });

    /// <summary>
    /// Validates the options and loads the packs when the host starts (Microsoft.Extensions.Hosting 8 or later), so that a
    /// pack that does not validate stops the host with every diagnostic in the message. Without a host, the same
    /// validation runs when the engine is first resolved.
    /// </summary>
    public DoorbraakRulesBuilder ValidateOnStart()
    {
        Services.AddOptions<DoorbraakRulesOptions>().ValidateOnStart();
        return this;
    }

    /// <summary>Changes the options directly.</summary>
    /// <param name="configure">The change.</param>
    public DoorbraakRulesBuilder Configure(Action<DoorbraakRulesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }
}
