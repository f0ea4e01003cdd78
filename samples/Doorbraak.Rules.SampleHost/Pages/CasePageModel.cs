using System.Text.Json;
using System.Text.Json.Nodes;
using Doorbraak.Rules.Hosting;
using Doorbraak.Rules.SampleHost.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Doorbraak.Rules.SampleHost.Pages;

/// <summary>What the pages carry from request to request, in form fields only (nothing is stored on the server).</summary>
/// <param name="Household">The household as read.</param>
/// <param name="Json">Its canonical JSON (the hidden field <c>household</c>).</param>
/// <param name="Date">The peildatum.</param>
/// <param name="Decisions">The decisions taken so far (the hidden field <c>besluiten</c>, protected against tampering).</param>
public sealed record CaseState(Household Household, JsonObject Json, DateOnly Date, List<DecisionInput> Decisions);

/// <summary>An error shown instead of the result: a title, a message, and the way back.</summary>
/// <param name="Title">The heading.</param>
/// <param name="Message">What is wrong and what to do.</param>
/// <param name="Back">The state to go back to the result with, if any.</param>
public sealed record ErrorView(string Title, string Message, CaseState? Back = null);

/// <summary>
/// The base of the regisseur's pages: reads the form (bounded), the state in hidden fields, and the decisions, whose hidden
/// field is protected with ASP.NET Core Data Protection so that nobody can slip in a decision with a higher mandate.
/// Every page requires a signed-in user with a mandate (the fallback policy); every POST needs the antiforgery token.
/// </summary>
public abstract class CasePageModel(IDoorbraakEvaluator evaluator, SampleHostSettings settings, TimeProvider time, IDataProtectionProvider protection) : PageModel
{
    internal static readonly JsonSerializerOptions StateJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly IDataProtector _decisions = protection.CreateProtector("Doorbraak.Rules.SampleHost.Besluiten.v1");

    /// <summary>The evaluator (instrumented).</summary>
    protected IDoorbraakEvaluator Evaluator { get; } = evaluator;

    /// <summary>The host's settings.</summary>
    protected SampleHostSettings Settings { get; } = settings;

    /// <summary>The clock.</summary>
    protected TimeProvider Time { get; } = time;

    /// <summary>The result to show, when there is one.</summary>
    public ResultView? Result { get; protected set; }

    /// <summary>The error to show, when there is one.</summary>
    public ErrorView? Error { get; protected set; }

    /// <summary>The page title.</summary>
    public string Title { get; protected set; } = "Beoordeling";

    /// <summary>Reads the posted form within the size limit; null when it is too large or cannot be read.</summary>
    protected async Task<IFormCollection?> ReadFormAsync()
    {
        if (Request.ContentLength > Settings.MaxRequestBytes) return null;
        try
        {
            return Request.HasFormContentType ? await Request.ReadFormAsync(HttpContext.RequestAborted) : FormCollection.Empty;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }

    /// <summary>Reads the household, the date and the decisions from the hidden fields.</summary>
    protected (CaseState? State, IActionResult? Problem) ReadState(IFormCollection form)
    {
        if (!HouseholdState.TryParseDate(form["peildatum"], out var date))
            return (null, ShowError(400, "Ongeldige peildatum", "De peildatum ontbreekt of bestaat niet."));
        try
        {
            var (household, json) = Workflow.Read(Evaluator.Engine, form["household"].ToString());
            return (new CaseState(household, json, date, ReadDecisions(form)), null);
        }
        catch (HouseholdInputException ex)
        {
            return (null, ShowError(ex.Status, "Het huishouden kan niet worden gelezen", string.Join(" ", ex.Problems)));
        }
    }

    /// <summary>The decisions from the protected hidden field; none when it is missing, tampered with or from another key.</summary>
    protected List<DecisionInput> ReadDecisions(IFormCollection form)
    {
        var text = form["besluiten"].ToString();
        if (string.IsNullOrWhiteSpace(text)) return [];
        try
        {
            return (JsonSerializer.Deserialize<List<DecisionInput?>>(_decisions.Unprotect(text), StateJson) ?? []).OfType<DecisionInput>().ToList();
        }
        catch (Exception ex) when (ex is JsonException or System.Security.Cryptography.CryptographicException)
        {
            return [];
        }
    }

    /// <summary>The decisions, protected for the hidden field.</summary>
    public string ProtectDecisions(IEnumerable<DecisionInput> decisions) => _decisions.Protect(JsonSerializer.Serialize(decisions, StateJson));

    /// <summary>Shows the result page.</summary>
    protected IActionResult ShowResult(CaseState state, string? notice = null, string? alert = null, DecisionError? decisionError = null,
        EvaluationResult? result = null, int status = 200)
    {
        Result = ResultView.Build(Evaluator, Time, state, notice, alert, decisionError, result, User, ProtectDecisions);
        Title = "Beoordeling";
        return new PageResult { StatusCode = status };
    }

    /// <summary>Shows an error in place of the result.</summary>
    protected IActionResult ShowError(int status, string title, string message, CaseState? back = null)
    {
        Error = new ErrorView(title, message, back);
        Title = title;
        return new PageResult { StatusCode = status };
    }

    /// <summary>The form was larger than allowed.</summary>
    protected IActionResult TooLarge() =>
        ShowError(413, "De invoer is te groot", $"Het formulier is groter dan {Settings.MaxRequestBytes / 1024} KB. Stuur alleen het huishouden.");

    /// <summary>GET on a POST-only page: back to the start.</summary>
    public IActionResult OnGet() => Redirect("/");
}
