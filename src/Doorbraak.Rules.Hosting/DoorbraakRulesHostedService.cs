using Microsoft.Extensions.Hosting;

namespace Doorbraak.Rules.Hosting;

/// <summary>
/// Registered by AddDoorbraakRules: when the host starts, creates the engine provider (so the packs load at start-up, not on
/// the first request) and, with hot reload, starts watching the pack folders; when the host stops, stops watching.
/// </summary>
internal sealed class DoorbraakRulesHostedService(IDoorbraakEngineProvider provider) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Resolving the provider (the constructor parameter) already loaded the packs; start the watcher if it is ours.
        if (provider is DoorbraakEngineProvider own) own.StartWatching();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (provider is DoorbraakEngineProvider own) own.StopWatching();
        return Task.CompletedTask;
    }
}
