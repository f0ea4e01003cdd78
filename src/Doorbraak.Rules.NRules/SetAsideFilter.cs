using NRules;
using NRules.AgendaFilters;

namespace Doorbraak.Rules.NRules;

/// <summary>
/// A counterfactual in NRules' own terms: the activations of rules whose outcome is set aside (a collision's cause
/// tested, a suspending deviation or exemption applied) are refused, so they never fire in this session.
/// </summary>
internal sealed class SetAsideFilter(IReadOnlySet<int> setAside) : IAgendaFilter
{
    public bool Accept(AgendaContext context, Activation activation) =>
        !activation.Rule.Properties.TryGetProperty(RuleTranslator.IndexProperty, out var index) || index.Value is not int rule || !setAside.Contains(rule);
}
