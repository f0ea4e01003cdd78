using Doorbraak.Rules.Hosting;

namespace Doorbraak.Rules.NRules;

/// <summary>Chooses the NRules backend in a Microsoft.Extensions host.</summary>
public static class NRulesBuilderExtensions
{
    /// <summary>
    /// Evaluates with the NRules (Rete) backend instead of the compiled one; results are the same. Also after a hot reload:
    /// the new pack set's NRules rules are compiled on first use.
    /// </summary>
    /// <param name="builder">The builder from <c>AddDoorbraakRules</c>.</param>
    /// <returns>The builder.</returns>
    public static DoorbraakRulesBuilder UseNRules(this DoorbraakRulesBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Configure(o => o.Backend = NRulesBackend.Instance);
    }
}
