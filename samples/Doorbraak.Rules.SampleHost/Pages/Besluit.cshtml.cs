using Doorbraak.Rules.Hosting;
using Doorbraak.Rules.SampleHost.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;

namespace Doorbraak.Rules.SampleHost.Pages;

/// <summary>
/// POST /besluit: records a decision on a proposal. The decider and the mandate come from the signed-in user's claims; the
/// policy for the proposal's mandate level (<c>mandaat:teamleider</c>, ...) must be met to accept or change, and the
/// library checks the mandate, the limits and the motivation once more.
/// </summary>
public sealed class BesluitModel(IDoorbraakEvaluator evaluator, SampleHostSettings settings, TimeProvider time, IDataProtectionProvider protection,
    IAuthorizationService authorization) : CasePageModel(evaluator, settings, time, protection)
{
    /// <summary>Decides.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var form = await ReadFormAsync();
        if (form is null) return TooLarge();
        var (state, problem) = ReadState(form);
        if (state is null) return problem!;
        var proposalId = form["voorstel"].ToString();
        int? duration = null;
        decimal? amount = null;
        string? inputError = null;
        if (!string.IsNullOrWhiteSpace(form["duur"]))
        {
            if (int.TryParse(form["duur"], out var d)) duration = d; else inputError = $"'{form["duur"]}' is geen aantal maanden.";
        }
        if (!string.IsNullOrWhiteSpace(form["bedrag"]))
        {
            if (HouseholdState.TryParseNumber(form["bedrag"].ToString(), out var a)) amount = a; else inputError = $"'{form["bedrag"]}' is geen bedrag.";
        }
        // Who decides and under which mandate: from the sign-in only. Fields named besloten_door or mandaat in the form are ignored.
        var mandate = Mandates.Of(User) ?? "";
        var decision = new DecisionInput(proposalId, form["uitkomst"].ToString(), Mandates.DecidedBy(User), mandate,
            form["motivering"].ToString(), duration, amount, 0, form["reden_verschil"].ToString(), form["hiaten_gelezen"].ToString() == "ja");
        var result = Evaluator.Evaluate(state.Household, state.Date);
        if (inputError is not null) return ShowResult(state, decisionError: new DecisionError(proposalId, inputError, decision), result: result, status: 422);

        var proposal = result.Proposals.FirstOrDefault(p => p.Id == proposalId);
        if (proposal is not null && !IsRejection(decision.Outcome)
            && !(await authorization.AuthorizeAsync(User, Mandates.PolicyFor(proposal.Mandate))).Succeeded)
        {
            var refusal = $"Besluit geweigerd: mandaat '{proposal.Mandate}' of hoger nodig; u bent aangemeld met mandaat '{(mandate.Length > 0 ? mandate : "geen")}'. "
                          + $"Laat een {proposal.Mandate} besluiten, of wijs het voorstel af.";
            return ShowResult(state, decisionError: new DecisionError(proposalId, refusal, decision), result: result, status: StatusCodes.Status403Forbidden);
        }
        try
        {
            var recorded = Workflow.Decide(Evaluator.Engine, Time, state.Household, result, decision);
            state.Decisions.RemoveAll(x => x.ProposalId == proposalId);
            state.Decisions.Add(decision);
            var what = ResultView.Outcome(recorded.Outcome);
            return ShowResult(state, $"Besluit vastgelegd: '{recorded.Title}' is {what} door {recorded.DecidedBy} (mandaat {recorded.Mandate}).", result: result);
        }
        catch (Exception ex) when (ex is DecisionException or DecisionInputException)
        {
            return ShowResult(state, decisionError: new DecisionError(proposalId, "Besluit geweigerd: " + ex.Message, decision), result: result, status: 422);
        }
    }

    private static bool IsRejection(string? outcome) =>
        outcome is not null && DecisionInput.Outcomes.TryGetValue(outcome, out var o) && o == DecisionOutcome.Rejected;
}
