using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Doorbraak.Rules.Facts;

/// <summary>
/// Binds a <see cref="Household"/> from JSON in the same vocabulary as household files (<c>leden</c>, <c>schulden</c>,
/// <c>voorzieningen</c>, <c>doelen</c>, <c>situaties</c>, and facts by their Dutch names), and writes it back the same way, so that the
/// model and the file format cannot drift apart. Values keep their JSON kind (true/false, numbers, text); the engine
/// checks names and types against the loaded packs' fact schema when the household is evaluated, so a wrong key is
/// reported there instead of giving a silently empty household.
/// </summary>
internal sealed class HouseholdJsonConverter : JsonConverter<Household>
{
    public override Household Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw new JsonException("A household is a JSON object with its facts, 'leden', 'schulden', 'voorzieningen' and 'doelen'.");
        if (root.EnumerateObject().Count() == 1 && root.TryGetProperty("household", out var inner) && inner.ValueKind == JsonValueKind.Object) root = inner;
        var h = new Household();
        foreach (var p in root.EnumerateObject())
        {
            switch (p.Name)
            {
                case BuiltInFacts.Members:
                    foreach (var m in Items(p))
                    {
                        var id = m.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : null;
                        if (string.IsNullOrEmpty(id)) throw new JsonException("Each member in 'leden' needs an 'id' (a short name such as moeder or zoon; no BSN).");
                        var member = new HouseholdMember(id);
                        Facts(m, member.Facts, "id");
                        h.Members.Add(member);
                    }
                    break;
                case "schulden":
                    foreach (var d in Items(p))
                    {
                        var debt = new Debt();
                        Facts(d, debt.Facts);
                        h.Debts.Add(debt);
                    }
                    break;
                case "voorzieningen":
                    foreach (var v in Items(p))
                    {
                        var provision = new Provision();
                        Facts(v, provision.Facts);
                        h.Provisions.Add(provision);
                    }
                    break;
                case "doelen":
                    if (p.Value.ValueKind != JsonValueKind.Array || p.Value.EnumerateArray().Any(g => g.ValueKind != JsonValueKind.String))
                        throw new JsonException("'doelen' must be a list of goal ids.");
                    h.Goals.AddRange(p.Value.EnumerateArray().Select(g => g.GetString()!));
                    break;
                case BuiltInFacts.Situations:
                    if (p.Value.ValueKind != JsonValueKind.Array || p.Value.EnumerateArray().Any(g => g.ValueKind != JsonValueKind.String))
                        throw new JsonException("'situaties' must be a list of situation ids.");
                    h.Situations.AddRange(p.Value.EnumerateArray().Select(g => g.GetString()!));
                    break;
                default:
                    Fact(p, h.Facts);
                    break;
            }
        }
        return h;
    }

    private static IEnumerable<JsonElement> Items(JsonProperty p)
    {
        if (p.Value.ValueKind == JsonValueKind.Null) return [];
        if (p.Value.ValueKind != JsonValueKind.Array || p.Value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Object))
            throw new JsonException($"'{p.Name}' must be a list of objects, each with its facts.");
        return p.Value.EnumerateArray();
    }

    private static void Facts(JsonElement entity, FactBag into, string? skip = null)
    {
        foreach (var p in entity.EnumerateObject())
            if (p.Name != skip) Fact(p, into);
    }

    private static void Fact(JsonProperty p, FactBag into)
    {
        var value = p.Value.ValueKind switch
        {
            JsonValueKind.True => FactValue.True,
            JsonValueKind.False => FactValue.False,
            JsonValueKind.Number => FactValue.Number(p.Value.GetDecimal()),
            JsonValueKind.String => FactValue.Text(p.Value.GetString()!),
            JsonValueKind.Null => FactValue.Unknown,
            _ => throw new JsonException($"The fact '{p.Name}' must be true, false, a number, a text or a date (yyyy-mm-dd), not {(p.Value.ValueKind == JsonValueKind.Array ? "a list" : "an object")}. A household uses the names of household files: leden, schulden, voorzieningen, doelen and facts such as huur (see docs/schema/household.schema.json)."),
        };
        into.Set(p.Name, value);
    }

    public override void Write(Utf8JsonWriter writer, Household value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        WriteFacts(writer, value.Facts);
        WriteList(writer, BuiltInFacts.Members, value.Members.Select(m => m.Facts));
        WriteList(writer, "schulden", value.Debts.Select(d => d.Facts));
        WriteList(writer, "voorzieningen", value.Provisions.Select(p => p.Facts));
        if (value.Goals.Count > 0)
        {
            writer.WriteStartArray("doelen");
            foreach (var g in value.Goals) writer.WriteStringValue(g);
            writer.WriteEndArray();
        }
        if (value.Situations.Count > 0)
        {
            writer.WriteStartArray(BuiltInFacts.Situations);
            foreach (var x in value.Situations) writer.WriteStringValue(x);
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IEnumerable<FactBag> items)
    {
        var list = items.ToList();
        if (list.Count == 0) return;
        writer.WriteStartArray(name);
        foreach (var bag in list)
        {
            writer.WriteStartObject();
            WriteFacts(writer, bag);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteFacts(Utf8JsonWriter writer, FactBag bag)
    {
        foreach (var (name, v) in bag.Values)
        {
            switch (v.Kind)
            {
                case FactKind.Boolean: writer.WriteBoolean(name, v.AsBool); break;
                case FactKind.Number or FactKind.Money: writer.WriteNumber(name, v.AsDecimal); break;
                case FactKind.Date: writer.WriteString(name, v.AsDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
                default: writer.WriteString(name, v.ToString()); break;
            }
        }
    }
}
