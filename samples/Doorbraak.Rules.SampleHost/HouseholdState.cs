using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Doorbraak.Rules.Inspection;

namespace Doorbraak.Rules.SampleHost;

/// <summary>The kind of value a missing fact takes, from the packs' fact schema (the inspection view).</summary>
public enum AnswerKind
{
    /// <summary>ja / nee.</summary>
    Boolean,
    /// <summary>A number or an amount.</summary>
    Number,
    /// <summary>A date.</summary>
    Date,
    /// <summary>Text.</summary>
    Text,
}

/// <summary>
/// The household as it travels between the browser and the server: canonical JSON in a hidden form field (no server-side storage).
/// Also builds it from the entry form and applies answers to missing facts.
/// </summary>
public static class HouseholdState
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The household as canonical JSON (the shape pack tests use): facts, <c>leden</c>, <c>schulden</c>, <c>voorzieningen</c>, <c>doelen</c>.</summary>
    public static JsonObject ToJson(Household household)
    {
        var o = new JsonObject();
        foreach (var (k, v) in household.Facts.Values) o[k] = Value(v);
        if (household.Members.Count > 0)
        {
            var leden = new JsonArray();
            foreach (var m in household.Members)
            {
                var mo = new JsonObject { ["id"] = m.Id };
                foreach (var (k, v) in m.Facts.Values) if (k != "id") mo[k] = Value(v);
                leden.Add(mo);
            }
            o["leden"] = leden;
        }
        if (household.Debts.Count > 0) o["schulden"] = new JsonArray(household.Debts.Select(d => (JsonNode)Bag(d.Facts)).ToArray());
        if (household.Provisions.Count > 0) o["voorzieningen"] = new JsonArray(household.Provisions.Select(p => (JsonNode)Bag(p.Facts)).ToArray());
        if (household.Goals.Count > 0) o["doelen"] = new JsonArray(household.Goals.Select(g => (JsonNode)JsonValue.Create(g)!).ToArray());
        return o;
    }

    /// <summary>Compact JSON for a hidden field.</summary>
    public static string Serialize(JsonObject o) => o.ToJsonString(Compact);

    /// <summary>Indented JSON for people.</summary>
    public static string SerializeIndented(JsonObject o) => o.ToJsonString(Indented);

    private static JsonObject Bag(FactBag bag)
    {
        var o = new JsonObject();
        foreach (var (k, v) in bag.Values) o[k] = Value(v);
        return o;
    }

    private static JsonNode? Value(FactValue v) => v.IsUnknown ? null : v.Kind switch
    {
        FactKind.Boolean => JsonValue.Create(v.AsBool),
        FactKind.Number or FactKind.Money => JsonValue.Create(v.AsDecimal),
        _ => JsonValue.Create(v.ToString()),
    };

    /// <summary>Sets a fact by the path a missing fact names (<c>leden[zoon].student</c>, <c>huishouden.huur</c>, <c>schulden[0].fraude</c>, <c>aanvrager.x</c>).</summary>
    /// <returns>False when the path names no member, debt or provision of this household.</returns>
    public static bool SetFact(JsonObject household, string path, JsonNode? value)
    {
        var dot = path.LastIndexOf('.');
        if (dot <= 0 || dot == path.Length - 1) { household[path] = value; return true; }
        var owner = path[..dot];
        var name = path[(dot + 1)..];
        JsonObject? target = null;
        if (owner is "huishouden") target = household;
        else if (owner is "aanvrager" or "partner")
            target = (household["leden"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(m => (string?)m["rol"] == owner);
        else
        {
            var open = owner.IndexOf('[');
            if (open > 0 && owner.EndsWith(']'))
            {
                var list = owner[..open];
                var key = owner[(open + 1)..^1];
                if (household[list] is JsonArray arr)
                {
                    if (list == "leden") target = arr.OfType<JsonObject>().FirstOrDefault(m => (string?)m["id"] == key);
                    if (target is null && int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < arr.Count)
                        target = arr[i] as JsonObject;
                }
            }
        }
        if (target is null) return false;
        target[name] = value;
        return true;
    }

    /// <summary>What kind of value a fact takes, from the packs' fact schema (<see cref="FactSchemaView.FieldAt"/>); text when the path names no fact.</summary>
    public static AnswerKind KindOf(DoorbraakEngine engine, string path) =>
        engine.PackSet.Inspect().Facts.FieldAt(path)?.Type.Kind switch
        {
            FactKind.Boolean => AnswerKind.Boolean,
            FactKind.Number or FactKind.Money => AnswerKind.Number,
            FactKind.Date => AnswerKind.Date,
            _ => AnswerKind.Text,
        };

    /// <summary>Turns an answer as typed (ja/nee, 1.401,50, 2026-03-01, text) into a JSON value of the right kind.</summary>
    public static JsonNode? ParseAnswer(AnswerKind kind, string? text, out string? error)
    {
        error = null;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        switch (kind)
        {
            case AnswerKind.Boolean:
                if (text is "true" or "ja") return JsonValue.Create(true);
                if (text is "false" or "nee") return JsonValue.Create(false);
                error = "Kies ja of nee.";
                return null;
            case AnswerKind.Number:
                if (TryParseNumber(text, out var d)) return JsonValue.Create(d);
                error = $"'{text}' is geen getal; schrijf bijvoorbeeld 1401,50.";
                return null;
            case AnswerKind.Date:
                if (TryParseDate(text, out var date)) return JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                error = $"'{text}' is geen geldige datum; schrijf jjjj-mm-dd.";
                return null;
            default:
                return JsonValue.Create(text);
        }
    }

    /// <summary>Parses 1401.50, 1401,50 and 1.401,50.</summary>
    public static bool TryParseNumber(string text, out decimal value)
    {
        var t = text.Trim().Replace("€", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (t.Contains(',', StringComparison.Ordinal)) t = t.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Parses an ISO date (yyyy-MM-dd) that exists in the calendar.</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Member rows on the entry form.</summary>
    public const int FormMembers = 4;

    /// <summary>Builds household JSON from the entry form's fields; collects problems per field name.</summary>
    public static JsonObject FromForm(IFormCollection form, IDictionary<string, string> errors)
    {
        var o = new JsonObject();
        Money(form, "huur", o, "huur", errors);
        Money(form, "huurachterstand", o, "huurachterstand", errors);
        var leden = new JsonArray();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i <= FormMembers; i++)
        {
            var p = $"lid{i}.";
            var id = form[p + "id"].ToString().Trim();
            var any = new[] { "rol", "geboren", "inkomen", "bijstand", "eigen_woonruimte" }.Any(f => !string.IsNullOrWhiteSpace(form[p + f]) && form[p + f] != "onbekend");
            if (id.Length == 0)
            {
                if (any) errors[p + "id"] = $"Lid {i}: geef een korte aanduiding (bijvoorbeeld moeder of zoon; geen naam of BSN).";
                continue;
            }
            if (!ids.Add(id)) { errors[p + "id"] = $"Lid {i}: de aanduiding '{id}' komt al voor; geef elk lid een eigen aanduiding."; continue; }
            var m = new JsonObject { ["id"] = id };
            var rol = form[p + "rol"].ToString();
            if (!string.IsNullOrEmpty(rol)) m["rol"] = rol;
            var geboren = form[p + "geboren"].ToString();
            if (!string.IsNullOrWhiteSpace(geboren))
            {
                if (TryParseDate(geboren, out var g)) m["geboren"] = g.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                else errors[p + "geboren"] = $"Lid {i}: '{geboren}' is geen geldige geboortedatum.";
            }
            Money(form, p + "inkomen", m, "inkomen", errors);
            YesNo(form, p + "bijstand", m, "heeft_bijstand");
            YesNo(form, p + "eigen_woonruimte", m, "eigen_woonruimte");
            leden.Add(m);
        }
        if (leden.Count == 0) errors["lid1.id"] = "Vul ten minste één lid van het huishouden in.";
        o["leden"] = leden;
        return o;
    }

    private static void Money(IFormCollection form, string field, JsonObject into, string fact, IDictionary<string, string> errors)
    {
        var text = form[field].ToString();
        if (string.IsNullOrWhiteSpace(text)) return;
        if (TryParseNumber(text, out var d) && d >= 0) into[fact] = d;
        else errors[field] = $"'{text}' is geen bedrag; schrijf bijvoorbeeld 780 of 1401,50.";
    }

    private static void YesNo(IFormCollection form, string field, JsonObject into, string fact)
    {
        var v = form[field].ToString();
        if (v == "ja") into[fact] = true;
        else if (v == "nee") into[fact] = false;
    }
}
