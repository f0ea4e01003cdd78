namespace Doorbraak.Rules;

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

