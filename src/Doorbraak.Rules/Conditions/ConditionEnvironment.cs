using Doorbraak.Rules.Facts;

namespace Doorbraak.Rules.Conditions;

/// <summary>What an expression can refer to: the merged fact schema, the parameters and the functions.</summary>
internal sealed class ConditionEnvironment
{
    public ConditionEnvironment(FactSchema schema, IReadOnlyDictionary<string, ParameterSymbol> parameters, IReadOnlyDictionary<string, IConditionFunction> hostFunctions)
    {
        Schema = schema;
        Parameters = parameters;
        HostFunctions = hostFunctions;
    }

    public FactSchema Schema { get; }

    /// <summary>Parameters by id (ids may contain dots: <c>pw.norm.alleenstaande</c>).</summary>
    public IReadOnlyDictionary<string, ParameterSymbol> Parameters { get; }

    /// <summary>Functions a host registered, by name; built-in functions take precedence and cannot be replaced.</summary>
    public IReadOnlyDictionary<string, IConditionFunction> HostFunctions { get; }
}
