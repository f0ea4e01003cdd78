using Doorbraak.Rules.Evaluation;
using System.Text.Json.Nodes;

namespace Doorbraak.Rules.SampleHost;

/// <summary>A household that could not be read: malformed text (400) or facts that do not fit the packs (422).</summary>
public sealed class HouseholdInputException(int status, string code, IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    /// <summary>400 or 422.</summary>
    public int Status { get; } = status;

    /// <summary><c>malformed-household</c> or <c>unknown-fact</c> / <c>invalid-household</c>.</summary>
    public string Code { get; } = code;

    /// <summary>Every problem, with line and column.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>A decision as the API and the pages carry it.</summary>
/// <param name="ProposalId">The proposal id from the evaluation.</param>
/// <param name="Outcome"><c>accepted</c>, <c>changed</c> or <c>rejected</c>.</param>
/// <param name="DecidedBy">Who decided (a role or staff id; no personal data needed).</param>
/// <param name="Mandate">A level of the mandate ladder (<see cref="Doorbraak.Rules.Inspection.MandateLadder"/>): consulent, regisseur, teamleider, manager, directeur or college.</param>
/// <param name="Motivation">Why.</param>
/// <param name="DurationMonths">For <c>changed</c>: the duration decided.</param>
/// <param name="Amount">For <c>changed</c>: the amount decided.</param>
/// <param name="TimesGrantedBefore">How often this deviation was granted to this household before.</param>
/// <param name="ReasonForDifference">Why it differs from equal precedents, if it does.</param>
public sealed record DecisionInput(string ProposalId, string Outcome, string DecidedBy, string Mandate, string Motivation,
    int? DurationMonths = null, decimal? Amount = null, int TimesGrantedBefore = 0, string? ReasonForDifference = null, bool AcknowledgedIncomplete = false)
{
    /// <summary>The outcomes accepted, with their Dutch names.</summary>
    public static readonly IReadOnlyDictionary<string, DecisionOutcome> Outcomes = new Dictionary<string, DecisionOutcome>(StringComparer.OrdinalIgnoreCase)
    {
        ["accepted"] = DecisionOutcome.Accepted, ["aanvaarden"] = DecisionOutcome.Accepted,
        ["changed"] = DecisionOutcome.Changed, ["wijzigen"] = DecisionOutcome.Changed,
        ["rejected"] = DecisionOutcome.Rejected, ["afwijzen"] = DecisionOutcome.Rejected,
    };

    /// <summary>The library's request.</summary>
    /// <exception cref="DecisionInputException">The outcome is not one of accepted, changed, rejected.</exception>
    public DecisionRequest ToRequest()
    {
        if (Outcome is null || !Outcomes.TryGetValue(Outcome, out var outcome))
            throw new DecisionInputException("outcome", $"Onbekende uitkomst '{Outcome}'; gebruik accepted (aanvaarden), changed (wijzigen) of rejected (afwijzen).");
        return new DecisionRequest(ProposalId ?? "", outcome, DecidedBy ?? "", Mandate ?? "", Motivation ?? "")
        {
            DurationMonths = DurationMonths,
            Amount = Amount,
            TimesGrantedBefore = TimesGrantedBefore,
            ReasonForDifference = string.IsNullOrWhiteSpace(ReasonForDifference) ? null : ReasonForDifference,
            AcknowledgedIncomplete = AcknowledgedIncomplete,
        };
    }
}

/// <summary>The steps both the pages and the API take, on one engine per request.</summary>
public static class Workflow
{
    /// <summary>Reads a household (YAML or JSON, bare or under <c>household:</c>) and returns it with its canonical JSON.</summary>
    /// <exception cref="HouseholdInputException">Malformed (400) or not fitting the packs (422).</exception>
    public static (Household Household, JsonObject Json) Read(DoorbraakEngine engine, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new HouseholdInputException(400, "malformed-household", ["Het huishouden is leeg: geef YAML of JSON met feiten en 'leden'."]);
        try
        {
            var household = engine.ReadHousehold(text, "huishouden");
            return (household, HouseholdState.ToJson(household));
        }
        catch (HouseholdException ex)
        {
            // Codes from docs/diagnostics.md: an unreadable document (empty, not UTF-8, not YAML or JSON) or not a household mapping (DBR3003); an undeclared fact (DBR3001).
            var problems = ex.Diagnostics.Select(d => d.ToString()).ToList();
            var malformed = ex.IsMalformedDocument || ex.Diagnostics.Any(d => d.Code == "DBR3003");
            if (malformed) throw new HouseholdInputException(400, "malformed-household", problems);
            var unknown = ex.Diagnostics.Any(d => d.Code == "DBR3001");
            throw new HouseholdInputException(422, unknown ? "unknown-fact" : "invalid-household", problems);
        }
    }

    /// <summary>Re-evaluates and records each decision, then assembles the plan.</summary>
    /// <exception cref="DecisionException">A decision is refused (mandate, limits, motivation, ...).</exception>
    public static DoorbraakPlan Plan(DoorbraakEngine engine, TimeProvider time, Household household, EvaluationResult result,
        IEnumerable<DecisionInput> decisions, PlanDetails details)
    {
        var planner = new DoorbraakPlanner(engine, time);
        var recorded = decisions.Select(d => planner.Decide(household, result, d.ToRequest())).ToList();
        return planner.Assemble(household, result, recorded, details);
    }

    /// <summary>Records one decision (or refuses it).</summary>
    public static RecordedDecision Decide(DoorbraakEngine engine, TimeProvider time, Household household, EvaluationResult result, DecisionInput decision) =>
        new DoorbraakPlanner(engine, time).Decide(household, result, decision.ToRequest());
}

/// <summary>A decision form the sample host cannot turn into a request (an unknown outcome word).</summary>
public sealed class DecisionInputException(string code, string message) : Exception(message)
{
    /// <summary>The problem code.</summary>
    public string Code { get; } = code;
}
