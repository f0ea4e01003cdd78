using Doorbraak.Rules.Source;
using Doorbraak.Rules.Source.Yaml;
using Doorbraak.Rules.Conditions.Parsing;

namespace Doorbraak.Rules.Packs;

/// <summary>A legal citation or a source: law, article, link and validity.</summary>
internal sealed record Citation(string? Law, string? Article, string? Url, DateOnly? ValidFrom, DateOnly? ValidTo, string? Kind, string? Title)
{
    /// <summary>"Participatiewet art. 22a", or the title of a non-legal source.</summary>
    public override string ToString()
    {
        if (Law is null) return Title ?? Url ?? "";
        if (Article is null) return Law;
        var art = Article.StartsWith("art", StringComparison.OrdinalIgnoreCase) ? Article : "art. " + Article;
        return $"{Law} {art}";
    }

    public static Citation FromText(string text) => new(null, null, null, null, null, null, text);
}

/// <summary>Room an earlier pack leaves for a later one (an open term or a delegated parameter).</summary>
internal sealed record OpenGrant(string To, string Basis);

/// <summary>A later pack's explicit override, with its own legal basis.</summary>
internal sealed record OverrideDeclaration(string Pack, Citation Basis, SourceLocation Location);

internal sealed record PackRequirement(string PackId, VersionRange Range, string RangeText, SourceLocation Location);

internal sealed record PackManifest
{
    public required string Id { get; init; }
    public required SemanticVersion Version { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public required string Jurisdiction { get; init; }
    public required string Level { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    public required IReadOnlyList<PackRequirement> Requires { get; init; }
    public required SourceLocation Location { get; init; }
}

/// <summary>Something a pack declares with an id, that a later pack may override.</summary>
internal abstract record PackItem(string Id, string PackId, SourceLocation Location)
{
    public OpenGrant? Open { get; init; }
    public OverrideDeclaration? Overrides { get; init; }
}

internal sealed record FactExtension
{
    public required string Entity { get; init; }
    public required string Name { get; init; }
    public required FactType Type { get; init; }
    public required string Description { get; init; }
    public string? Unit { get; init; }
    public string? Question { get; init; }
    public FactValue? Default { get; init; }
    public required string PackId { get; init; }
    public required SourceLocation Location { get; init; }
}

internal sealed record ParameterValue(DateOnly From, DateOnly? To, FactValue Value, string? Source, bool Illustrative, SourceLocation Location);

internal sealed record ParameterDefinition(string Id, string PackId, SourceLocation Location) : PackItem(Id, PackId, Location)
{
    public required string Title { get; init; }
    public required FactType Type { get; init; }
    public string? Unit { get; init; }
    public Citation? Source { get; init; }
    public required IReadOnlyList<ParameterValue> Values { get; init; }
}

internal enum RuleKind
{
    /// <summary>Law or policy: "the law says".</summary>
    Rule,
    /// <summary>A known effect in practice: "experience shows".</summary>
    Consequence,
}

internal sealed record Determination(string Target, ConditionSource Value, SourceLocation Location);

internal sealed record RuleDefinition(string Id, string PackId, SourceLocation Location) : PackItem(Id, PackId, Location)
{
    public required RuleKind Kind { get; init; }
    public required string Title { get; init; }
    public required Citation Citation { get; init; }
    public required string Domain { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    public string? ForEach { get; init; }
    public ConditionSource? Applies { get; init; }
    public required IReadOnlyList<Determination> Determines { get; init; }
    public string? Explain { get; init; }
}

internal sealed record GoalDefinition(string Id, string PackId, SourceLocation Location) : PackItem(Id, PackId, Location)
{
    public required string Title { get; init; }
    public required string Domain { get; init; }
    public required ConditionSource Holds { get; init; }
    public ConditionSource? Active { get; init; }
    public string? Explain { get; init; }
}

internal enum Severity { Low, Medium, High, Critical }

internal sealed record CollisionDeclaration(string Id, string PackId, SourceLocation Location) : PackItem(Id, PackId, Location)
{
    public required string Title { get; init; }
    public required IReadOnlyList<string> Rules { get; init; }
    public required string Goal { get; init; }
    public ConditionSource? When { get; init; }
    public required Severity Severity { get; init; }
    public required string Explain { get; init; }
    public string? ExplainEn { get; init; }
}

internal enum ChangeKind { Suspend, Parameter, Set, Postpone, Waive, Spread, Exempt }

internal sealed record DeviationChange(ChangeKind Kind, SourceLocation Location)
{
    public string? ParameterId { get; init; }
    public ConditionSource? Value { get; init; }
    public IReadOnlyList<Determination> Sets { get; init; } = [];
    public (int Months, int Days) Postpone { get; init; }
    public string? Fact { get; init; }
    public int SpreadMonths { get; init; }
}

internal sealed record DeviationLimits(int? DurationMonths, int? DurationDays, decimal? Amount, string AmountPer, int? Times);

/// <summary>Who may decide, lowest first.</summary>
internal static class Mandates
{
    public static IReadOnlyList<string> Levels { get; } = ["consulent", "regisseur", "teamleider", "manager", "directeur", "college"];

    public static int Rank(string mandate) => Levels.ToList().IndexOf(mandate);
}

/// <summary>Legal robustness of a basis, strongest first.</summary>
internal static class BasisKinds
{
    public static IReadOnlyList<string> Levels { get; } = ["hardheidsclausule", "individualisering", "wettelijke-bevoegdheid", "beleidsregel", "awb-4:84"];

    public static int Rank(string? kind) => kind is null ? Levels.Count : Levels.ToList().IndexOf(kind);
}

internal sealed record DeviationDefinition(string Id, string PackId, SourceLocation Location) : PackItem(Id, PackId, Location)
{
    public required string Title { get; init; }
    public required string Deviates { get; init; }
    public required DeviationChange Change { get; init; }
    public required Citation Basis { get; init; }
    public ConditionSource? Allowed { get; init; }
    public required DeviationLimits Limits { get; init; }
    public required string Mandate { get; init; }
    public IReadOnlyList<string> Document { get; init; } = [];
    public required IReadOnlyList<(int Months, int Days)> Review { get; init; }
    public string? Motivation { get; init; }
    public string? CostNote { get; init; }
}

internal sealed record CostDefinition(string Id, string PackId, SourceLocation Location) : PackItem(Id, PackId, Location)
{
    public required string Title { get; init; }
    public required string Payer { get; init; }
    public required ConditionSource Monthly { get; init; }
    public ConditionSource? When { get; init; }
    public string? ForEach { get; init; }
    public string? Source { get; init; }
}

internal sealed record KpiNormDeclaration(decimal Target, string Direction, DateOnly? Deadline);

internal sealed record KpiDefinition(string Id, string PackId, SourceLocation Location) : PackItem(Id, PackId, Location)
{
    public required string Title { get; init; }
    public required string Measure { get; init; }
    public string? Description { get; init; }
    public string? Unit { get; init; }
    public KpiNormDeclaration? Norm { get; init; }
    public string? Source { get; init; }
    public string? Filter { get; init; }
}

/// <summary>
/// A situation outside the rules a household may be in (a pending residence-permit procedure, detention, ...): a
/// pack declares it with the law it belongs to, so that a household can name it; a pack that models it says so
/// with <c>covers</c>.
/// </summary>
internal sealed record SituationDefinition(string Id, string PackId, SourceLocation Location) : PackItem(Id, PackId, Location)
{
    public required string Title { get; init; }
    public required string Law { get; init; }
    public string? Advice { get; init; }
}

/// <summary>A pack's statement that it models a situation (its <c>covers</c> list).</summary>
internal sealed record SituationCover(string Situation, string PackId, SourceLocation Location);

internal sealed record PackTestExpectation(
    IReadOnlyList<string>? Applied, IReadOnlyList<string>? NotApplied, IReadOnlyList<(string Path, YScalar Value)> Facts,
    IReadOnlyList<string>? GoalsFailing, IReadOnlyList<string>? Collisions, IReadOnlyList<string>? Proposals, IReadOnlyList<string>? Missing);

internal sealed record PackTestCase(string Name, string PackId, SourceLocation Location, DateOnly Date, YMapping Household, PackTestExpectation Expect, IReadOnlyList<string> Keywords);

/// <summary>One pack file as read: its path relative to the pack root and its bytes.</summary>
internal sealed record PackFile(string Path, byte[] Content);

/// <summary>A pack read and validated on its own (before it is combined with others).</summary>
internal sealed class PackDefinition
{
    public required PackManifest Manifest { get; init; }
    public required string Root { get; init; }
    public required string Sha256 { get; init; }
    /// <summary>Who signed the pack and with which key (set when signatures are verified).</summary>
    public (string Signer, string KeyId)? Signature { get; set; }
    public List<FactExtension> Facts { get; } = new();
    public List<ParameterDefinition> Parameters { get; } = new();
    public List<RuleDefinition> Rules { get; } = new();
    public List<GoalDefinition> Goals { get; } = new();
    public List<CollisionDeclaration> Collisions { get; } = new();
    public List<DeviationDefinition> Deviations { get; } = new();
    public List<CostDefinition> Costs { get; } = new();
    public List<KpiDefinition> Kpis { get; } = new();
    public List<SituationDefinition> Situations { get; } = new();
    public List<SituationCover> Covers { get; } = new();
    public List<PackTestCase> Tests { get; } = new();

    public IEnumerable<PackItem> Items =>
        Parameters.Cast<PackItem>().Concat(Rules).Concat(Goals).Concat(Collisions).Concat(Deviations).Concat(Costs).Concat(Kpis).Concat(Situations);
}
