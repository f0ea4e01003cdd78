using Doorbraak.Rules.Packs;
using Doorbraak.Rules.Evaluation;
using Doorbraak.Rules.Hosting;
using Doorbraak.Rules.Inspection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;
using static Doorbraak.Rules.SampleHost.Html;

namespace Doorbraak.Rules.SampleHost;

/// <summary>The regisseur's pages, in Dutch, server-rendered. State travels in hidden form fields only.</summary>
public static class Pages
{
    private const string HtmlType = "text/html; charset=utf-8";
    private static readonly JsonSerializerOptions StateJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>What the pages carry from request to request.</summary>
    private sealed record State(Household Household, JsonObject Json, DateOnly Date, List<DecisionInput> Decisions);

    /// <summary>Maps the pages.</summary>
    public static void MapPages(this WebApplication app)
    {
        app.MapGet("/site.css", () => Results.Text(Css, "text/css; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/", (TimeProvider time) => Results.Text(EntryPage(null, new Dictionary<string, string>(), DateOnly.FromDateTime(time.GetLocalNow().Date)), HtmlType))
            .ExcludeFromDescription();
        app.MapPost("/beoordeel", Evaluate).ExcludeFromDescription();
        app.MapPost("/wat-als", WhatIf).ExcludeFromDescription();
        app.MapPost("/besluit", Decide).ExcludeFromDescription();
        app.MapPost("/plan", Plan).ExcludeFromDescription();
    }

    // ---------------------------------------------------------------- requests

    private static async Task<IResult> Evaluate(HttpContext http, IDoorbraakEvaluator evaluator, SampleHostSettings settings)
    {
        var form = await ReadForm(http, settings);
        if (form is null) return TooLargePage(settings);
        var engine = evaluator.Engine;
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
            text = await reader.ReadToEndAsync(http.RequestAborted);
        }
        else if (!string.IsNullOrWhiteSpace(form["tekst"])) text = form["tekst"].ToString();
        else json = HouseholdState.FromForm(form, errors);

        if (errors.Count > 0 && text is null) return Html(EntryPage(form, errors, null), 400);
        try
        {
            var (household, canonical) = Workflow.Read(engine, text ?? HouseholdState.Serialize(json!));
            if (errors.Count > 0) return Html(EntryPage(form, errors, null), 400);

            // Answers to missing facts: set each on the household and read it again.
            var answered = 0;
            foreach (var key in form.Keys.Where(k => k.StartsWith("antwoord:", StringComparison.Ordinal)))
            {
                var path = key["antwoord:".Length..];
                var value = form[key].ToString();
                if (string.IsNullOrWhiteSpace(value)) continue;
                var kind = HouseholdState.KindOf(engine, path);
                var node = HouseholdState.ParseAnswer(kind, value, out var error);
                if (error is not null) { errors[key] = $"{path}: {error}"; continue; }
                if (HouseholdState.SetFact(canonical, path, node)) answered++;
            }
            if (answered > 0) (household, canonical) = Workflow.Read(engine, HouseholdState.Serialize(canonical));

            var state = new State(household, canonical, date, ReadDecisions(form));
            var notice = answered > 0 ? $"{answered} antwoord(en) verwerkt; het huishouden is opnieuw beoordeeld." : null;
            var alert = errors.Count > 0 ? string.Join(" ", errors.Values) : null;
            return Html(ResultPage(engine, evaluator, http.RequestServices.GetRequiredService<TimeProvider>(), state, notice, alert, null));
        }
        catch (HouseholdInputException ex)
        {
            errors["tekst"] = (ex.Status == 400 ? "Het huishouden is geen geldige YAML of JSON: " : "Het huishouden past niet bij de geladen pakketten: ")
                              + string.Join(" ", ex.Problems);
            return Html(EntryPage(form, errors, null, text), ex.Status);
        }
    }

    private static async Task<IResult> WhatIf(HttpContext http, IDoorbraakEvaluator evaluator, SampleHostSettings settings)
    {
        var form = await ReadForm(http, settings);
        if (form is null) return TooLargePage(settings);
        var (state, problem) = ReadState(evaluator.Engine, form);
        if (state is null) return problem!;
        var ids = form["afwijking"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var title = NullIfEmpty(form["titel"].ToString()) ?? string.Join(" + ", ids);
        try
        {
            var whatIf = evaluator.WhatIf(state.Household, state.Date, ids);
            return Html(WhatIfPage(title, state, whatIf));
        }
        catch (ArgumentException ex)
        {
            return Html(Page("Wat als", $"<h1>Wat als</h1><div class=\"alert\" role=\"alert\">{E(ex.Message)}</div>{BackForm(state)}"), 422);
        }
    }

    private static async Task<IResult> Decide(HttpContext http, IDoorbraakEvaluator evaluator, SampleHostSettings settings, TimeProvider time)
    {
        var form = await ReadForm(http, settings);
        if (form is null) return TooLargePage(settings);
        var engine = evaluator.Engine;
        var (state, problem) = ReadState(engine, form);
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
        var decision = new DecisionInput(proposalId, form["uitkomst"].ToString(), form["besloten_door"].ToString(), form["mandaat"].ToString(),
            form["motivering"].ToString(), duration, amount, 0, form["reden_verschil"].ToString(), form["hiaten_gelezen"].ToString() == "ja");
        var result = evaluator.Evaluate(state.Household, state.Date);
        if (inputError is not null)
            return Html(ResultPage(engine, evaluator, time, state, null, null, (proposalId, inputError, decision), result), 422);
        try
        {
            var recorded = Workflow.Decide(engine, time, state.Household, result, decision);
            state.Decisions.RemoveAll(x => x.ProposalId == proposalId);
            state.Decisions.Add(decision);
            var what = recorded.Outcome switch { DecisionOutcome.Accepted => "aanvaard", DecisionOutcome.Changed => "gewijzigd aanvaard", _ => "afgewezen" };
            var notice = $"Besluit vastgelegd: '{recorded.Title}' is {what} door {recorded.DecidedBy} (mandaat {recorded.Mandate}).";
            return Html(ResultPage(engine, evaluator, time, state, notice, null, null, result));
        }
        catch (Exception ex) when (ex is DecisionException or DecisionInputException)
        {
            return Html(ResultPage(engine, evaluator, time, state, null, null, (proposalId, "Besluit geweigerd: " + ex.Message, decision), result), 422);
        }
    }

    private static async Task<IResult> Plan(HttpContext http, IDoorbraakEvaluator evaluator, SampleHostSettings settings, TimeProvider time)
    {
        var form = await ReadForm(http, settings);
        if (form is null) return TooLargePage(settings);
        var engine = evaluator.Engine;
        var (state, problem) = ReadState(engine, form);
        if (state is null) return problem!;
        var result = evaluator.Evaluate(state.Household, state.Date);
        var caseRef = form["zaak"].ToString().Trim();
        if (caseRef.Length == 0)
            return Html(ResultPage(engine, evaluator, time, state, null, "Vul een zaakreferentie in om het doorbraakplan te downloaden.", null, result), 400);
        try
        {
            var plan = Workflow.Plan(engine, time, state.Household, result, state.Decisions,
                new PlanDetails { CaseReference = caseRef, Regisseur = NullIfEmpty(form["regisseur"].ToString()) });
            var safe = new string(caseRef.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
            var (content, type, ext) = form["formaat"].ToString() switch
            {
                "markdown" => (PlanExport.ToMarkdown(plan), "text/markdown; charset=utf-8", "md"),
                "json" => (PlanExport.ToJson(plan), "application/json; charset=utf-8", "json"),
                _ => (PlanExport.ToHtml(plan), "text/html; charset=utf-8", "html"),
            };
            return Results.File(Encoding.UTF8.GetBytes(content), type, $"doorbraakplan-{safe}.{ext}");
        }
        catch (Exception ex) when (ex is DecisionException or DecisionInputException)
        {
            return Html(ResultPage(engine, evaluator, time, state, null, "Het plan kan niet worden gemaakt: " + ex.Message, null, result), 422);
        }
    }

    private static async Task<IFormCollection?> ReadForm(HttpContext http, SampleHostSettings settings)
    {
        if (http.Request.ContentLength > settings.MaxRequestBytes) return null;
        try
        {
            return http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : FormCollection.Empty;
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

    private static (State? State, IResult? Problem) ReadState(DoorbraakEngine engine, IFormCollection form)
    {
        if (!HouseholdState.TryParseDate(form["peildatum"], out var date))
            return (null, Html(Page("Fout", "<h1>Ongeldige peildatum</h1><div class=\"alert\" role=\"alert\">De peildatum ontbreekt of bestaat niet.</div><p><a href=\"/\">Opnieuw beginnen</a></p>"), 400));
        try
        {
            var (household, json) = Workflow.Read(engine, form["household"].ToString());
            return (new State(household, json, date, ReadDecisions(form)), null);
        }
        catch (HouseholdInputException ex)
        {
            return (null, Html(Page("Fout", $"<h1>Het huishouden kan niet worden gelezen</h1><div class=\"alert\" role=\"alert\">{E(string.Join(" ", ex.Problems))}</div><p><a href=\"/\">Opnieuw beginnen</a></p>"), ex.Status));
        }
    }

    private static List<DecisionInput> ReadDecisions(IFormCollection form)
    {
        var text = form["besluiten"].ToString();
        if (string.IsNullOrWhiteSpace(text)) return [];
        try
        {
            return JsonSerializer.Deserialize<List<DecisionInput>>(text, StateJson) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static IResult Html(string html, int status = 200) => Results.Content(html, HtmlType, Encoding.UTF8, status);

    private static IResult TooLargePage(SampleHostSettings settings) => Html(Page("Te groot",
        $"<h1>De invoer is te groot</h1><div class=\"alert\" role=\"alert\">Het formulier is groter dan {settings.MaxRequestBytes / 1024} KB. Stuur alleen het huishouden.</div><p><a href=\"/\">Opnieuw beginnen</a></p>"), 413);

    private static string? NullIfEmpty(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    // ---------------------------------------------------------------- entry page

    private static string EntryPage(IFormCollection? form, IDictionary<string, string> errors, DateOnly? today, string? text = null)
    {
        string V(string name) => form?[name].ToString() ?? "";
        var sb = new StringBuilder();
        sb.Append("<h1>Huishouden invoeren</h1>\n");
        sb.Append("<p>Vul de gewone feiten van het huishouden in, of plak of upload de YAML/JSON zoals de testgevallen van de beleidspakketten die gebruiken. ");
        sb.Append("Gebruik alleen korte aanduidingen (moeder, zoon), geen namen of BSN. Wat u niet invult, is <em>onbekend</em>: de motor vraagt ernaar als het ertoe doet.</p>\n");
        if (errors.Count > 0)
        {
            sb.Append("<div class=\"alert\" role=\"alert\" id=\"fouten\"><p><strong>Controleer de invoer:</strong></p><ul>");
            foreach (var (field, message) in errors)
                sb.Append("<li><a href=\"#").Append(E(FieldId(field))).Append("\">").Append(E(message)).Append("</a></li>");
            sb.Append("</ul></div>\n");
        }
        sb.Append("<form method=\"post\" action=\"/beoordeel\" enctype=\"multipart/form-data\">\n");
        sb.Append("<fieldset><legend>Peildatum</legend><div class=\"field\"><label for=\"peildatum\">Peildatum</label>");
        sb.Append("<input type=\"date\" id=\"peildatum\" name=\"peildatum\" required value=\"").Append(E(form is null ? today?.ToString("yyyy-MM-dd") : V("peildatum"))).Append("\">");
        sb.Append("<p class=\"hint\">De datum waarop de regels en normbedragen worden toegepast.</p></div></fieldset>\n");

        sb.Append("<fieldset><legend>Wonen</legend><div class=\"grid\">");
        Input(sb, "huur", "Huur per maand (€)", V("huur"), "text", "decimal");
        Input(sb, "huurachterstand", "Huurachterstand (€)", V("huurachterstand"), "text", "decimal");
        sb.Append("</div></fieldset>\n");

        for (var i = 1; i <= HouseholdState.FormMembers; i++)
        {
            var p = $"lid{i}.";
            sb.Append("<fieldset><legend>Lid ").Append(i).Append(i == 1 ? " (aanvrager)" : " (optioneel)").Append("</legend><div class=\"grid\">");
            Input(sb, p + "id", "Aanduiding (bijv. moeder)", V(p + "id"), "text", null);
            Select(sb, p + "rol", "Rol", V(p + "rol") is { Length: > 0 } r ? r : (i == 1 ? "aanvrager" : ""),
                [("", "— kies —"), ("aanvrager", "aanvrager"), ("partner", "partner"), ("kind", "kind"), ("overig", "overig")]);
            Input(sb, p + "geboren", "Geboortedatum", V(p + "geboren"), "date", null);
            Input(sb, p + "inkomen", "Netto inkomen per maand (€)", V(p + "inkomen"), "text", "decimal");
            Select(sb, p + "bijstand", "Bijstand", V(p + "bijstand"), [("onbekend", "onbekend"), ("ja", "ja"), ("nee", "nee")]);
            Select(sb, p + "eigen_woonruimte", "Eigen woonruimte", V(p + "eigen_woonruimte"), [("onbekend", "onbekend"), ("ja", "ja"), ("nee", "nee")]);
            sb.Append("</div></fieldset>\n");
        }

        sb.Append("<fieldset><legend>Of: YAML of JSON</legend><p class=\"hint\">Als u hier tekst plakt of een bestand kiest, wordt dat gebruikt in plaats van het formulier hierboven. ");
        sb.Append("Zelfde vorm als het <code>household:</code>-deel van een pakkettest.</p>");
        sb.Append("<div class=\"field\"><label for=\"tekst\">Huishouden als YAML of JSON</label><textarea id=\"tekst\" name=\"tekst\" rows=\"10\" spellcheck=\"false\">")
            .Append(E(text ?? V("tekst"))).Append("</textarea></div>");
        sb.Append("<div class=\"field\"><label for=\"bestand\">Of upload een bestand (.yaml, .yml, .json)</label><input type=\"file\" id=\"bestand\" name=\"bestand\" accept=\".yaml,.yml,.json,application/json,text/yaml\"></div>");
        sb.Append("</fieldset>\n<button type=\"submit\">Beoordelen</button>\n</form>\n");
        return Page("Huishouden invoeren", sb.ToString());
    }

    private static string FieldId(string name) => name.Replace('.', '-').Replace(':', '-').Replace('[', '-').Replace("]", "", StringComparison.Ordinal);

    private static void Input(StringBuilder sb, string name, string label, string value, string type, string? inputMode)
    {
        var id = FieldId(name);
        sb.Append("<div class=\"field\"><label for=\"").Append(id).Append("\">").Append(E(label)).Append("</label><input type=\"").Append(type)
            .Append("\" id=\"").Append(id).Append("\" name=\"").Append(E(name)).Append("\" value=\"").Append(E(value)).Append('"');
        if (inputMode is not null) sb.Append(" inputmode=\"").Append(inputMode).Append('"');
        sb.Append("></div>");
    }

    private static void Select(StringBuilder sb, string name, string label, string value, (string Value, string Text)[] options)
    {
        var id = FieldId(name);
        sb.Append("<div class=\"field\"><label for=\"").Append(id).Append("\">").Append(E(label)).Append("</label><select id=\"").Append(id)
            .Append("\" name=\"").Append(E(name)).Append("\">");
        foreach (var (v, t) in options)
            sb.Append("<option value=\"").Append(E(v)).Append('"').Append(v == value ? " selected" : "").Append('>').Append(E(t)).Append("</option>");
        sb.Append("</select></div>");
    }

    // ---------------------------------------------------------------- result page

    private static string StateFields(State state) =>
        $"<input type=\"hidden\" name=\"household\" value=\"{E(HouseholdState.Serialize(state.Json))}\">"
        + $"<input type=\"hidden\" name=\"peildatum\" value=\"{state.Date:yyyy-MM-dd}\">"
        + $"<input type=\"hidden\" name=\"besluiten\" value=\"{E(JsonSerializer.Serialize(state.Decisions, StateJson))}\">";

    private static string BackForm(State state) =>
        $"<form method=\"post\" action=\"/beoordeel\">{StateFields(state)}<button type=\"submit\" class=\"secondary\">Terug naar het resultaat</button></form>";

    private static string ResultPage(DoorbraakEngine engine, IDoorbraakEvaluator evaluator, TimeProvider time, State state, string? notice, string? alert,
        (string ProposalId, string Message, DecisionInput? Submitted)? decisionError, EvaluationResult? result = null)
    {
        result ??= evaluator.Evaluate(state.Household, state.Date);
        var goals = result.Goals.ToDictionary(g => g.Goal, g => g.Title, StringComparer.Ordinal);
        var sb = new StringBuilder();
        sb.Append("<h1>Beoordeling per ").Append(E(Date(state.Date))).Append("</h1>\n");
        Completeness(sb, result.Completeness);
        if (notice is not null) sb.Append("<div class=\"notice\" role=\"status\">").Append(E(notice)).Append("</div>\n");
        if (alert is not null) sb.Append("<div class=\"alert\" role=\"alert\">").Append(E(alert)).Append("</div>\n");
        sb.Append("<p class=\"summary-line\">").Append(result.Collisions.Count).Append(" botsing(en), ").Append(result.MissingFacts.Count)
            .Append(" ontbrekend(e) feit(en), ").Append(result.Proposals.Count).Append(" voorstel(len). Leden: ")
            .Append(E(string.Join(", ", state.Household.Members.Select(m => m.Role is null ? m.Id : $"{m.Id} ({m.Role})")))).Append(".</p>\n");
        sb.Append("<p class=\"hint\">Pakketten: ").Append(E(string.Join(", ", result.Audit.Packs.Select(p => $"{p.Title} ({p.Id} {p.Version})")))).Append(".</p>\n");

        // Collisions
        sb.Append("<section aria-labelledby=\"h-botsingen\"><h2 id=\"h-botsingen\">Botsingen</h2>\n");
        if (result.Collisions.Count == 0) sb.Append("<p>Er zijn geen botsingen gevonden tussen wat de regels bepalen en wat voor dit huishouden werkt.</p>\n");
        var ci = 0;
        foreach (var c in result.Collisions)
        {
            ci++;
            sb.Append("<article class=\"card collision\" id=\"botsing-").Append(ci).Append("\" aria-labelledby=\"botsing-").Append(ci).Append("-titel\">");
            sb.Append("<h3 id=\"botsing-").Append(ci).Append("-titel\">").Append(E(c.Title)).Append(" <span class=\"badge sev-").Append(E(ResultJson.NameOf(c.Severity))).Append("\">ernst: ")
                .Append(E(Severity(ResultJson.NameOf(c.Severity)))).Append("</span></h3>");
            sb.Append("<p class=\"explanation\">").Append(E(c.Explanation)).Append("</p><dl class=\"facts\">");
            if (c.Goal is not null) sb.Append("<dt>Doel dat faalt</dt><dd>").Append(E(goals.GetValueOrDefault(c.Goal, c.Goal))).Append("</dd>");
            sb.Append("<dt>Regels</dt><dd>").Append(E(string.Join(", ", c.Rules))).Append("</dd>");
            if (c.Members.Count > 0) sb.Append("<dt>Betrokken leden</dt><dd>").Append(E(string.Join(", ", c.Members))).Append("</dd>");
            if (c.Conditional) sb.Append("<dt>Voorwaardelijk</dt><dd>hangt af van ").Append(E(string.Join(", ", c.HingesOn))).Append("</dd>");
            sb.Append("<dt>Soort</dt><dd>").Append(E(c.Kind switch { CollisionKind.Derived => "afgeleid door de motor", CollisionKind.Declared => "bekend uit het pakket", _ => "tegenstrijdige regels" })).Append("</dd></dl>");
            Trace(sb, c.Trace);

            var deviations = c.Rules.SelectMany(r => DeviationsFor(engine, r)).DistinctBy(d => d.Id).ToList();
            if (deviations.Count > 0)
            {
                sb.Append("<h4>Afwijkingsmogelijkheden</h4><ul>");
                foreach (var d in deviations)
                {
                    sb.Append("<li><strong>").Append(E(d.Title)).Append("</strong> — grondslag ").Append(E(d.Basis.Citation)).Append("; mandaat ").Append(E(d.Mandate))
                        .Append("; ").Append(E(d.Limits.Text));
                    sb.Append("<form method=\"post\" action=\"/wat-als\" class=\"inline\">").Append(StateFields(state))
                        .Append("<input type=\"hidden\" name=\"afwijking\" value=\"").Append(E(d.Id)).Append("\">")
                        .Append("<input type=\"hidden\" name=\"titel\" value=\"").Append(E(d.Title)).Append("\">")
                        .Append("<button type=\"submit\" class=\"secondary\" aria-label=\"Wat als: ").Append(E(d.Title)).Append("\">Wat als?</button></form></li>");
                }
                sb.Append("</ul>");
            }
            sb.Append("</article>\n");
        }
        sb.Append("</section>\n");

        // Missing facts
        if (result.MissingFacts.Count > 0)
        {
            sb.Append("<section aria-labelledby=\"h-ontbrekend\"><h2 id=\"h-ontbrekend\">Ontbrekende feiten</h2>");
            sb.Append("<p>Deze feiten zijn onbekend en kunnen de uitkomst veranderen. Beantwoord wat u weet en beoordeel opnieuw; laat leeg wat onbekend is.</p>");
            sb.Append("<form method=\"post\" action=\"/beoordeel\">").Append(StateFields(state));
            var mi = 0;
            foreach (var m in result.MissingFacts)
            {
                mi++;
                var id = $"antwoord-{mi}";
                var name = "antwoord:" + m.Path;
                var kind = HouseholdState.KindOf(engine, m.Path);
                sb.Append("<div class=\"field\"><label for=\"").Append(id).Append("\">").Append(E(m.Question ?? m.Description)).Append(" <span class=\"path\">")
                    .Append(E(m.Path)).Append("</span></label>");
                switch (kind)
                {
                    case AnswerKind.Boolean:
                        sb.Append("<select id=\"").Append(id).Append("\" name=\"").Append(E(name)).Append("\"><option value=\"\">onbekend</option><option value=\"ja\">ja</option><option value=\"nee\">nee</option></select>");
                        break;
                    case AnswerKind.Date:
                        sb.Append("<input type=\"date\" id=\"").Append(id).Append("\" name=\"").Append(E(name)).Append("\">");
                        break;
                    default:
                        sb.Append("<input type=\"text\" id=\"").Append(id).Append("\" name=\"").Append(E(name)).Append('"').Append(kind == AnswerKind.Number ? " inputmode=\"decimal\"" : "").Append('>');
                        break;
                }
                sb.Append("<p class=\"hint\">").Append(E(m.Description)).Append(". Nodig voor: ").Append(E(string.Join(", ", m.NeededFor))).Append("</p></div>");
            }
            sb.Append("<button type=\"submit\">Antwoorden verwerken en opnieuw beoordelen</button></form></section>\n");
        }

        // Proposals
        sb.Append("<section aria-labelledby=\"h-voorstellen\"><h2 id=\"h-voorstellen\">Voorstellen</h2>\n");
        if (result.Proposals.Count == 0)
            sb.Append(result.Collisions.Count == 0 ? "<p>Geen voorstellen: er is niets om op te lossen.</p>" : "<p>Geen voorstel lost een botsing op binnen de voorwaarden en grenzen van de pakketten (of er ontbreken nog feiten).</p>");
        var pi = 0;
        foreach (var p in result.Proposals)
        {
            pi++;
            var mine = decisionError is { } de && de.ProposalId == p.Id ? de : default((string, string, DecisionInput?)?);
            Proposal(sb, state, p, pi, mine?.Item2, mine?.Item3, !result.Completeness.Complete);
        }
        if (result.NotProposed.Count > 0)
        {
            sb.Append("<h3>Niet voorgesteld</h3><ul class=\"not-proposed\">");
            foreach (var np in result.NotProposed)
                sb.Append("<li><code>").Append(E(np.Deviation)).Append("</code> (").Append(E(string.Join(", ", np.Collisions))).Append("): ").Append(E(np.Message)).Append("</li>");
            sb.Append("</ul>\n");
        }
        sb.Append("</section>\n");
        if (result.UnusedFacts.Count > 0)
        {
            sb.Append("<section aria-labelledby=\"h-ongebruikt\"><h2 id=\"h-ongebruikt\">Gegeven maar door geen pakket gebruikt</h2>");
            sb.Append("<p class=\"notice\">Ter informatie: deze feiten zijn opgegeven, maar geen geladen regel, doel, afwijking of kostenpost leest ze.</p><ul>");
            foreach (var f in result.UnusedFacts) sb.Append("<li><code>").Append(E(f)).Append("</code></li>");
            sb.Append("</ul></section>\n");
        }

        // Decisions and plan
        sb.Append("<section aria-labelledby=\"h-besluiten\"><h2 id=\"h-besluiten\">Besluiten en doorbraakplan</h2>");
        if (decisionError is { } err && result.Proposals.All(p => p.Id != err.ProposalId))
            sb.Append("<div class=\"alert\" role=\"alert\">").Append(E(err.Message)).Append("</div>");
        var planner = new DoorbraakPlanner(engine, time);
        var recorded = new List<RecordedDecision>();
        foreach (var d in state.Decisions.ToList())
        {
            try { recorded.Add(planner.Decide(state.Household, result, d.ToRequest())); }
            catch (Exception ex) when (ex is DecisionException or DecisionInputException) { state.Decisions.Remove(d); }
        }
        if (recorded.Count == 0) sb.Append("<p>Nog geen besluiten vastgelegd.</p>");
        else
        {
            sb.Append("<ul>");
            foreach (var r in recorded)
            {
                sb.Append("<li><strong>").Append(E(r.Title)).Append("</strong>: ").Append(E(Outcome(r.Outcome))).Append(" door ").Append(E(r.DecidedBy))
                    .Append(" (mandaat ").Append(E(r.Mandate)).Append(", nodig: ").Append(E(r.RequiredMandate)).Append(')');
                if (r.StartDate is { } s) sb.Append(", van ").Append(E(Date(s)));
                if (r.EndDate is { } e) sb.Append(" tot en met ").Append(E(Date(e)));
                if (r.ReviewDates.Count > 0) sb.Append("; evaluatie op ").Append(E(string.Join(" en ", r.ReviewDates.Select(Date))));
                sb.Append(".</li>");
            }
            sb.Append("</ul>");
        }
        sb.Append("<form method=\"post\" action=\"/plan\">").Append(StateFields(state)).Append("<fieldset><legend>Doorbraakplan downloaden</legend><div class=\"row\">");
        sb.Append("<div class=\"field\"><label for=\"zaak\">Zaakreferentie (geen BSN)</label><input type=\"text\" id=\"zaak\" name=\"zaak\" required value=\"ZAAK-001\"></div>");
        sb.Append("<div class=\"field\"><label for=\"regisseur\">Regisseur (rol of naam)</label><input type=\"text\" id=\"regisseur\" name=\"regisseur\" value=\"regisseur\"></div></div>");
        sb.Append("<button type=\"submit\" name=\"formaat\" value=\"html\">Download HTML</button><button type=\"submit\" name=\"formaat\" value=\"markdown\">Download Markdown</button>");
        sb.Append("<button type=\"submit\" name=\"formaat\" value=\"json\">Download JSON</button>");
        sb.Append("<p class=\"hint\">Het plan wordt alleen in deze download gemaakt; de toepassing bewaart het niet.</p></fieldset></form></section>\n");

        // Goals and determinations
        sb.Append("<section aria-labelledby=\"h-doelen\"><h2 id=\"h-doelen\">Doelen</h2><table><caption>Wat voor dit huishouden zou werken</caption><thead><tr><th scope=\"col\">Doel</th><th scope=\"col\">Actief</th><th scope=\"col\">Nu</th><th scope=\"col\">Na toepassing van de regels</th></tr></thead><tbody>");
        foreach (var g in result.Goals.Where(g => g.Active))
            sb.Append("<tr><td>").Append(E(g.Title)).Append("</td><td>").Append(E(ActiveBecause(ResultJson.NameOf(g.ActiveBecause)))).Append("</td><td>").Append(Holds(g.HoldsToday)).Append("</td><td>").Append(Holds(g.HoldsProjected)).Append("</td></tr>");
        sb.Append("</tbody></table></section>\n");

        sb.Append("<section aria-labelledby=\"h-bepalingen\"><h2 id=\"h-bepalingen\">Wat de regels bepalen</h2>");
        foreach (var d in result.Determinations)
        {
            sb.Append("<details><summary>").Append(d.Source == StatementSource.Law ? "De wet zegt: " : "De ervaring leert: ").Append(E(d.Title)).Append(" — ").Append(E(d.Fact)).Append(" = ").Append(E(d.Value)).Append("</summary>");
            sb.Append("<p>").Append(E(d.Explanation.Text)).Append("</p><p class=\"hint\">").Append(E(d.Citation));
            if (d.Url is not null) sb.Append(" — <a href=\"").Append(E(d.Url)).Append("\">wettekst of bron</a>");
            sb.Append("</p></details>");
        }
        sb.Append("</section>\n");

        sb.Append("<section aria-labelledby=\"h-huishouden\"><h2 id=\"h-huishouden\">Huishouden aanpassen</h2><form method=\"post\" action=\"/beoordeel\">");
        sb.Append("<input type=\"hidden\" name=\"besluiten\" value=\"").Append(E(JsonSerializer.Serialize(state.Decisions, StateJson))).Append("\">");
        sb.Append("<div class=\"field\"><label for=\"peildatum2\">Peildatum</label><input type=\"date\" id=\"peildatum2\" name=\"peildatum\" value=\"").Append(state.Date.ToString("yyyy-MM-dd")).Append("\" required></div>");
        sb.Append("<div class=\"field\"><label for=\"huishouden-json\">Huishouden (JSON)</label><textarea id=\"huishouden-json\" name=\"household\" rows=\"12\" spellcheck=\"false\">")
            .Append(E(HouseholdState.SerializeIndented(state.Json))).Append("</textarea></div><button type=\"submit\">Opnieuw beoordelen</button></form></section>\n");
        return Page("Beoordeling", sb.ToString());
    }

    /// <summary>
    /// The completeness verdict at the top of the result page: a clear alert with every gap when the packs could not
    /// judge everything (for example on today's date, the default, when a pack has no amounts for it yet).
    /// </summary>
    private static void Completeness(StringBuilder sb, Completeness c)
    {
        if (c.Complete)
        {
            sb.Append("<div class=\"notice completeness\" role=\"status\">Volledig: de pakketten konden alles beoordelen wat voor dit huishouden op deze peildatum telt.</div>\n");
            return;
        }
        sb.Append("<div class=\"alert completeness\" role=\"alert\" id=\"volledigheid\"><strong>Onvolledig: de pakketten konden niet alles beoordelen (")
            .Append(c.Gaps.Count).Append(c.Gaps.Count == 1 ? " hiaat" : " hiaten").Append(").</strong> 'Niets gevonden' betekent hier niet 'niets aan de hand'. ")
            .Append("Kies een andere peildatum of laat het pakket bijwerken; een besluit op deze uitkomst vraagt om een uitdrukkelijke bevestiging.<ul>");
        foreach (var g in c.Gaps)
        {
            sb.Append("<li>").Append(E(g.Message));
            if (g.Affects.Count > 0) sb.Append(" <span class=\"hint\">Raakt: ").Append(E(string.Join(", ", g.Affects))).Append("</span>");
            sb.Append("</li>");
        }
        sb.Append("</ul></div>\n");
    }

    private static void Proposal(StringBuilder sb, State state, ProposalResult p, int i, string? error, DecisionInput? submitted, bool incomplete)
    {
        var id = $"voorstel-{i}";
        sb.Append("<article class=\"card proposal\" id=\"").Append(id).Append("\" aria-labelledby=\"").Append(id).Append("-titel\">");
        sb.Append("<h3 id=\"").Append(id).Append("-titel\">").Append(p.Rank).Append(". ").Append(E(p.Title)).Append("</h3>");
        sb.Append("<p class=\"hint\">").Append(E(p.RankReason)).Append("</p><dl class=\"facts\">");
        sb.Append("<dt>Lost op</dt><dd>").Append(E(p.Resolves.Count == 0 ? "—" : string.Join(", ", p.Resolves))).Append("</dd>");
        if (p.Leaves.Count > 0) sb.Append("<dt>Blijft over</dt><dd>").Append(E(string.Join(", ", p.Leaves))).Append("</dd>");
        if (p.Creates.Count > 0) sb.Append("<dt>Veroorzaakt</dt><dd>").Append(E(string.Join(", ", p.Creates))).Append("</dd>");
        sb.Append("<dt>Juridische grondslag</dt><dd><ul class=\"basis\">");
        foreach (var b in p.Basis)
        {
            sb.Append("<li>");
            if (b.Url is not null) sb.Append("<a href=\"").Append(E(b.Url)).Append("\">").Append(E(b.Citation)).Append("</a>");
            else sb.Append(E(b.Citation));
            if (b.Kind is not null) sb.Append(" (").Append(E(b.Kind)).Append(')');
            sb.Append(" — afwijking van regel ").Append(E(b.Rule)).Append("</li>");
        }
        sb.Append("</ul></dd><dt>Mandaat</dt><dd>").Append(E(p.Mandate)).Append(" of hoger</dd>");
        sb.Append("<dt>Grenzen</dt><dd>").Append(E(p.Limits.Text)).Append("</dd>");
        if (p.Review.Count > 0) sb.Append("<dt>Evaluatie</dt><dd>").Append(E(string.Join(", ", p.Review.Select(Duration)))).Append(" na de start</dd>");
        sb.Append("</dl>");
        CostTable(sb, p.Cost, $"Kostenvergelijking over {p.Cost.HorizonMonths} maanden (afwijking {p.Cost.DeviationMonths} maanden)");
        sb.Append("<h4>Conceptmotivering</h4><div class=\"motivation\">").Append(E(p.Motivation)).Append("</div>");
        if (p.Checklist.Count > 0)
        {
            sb.Append("<h4>Nog vast te leggen</h4><ul>");
            foreach (var c in p.Checklist) sb.Append("<li>").Append(E(c)).Append("</li>");
            sb.Append("</ul>");
        }
        if (p.Precedents.Count > 0)
        {
            sb.Append("<h4>Eerdere besluiten</h4><ul>");
            foreach (var pr in p.Precedents)
                sb.Append("<li>").Append(E($"{pr.CaseReference} ({pr.DecidedOn:yyyy-MM-dd}): {pr.Outcome}, {pr.Similarity:P0} gelijk")).Append("</li>");
            sb.Append("</ul>");
        }
        sb.Append("<form method=\"post\" action=\"/wat-als\">").Append(StateFields(state)).Append("<input type=\"hidden\" name=\"afwijking\" value=\"")
            .Append(E(string.Join(",", p.Deviations))).Append("\"><input type=\"hidden\" name=\"titel\" value=\"").Append(E(p.Title))
            .Append("\"><button type=\"submit\" class=\"secondary\">Wat als dit voorstel wordt toegepast?</button></form>");

        // Decision form
        sb.Append("<form method=\"post\" action=\"/besluit#").Append(id).Append("\">").Append(StateFields(state))
            .Append("<input type=\"hidden\" name=\"voorstel\" value=\"").Append(E(p.Id)).Append("\">");
        sb.Append("<fieldset><legend>Besluit over dit voorstel</legend>");
        if (error is not null) sb.Append("<div class=\"alert\" role=\"alert\" id=\"").Append(id).Append("-fout\">").Append(E(error)).Append("</div>");
        sb.Append("<fieldset><legend>Uitkomst</legend>");
        var chosen = submitted?.Outcome is { Length: > 0 } o ? o : "accepted";
        foreach (var (v, t) in new[] { ("accepted", "Aanvaarden"), ("changed", "Wijzigen (kortere duur of lager bedrag)"), ("rejected", "Afwijzen") })
            sb.Append("<div><input type=\"radio\" id=\"").Append(id).Append("-uitkomst-").Append(v).Append("\" name=\"uitkomst\" value=\"").Append(v).Append('"').Append(v == chosen ? " checked" : "")
                .Append("><label for=\"").Append(id).Append("-uitkomst-").Append(v).Append("\"> ").Append(t).Append("</label></div>");
        sb.Append("</fieldset><div class=\"row\">");
        sb.Append("<div class=\"field\"><label for=\"").Append(id).Append("-duur\">Duur in maanden (bij wijzigen)</label><input type=\"number\" min=\"1\" id=\"").Append(id).Append("-duur\" name=\"duur\" value=\"").Append(submitted?.DurationMonths).Append("\"></div>");
        sb.Append("<div class=\"field\"><label for=\"").Append(id).Append("-bedrag\">Bedrag in € (bij wijzigen)</label><input type=\"text\" inputmode=\"decimal\" id=\"").Append(id).Append("-bedrag\" name=\"bedrag\" value=\"").Append(submitted?.Amount is { } am ? E(am.ToString(System.Globalization.CultureInfo.InvariantCulture)) : "").Append("\"></div>");
        sb.Append("<div class=\"field\"><label for=\"").Append(id).Append("-door\">Besloten door (rol of personeelsnummer)</label><input type=\"text\" id=\"").Append(id).Append("-door\" name=\"besloten_door\" required value=\"").Append(E(submitted?.DecidedBy is { Length: > 0 } by ? by : "regisseur")).Append("\"></div>");
        sb.Append("<div class=\"field\"><label for=\"").Append(id).Append("-mandaat\">Mandaat van wie besluit</label><select id=\"").Append(id).Append("-mandaat\" name=\"mandaat\">");
        foreach (var m in MandateLadder.Default.Levels)
            sb.Append("<option value=\"").Append(m).Append('"').Append(submitted?.Mandate == m ? " selected" : "").Append('>').Append(m).Append("</option>");
        sb.Append("</select></div></div>");
        sb.Append("<div class=\"field\"><label for=\"").Append(id).Append("-motivering\">Motivering (feiten, belangenafweging, evenredigheid)</label><textarea id=\"").Append(id)
            .Append("-motivering\" name=\"motivering\" rows=\"6\">").Append(E(submitted is not null ? submitted.Motivation : p.Motivation)).Append("</textarea></div>");
        sb.Append("<div class=\"field\"><label for=\"").Append(id).Append("-reden\">Reden als dit afwijkt van eerdere gelijke besluiten (optioneel)</label><input type=\"text\" id=\"").Append(id).Append("-reden\" name=\"reden_verschil\" value=\"").Append(E(submitted?.ReasonForDifference)).Append("\"></div>");
        if (incomplete)
            sb.Append("<div class=\"field\"><input type=\"checkbox\" id=\"").Append(id).Append("-hiaten\" name=\"hiaten_gelezen\" value=\"ja\"").Append(submitted?.AcknowledgedIncomplete == true ? " checked" : "")
                .Append("><label for=\"").Append(id).Append("-hiaten\"> Ik heb de hiaten bovenaan gelezen en besluit bewust op deze onvolledige uitkomst</label></div>");
        sb.Append("<button type=\"submit\">Besluit vastleggen</button></fieldset></form></article>\n");
    }

    private static void CostTable(StringBuilder sb, CostComparison cost, string caption)
    {
        sb.Append("<table class=\"cost\"><caption>").Append(E(caption)).Append("</caption><thead><tr><th scope=\"col\">Post</th><th scope=\"col\">Betaler</th><th scope=\"col\" class=\"num\">Nu per maand</th><th scope=\"col\" class=\"num\">Met voorstel per maand</th></tr></thead><tbody>");
        foreach (var l in cost.Items)
            sb.Append("<tr><td>").Append(E(l.Title)).Append(l.Illustrative ? " <span class=\"badge illustrative\" title=\"rust op illustratieve waarden: " + E(string.Join(", ", l.IllustrativeParameters)) + "\">illustratief</span>" : "").Append("</td><td>").Append(E(l.Payer)).Append("</td><td class=\"num\">").Append(Money(l.CurrentMonthly)).Append("</td><td class=\"num\">").Append(Money(l.ProposalMonthly)).Append("</td></tr>");
        sb.Append("</tbody><tfoot><tr><th scope=\"row\" colspan=\"2\">Huidige route, totaal</th><td class=\"num\" colspan=\"2\">").Append(Money(cost.CurrentRoute)).Append("</td></tr>");
        sb.Append("<tr><th scope=\"row\" colspan=\"2\">Doorbraakroute, totaal</th><td class=\"num\" colspan=\"2\">").Append(Money(cost.ProposalRoute)).Append("</td></tr>");
        sb.Append("<tr><th scope=\"row\" colspan=\"2\">Verschil (negatief is besparing)</th><td class=\"num\" colspan=\"2\">").Append(Money(cost.Difference)).Append("</td></tr></tfoot></table>");
    }

    private static void Trace(StringBuilder sb, Explanation trace)
    {
        sb.Append("<details><summary>Onderbouwing: voorwaarden en gebruikte feiten</summary>");
        if (!string.IsNullOrWhiteSpace(trace.Text)) sb.Append("<p>").Append(E(trace.Text)).Append("</p>");
        if (trace.Conditions.Count > 0)
        {
            sb.Append("<ul>");
            foreach (var c in trace.Conditions) sb.Append("<li><code>").Append(E(c.Condition)).Append("</code> → ").Append(E(c.Outcome)).Append("</li>");
            sb.Append("</ul>");
        }
        if (trace.Facts.Count > 0)
        {
            sb.Append("<table><caption>Gebruikte feiten</caption><tbody>");
            foreach (var f in trace.Facts) sb.Append("<tr><th scope=\"row\" class=\"path\">").Append(E(f.Path)).Append("</th><td>").Append(E(f.Value)).Append("</td></tr>");
            sb.Append("</tbody></table>");
        }
        sb.Append("</details>");
    }

    private static IReadOnlyList<DeviationInfo> DeviationsFor(DoorbraakEngine engine, string rule)
    {
        try { return engine.DeviationsForRule(rule); }
        catch (ArgumentException) { return []; }
    }

    // ---------------------------------------------------------------- what-if page

    private static string WhatIfPage(string title, State state, WhatIfResult w)
    {
        var sb = new StringBuilder();
        sb.Append("<h1>Wat als: ").Append(E(title)).Append("</h1>");
        sb.Append("<p class=\"hint\">Afwijking(en): <span class=\"path\">").Append(E(string.Join(", ", w.Deviations))).Append("</span>. Dit is een verkenning; er is niets besloten.</p>");
        sb.Append("<p class=\"summary-line\" role=\"status\">").Append(E(w.Summary)).Append("</p><dl class=\"facts\">");
        foreach (var (id, allowed) in w.Allowed)
            sb.Append("<dt>Toegestaan").Append(w.Allowed.Count > 1 ? ": " + E(id) : " voor dit huishouden").Append("</dt><dd>").Append(allowed switch { true => "ja, de voorwaarde is vervuld", false => "nee, de voorwaarde is niet vervuld", null => "onbekend: er ontbreken feiten" }).Append("</dd>");
        sb.Append("<dt>Lost op</dt><dd>").Append(E(w.Resolves.Count == 0 ? "niets" : string.Join(", ", w.Resolves))).Append("</dd>");
        sb.Append("<dt>Blijft over</dt><dd>").Append(E(w.Leaves.Count == 0 ? "niets" : string.Join(", ", w.Leaves))).Append("</dd>");
        sb.Append("<dt>Veroorzaakt</dt><dd>").Append(E(w.Creates.Count == 0 ? "niets" : string.Join(", ", w.Creates))).Append("</dd></dl>");
        CostTable(sb, w.Cost, $"Kostenvergelijking over {w.Cost.HorizonMonths} maanden");
        sb.Append("<h2>Doelen met deze afwijking</h2><table><thead><tr><th scope=\"col\">Doel</th><th scope=\"col\">Nu</th><th scope=\"col\">Met de afwijking</th></tr></thead><tbody>");
        foreach (var g in w.Goals.Where(g => g.Active))
            sb.Append("<tr><td>").Append(E(g.Title)).Append("</td><td>").Append(Holds(g.HoldsToday)).Append("</td><td>").Append(Holds(g.HoldsProjected)).Append("</td></tr>");
        sb.Append("</tbody></table>").Append(BackForm(state));
        return Page("Wat als", sb.ToString());
    }

    // ---------------------------------------------------------------- words

    private static string Holds(bool? b) => b switch { true => "haalbaar", false => "<strong>faalt</strong>", null => "onbekend" };

    private static string ActiveBecause(string s) => s switch
    {
        "stated" => "eigen doel van het huishouden", "condition" => "voorwaarde vervuld", "holds-today" => "wordt nu gehaald", "inactive" => "niet actief", _ => s,
    };

    private static string Severity(string s) => s switch { "low" => "laag", "medium" => "middel", "high" => "hoog", "critical" => "kritiek", _ => s };

    private static string Outcome(DecisionOutcome o) => o switch { DecisionOutcome.Accepted => "aanvaard", DecisionOutcome.Changed => "gewijzigd aanvaard", _ => "afgewezen" };

    private static string Duration(string iso) =>
        FactValue.TryParseDuration(iso, out var months, out var days)
            ? (months > 0 ? $"{months} maanden" : "") + (months > 0 && days > 0 ? " en " : "") + (days > 0 ? $"{days} dagen" : "")
            : iso;
}
