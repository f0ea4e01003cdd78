using Doorbraak.Rules.Source.Yaml;

namespace Doorbraak.Rules.Packs;

/// <summary>
/// One description of the pack format's mappings: every key the reader accepts, per kind of mapping, and which
/// are required. The reader checks unknown and missing keys against these lists; PackKeysSchemaTests checks
/// that docs/schema/pack.schema.json has exactly the same properties and required keys, so the two cannot
/// drift apart. A new key is one edit here, its line in the schema, and the reader code that reads its value.
/// </summary>
internal static class PackKeys
{
    public static readonly MappingKeys Sections = new("pack file", "sections",
        "facts", "parameters", "rules", "consequences", "goals", "collisions", "deviations", "costs", "kpis", "tests", "situations", "covers",
        "indicators", "scales", "norms", "budget", "council_meetings",
        "interventions", "roles", "authorities", "mandates");

    public static readonly MappingKeys Manifest = new("manifest", "manifest",
        "id!", "version!", "title!", "description", "jurisdiction!", "level", "valid!", "requires", "format", "updates");

    public static readonly MappingKeys Requirement = new("requirement", "requirement", "pack!", "version");

    public static readonly MappingKeys Valid = new("valid", "valid", "from", "to");

    public static readonly MappingKeys Citation = new("citation", "citation", "law", "article", "url", "valid", "kind", "title", "illustrative");

    public static readonly MappingKeys Open = new("open", "open", "to", "basis!");

    public static readonly MappingKeys Overrides = new("overrides", "overrides", "pack!", "basis!");

    public static readonly MappingKeys Fact = new("fact", "fact", "type!", "description!", "unit", "question", "default");

    public static readonly MappingKeys Parameter = new("parameter", "parameter",
        "title!", "type!", "unit", "source", "values!", "description", "open", "overrides", "adds_to");

    public static readonly MappingKeys ParameterValue = new("parameter value", "parameterValue", "from!", "to", "value!", "source", "illustrative");

    public static readonly MappingKeys Rule = new("rule", "rule",
        "id!", "title!", "law!", "force", "clauses", "grondslag", "domain!", "valid", "for_each", "applies", "determines", "explain", "open", "overrides", "waits_for", "holds_back");

    public static readonly MappingKeys Consequence = new("consequence", "consequence",
        "id!", "title!", "source!", "domain!", "valid", "for_each", "applies", "determines", "explain", "open", "overrides");

    public static readonly MappingKeys Goal = new("goal", "goal", "id!", "title!", "domain!", "holds!", "active", "explain", "open", "overrides");

    public static readonly MappingKeys Collision = new("collision", "collision",
        "id!", "title!", "rules!", "goal!", "when", "severity", "explain!", "explain_en", "open", "overrides");

    public static readonly MappingKeys Deviation = new("deviation", "deviation",
        "id!", "title!", "deviates!", "change!", "basis!", "allowed", "limits", "mandate!", "document", "review", "motivation", "cost_note", "open", "overrides", "breaks",
        "decider", "deliver");

    public static readonly MappingKeys Limits = new("limits", "limits", "duration", "amount", "amount_per", "times",
        "until", "max");

    public static readonly MappingKeys Change = new("change", "change", "suspend?", "parameter?", "value?", "set?", "postpone?", "waive?", "spread?", "exempt?");

    public static readonly MappingKeys WaitsFor = new("waits_for", "waitsFor", "fact!", "provider!");

    public static readonly MappingKeys Spread = new("spread", "change/spread", "fact!", "months!");

    public static readonly MappingKeys Cost = new("cost", "cost", "id!", "title!", "payer!", "monthly?", "when", "for_each", "source", "open", "overrides",
        "once?");

    public static readonly MappingKeys Kpi = new("KPI", "kpi", "id!", "title!", "measure!", "description", "unit", "norm", "source", "filter", "open", "overrides");

    public static readonly MappingKeys KpiNorm = new("norm", "kpiNorm", "target!", "direction", "deadline");

    public static readonly MappingKeys Indicator = new("indicator", "indicator",
        "id!", "title!", "definition!", "unit!", "source!", "set", "better", "references", "figures");

    public static readonly MappingKeys IndicatorReference = new("reference", "indicatorReference", "label!", "value!", "period", "source");

    public static readonly MappingKeys IndicatorFigure = new("figure", "indicatorFigure", "period!", "value!", "source!");

    public static readonly MappingKeys Scale = new("scale", "scale", "id!", "title!", "description", "min!", "max!", "better", "improved_by", "domains", "source");

    public static readonly MappingKeys ScaleDomain = new("scale domain", "scaleDomain", "id!", "title!");

    public static readonly MappingKeys Norm = new("dated norm", "norm",
        "id!", "for!", "category!", "target!", "direction", "deadline", "title", "source", "illustrative");

    public static readonly MappingKeys BudgetLine = new("budget line", "budgetLine", "id!", "title!", "description", "amounts!");

    public static readonly MappingKeys BudgetAmount = new("budget amount", "budgetAmount", "year!", "amount!", "source", "illustrative");

    public static readonly MappingKeys Situation = new("situation", "situation", "id!", "title!", "law!", "advice");

    public static readonly MappingKeys Test = new("test", "test", "name!", "date!", "household!", "expect!", "keywords", "description");

    public static readonly MappingKeys Expect = new("expect", "expect", "applied", "not_applied", "facts", "goals_failing", "collisions", "proposals", "missing",
        "proposal_details", "not_proposed", "facts_after");

    public static readonly MappingKeys Intervention = new("intervention", "intervention",
        "id!", "title!", "action!", "basis!", "allowed", "change!", "resolves", "limits", "mandate!", "decider", "deliver", "costs",
        "document", "review", "motivation", "open", "overrides");

    public static readonly MappingKeys InterventionChange = new("intervention change", "intervention/change", "set?", "elements?");

    public static readonly MappingKeys ElementChange = new("element change", "elementChange", "collection!", "id?", "where?", "set!");

    public static readonly MappingKeys InterventionCost = new("intervention cost", "interventionCost", "payer!", "monthly?", "once?", "title");

    public static readonly MappingKeys Role = new("role", "role", "id!", "rank!", "title");

    public static readonly MappingKeys Authority = new("authority", "authority", "id!", "title!", "law", "contact");

    public static readonly MappingKeys MandateStep = new("mandate step", "mandateStep", "up_to", "role!");

    public static readonly MappingKeys Mandates = new("mandates", "mandates", "basis!", "set!");

    public static readonly MappingKeys ProposalDetails = new("proposal details", "proposalDetails",
        "amount", "until", "mandate", "cost_difference", "request_to", "kind");

    /// <summary>Every mapping kind of the pack format.</summary>
    public static IReadOnlyList<MappingKeys> All { get; } =
    [
        MappingKeys.Age, Sections, Manifest, Requirement, Valid, Citation, Open, Overrides, Fact, Parameter, ParameterValue, Rule, Consequence,
        Goal, Collision, Deviation, Limits, Change, Spread, Cost, Kpi, KpiNorm, Situation, Test, Expect, WaitsFor,
        Indicator, IndicatorReference, IndicatorFigure, Scale, ScaleDomain, Norm, BudgetLine, BudgetAmount,
        Intervention, InterventionChange, ElementChange, InterventionCost, Role, Authority, MandateStep, Mandates, ProposalDetails,
    ];
}
