using Doorbraak.Rules;
using Doorbraak.Rules.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Doorbraak.Rules in a Microsoft.Extensions.DependencyInjection container.</summary>
public static class DoorbraakRulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Doorbraak.Rules services: <see cref="IDoorbraakEngineProvider"/> (singleton, thread-safe),
    /// <see cref="IDoorbraakEvaluator"/> and <see cref="IDoorbraakPlanner"/> (singletons, instrumented), <see cref="DoorbraakEngine"/> and
    /// <see cref="DoorbraakPlanner"/> (transient, each resolving to the current engine), <see cref="TimeProvider"/>
    /// (<see cref="TimeProvider.System"/> unless one is registered), and a hosted service that loads the packs and starts hot
    /// reload when a Microsoft.Extensions host starts (without a host, when the engine is first resolved). An
    /// <see cref="IPrecedentSource"/> registered by the host is used for the equal-treatment check. Safe to call more than once.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the options; optional.</param>
    /// <returns>A builder to add packs, hot reload and start-up validation.</returns>
    public static DoorbraakRulesBuilder AddDoorbraakRules(this IServiceCollection services, Action<DoorbraakRulesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<DoorbraakRulesOptions>();
        if (configure is not null) services.Configure(configure);

        services.TryAddSingleton<InitialPackSetCache>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DoorbraakRulesOptions>, DoorbraakRulesOptionsValidator>(sp =>
            new DoorbraakRulesOptionsValidator(sp.GetRequiredService<InitialPackSetCache>(), sp.GetRequiredService<TimeProvider>())));
        services.TryAddSingleton<IDoorbraakEngineProvider>(sp => new DoorbraakEngineProvider(
            sp.GetRequiredService<IOptionsMonitor<DoorbraakRulesOptions>>(),
            sp.GetRequiredService<InitialPackSetCache>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger("Doorbraak.Rules") ?? NullLogger.Instance,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IPrecedentSource>()));
        services.TryAddSingleton<IDoorbraakEvaluator>(sp => new InstrumentedEvaluator(
            sp.GetRequiredService<IDoorbraakEngineProvider>(),
            sp.GetRequiredService<IOptionsMonitor<DoorbraakRulesOptions>>().CurrentValue));
        services.TryAddSingleton<IDoorbraakPlanner>(sp => new InstrumentedPlanner(
            sp.GetRequiredService<IDoorbraakEngineProvider>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IPrecedentSource>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DoorbraakRulesHostedService>());
        services.TryAddTransient(sp => sp.GetRequiredService<IDoorbraakEngineProvider>().Current);
        services.TryAddTransient(sp => new DoorbraakPlanner(
            sp.GetRequiredService<IDoorbraakEngineProvider>().Current,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IPrecedentSource>()));
        return new DoorbraakRulesBuilder(services);
    }
}
