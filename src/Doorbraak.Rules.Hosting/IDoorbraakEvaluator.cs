namespace Doorbraak.Rules.Hosting;

/// <summary>
/// Evaluates households on the current engine of <see cref="IDoorbraakEngineProvider"/>, with metrics and tracing
/// (see <see cref="DoorbraakDiagnostics"/>). This is the instrumented path: prefer it over calling <see cref="DoorbraakEngine"/> directly.
/// </summary>
/// <threadsafety instance="true">All members are safe to call from many threads at once.</threadsafety>
public interface IDoorbraakEvaluator
{
    /// <summary>The engine the next call will use.</summary>
    DoorbraakEngine Engine { get; }

    /// <summary>Evaluates a household; see <see cref="DoorbraakEngine.Evaluate"/>.</summary>
    /// <param name="household">The situation as the host knows it.</param>
    /// <param name="referenceDate">The peildatum.</param>
    /// <param name="options">Options; null for <see cref="DoorbraakRulesOptions.DefaultEvaluationOptions"/>.</param>
    EvaluationResult Evaluate(Household household, DateOnly referenceDate, EvaluationOptions? options = null);

    /// <summary>What-if with chosen deviations; see <see cref="DoorbraakEngine.WhatIf"/>.</summary>
    /// <param name="household">The household.</param>
    /// <param name="referenceDate">The peildatum.</param>
    /// <param name="deviationIds">One or more deviation ids.</param>
    /// <param name="options">Options; null for <see cref="DoorbraakRulesOptions.DefaultEvaluationOptions"/>.</param>
    WhatIfResult WhatIf(Household household, DateOnly referenceDate, IEnumerable<string> deviationIds, EvaluationOptions? options = null);
}
