namespace Doorbraak.Rules.Hosting;

/// <summary>
/// Options for the Doorbraak.Rules services registered by
/// <see cref="Microsoft.Extensions.DependencyInjection.DoorbraakRulesServiceCollectionExtensions.AddDoorbraakRules"/>.
/// Usually filled through <see cref="DoorbraakRulesBuilder"/>; can also be configured or bound with Microsoft.Extensions.Options.
/// </summary>
/// <threadsafety>Configure once at start-up; the services read the options when the engine is first created.</threadsafety>
public sealed class DoorbraakRulesOptions
{
    /// <summary>The smallest allowed <see cref="ReloadDebounce"/>.</summary>
    public static readonly TimeSpan MinReloadDebounce = TimeSpan.Zero;

    /// <summary>The largest allowed <see cref="ReloadDebounce"/>.</summary>
    public static readonly TimeSpan MaxReloadDebounce = TimeSpan.FromMinutes(1);

    /// <summary>Pack folders (each holding a <c>pack.yaml</c>). Relative paths are resolved against the current directory when loaded.</summary>
    public IList<string> PackDirectories { get; } = new List<string>();

    /// <summary>
    /// Ids of policy-pack NuGet packages (such as <c>Doorbraak.PolicyPack.NlSociaalDomein</c>). Each such package copies its
    /// YAML to <c>policypacks/&lt;package id&gt;/</c> in the application's output folder; see <see cref="PackagePacksRoot"/>.
    /// </summary>
    public IList<string> PackPackages { get; } = new List<string>();

    /// <summary>Other pack sources, such as embedded resources or packs held in memory. These are never watched.</summary>
    public IList<PolicyPackSource> Sources { get; } = new List<PolicyPackSource>();

    /// <summary>The folder where policy-pack packages put their packs. <value>Default: <c>policypacks</c> under <see cref="AppContext.BaseDirectory"/>.</value></summary>
    public string PackagePacksRoot { get; set; } = Path.Combine(AppContext.BaseDirectory, "policypacks");

    /// <summary>Reload the packs in the background when a pack folder changes (hot reload). <value>Default: false.</value></summary>
    public bool WatchForChanges { get; set; }

    /// <summary>How long the folders must be quiet before a reload starts. <value>Default: 200 ms.</value></summary>
    public TimeSpan ReloadDebounce { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How long one hot reload may take before it is abandoned and reported as failed, so that a file that blocks a read
    /// (a network share that hangs, say) never holds up later reloads. <value>Default: 30 seconds.</value>
    /// </summary>
    public TimeSpan ReloadTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Limits and host functions for loading packs. <value>Default: the <see cref="PackLoadOptions"/> defaults.</value></summary>
    public PackLoadOptions LoadOptions { get; set; } = new();

    /// <summary>The options <see cref="IDoorbraakEvaluator"/> uses when a call passes none. <value>Default: <see cref="EvaluationOptions.Default"/>.</value></summary>
    public EvaluationOptions DefaultEvaluationOptions { get; set; } = EvaluationOptions.Default;

    /// <summary>
    /// The engine that decides the rules (see <see cref="EvaluationBackend"/>); the NRules package's <c>UseNRules()</c>
    /// sets its backend. <value>Default: <see cref="EvaluationBackend.Compiled"/>.</value>
    /// </summary>
    public EvaluationBackend Backend { get; set; } = EvaluationBackend.Compiled;
}
