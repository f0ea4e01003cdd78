using Microsoft.Extensions.Options;

namespace Doorbraak.Rules.Hosting;

/// <summary>
/// Validates the options and loads the packs, collecting every failure (with each pack diagnostic). A set that loads
/// is handed to the engine provider through <see cref="InitialPackSetCache"/>, so packs are loaded once at start.
/// </summary>
internal sealed class DoorbraakRulesOptionsValidator(InitialPackSetCache cache, TimeProvider time) : IValidateOptions<DoorbraakRulesOptions>
{
    public ValidateOptionsResult Validate(string? name, DoorbraakRulesOptions options)
    {
        if (name != Options.DefaultName) return ValidateOptionsResult.Skip;
        var (set, failure) = PackSourceResolver.TryLoad(options, time.GetUtcNow());
        if (failure is not null) return ValidateOptionsResult.Fail(failure.ToString());
        cache.Put(options, set!);
        return ValidateOptionsResult.Success;
    }
}

/// <summary>Hands the pack set loaded during validation to the provider, for the same options instance only.</summary>
internal sealed class InitialPackSetCache
{
    private readonly object _gate = new();
    private DoorbraakRulesOptions? _options;
    private PackSet? _set;

    public void Put(DoorbraakRulesOptions options, PackSet set)
    {
        lock (_gate) { _options = options; _set = set; }
    }

    public PackSet? Take(DoorbraakRulesOptions options)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_options, options)) return null;
            var set = _set;
            _options = null;
            _set = null;
            return set;
        }
    }
}
