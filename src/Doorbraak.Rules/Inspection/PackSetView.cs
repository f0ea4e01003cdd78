namespace Doorbraak.Rules.Inspection;

/// <summary>
/// A read-only view of a loaded pack set: what the packs declare (rules, goals, deviations with their parsed
/// conditions, collisions, costs, KPIs, tests), the merged fact schema with types and questions, parameters with
/// their values over time, and the mandate ladder. Get it with <see cref="PackSetInspection.Inspect(PackSet)"/>.
/// </summary>
/// <remarks>
/// The set-level lists (<see cref="Rules"/>, <see cref="Goals"/>, ...) hold what is in force after merging: a later
/// pack's explicit override replaces the earlier item. <see cref="PackView"/> lists what each pack itself declares.
/// </remarks>
/// <threadsafety>Immutable; share it between threads.</threadsafety>
public sealed class PackSetView
{
    internal PackSetView() { }

    /// <summary>The packs in load order (each after the packs it requires).</summary>
    public required IReadOnlyList<PackView> Packs { get; init; }

    /// <summary>Rules and consequences in force, in evaluation order (dependencies first).</summary>
    public required IReadOnlyList<RuleView> Rules { get; init; }

    /// <summary>Goals in force.</summary>
    public required IReadOnlyList<GoalView> Goals { get; init; }

    /// <summary>Collisions the packs declare.</summary>
    public required IReadOnlyList<CollisionView> Collisions { get; init; }

    /// <summary>Deviations in force.</summary>
    public required IReadOnlyList<DeviationView> Deviations { get; init; }

    /// <summary>Interventions in force: actions within the law, re-projected and ranked with the deviations.</summary>
    public IReadOnlyList<InterventionView> Interventions { get; init; } = [];

    /// <summary>Costs in force.</summary>
    public required IReadOnlyList<CostView> Costs { get; init; }

    /// <summary>KPIs the packs declare.</summary>
    public required IReadOnlyList<KpiView> Kpis { get; init; }

    /// <summary>Parameters in force, with their values over time.</summary>
    public required IReadOnlyList<ParameterView> Parameters { get; init; }

    /// <summary>
    /// The situations a household may name (<c>situaties</c>), with the law each belongs to and whether a loaded pack
    /// covers it; a host can offer them as checkboxes. A named situation that no pack covers makes a result incomplete.
    /// </summary>
    public IReadOnlyList<SituationView> Situations { get; init; } = [];

    /// <summary>The merged fact schema: the built-in household model plus every pack's facts.</summary>
    public required FactSchemaView Facts { get; init; }

    /// <summary>What the packs declare for council monitoring besides KPIs: indicators, scales, norms, budget lines, council meetings (docs/monitoring.md).</summary>
    public MonitoringDeclarations Monitoring { get; init; } = MonitoringDeclarations.Empty;

    /// <summary>Who may decide on a deviation or intervention, lowest first: the roles the packs declare, or the built-in ladder.</summary>
    public MandateLadder Mandates => _mandates ?? MandateLadder.Default;

    private readonly MandateLadder? _mandates;

    internal MandateLadder? DeclaredMandates { init => _mandates = value; }

    /// <summary>The rule or consequence with this id, or null.</summary>
    /// <param name="id">The rule's id.</param>
    public RuleView? Rule(string id) => Rules.FirstOrDefault(r => r.Id == id);

    /// <summary>The deviation with this id, or null.</summary>
    /// <param name="id">The deviation's id.</param>
    public DeviationView? Deviation(string id) => Deviations.FirstOrDefault(d => d.Id == id);

    /// <summary>The intervention with this id, or null.</summary>
    /// <param name="id">The intervention's id.</param>
    public InterventionView? Intervention(string id) => Interventions.FirstOrDefault(d => d.Id == id);

    /// <summary>The parameter with this id, or null.</summary>
    /// <param name="id">The parameter's id.</param>
    public ParameterView? Parameter(string id) => Parameters.FirstOrDefault(p => p.Id == id);

    /// <summary>The pack that declares an item with this id (the last one, when a later pack overrides it), or null.</summary>
    /// <param name="id">A rule, goal, collision, deviation, cost, parameter or KPI id.</param>
    public PackView? PackDeclaring(string id) => Packs.LastOrDefault(p => p.Items.Any(i => i.Id == id));
}

/// <summary>One loaded pack and what it declares itself.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed class PackView
{
    internal PackView() { }

    /// <summary>The pack id (<c>nl.sociaal-domein</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The SemVer version.</summary>
    public required string Version { get; init; }

    /// <summary>The title.</summary>
    public required string Title { get; init; }

    /// <summary>The description, or null.</summary>
    public required string? Description { get; init; }

    /// <summary>The jurisdiction (<c>Nederland</c>, <c>Gemeente Vlaardingen</c>).</summary>
    public required string Jurisdiction { get; init; }

    /// <summary>The level (<c>national</c>, <c>municipal</c>, ...).</summary>
    public required string Level { get; init; }

    /// <summary>First day the pack is in force, or null.</summary>
    public required DateOnly? ValidFrom { get; init; }

    /// <summary>Last day the pack is in force, or null.</summary>
    public required DateOnly? ValidTo { get; init; }

    /// <summary>The pack format: 1 (rules without legal force) or 2.</summary>
    public int Format { get; init; } = 1;

    /// <summary>The packs it requires, with version ranges.</summary>
    public required IReadOnlyList<PackRequirementView> Requires { get; init; }

    /// <summary>SHA-256 over the pack's normalised file contents.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The pack's root as its source names it (a folder path or a resource prefix).</summary>
    public required string Root { get; init; }

    /// <summary>Where the manifest is written.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>Rules and consequences this pack declares, in file order.</summary>
    public required IReadOnlyList<RuleView> Rules { get; init; }

    /// <summary>Goals this pack declares.</summary>
    public required IReadOnlyList<GoalView> Goals { get; init; }

    /// <summary>Collisions this pack declares.</summary>
    public required IReadOnlyList<CollisionView> Collisions { get; init; }

    /// <summary>Deviations this pack declares.</summary>
    public required IReadOnlyList<DeviationView> Deviations { get; init; }

    /// <summary>Interventions this pack declares.</summary>
    public IReadOnlyList<InterventionView> Interventions { get; init; } = [];

    /// <summary>Costs this pack declares.</summary>
    public required IReadOnlyList<CostView> Costs { get; init; }

    /// <summary>KPIs this pack declares.</summary>
    public required IReadOnlyList<KpiView> Kpis { get; init; }

    /// <summary>Parameters this pack declares.</summary>
    public required IReadOnlyList<ParameterView> Parameters { get; init; }

    /// <summary>Facts this pack adds to the schema.</summary>
    public required IReadOnlyList<FactFieldView> Facts { get; init; }

    /// <summary>The test cases written in the pack.</summary>
    public required IReadOnlyList<PackTestView> Tests { get; init; }

    /// <summary>The situations this pack declares.</summary>
    public IReadOnlyList<SituationView> Situations { get; init; } = [];

    /// <summary>The ids of the situations this pack says it models (<c>covers</c>).</summary>
    public IReadOnlyList<string> Covers { get; init; } = [];

    /// <summary>Every item with an id this pack declares.</summary>
    public IEnumerable<PackItemView> Items =>
        Parameters.Cast<PackItemView>().Concat(Rules).Concat(Goals).Concat(Collisions).Concat(Deviations).Concat(Costs).Concat(Kpis).Concat(Situations).Concat(Interventions);

    /// <summary><c>id version</c>.</summary>
    public override string ToString() => $"{Id} {Version}";
}

/// <summary>A pack another pack requires.</summary>
public sealed class PackRequirementView
{
    internal PackRequirementView(string packId, string range)
    {
        PackId = packId;
        Range = range;
    }

    /// <summary>The required pack's id.</summary>
    public string PackId { get; }

    /// <summary>The version range as written (<c>^1.2</c>, <c>&gt;=1.0 &lt;2.0</c>).</summary>
    public string Range { get; }
}

/// <summary>A legal citation or a source: law, article, link and validity.</summary>
public sealed class CitationView
{
    internal CitationView(string? law, string? article, string? url, DateOnly? validFrom, DateOnly? validTo, string? kind, string? title)
    {
        Law = law;
        Article = article;
        Url = url;
        ValidFrom = validFrom;
        ValidTo = validTo;
        Kind = kind;
        Title = title;
    }

    /// <summary>The law or regulation, or null for a non-legal source.</summary>
    public string? Law { get; }

    /// <summary>The article, or null.</summary>
    public string? Article { get; }

    /// <summary>A link to the text, or null.</summary>
    public string? Url { get; }

    /// <summary>First day the cited text is in force, or null.</summary>
    public DateOnly? ValidFrom { get; }

    /// <summary>Last day the cited text is in force, or null.</summary>
    public DateOnly? ValidTo { get; }

    /// <summary>The kind of basis (<c>hardheidsclausule</c>, <c>beleidsregel</c>, ...), or null.</summary>
    public string? Kind { get; }

    /// <summary>The title of a non-legal source, or null.</summary>
    public string? Title { get; }

    /// <summary>The pack marks the citation as an example, not a real provision (<c>illustrative: true</c>).</summary>
    public bool Illustrative { get; init; }

    /// <summary>"Participatiewet art. 22a", or the title of a non-legal source; "art." is never written twice.</summary>
    public override string ToString()
    {
        if (Law is null) return Title ?? Url ?? "";
        if (Article is null) return Law;
        return $"{Law} {Packs.Citation.ArticleText(Article)}";
    }
}

/// <summary>Room an earlier pack leaves for a later one.</summary>
public sealed class OpenGrantView
{
    internal OpenGrantView(string to, string basis)
    {
        To = to;
        Basis = basis;
    }

    /// <summary>Who may fill it in (<c>gemeente</c>).</summary>
    public string To { get; }

    /// <summary>The basis for that room, as written.</summary>
    public string Basis { get; }
}

/// <summary>A later pack's explicit override of an earlier pack's item.</summary>
public sealed class OverrideView
{
    internal OverrideView(string pack, CitationView basis)
    {
        Pack = pack;
        Basis = basis;
    }

    /// <summary>The pack whose item is overridden.</summary>
    public string Pack { get; }

    /// <summary>The legal basis for the override.</summary>
    public CitationView Basis { get; }
}

/// <summary>Something a pack declares with an id.</summary>
/// <threadsafety>Immutable.</threadsafety>
public abstract class PackItemView
{
    private protected PackItemView() { }

    /// <summary>The item's id.</summary>
    public required string Id { get; init; }

    /// <summary>The pack that declares it.</summary>
    public required string PackId { get; init; }

    /// <summary>The item's title.</summary>
    public required string Title { get; init; }

    /// <summary>Where it is written.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>Room it leaves for a later pack, or null.</summary>
    public required OpenGrantView? Open { get; init; }

    /// <summary>The earlier pack's item it overrides, or null.</summary>
    public required OverrideView? Overrides { get; init; }

    /// <summary>The id.</summary>
    public override string ToString() => Id;
}

/// <summary>Whether a rule states the law or a known effect in practice.</summary>
public enum RuleKind
{
    /// <summary>Law or policy: "the law says" (<c>rules:</c>).</summary>
    Law,
    /// <summary>A known effect in practice: "experience shows" (<c>consequences:</c>).</summary>
    Practice,
}

/// <summary>A fact a rule or deviation determines, and the expression for its value.</summary>
public sealed class DeterminationView
{
    internal DeterminationView(string target, ConditionView value)
    {
        Target = target;
        Value = value;
    }

    /// <summary>The fact as written (<c>huishouden.bijstandsnorm</c>, <c>lid.uitgesloten</c>).</summary>
    public string Target { get; }

    /// <summary>The value's expression.</summary>
    public ConditionView Value { get; }
}

/// <summary>A rule (law) or consequence (practice).</summary>
public sealed class RuleView : PackItemView
{
    internal RuleView() { }

    /// <summary>Law or practice.</summary>
    public required RuleKind Kind { get; init; }

    /// <summary>The citation (for a rule) or source (for a consequence).</summary>
    public required CitationView Citation { get; init; }

    /// <summary>
    /// The rule's legal force (<c>wet-plicht</c>, <c>wet-bevoegdheid</c>, <c>amvb</c>, <c>ministeriele-regeling</c>,
    /// <c>verordening</c>, <c>beleidsregel</c>, <c>werkinstructie</c>); null for a consequence or a rule of a format 1 pack.
    /// </summary>
    public string? Force { get; init; }

    /// <summary>The clauses that allow departing from the rule, each with its kind (<see cref="CitationView.Kind"/>).</summary>
    public IReadOnlyList<CitationView> Clauses { get; init; } = [];

    /// <summary>What the rule rests on (its grondslag), or null.</summary>
    public CitationView? Grondslag { get; init; }

    /// <summary>The domain (<c>inkomen</c>, <c>wonen</c>, ...).</summary>
    public required string Domain { get; init; }

    /// <summary>First day the rule is in force, or null.</summary>
    public required DateOnly? ValidFrom { get; init; }

    /// <summary>Last day the rule is in force, or null.</summary>
    public required DateOnly? ValidTo { get; init; }

    /// <summary>The collection the rule runs over per element (<c>leden</c>), or null.</summary>
    public required string? ForEach { get; init; }

    /// <summary>When it applies; null means always.</summary>
    public required ConditionView? Applies { get; init; }

    /// <summary>What it determines.</summary>
    public required IReadOnlyList<DeterminationView> Determines { get; init; }

    /// <summary>The explanation the pack gives, or null.</summary>
    public required string? Explain { get; init; }

    /// <summary>Qualified facts (<c>lid.leeftijd</c>) its conditions and values read; empty for an overridden rule.</summary>
    public required IReadOnlyList<string> Reads { get; init; }

    /// <summary>Qualified facts it determines; empty for an overridden rule.</summary>
    public required IReadOnlyList<string> Writes { get; init; }

    /// <summary>Whether the rule, and its citation, are in force on a date.</summary>
    /// <param name="date">The reference date.</param>
    public bool IsValidOn(DateOnly date) =>
        !(ValidFrom is { } f && date < f) && !(ValidTo is { } t && date > t) &&
        !(Citation.ValidFrom is { } cf && date < cf) && !(Citation.ValidTo is { } ct && date > ct);
}

/// <summary>A goal: what should hold for the household.</summary>
public sealed class GoalView : PackItemView
{
    internal GoalView() { }

    /// <summary>The domain.</summary>
    public required string Domain { get; init; }

    /// <summary>When the goal holds.</summary>
    public required ConditionView Holds { get; init; }

    /// <summary>When the goal is active; null means always.</summary>
    public required ConditionView? Active { get; init; }

    /// <summary>The explanation, or null.</summary>
    public required string? Explain { get; init; }

    /// <summary>Ids of the rules whose outcomes can reach this goal; empty when no rule touches it.</summary>
    public required IReadOnlyList<string> ReachedBy { get; init; }
}

/// <summary>A collision a pack declares: rules whose outcomes work against a goal.</summary>
public sealed class CollisionView : PackItemView
{
    internal CollisionView() { }

    /// <summary>The rules involved.</summary>
    public required IReadOnlyList<string> Rules { get; init; }

    /// <summary>The goal they work against.</summary>
    public required string Goal { get; init; }

    /// <summary>An extra condition, or null.</summary>
    public required ConditionView? When { get; init; }

    /// <summary>The severity.</summary>
    public required CollisionSeverity Severity { get; init; }

    /// <summary>The explanation (Dutch).</summary>
    public required string Explain { get; init; }

    /// <summary>The explanation in English, or null.</summary>
    public required string? ExplainEn { get; init; }
}

/// <summary>How a deviation changes a rule's outcome.</summary>
public enum DeviationChangeKind
{
    /// <summary>The rule's outcome is set aside.</summary>
    Suspend,
    /// <summary>A parameter takes another value.</summary>
    Parameter,
    /// <summary>Facts are set to other values.</summary>
    Set,
    /// <summary>The outcome is postponed.</summary>
    Postpone,
    /// <summary>A claim is waived.</summary>
    Waive,
    /// <summary>An amount is spread over months.</summary>
    Spread,
    /// <summary>An exclusion does not apply.</summary>
    Exempt,
}

/// <summary>A period of months and days (<c>P6M</c>).</summary>
public sealed class PeriodView
{
    internal PeriodView(int months, int days)
    {
        Months = months;
        Days = days;
    }

    /// <summary>Months.</summary>
    public int Months { get; }

    /// <summary>Days.</summary>
    public int Days { get; }
}

/// <summary>The change a deviation makes.</summary>
public sealed class DeviationChangeView
{
    internal DeviationChangeView(DeviationChangeKind kind, string? parameterId, ConditionView? value, IReadOnlyList<DeterminationView> sets, PeriodView postpone, string? fact, int spreadMonths)
    {
        Kind = kind;
        ParameterId = parameterId;
        Value = value;
        Sets = sets;
        Postpone = postpone;
        Fact = fact;
        SpreadMonths = spreadMonths;
    }

    /// <summary>The kind of change.</summary>
    public DeviationChangeKind Kind { get; }

    /// <summary>For <see cref="DeviationChangeKind.Parameter"/>: the parameter.</summary>
    public string? ParameterId { get; }

    /// <summary>For <see cref="DeviationChangeKind.Parameter"/>: the new value's expression.</summary>
    public ConditionView? Value { get; }

    /// <summary>For <see cref="DeviationChangeKind.Set"/>: the facts set.</summary>
    public IReadOnlyList<DeterminationView> Sets { get; }

    /// <summary>For <see cref="DeviationChangeKind.Postpone"/>: by how long.</summary>
    public PeriodView Postpone { get; }

    /// <summary>For <see cref="DeviationChangeKind.Waive"/> and <see cref="DeviationChangeKind.Spread"/>: the fact.</summary>
    public string? Fact { get; }

    /// <summary>For <see cref="DeviationChangeKind.Spread"/>: over how many months.</summary>
    public int SpreadMonths { get; }
}

/// <summary>The limits of a deviation.</summary>
public sealed class DeviationLimitsView
{
    internal DeviationLimitsView(int? durationMonths, int? durationDays, decimal? amount, string amountPer, int? times)
    {
        DurationMonths = durationMonths;
        DurationDays = durationDays;
        Amount = amount;
        AmountPer = amountPer;
        Times = times;
    }

    /// <summary>Longest duration in months, or null.</summary>
    public int? DurationMonths { get; }

    /// <summary>Longest duration in days (on top of the months), or null.</summary>
    public int? DurationDays { get; }

    /// <summary>Largest amount in euro, or null.</summary>
    public decimal? Amount { get; }

    /// <summary>What the amount is per (<c>month</c>, <c>household</c>, ...).</summary>
    public string AmountPer { get; }

    /// <summary>How often per household, or null.</summary>
    public int? Times { get; }

    /// <summary>The event it lasts until (<c>until</c>), or null; <see cref="MaxMonths"/> is then its longest duration.</summary>
    public ConditionView? Until { get; init; }

    /// <summary>Longest duration in months with <see cref="Until"/> (<c>max</c>), or null.</summary>
    public int? MaxMonths { get; init; }

    /// <summary>The money parameter that gives the amount limit (instead of <see cref="Amount"/>), or null.</summary>
    public string? AmountParameter { get; init; }
}

/// <summary>A documented deviation from a rule, with its basis and who may decide.</summary>
public sealed class DeviationView : PackItemView
{
    internal DeviationView() { }

    /// <summary>The id of the rule it deviates from.</summary>
    public required string Deviates { get; init; }

    /// <summary>The change it makes.</summary>
    public required DeviationChangeView Change { get; init; }

    /// <summary>The legal basis.</summary>
    public required CitationView Basis { get; init; }

    /// <summary>When it is allowed; null means always.</summary>
    public required ConditionView? Allowed { get; init; }

    /// <summary>Its limits.</summary>
    public required DeviationLimitsView Limits { get; init; }

    /// <summary>The lowest mandate that may decide (a level of <see cref="MandateLadder"/>).</summary>
    public required string Mandate { get; init; }

    /// <summary>
    /// The mandate as the pack that defines the deviation wrote it (<c>open</c> when it leaves it to a municipality);
    /// <see cref="Mandate"/> differs when a later pack's mandaatbesluit (<c>mandates:</c>) set it.
    /// </summary>
    public string DeclaredMandate { get; init; } = "";

    /// <summary>The id of the pack whose mandaatbesluit (<c>mandates:</c>) set <see cref="Mandate"/>, or null when none did.</summary>
    public string? MandateSetBy { get; init; }

    /// <summary>What to document.</summary>
    public required IReadOnlyList<string> Document { get; init; }

    /// <summary>When to review, as written; empty means the default (P6M, P12M).</summary>
    public required IReadOnlyList<PeriodView> Review { get; init; }

    /// <summary>The motivation template, or null.</summary>
    public required string? Motivation { get; init; }

    /// <summary>A note on cost, or null.</summary>
    public required string? CostNote { get; init; }
}

/// <summary>A monthly cost a pack declares (to the municipality, the household, ...).</summary>
public sealed class CostView : PackItemView
{
    internal CostView() { }

    /// <summary>Who pays.</summary>
    public required string Payer { get; init; }

    /// <summary>The monthly amount's expression.</summary>
    public required ConditionView Monthly { get; init; }

    /// <summary>When the cost applies; null means always.</summary>
    public required ConditionView? When { get; init; }

    /// <summary>The collection it counts per element, or null for the household.</summary>
    public required string? ForEach { get; init; }

    /// <summary>The source, or null.</summary>
    public required string? Source { get; init; }
}

/// <summary>The norm of a KPI.</summary>
public sealed class KpiNormView
{
    internal KpiNormView(decimal target, string direction, DateOnly? deadline)
    {
        Target = target;
        Direction = direction;
        Deadline = deadline;
    }

    /// <summary>The target value.</summary>
    public decimal Target { get; }

    /// <summary>The direction as written (<c>at-least</c>, <c>at-most</c>).</summary>
    public string Direction { get; }

    /// <summary>By when, or null.</summary>
    public DateOnly? Deadline { get; }
}

/// <summary>A KPI a pack declares for monitoring.</summary>
public sealed class KpiView : PackItemView
{
    internal KpiView() { }

    /// <summary>The measure's name.</summary>
    public required string Measure { get; init; }

    /// <summary>The description, or null.</summary>
    public required string? Description { get; init; }

    /// <summary>The unit, or null.</summary>
    public required string? Unit { get; init; }

    /// <summary>The norm, or null.</summary>
    public required KpiNormView? Norm { get; init; }

    /// <summary>The source, or null.</summary>
    public required string? Source { get; init; }

    /// <summary>The filter as written, or null.</summary>
    public required string? Filter { get; init; }
}

/// <summary>One period of a parameter's value.</summary>
public sealed class ParameterValueView
{
    internal ParameterValueView(DateOnly from, DateOnly? to, FactValue value, string? source, bool illustrative, SourceLocation location)
    {
        From = from;
        To = to;
        Value = value;
        Source = source;
        Illustrative = illustrative;
        Location = location;
    }

    /// <summary>First day.</summary>
    public DateOnly From { get; }

    /// <summary>Last day, or null (open-ended).</summary>
    public DateOnly? To { get; }

    /// <summary>The value.</summary>
    public FactValue Value { get; }

    /// <summary>The source of the value, or null.</summary>
    public string? Source { get; }

    /// <summary>Whether the value is illustrative (not an official figure).</summary>
    public bool Illustrative { get; }

    /// <summary>Where it is written.</summary>
    public SourceLocation Location { get; }
}

/// <summary>A parameter with its values over time.</summary>
public sealed class ParameterView : PackItemView
{
    internal ParameterView() { }

    /// <summary>The type.</summary>
    public required FactType Type { get; init; }

    /// <summary>The unit, or null.</summary>
    public required string? Unit { get; init; }

    /// <summary>The source, or null.</summary>
    public required CitationView? Source { get; init; }

    /// <summary>The values, by start date.</summary>
    public required IReadOnlyList<ParameterValueView> Values { get; init; }

    /// <summary>The value in force on a date; unknown when no period covers it.</summary>
    /// <param name="date">The reference date.</param>
    public FactValue ValueOn(DateOnly date) =>
        Values.FirstOrDefault(v => v.From <= date && (v.To is null || date <= v.To.Value))?.Value ?? FactValue.Unknown;
}

/// <summary>A situation outside the rules that a household may name (a pending residence-permit procedure, detention, ...).</summary>
public sealed class SituationView : PackItemView
{
    internal SituationView() { }

    /// <summary>The law the situation belongs to, such as <c>Vreemdelingenwet 2000</c>.</summary>
    public required string Law { get; init; }

    /// <summary>What to do when no pack covers it (Dutch), or null for the engine's default advice.</summary>
    public required string? Advice { get; init; }

    /// <summary>The packs that say they model it (<c>covers</c>); empty when none does.</summary>
    public required IReadOnlyList<string> CoveredBy { get; init; }

    /// <summary>Whether a loaded pack models it; when not, a household that names it gets an incomplete result.</summary>
    public bool Covered => CoveredBy.Count > 0;
}

/// <summary>A test case written in a pack.</summary>
public sealed class PackTestView
{
    internal PackTestView(string name, string packId, DateOnly date, SourceLocation location)
    {
        Name = name;
        PackId = packId;
        Date = date;
        Location = location;
    }

    /// <summary>The test's name.</summary>
    public string Name { get; }

    /// <summary>The pack it belongs to.</summary>
    public string PackId { get; }

    /// <summary>Its reference date.</summary>
    public DateOnly Date { get; }

    /// <summary>Where it is written.</summary>
    public SourceLocation Location { get; }
}
