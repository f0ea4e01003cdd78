using Doorbraak.Rules.Source;
using Doorbraak.Rules.Source.Yaml;
using Doorbraak.Rules.Conditions.Parsing;

namespace Doorbraak.Rules.Packs;

/// <summary>A legal citation or a source: law, article, link and validity.</summary>
internal sealed record Citation(string? Law, string? Article, string? Url, DateOnly? ValidFrom, DateOnly? ValidTo, string? Kind, string? Title)
{
    /// <summary>The citation is an example, not a real provision (a made-up mandaatbesluit in an example pack).</summary>
    public bool Illustrative { get; init; }

    /// <summary>Where the citation is written (its mapping), for messages about it; <see cref="SourceLocation.None"/> when it has no place.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.None;

    /// <summary>Where <c>kind</c> is written (the citation itself when it has none).</summary>
    public SourceLocation KindLocation { get; init; } = SourceLocation.None;

    /// <summary>"Participatiewet art. 22a", or the title of a non-legal source.</summary>
    public override string ToString()
    {
        if (Law is null) return Title ?? Url ?? "";
        if (Article is null) return Law;
        return $"{Law} {ArticleText(Article)}";
    }

    /// <summary>
    /// An article as it is cited: "art. 35 lid 1" for "35 lid 1", unchanged when the author already wrote "art."/"artikel",
    /// and never "art." twice, also for an article such as "35 lid 1 jo. art. 4 lid 3".
    /// </summary>
    public static string ArticleText(string article)
    {
        var a = article.Trim();
        return a.StartsWith("art", StringComparison.OrdinalIgnoreCase) || a.StartsWith('§') ? a : "art. " + a;
    }

    /// <summary>Whether this citation names the same provision as <paramref name="other"/>: the same law and article, ignoring case, spaces and an "art."/"artikel" prefix.</summary>
    public bool SameProvision(Citation other) =>
        Law is not null && other.Law is not null
        && string.Equals(Normal(Law), Normal(other.Law), StringComparison.OrdinalIgnoreCase)
        && string.Equals(NormalArticle(Article), NormalArticle(other.Article), StringComparison.OrdinalIgnoreCase);

    private static string Normal(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string NormalArticle(string? article)
    {
        if (article is null) return "";
        var a = Normal(article);
        foreach (var prefix in new[] { "artikel ", "art. ", "art." })
            if (a.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return a[prefix.Length..].Trim();
        return a;
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

    /// <summary>The pack format: 1 (no <c>format</c> key; rules carry no legal force) or 2.</summary>
    public int Format { get; init; } = 1;
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    public required IReadOnlyList<PackRequirement> Requires { get; init; }
    public required SourceLocation Location { get; init; }

    /// <summary>The packs whose parameters this pack adds periods to (<c>updates</c>); each is also in <see cref="Requires"/>.</summary>
    public IReadOnlyList<PackRequirement> Updates { get; init; } = [];
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

    /// <summary>With <c>adds_to</c>: the earlier pack whose parameter of the same id this one adds periods to.</summary>
    public string? AddsTo { get; init; }
    public SourceLocation AddsToLocation { get; init; }
}

/// <summary>A rule's <c>waits_for</c>: its outcome is held back until the fact holds; the provider is who gives that fact.</summary>
internal sealed record WaitsFor(string Fact, string Provider, SourceLocation Location);

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

    /// <summary>The rule's legal force (<see cref="Forces"/>), or null for a consequence or a rule of a format 1 pack.</summary>
    public string? Force { get; init; }

    /// <summary>Where <c>force</c> is written (the rule itself when it is missing).</summary>
    public SourceLocation ForceLocation { get; init; } = SourceLocation.None;

    /// <summary>The statutory or ordinance clauses that allow departing from this rule, each with its kind.</summary>
    public IReadOnlyList<Citation> Clauses { get; init; } = [];

    /// <summary>What a beleidsregel or verordening rests on (its grondslag), when the pack names it.</summary>
    public Citation? Grondslag { get; init; }

    public WaitsFor? WaitsFor { get; init; }
    public IReadOnlyList<string> HoldsBack { get; init; } = [];
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

    /// <summary>An intervention's changes to elements of a collection (<c>elements:</c>): a debt's status or amount, by id or by a condition.</summary>
    public IReadOnlyList<ElementChange> Elements { get; init; } = [];
}

/// <summary>
/// One change of an intervention to the elements of a collection: the elements picked by <see cref="Id"/> (an element
/// whose <c>id</c> fact is that text) or by <see cref="Where"/> (a condition on the element) get the facts of <see cref="Sets"/>.
/// </summary>
internal sealed record ElementChange(string Collection, string? Id, ConditionSource? Where, IReadOnlyList<Determination> Sets, SourceLocation Location)
{
    public SourceLocation CollectionLocation { get; init; } = Location;
    public SourceLocation IdLocation { get; init; } = Location;
}

internal sealed record DeviationLimits(int? DurationMonths, int? DurationDays, decimal? Amount, string AmountPer, int? Times)
{
    /// <summary>The parameter that gives the amount limit on the date (instead of a number).</summary>
    public string? AmountParameter { get; init; }

    /// <summary>The event the deviation or intervention lasts until (<c>until</c>), with <see cref="MaxMonths"/> as its longest duration.</summary>
    public ConditionSource? Until { get; init; }

    public int? MaxMonths { get; init; }

    public int? MaxDays { get; init; }

    /// <summary>The months the step lasts at most: its duration, or else its maximum (a day part counts as a month).</summary>
    public int? Months => DurationMonths is { } m ? m + (DurationDays > 0 ? 1 : 0) : MaxMonths is { } x ? x + (MaxDays > 0 ? 1 : 0) : null;
}

/// <summary>Who may decide, lowest first: the built-in ladder, used when no pack declares <c>roles</c>.</summary>
internal static class Mandates
{
    public static IReadOnlyList<string> Levels { get; } = ["consulent", "regisseur", "teamleider", "manager", "directeur", "college"];

    public static int Rank(string mandate) => Levels.ToList().IndexOf(mandate);

    /// <summary>The mandate word for "a local mandaatbesluit sets it".</summary>
    public const string Open = "open";

    /// <summary>The decider that is the municipality itself (the default): the proposal is a decision, not a request.</summary>
    public const string Municipality = "gemeente";

    /// <summary>The built-in ladder as role declarations (rank 10, 20, ...).</summary>
    public static IReadOnlyList<RoleDefinition> DefaultRoles { get; } =
        Levels.Select((l, i) => new RoleDefinition(l, (i + 1) * 10, char.ToUpperInvariant(l[0]) + l[1..], "", SourceLocation.None)).ToList();
}

/// <summary>A role that can hold a mandate (<c>roles:</c>), ranked: a higher rank may decide what a lower may.</summary>
internal sealed record RoleDefinition(string Id, int Rank, string Title, string PackId, SourceLocation Location);

/// <summary>An organisation outside the municipality that decides itself (<c>authorities:</c>): a proposal it decides is a request.</summary>
internal sealed record AuthorityDefinition(string Id, string Title, string? Law, string? Contact, string PackId, SourceLocation Location);

/// <summary>One step of a mandate ladder by amount: up to <see cref="UpTo"/> (or the parameter's value) the role decides; the last step has no limit.</summary>
internal sealed record MandateStep(decimal? UpTo, string? UpToParameter, string Role, SourceLocation Location)
{
    public bool OpenEnded => UpTo is null && UpToParameter is null;
}

/// <summary>A local pack's mandaatbesluit: the mandates it sets for earlier packs' deviations and interventions.</summary>
internal sealed record MandateAssignment(string Target, string Mandate, IReadOnlyList<MandateStep> Ladder, Citation Basis, string PackId, SourceLocation Location);

/// <summary>A cost of an intervention itself: paid once, or per month while it lasts.</summary>
internal sealed record StepCost(string Payer, ConditionSource Amount, bool Once, string? Title, SourceLocation Location);

/// <summary>What an intervention does (<c>action</c>).</summary>
internal static class InterventionActions
{
    public static IReadOnlyList<string> All { get; } = ["betaling", "voorschot", "lening", "escalatie", "time-out", "verwijzing", "overig"];
}

/// <summary>
/// Legal robustness of a basis, strongest first: a clause the legislator wrote for the case (hardship, individualisation,
/// very urgent reasons), then the weighing of a statute power, then proportionality (a general norm, contested case by
/// case), then the room a policy rule leaves, Awb 4:84, and last a werkinstructie (no legal norm at all).
/// </summary>
internal static class BasisKinds
{
    public const string Hardheidsclausule = "hardheidsclausule";
    public const string Individualisering = "individualisering";
    public const string DringendeRedenen = "dringende-redenen";
    public const string WettelijkeBevoegdheid = "wettelijke-bevoegdheid";
    public const string Evenredigheid = "evenredigheid";
    public const string Beleidsregel = "beleidsregel";
    public const string Awb484 = "awb-4:84";
    public const string Werkinstructie = "werkinstructie";
    public const string Budget = "budget";
    public const string Taak = "taak";

    public static IReadOnlyList<string> Levels { get; } =
        [Hardheidsclausule, Individualisering, DringendeRedenen, WettelijkeBevoegdheid, Evenredigheid, Beleidsregel, Awb484, Werkinstructie, Budget, Taak];

    /// <summary>The kinds a rule's <c>clauses</c> may carry: clauses written in a statute or ordinance, and proportionality where the measure leaves room.</summary>
    public static IReadOnlyList<string> ClauseKinds { get; } = [Hardheidsclausule, Individualisering, DringendeRedenen, Evenredigheid];

    /// <summary>The three steps of the proportionality test (ABRvS 2 February 2022, ECLI:NL:RVS:2022:285) a deviation on evenredigheid documents.</summary>
    public static IReadOnlyList<string> ProportionalitySteps { get; } = ["geschikt", "noodzakelijk", "evenwichtig"];

    public static int Rank(string? kind) => kind is null ? Levels.Count : Levels.ToList().IndexOf(kind);
}

/// <summary>The legal force of a rule (<c>force</c>), from statute to internal instruction.</summary>
internal static class Forces
{
    public const string WetPlicht = "wet-plicht";
    public const string WetBevoegdheid = "wet-bevoegdheid";
    public const string Amvb = "amvb";
    public const string MinisterieleRegeling = "ministeriele-regeling";
    public const string Verordening = "verordening";
    public const string Beleidsregel = "beleidsregel";
    public const string Werkinstructie = "werkinstructie";

    public static IReadOnlyList<string> All { get; } = [WetPlicht, WetBevoegdheid, Amvb, MinisterieleRegeling, Verordening, Beleidsregel, Werkinstructie];

    /// <summary>Forces that bind: departing from them needs a clause the rule lists.</summary>
    public static bool IsBound(string force) => force is WetPlicht or Amvb or MinisterieleRegeling or Verordening;
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

    /// <summary>Rules whose <c>waits_for</c> this deviation lifts (<c>breaks</c>): they no longer wait once it is applied.</summary>
    public IReadOnlyList<string> Breaks { get; init; } = [];

    /// <summary>An intervention (<c>interventions:</c>): an action within the law; it deviates from no rule (<see cref="Deviates"/> is empty).</summary>
    public bool IsIntervention { get; init; }

    /// <summary>For an intervention: betaling, voorschot, lening, escalatie, time-out, verwijzing or overig.</summary>
    public string? Action { get; init; }

    /// <summary>For an intervention: the goals it aims at (empty: any collision it resolves).</summary>
    public IReadOnlyList<string> Resolves { get; init; } = [];

    /// <summary>A mandate ladder by amount (empty: <see cref="Mandate"/> is a role id or <c>open</c>).</summary>
    public IReadOnlyList<MandateStep> Ladder { get; init; } = [];

    /// <summary>The mandate as the defining pack wrote it, kept when a later pack's mandaatbesluit sets <c>Mandate</c>.</summary>
    public string? DeclaredMandate { get; init; }

    /// <summary>The mandaatbesluit of a later pack that set the mandate, if one did.</summary>
    public Citation? MandateBasis { get; init; }

    /// <summary>The id of the pack whose mandaatbesluit set the mandate, if one did.</summary>
    public string? MandateSetBy { get; init; }

    /// <summary><c>gemeente</c>, or an authority id: then the proposal is a request to that authority.</summary>
    public string Decider { get; init; } = Mandates.Municipality;

    /// <summary>For a request: what the regisseur must send the authority.</summary>
    public IReadOnlyList<string> Deliver { get; init; } = [];

    /// <summary>For an intervention: what it costs itself (once, or per month while it lasts).</summary>
    public IReadOnlyList<StepCost> StepCosts { get; init; } = [];

    public bool IsRequest => Decider != Mandates.Municipality;

    public SourceLocation MandateLocation { get; init; } = SourceLocation.None;

    public SourceLocation DeciderLocation { get; init; } = SourceLocation.None;
}

internal sealed record CostDefinition(string Id, string PackId, SourceLocation Location) : PackItem(Id, PackId, Location)
{
    public required string Title { get; init; }
    public required string Payer { get; init; }
    public required ConditionSource Monthly { get; init; }
    public ConditionSource? When { get; init; }
    public string? ForEach { get; init; }
    public string? Source { get; init; }

    /// <summary>Given as <c>once:</c>: <see cref="Monthly"/> is then the one-off amount, counted once over the horizon.</summary>
    public bool Once { get; init; }
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
    IReadOnlyList<string>? GoalsFailing, IReadOnlyList<string>? Collisions, IReadOnlyList<string>? Proposals, IReadOnlyList<string>? Missing)
{
    /// <summary><c>proposal_details</c>: per deviation or intervention id, the detail keys and their expected values.</summary>
    public IReadOnlyList<(string Step, IReadOnlyList<(string Key, YScalar Value)> Details)> ProposalDetails { get; init; } = [];

    /// <summary><c>not_proposed</c>: per id, the expected reason (a NotProposedReason word such as not-allowed).</summary>
    public IReadOnlyList<(string Step, YScalar Reason)> NotProposed { get; init; } = [];

    /// <summary><c>facts_after</c>: per id, facts of the situation re-projected with that step applied.</summary>
    public IReadOnlyList<(string Step, IReadOnlyList<(string Path, YScalar Value)> Facts)> FactsAfter { get; init; } = [];
}

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
    public PackMonitoring Monitoring { get; } = new();

    public List<DeviationDefinition> Interventions { get; } = new();
    public List<RoleDefinition> Roles { get; } = new();
    public List<AuthorityDefinition> Authorities { get; } = new();
    public List<MandateAssignment> MandateAssignments { get; } = new();

    public IEnumerable<PackItem> Items =>
        Parameters.Cast<PackItem>().Concat(Rules).Concat(Goals).Concat(Collisions).Concat(Deviations).Concat(Costs).Concat(Kpis).Concat(Situations).Concat(Interventions);
}
