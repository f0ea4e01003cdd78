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
        PackSet = packs ?? throw new ArgumentNullException(nameof(packs));
        _precedents = precedents;
    }

    /// <summary>
    /// The engine that decides the rules: <see cref="EvaluationBackend.Compiled"/> (the default) or another backend, such as
    /// the NRules package's (<c>new DoorbraakEngine(packs) { Backend = NRulesBackend.Instance }</c>). Results are the same.
    /// </summary>
    public EvaluationBackend Backend
    {
        get => _backend;
        init => _backend = value ?? throw new ArgumentNullException(nameof(value));
    }

    private readonly EvaluationBackend _backend = EvaluationBackend.Compiled;

    /// <summary>The library version recorded in audit blocks.</summary>
    public static string EngineVersion { get; } =
        typeof(DoorbraakEngine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>The pack set this engine evaluates against.</summary>
    public PackSet PackSet { get; }

    /// <summary>Evaluates a household on a reference date: determinations, goals, collisions, missing facts and proposals.</summary>
    /// <param name="household">The situation as the host knows it; anything left out is unknown.</param>
    /// <param name="referenceDate">The peildatum: picks parameter values and rule validity.</param>
    /// <param name="options">Language, redaction, horizon; null for the defaults.</param>
    /// <exception cref="HouseholdException">The household names facts the packs do not know, or gives a value of the wrong type.</exception>
    public EvaluationResult Evaluate(Household household, DateOnly referenceDate, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(household);
        return Evaluator.Evaluate(PackSet.RuleSet, Backend, PackSet.Packs, household, referenceDate, options ?? EvaluationOptions.Default, _precedents);
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
        var set = WhatIfQueries.Resolve(PackSet.RuleSet, deviationIds);
        var ctx = EvaluationSession.Open(PackSet.RuleSet, household, referenceDate, options ?? EvaluationOptions.Default, Backend);
        return WhatIfQueries.Apply(ctx, set);
    }

    /// <summary>The deviations the packs offer from a rule.</summary>
    /// <exception cref="ArgumentException">The rule is not loaded.</exception>
    public IReadOnlyList<DeviationInfo> DeviationsForRule(string ruleId, ReportLanguage language = ReportLanguage.Dutch) =>
        WhatIfQueries.ForRule(PackSet.RuleSet, ruleId, language);

    /// <summary>Which rules block a goal for this household: the smallest sets of applied rule outcomes that, set aside, let it hold.</summary>
    /// <exception cref="ArgumentException">The goal is not loaded.</exception>
    public IReadOnlyList<IReadOnlyList<string>> RulesBlockingGoal(Household household, DateOnly referenceDate, string goalId)
    {
        ArgumentNullException.ThrowIfNull(household);
        var ctx = EvaluationSession.Open(PackSet.RuleSet, household, referenceDate, EvaluationOptions.Default, Backend);
        return WhatIfQueries.RulesBlocking(ctx, goalId);
    }

    /// <summary>Reads a household from YAML or JSON in the shape pack tests use, checked against the packs' fact schema.</summary>
    /// <param name="text">The YAML or JSON text.</param>
    /// <exception cref="HouseholdException">The text is malformed or names unknown facts; every problem is listed with its line and column.</exception>
    public Household ReadHousehold(string text) => ReadHousehold(text, "household");

    /// <summary>Reads a household from YAML or JSON text, naming it in error messages. See <see cref="ReadHousehold(string)"/>.</summary>
    /// <param name="text">The YAML or JSON text.</param>
    /// <param name="name">A name for error messages (a file name).</param>
    /// <exception cref="HouseholdException">The text is empty, malformed or names unknown facts; every problem is listed with its line and column.</exception>
    public Household ReadHousehold(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bag = new DiagnosticBag();
        var rs = PackSet.RuleSet;
        var known = new KnownIds(rs.Goals.Select(g => g.Id).ToHashSet(StringComparer.Ordinal), rs.Packs.Situations.Select(x => x.Id).ToHashSet(StringComparer.Ordinal));
        var household = HouseholdReader.Parse(name, text, rs.Schema, bag, known);
        return household ?? throw new HouseholdException(bag.Items);
    }

    /// <summary>The largest household document <see cref="ReadHousehold(Stream, string)"/> reads: 1 MiB.</summary>
    public const int MaxHouseholdBytes = 1024 * 1024;

    /// <summary>Reads a household from a UTF-8 stream of YAML or JSON (a request body), at most <see cref="MaxHouseholdBytes"/>.</summary>
    /// <exception cref="HouseholdException">The document is empty, too large, not UTF-8, malformed, or names unknown facts.</exception>
    public Household ReadHousehold(Stream utf8) => ReadHousehold(utf8, "household");

    /// <summary>Reads a household from a UTF-8 stream of YAML or JSON (a request body, a file), at most <see cref="MaxHouseholdBytes"/>.</summary>
    /// <param name="utf8">The document; read to its end, not closed.</param>
    /// <param name="name">A name for error messages (a file name).</param>
    /// <exception cref="HouseholdException">The document is empty, too large, not UTF-8, malformed, or names unknown facts.</exception>
    public Household ReadHousehold(Stream utf8, string name)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = utf8.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxHouseholdBytes)
                throw new HouseholdException([DiagnosticCatalog.HouseholdTooLarge.At(new SourceLocation(name, 1, 1), $"The household is larger than {MaxHouseholdBytes / 1024} KiB; a household document is small, check that the right file or body is sent.")]);
            buffer.Write(chunk, 0, read);
        }
        string text;
        try
        {
            text = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (System.Text.DecoderFallbackException ex)
        {
            throw new HouseholdException([DiagnosticCatalog.HouseholdNotUtf8.At(new SourceLocation(name, 1, 1), $"The household is not valid UTF-8 (invalid byte at offset {ex.Index}); save it as UTF-8.")]);
        }
        return ReadHousehold(text.TrimStart('\uFEFF'), name);
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

    /// <summary>
    /// Whether the document itself could not be read (empty, too large, not UTF-8, not valid YAML or JSON), as opposed
    /// to a readable household that does not fit the packs: for a web host, 400 against 422.
    /// </summary>
    public bool IsMalformedDocument => Diagnostics.Any(d => DiagnosticCatalog.IsUnreadableDocument(d.Code));
}
