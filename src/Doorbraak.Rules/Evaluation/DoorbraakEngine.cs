using Doorbraak.Rules.Source;
using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Evaluation;
using System.Reflection;

namespace Doorbraak.Rules;

/// <summary>
/// Evaluates households against a loaded <see cref="PackSet"/>. Build one per pack set and share it:
/// it is immutable, and every evaluation keeps its own state.
/// </summary>
/// <threadsafety instance="true">All members are safe to call from many threads at once.</threadsafety>
public sealed class DoorbraakEngine
{
    private readonly IPrecedentSource? _precedents;

    /// <summary>Creates an engine for a pack set.</summary>
    /// <param name="packs">The loaded packs.</param>
    /// <param name="precedents">Earlier decisions, for the equal-treatment check; optional.</param>
    public DoorbraakEngine(PackSet packs, IPrecedentSource? precedents = null)
    {
        Packs = packs ?? throw new ArgumentNullException(nameof(packs));
        _precedents = precedents;
    }

    /// <summary>The library version recorded in audit blocks.</summary>
    public static string EngineVersion { get; } =
        typeof(DoorbraakEngine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>The pack set this engine evaluates against.</summary>
    public PackSet Packs { get; }

    /// <summary>Evaluates a household on a reference date: determinations, goals, collisions, missing facts and proposals.</summary>
    /// <param name="household">The situation as the host knows it; anything left out is unknown.</param>
    /// <param name="referenceDate">The peildatum: picks parameter values and rule validity.</param>
    /// <param name="options">Language, redaction, horizon; null for the defaults.</param>
    /// <exception cref="HouseholdException">The household names facts the packs do not know, or gives a value of the wrong type.</exception>
    public EvaluationResult Evaluate(Household household, DateOnly referenceDate, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(household);
        return Evaluator.Evaluate(Packs.Plan, Packs.Packs, household, referenceDate, options ?? EvaluationOptions.Default, _precedents);
    }

    /// <summary>What-if: re-projects the household with these deviations applied (allowed or not) and reports what changes.</summary>
    /// <param name="household">The household.</param>
    /// <param name="referenceDate">The peildatum.</param>
    /// <param name="deviationIds">One or more deviation ids.</param>
    /// <param name="options">Language and horizon; null for the defaults.</param>
    /// <exception cref="ArgumentException">A deviation id is not loaded.</exception>
    public WhatIfResult WhatIf(Household household, DateOnly referenceDate, IEnumerable<string> deviationIds, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(household);
        var set = WhatIfQueries.Resolve(Packs.Plan, deviationIds);
        var ctx = Evaluator.CreateContext(Packs.Plan, household, referenceDate, options ?? EvaluationOptions.Default);
        return WhatIfQueries.Apply(ctx, set);
    }

    /// <summary>The deviations the packs offer from a rule.</summary>
    /// <exception cref="ArgumentException">The rule is not loaded.</exception>
    public IReadOnlyList<DeviationInfo> DeviationsForRule(string ruleId, ReportLanguage language = ReportLanguage.Dutch) =>
        WhatIfQueries.ForRule(Packs.Plan, ruleId, language);

    /// <summary>Which rules block a goal for this household: the smallest sets of applied rule outcomes that, set aside, let it hold.</summary>
    /// <exception cref="ArgumentException">The goal is not loaded.</exception>
    public IReadOnlyList<IReadOnlyList<string>> RulesBlockingGoal(Household household, DateOnly referenceDate, string goalId)
    {
        ArgumentNullException.ThrowIfNull(household);
        var ctx = Evaluator.CreateContext(Packs.Plan, household, referenceDate, EvaluationOptions.Default);
        return WhatIfQueries.RulesBlocking(ctx, goalId);
    }

    /// <summary>Reads a household from YAML or JSON in the shape pack tests use, checked against the packs' fact schema.</summary>
    /// <param name="text">The YAML or JSON text.</param>
    /// <param name="name">A name for error messages (a file name).</param>
    /// <exception cref="HouseholdException">The text is malformed or names unknown facts; every problem is listed with its line and column.</exception>
    public Household ReadHousehold(string text, string name = "household")
    {
        ArgumentNullException.ThrowIfNull(text);
        var bag = new DiagnosticBag();
        var household = HouseholdReader.Parse(name, text, Packs.Plan.Schema, bag);
        return household ?? throw new HouseholdException(bag.Items);
    }
}

/// <summary>Thrown when a household does not fit the packs' fact schema.</summary>
public sealed class HouseholdException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HouseholdException(IReadOnlyList<Diagnostic> diagnostics)
        : base("The household does not fit the loaded packs:" + Environment.NewLine + string.Join(Environment.NewLine, diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every problem found, each with its code (DBR1xxx for the YAML, DBR3xxx for the household's facts), place and message.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
