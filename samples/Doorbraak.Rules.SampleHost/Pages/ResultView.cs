using System.Security.Claims;
using Doorbraak.Rules.Evaluation;
using Doorbraak.Rules.Hosting;
using Doorbraak.Rules.Inspection;
using Doorbraak.Rules.SampleHost.Security;

namespace Doorbraak.Rules.SampleHost.Pages;

/// <summary>A decision that was refused, shown with its proposal; the form keeps what was entered.</summary>
/// <param name="ProposalId">The proposal.</param>
/// <param name="Message">Why it was refused.</param>
/// <param name="Submitted">What was entered.</param>
public sealed record DecisionError(string ProposalId, string Message, DecisionInput? Submitted);

/// <summary>Everything the result page shows: the evaluation, the decisions re-checked, and who is signed in.</summary>
public sealed class ResultView
{
    /// <summary>The engine the result came from.</summary>
    public required DoorbraakEngine Engine { get; init; }

    /// <summary>The state carried in the forms.</summary>
    public required CaseState State { get; init; }

    /// <summary>The evaluation.</summary>
    public required EvaluationResult Result { get; init; }

    /// <summary>A confirmation, if any.</summary>
    public string? Notice { get; init; }

    /// <summary>A problem with the whole page, if any.</summary>
    public string? Alert { get; init; }

    /// <summary>A refused decision, if any.</summary>
    public DecisionError? DecisionError { get; init; }

    /// <summary>The decisions taken so far, checked again on this evaluation.</summary>
    public required IReadOnlyList<RecordedDecision> Recorded { get; init; }

    /// <summary>The decisions for the hidden field, protected.</summary>
    public required string ProtectedDecisions { get; init; }

    /// <summary>The signed-in user's name.</summary>
    public required string UserName { get; init; }

    /// <summary>The signed-in user's mandate, from the claims.</summary>
    public required string? UserMandate { get; init; }

    /// <summary>Goal titles by id.</summary>
    public IReadOnlyDictionary<string, string> GoalTitles => Result.Goals.ToDictionary(g => g.Goal, g => g.Title, StringComparer.Ordinal);

    /// <summary>Whether the user's mandate suffices for a proposal.</summary>
    public bool MaySign(ProposalResult p) => MandateLadder.Default.IsAtLeast(UserMandate, p.Mandate);

    /// <summary>The deviations offered for the rules of a collision.</summary>
    public IReadOnlyList<DeviationInfo> DeviationsFor(CollisionResult c) =>
        c.Rules.SelectMany(r =>
        {
            try { return Engine.DeviationsForRule(r); }
            catch (ArgumentException) { return []; }
        }).DistinctBy(d => d.Id).ToList();

    /// <summary>What kind of answer a missing fact takes.</summary>
    public AnswerKind KindOf(string path) => HouseholdState.KindOf(Engine, path);

    /// <summary>Builds the view: evaluates when no result is given, and checks every earlier decision again (dropping refused ones).</summary>
    internal static ResultView Build(IDoorbraakEvaluator evaluator, TimeProvider time, CaseState state, string? notice, string? alert, DecisionError? decisionError,
        EvaluationResult? result, ClaimsPrincipal user, Func<IEnumerable<DecisionInput>, string> protect)
    {
        result ??= evaluator.Evaluate(state.Household, state.Date);
        var planner = new DoorbraakPlanner(evaluator.Engine, time);
        var recorded = new List<RecordedDecision>();
        foreach (var d in state.Decisions.ToList())
        {
            try
            {
                var attempt = planner.TryDecide(state.Household, result, d.ToRequest());
                if (attempt.Decision is { } r) recorded.Add(r); else state.Decisions.Remove(d);
            }
            catch (DecisionInputException) { state.Decisions.Remove(d); }
        }
        return new ResultView
        {
            Engine = evaluator.Engine, State = state, Result = result, Notice = notice, Alert = alert, DecisionError = decisionError,
            Recorded = recorded, ProtectedDecisions = protect(state.Decisions), UserName = Mandates.DecidedBy(user), UserMandate = Mandates.Of(user),
        };
    }

    /// <summary>Dutch words for the page.</summary>
    public static string Holds(bool? b) => b switch { true => "haalbaar", false => "faalt", null => "onbekend" };

    /// <summary>Why a goal is active, in Dutch.</summary>
    public static string ActiveBecause(string s) => s switch
    {
        "stated" => "eigen doel van het huishouden", "condition" => "voorwaarde vervuld", "holds-today" => "wordt nu gehaald", "inactive" => "niet actief", _ => s,
    };

    /// <summary>A severity in Dutch.</summary>
    public static string Severity(string s) => s switch { "low" => "laag", "medium" => "middel", "high" => "hoog", "critical" => "kritiek", _ => s };

    /// <summary>An outcome in Dutch.</summary>
    public static string Outcome(DecisionOutcome o) => o switch { DecisionOutcome.Accepted => "aanvaard", DecisionOutcome.Changed => "gewijzigd aanvaard", _ => "afgewezen" };

    /// <summary>An ISO duration in Dutch.</summary>
    public static string Duration(string iso) =>
        FactValue.TryParseDuration(iso, out var months, out var days)
            ? (months > 0 ? $"{months} maanden" : "") + (months > 0 && days > 0 ? " en " : "") + (days > 0 ? $"{days} dagen" : "")
            : iso;

    /// <summary>The kind of a collision, in Dutch.</summary>
    public static string Kind(CollisionKind kind) => kind switch
    {
        CollisionKind.Derived => "afgeleid door de motor", CollisionKind.Declared => "bekend uit het pakket", _ => "tegenstrijdige regels",
    };
}

/// <summary>One proposal on the result page.</summary>
/// <param name="Page">The result page.</param>
/// <param name="Proposal">The proposal.</param>
/// <param name="Index">Its place (1-based), for element ids.</param>
/// <param name="Error">A refused decision on it, if any.</param>
public sealed record ProposalView(ResultView Page, ProposalResult Proposal, int Index, DecisionError? Error)
{
    /// <summary>The element id.</summary>
    public string Id => $"voorstel-{Index}";
}
