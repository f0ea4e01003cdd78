using System.Text;
using Doorbraak.Rules.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;

namespace Doorbraak.Rules.SampleHost.Pages;

/// <summary>POST /plan: the doorbraakplan as a download (HTML, Markdown or JSON). The plan exists only in the response.</summary>
public sealed class PlanModel(IDoorbraakEvaluator evaluator, SampleHostSettings settings, TimeProvider time, IDataProtectionProvider protection)
    : CasePageModel(evaluator, settings, time, protection)
{
    /// <summary>Assembles the plan from the decisions in the protected hidden field.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var form = await ReadFormAsync();
        if (form is null) return TooLarge();
        var (state, problem) = ReadState(form);
        if (state is null) return problem!;
        var result = Evaluator.Evaluate(state.Household, state.Date);
        var caseRef = form["zaak"].ToString().Trim();
        if (caseRef.Length == 0)
            return ShowResult(state, alert: "Vul een zaakreferentie in om het doorbraakplan te downloaden.", result: result, status: 400);
        try
        {
            var regisseur = form["regisseur"].ToString().Trim();
            var plan = Workflow.Plan(Evaluator.Engine, Time, state.Household, result, state.Decisions,
                new PlanDetails { CaseReference = caseRef, Regisseur = regisseur.Length == 0 ? null : regisseur });
            var safe = new string(caseRef.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
            var (content, type, ext) = form["formaat"].ToString() switch
            {
                "markdown" => (PlanExport.ToMarkdown(plan), "text/markdown; charset=utf-8", "md"),
                "json" => (PlanExport.ToJson(plan), "application/json; charset=utf-8", "json"),
                _ => (PlanExport.ToHtml(plan), "text/html; charset=utf-8", "html"),
            };
            return File(Encoding.UTF8.GetBytes(content), type, $"doorbraakplan-{safe}.{ext}");
        }
        catch (Exception ex) when (ex is DecisionException or DecisionInputException)
        {
            return ShowResult(state, alert: "Het plan kan niet worden gemaakt: " + ex.Message, result: result, status: 422);
        }
    }
}
