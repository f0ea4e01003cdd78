using Doorbraak.Rules.Facts;

namespace Doorbraak.Rules.Conditions;

/// <summary>
/// A named, typed function that expressions may call, registered by a host. This is the only way
/// to extend the condition language: expressions cannot reach other .NET code.
/// </summary>
/// <remarks>Implementations must be pure, thread-safe and total: return <see cref="FactValue.Unknown"/> rather than throw.</remarks>
public interface IConditionFunction
{
    /// <summary>The name used in expressions (lower case, letters, digits and underscores).</summary>
    string Name { get; }

    /// <summary>The types of the arguments, checked at load time.</summary>
    IReadOnlyList<FactType> ParameterTypes { get; }

    /// <summary>The type of the result.</summary>
    FactType ReturnType { get; }

    /// <summary>Whether any unknown argument makes the result unknown without calling <see cref="Invoke"/>. Default true.</summary>
    bool PropagatesUnknown => true;

    /// <summary>Computes the result. <paramref name="referenceDate"/> is the evaluation's peildatum.</summary>
    FactValue Invoke(ReadOnlySpan<FactValue> arguments, DateOnly referenceDate);
}

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
