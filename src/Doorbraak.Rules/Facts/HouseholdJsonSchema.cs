using System.Text.Json;
using System.Text.Json.Nodes;

namespace Doorbraak.Rules.Facts;

/// <summary>
/// The JSON Schema (draft 2020-12) of a household document for a fact schema: every fact a household, member, debt
/// and provision can have, with its type, description and question, and nothing else (unknown keys are refused, as the
/// reader refuses them). Derived facts (a member's age) are left out: they are computed.
/// </summary>
internal static class HouseholdJsonSchema
{
    public static string Generate(FactSchema schema, string title, IReadOnlyList<(string Id, string Title)> situations)
    {
        var household = Entity(schema.Household);
        var props = (JsonObject)household["properties"]!;
        props[BuiltInFacts.Members] = List(schema.Member, requireId: true, "De leden van het huishouden (een korte id per lid, geen BSN).");
        props["schulden"] = List(schema.Debt, requireId: false, "De schulden van het huishouden.");
        props["voorzieningen"] = List(schema.Provision, requireId: false, "De voorzieningen die het huishouden nu krijgt.");
        props["doelen"] = new JsonObject
        {
            ["description"] = "Doelen die het huishouden zelf noemt (ids van doelen uit de pakketten).",
            ["type"] = "array",
            ["items"] = new JsonObject { ["type"] = "string" },
        };
        var items = new JsonObject { ["type"] = "string" };
        if (situations.Count > 0)
            items["oneOf"] = new JsonArray(situations.OrderBy(x => x.Id, StringComparer.Ordinal).Select(x => (JsonNode)new JsonObject { ["const"] = x.Id, ["description"] = x.Title }).ToArray());
        props[BuiltInFacts.Situations] = new JsonObject
        {
            ["description"] = "Situaties buiten de regels waarin het huishouden verkeert (ids uit de lijst die de pakketten declareren); een situatie die geen pakket dekt, maakt de uitkomst onvolledig.",
            ["type"] = "array",
            ["items"] = items,
        };
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://example.invalid/doorbraak-rules/household.schema.json",
            ["title"] = title,
            ["description"] = "Een huishouden zoals Doorbraak.Rules het leest (YAML of JSON). Onbekend is weglaten: een feit dat ontbreekt is onbekend, niet onwaar of nul.",
        };
        foreach (var (k, v) in household) root[k] = v?.DeepClone();
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static JsonObject List(EntitySchema entity, bool requireId, string description)
    {
        var item = Entity(entity);
        if (requireId) item["required"] = new JsonArray("id");
        return new JsonObject { ["description"] = description, ["type"] = "array", ["items"] = item };
    }

    private static JsonObject Entity(EntitySchema entity)
    {
        var props = new JsonObject();
        foreach (var f in entity.Fields.Where(f => f.Type.IsScalar && !HouseholdReader.IsDerived(f)).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var p = Type(f.Type);
            p["description"] = f.Unit is null ? f.Description : $"{f.Description} ({f.Unit})";
            if (f.Question is not null) p["x-question"] = f.Question;
            props[f.Name] = p;
        }
        return new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["properties"] = props };
    }

    private static JsonObject Type(FactType type) => type.Kind switch
    {
        FactKind.Boolean => new JsonObject { ["type"] = "boolean" },
        FactKind.Number => new JsonObject { ["type"] = "number" },
        FactKind.Money => new JsonObject { ["type"] = "number", ["multipleOf"] = 0.01 },
        FactKind.Date => new JsonObject { ["type"] = "string", ["format"] = "date" },
        FactKind.Duration => new JsonObject { ["type"] = "string", ["pattern"] = "^P(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?$" },
        _ => new JsonObject { ["type"] = "string" },
    };
}
