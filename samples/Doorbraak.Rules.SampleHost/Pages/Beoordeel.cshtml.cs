using System.Text;
using Doorbraak.Rules.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Primitives;
using System.Text.Json.Nodes;

namespace Doorbraak.Rules.SampleHost.Pages;

/// <summary>POST /beoordeel: evaluates the household from the form, pasted text or an upload, and applies answers to missing facts.</summary>
public sealed class BeoordeelModel(IDoorbraakEvaluator evaluator, SampleHostSettings settings, TimeProvider time, IDataProtectionProvider protection)
    : CasePageModel(evaluator, settings, time, protection)
{
    /// <summary>The entry form again, when the input has problems.</summary>
    public EntryView? Entry { get; private set; }

    /// <summary>Evaluates.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var form = await ReadFormAsync();
        if (form is null) return TooLarge();
        var engine = Evaluator.Engine;
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);

        var dateText = form["peildatum"].ToString();
        if (!HouseholdState.TryParseDate(dateText, out var date))
            errors["peildatum"] = string.IsNullOrWhiteSpace(dateText) ? "Vul de peildatum in." : $"'{dateText}' is geen bestaande datum; gebruik jjjj-mm-dd.";

        JsonObject? json = null;
        string? text = null;
        if (!StringValues.IsNullOrEmpty(form["household"])) text = form["household"].ToString();
        else if (form.Files.GetFile("bestand") is { Length: > 0 } file)
        {
            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            text = await reader.ReadToEndAsync(HttpContext.RequestAborted);
        }
        else if (!string.IsNullOrWhiteSpace(form["tekst"])) text = form["tekst"].ToString();
        else json = HouseholdState.FromForm(form, errors);

        if (errors.Count > 0 && text is null) return ShowEntry(form, errors, null, 400);
        try
        {
            var (household, canonical) = Workflow.Read(engine, text ?? HouseholdState.Serialize(json!));
            if (errors.Count > 0) return ShowEntry(form, errors, null, 400);

            // Answers to missing facts: set each on the household and read it again.
            var answered = 0;
            foreach (var key in form.Keys.Where(k => k.StartsWith("antwoord:", StringComparison.Ordinal)))
            {
                var path = key["antwoord:".Length..];
                var value = form[key].ToString();
                if (string.IsNullOrWhiteSpace(value)) continue;
                var node = HouseholdState.ParseAnswer(HouseholdState.KindOf(engine, path), value, out var error);
                if (error is not null) { errors[key] = $"{path}: {error}"; continue; }
                if (HouseholdState.SetFact(canonical, path, node)) answered++;
            }
            if (answered > 0) (household, canonical) = Workflow.Read(engine, HouseholdState.Serialize(canonical));

            var state = new CaseState(household, canonical, date, ReadDecisions(form));
            var notice = answered > 0 ? $"{answered} antwoord(en) verwerkt; het huishouden is opnieuw beoordeeld." : null;
            var alert = errors.Count > 0 ? string.Join(" ", errors.Values) : null;
            return ShowResult(state, notice, alert);
        }
        catch (HouseholdInputException ex)
        {
            errors["tekst"] = (ex.Status == 400 ? "Het huishouden is geen geldige YAML of JSON: " : "Het huishouden past niet bij de geladen pakketten: ")
                              + string.Join(" ", ex.Problems);
            return ShowEntry(form, errors, text, ex.Status);
        }
    }

    private PageResult ShowEntry(IFormCollection form, Dictionary<string, string> errors, string? text, int status)
    {
        Entry = new EntryView { Form = form, Errors = errors, Text = text };
        Title = "Huishouden invoeren";
        return new PageResult { StatusCode = status };
    }
}
