using Doorbraak.Rules.AspNetCore;
using Doorbraak.Rules.Evaluation;
using Doorbraak.Rules.Hosting;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Doorbraak.Rules.SampleHost;

/// <summary>POST /api/evaluate: a household (a JSON object, or YAML/JSON text in a string) and a reference date.</summary>
/// <param name="Household">The household in the shape pack tests use: facts, <c>leden</c>, <c>schulden</c>, <c>voorzieningen</c>, <c>doelen</c>.</param>
/// <param name="Date">The peildatum, yyyy-mm-dd.</param>
public sealed record EvaluateRequest(JsonElement Household, string? Date);

/// <summary>POST /api/what-if: the household, the date and the deviations to apply.</summary>
/// <param name="Household">The household.</param>
/// <param name="Date">The peildatum, yyyy-mm-dd.</param>
/// <param name="Deviations">One or more deviation ids.</param>
public sealed record WhatIfRequest(JsonElement Household, string? Date, IReadOnlyList<string>? Deviations);

/// <summary>
/// A decision as the API takes it. Who decides and under which mandate is not in the request: it comes from the
/// authenticated identity (the sign-in cookie or the API key), so a request cannot claim a higher mandate.
/// </summary>
/// <param name="ProposalId">The proposal id from the evaluation.</param>
/// <param name="Outcome"><c>accepted</c>, <c>changed</c> or <c>rejected</c>.</param>
/// <param name="Motivation">Why.</param>
/// <param name="DurationMonths">For <c>changed</c>: the duration decided.</param>
/// <param name="Amount">For <c>changed</c>: the amount decided.</param>
/// <param name="TimesGrantedBefore">How often this deviation was granted to this household before.</param>
/// <param name="ReasonForDifference">Why it differs from equal precedents, if it does.</param>
/// <param name="AcknowledgedIncomplete">The decider read the gaps of an incomplete result and decides anyway.</param>
public sealed record ApiDecision(string ProposalId, string Outcome, string Motivation, int? DurationMonths = null, decimal? Amount = null,
    int TimesGrantedBefore = 0, string? ReasonForDifference = null, bool AcknowledgedIncomplete = false)
{
    /// <summary>The decision as taken by the authenticated user.</summary>
    public DecisionInput By(System.Security.Claims.ClaimsPrincipal user) =>
        new(ProposalId, Outcome, Security.Mandates.DecidedBy(user), Security.Mandates.Of(user) ?? "", Motivation, DurationMonths, Amount,
            TimesGrantedBefore, ReasonForDifference, AcknowledgedIncomplete);
}

/// <summary>POST /api/decide: the household, the date and one decision on a proposal of its evaluation.</summary>
/// <param name="Household">The household.</param>
/// <param name="Date">The peildatum, yyyy-mm-dd.</param>
/// <param name="Decision">The decision (the decider and mandate come from the authentication).</param>
public sealed record DecideRequest(JsonElement Household, string? Date, ApiDecision? Decision);

/// <summary>POST /api/plan: the household, the date, the decisions and the case details; the doorbraakplan comes back.</summary>
/// <param name="Household">The household.</param>
/// <param name="Date">The peildatum, yyyy-mm-dd.</param>
/// <param name="Decisions">The decisions, each taken (and checked) under the authenticated caller's name and mandate.</param>
/// <param name="CaseReference">The host's case reference (not a BSN).</param>
/// <param name="Regisseur">The regisseur (role or name).</param>
/// <param name="Format"><c>json</c> (default), <c>markdown</c> or <c>html</c>.</param>
public sealed record PlanRequest(JsonElement Household, string? Date, IReadOnlyList<ApiDecision>? Decisions, string? CaseReference, string? Regisseur, string? Format);

/// <summary>The JSON API: evaluate, what-if, decide, plan. Stateless; errors are problem details; behind the same sign-in as the pages (cookie) or an API key.</summary>
public static class Api
{
    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 32,
        // A key written twice ("date" twice) is refused as malformed JSON (400), also inside the household (issue #20).
        AllowDuplicateProperties = false,
    };

    /// <summary>Maps the API endpoints.</summary>
    public static void MapApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Doorbraak").RequireAuthorization(Security.Mandates.AnyLevel);

        api.MapPost("/evaluate", (HttpRequest request, IDoorbraakEvaluator evaluator, SampleHostSettings settings) =>
                Handle<EvaluateRequest>(request, settings, evaluator, (req, engine, errors) =>
                {
                    var date = Date(req.Date, errors);
                    var household = HouseholdText(req.Household, errors);
                    if (errors.Count > 0) return null;
                    var (h, _) = Workflow.Read(engine, household!);
                    return Results.Json(evaluator.Evaluate(h, date), ResultJson.Options);
                }))
            .WithName("Evaluate").WithSummary("Evaluate a household on a reference date")
            .WithDescription("Determinations, goals, collisions (explained in Dutch), missing facts (as questions) and proposals with basis, mandate, limits, cost and draft motivation.")
            .Accepts<EvaluateRequest>("application/json").Produces<EvaluationResult>().Problems();

        api.MapPost("/what-if", (HttpRequest request, IDoorbraakEvaluator evaluator, SampleHostSettings settings) =>
                Handle<WhatIfRequest>(request, settings, evaluator, (req, engine, errors) =>
                {
                    var date = Date(req.Date, errors);
                    var household = HouseholdText(req.Household, errors);
                    if (req.Deviations is not { Count: > 0 }) errors["deviations"] = ["Geef ten minste één afwijking (id)."];
                    else if (req.Deviations.Any(string.IsNullOrWhiteSpace)) errors["deviations"] = ["Elke afwijking is een id (tekst); null of leeg kan niet."];
                    if (errors.Count > 0) return null;
                    var (h, _) = Workflow.Read(engine, household!);
                    try
                    {
                        return Results.Json(evaluator.WhatIf(h, date, req.Deviations!), ResultJson.Options);
                    }
                    catch (ArgumentException ex)
                    {
                        return SampleHost.Problems.Problem(422, "unknown-deviation", "Onbekende afwijking.", ex.Message);
                    }
                }))
            .WithName("WhatIf").WithSummary("What if these deviations were applied?")
            .WithDescription("Re-projects the household with the deviations applied (allowed or not) and reports which collisions it resolves, leaves and creates, the goals and the cost.")
            .Accepts<WhatIfRequest>("application/json").Produces<WhatIfResult>().Problems();

        api.MapPost("/decide", (HttpRequest request, IDoorbraakEvaluator evaluator, SampleHostSettings settings, TimeProvider time, System.Security.Claims.ClaimsPrincipal user) =>
                Handle<DecideRequest>(request, settings, evaluator, (req, engine, errors) =>
                {
                    var date = Date(req.Date, errors);
                    var household = HouseholdText(req.Household, errors);
                    if (req.Decision is null) errors["decision"] = ["Geef het besluit: proposalId, outcome, motivation (wie besluit en het mandaat volgen uit de aanmelding)."];
                    if (errors.Count > 0) return null;
                    var (h, _) = Workflow.Read(engine, household!);
                    var result = evaluator.Evaluate(h, date);
                    return Results.Json(Workflow.Decide(engine, time, h, result, req.Decision!.By(user)), ResultJson.Options);
                }))
            .WithName("Decide").WithSummary("Record a decision on a proposal")
            .WithDescription("The decider and the mandate are the authenticated caller's (claims), never fields of the request. Checks the mandate, the proposal's limits and the motivation; refused with a 422 problem (code mandate, limits, motivation, not-allowed, unknown-proposal) otherwise. Nothing is stored: keep the returned decision.")
            .Accepts<DecideRequest>("application/json").Produces<RecordedDecision>().Problems();

        api.MapPost("/plan", (HttpRequest request, IDoorbraakEvaluator evaluator, SampleHostSettings settings, TimeProvider time, System.Security.Claims.ClaimsPrincipal user) =>
                Handle<PlanRequest>(request, settings, evaluator, (req, engine, errors) =>
                {
                    var date = Date(req.Date, errors);
                    var household = HouseholdText(req.Household, errors);
                    if (string.IsNullOrWhiteSpace(req.CaseReference)) errors["caseReference"] = ["Geef een zaakreferentie (geen BSN)."];
                    var format = (req.Format ?? "json").ToLowerInvariant();
                    if (format is not ("json" or "markdown" or "md" or "html")) errors["format"] = ["Gebruik json, markdown of html."];
                    if (req.Decisions?.Any(d => d is null) == true) errors["decisions"] = ["Elk besluit is een object met proposalId, outcome en motivation; null kan niet."];
                    if (errors.Count > 0) return null;
                    var (h, _) = Workflow.Read(engine, household!);
                    var result = evaluator.Evaluate(h, date);
                    var plan = Workflow.Plan(engine, time, h, result, (req.Decisions ?? []).Select(d => d.By(user)),
                        new PlanDetails { CaseReference = req.CaseReference!.Trim(), Regisseur = req.Regisseur });
                    return format switch
                    {
                        "html" => Results.Text(PlanExport.ToHtml(plan), "text/html; charset=utf-8"),
                        "markdown" or "md" => Results.Text(PlanExport.ToMarkdown(plan), "text/markdown; charset=utf-8"),
                        _ => Results.Text(PlanExport.ToJson(plan), "application/json; charset=utf-8"),
                    };
                }))
            .WithName("Plan").WithSummary("Assemble the doorbraakplan")
            .WithDescription("Re-evaluates, records every decision (refused decisions give a 422 problem) and returns the plan as JSON, Markdown or HTML. The plan exists only in this response.")
            .Accepts<PlanRequest>("application/json").Produces<DoorbraakPlan>().Produces<string>(200, "text/markdown", "text/html").Problems();
    }

    private static RouteHandlerBuilder Problems(this RouteHandlerBuilder b) => b
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private delegate IResult? Step<in T>(T request, DoorbraakEngine engine, Dictionary<string, string[]> errors);

    private static async Task<IResult> Handle<T>(HttpRequest request, SampleHostSettings settings, IDoorbraakEvaluator evaluator, Step<T> step)
        where T : class
    {
        if (!request.HasJsonContentType())
            return SampleHost.Problems.Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Alleen JSON.",
                "Stuur de aanvraag als application/json.");
        var (body, tooLarge) = await ReadBody(request, settings.MaxRequestBytes);
        if (tooLarge is not null) return tooLarge;

        T? req;
        try
        {
            req = JsonSerializer.Deserialize<T>(body!, RequestJson);
        }
        catch (JsonException ex)
        {
            // The message names the place (path, line, position), never the values.
            var where = ex.Path is { Length: > 0 } p ? $" bij {p}" : "";
            return SampleHost.Problems.Problem(400, "malformed-json", "De aanvraag is geen geldige JSON.",
                $"De JSON kan niet gelezen worden{where} (regel {ex.LineNumber + 1}, positie {ex.BytePositionInLine + 1}): controleer haakjes, aanhalingstekens en veldnamen, en dat geen veld twee keer voorkomt.");
        }
        if (req is null)
            return SampleHost.Problems.Problem(400, "malformed-json", "De aanvraag is leeg.", "Stuur een JSON-object.");

        var engine = evaluator.Engine;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        try
        {
            var result = step(req, engine, errors);
            if (errors.Count > 0) return SampleHost.Problems.Validation(errors, "Een of meer velden zijn niet geldig.");
            return result!;
        }
        catch (HouseholdInputException ex)
        {
            var title = ex.Status == 400 ? "Het huishouden is geen geldige YAML of JSON." : "Het huishouden past niet bij de geladen pakketten.";
            return SampleHost.Problems.Problem(ex.Status, ex.Code, title, string.Join(Environment.NewLine, ex.Problems),
                new Dictionary<string, object?> { ["problems"] = ex.Problems });
        }
        catch (DecisionException ex)
        {
            var problem = DoorbraakProblems.ToProblemDetails(ex, SampleHost.Problems.TypePrefix);
            problem.Title = "Het besluit is geweigerd.";
            return Results.Problem(problem);
        }
        catch (Exception ex) when (DoorbraakProblems.IsClientError(ex))
        {
            // Any other library error about the request (an unknown id, a household that does not fit): 400 or 422 with its diagnostics.
            return DoorbraakProblems.ToResult(ex, SampleHost.Problems.TypePrefix);
        }
        catch (DecisionInputException ex)
        {
            return SampleHost.Problems.Problem(422, ex.Code, "Het besluit is geweigerd.", ex.Message);
        }
    }

    /// <summary>Reads the body up to the limit, whatever the server (Kestrel enforces it too).</summary>
    internal static async Task<(byte[]? Body, IResult? TooLarge)> ReadBody(HttpRequest request, long limit)
    {
        if (request.ContentLength > limit) return (null, SampleHost.Problems.TooLarge(limit));
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int n;
            while ((n = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            {
                if (buffer.Length + n > limit) return (null, SampleHost.Problems.TooLarge(limit));
                buffer.Write(chunk, 0, n);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, SampleHost.Problems.TooLarge(limit));
        }
        return (buffer.ToArray(), null);
    }

    private static DateOnly Date(string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) { errors["date"] = ["Geef de peildatum (jjjj-mm-dd)."]; return default; }
        if (!HouseholdState.TryParseDate(text, out var date)) { errors["date"] = [$"'{text}' is geen bestaande datum; gebruik jjjj-mm-dd, bijvoorbeeld 2026-03-01."]; return default; }
        return date;
    }

    private static string? HouseholdText(JsonElement household, Dictionary<string, string[]> errors)
    {
        switch (household.ValueKind)
        {
            case JsonValueKind.Object: return household.GetRawText();
            case JsonValueKind.String: return household.GetString();
            case JsonValueKind.Undefined or JsonValueKind.Null:
                errors["household"] = ["Geef het huishouden: een JSON-object (feiten, leden, schulden, voorzieningen) of YAML/JSON-tekst."];
                return null;
            default:
                errors["household"] = ["Het huishouden is een JSON-object of een tekst met YAML/JSON."];
                return null;
        }
    }
}
