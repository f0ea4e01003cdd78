using System.Text.Json.Nodes;

namespace Doorbraak.Rules.Cli.Lsp;

/// <summary>
/// Where each kind of mapping sits in a pack file, read from docs/schema/pack.schema.json (embedded): a path of keys
/// (<c>-</c> for a list item, <c>*</c> for a key the schema gives as a pattern, such as a fact name) leads to a schema
/// object, and that object's path names the loader's key list (<see cref="Packs.PackKeys"/>). So the server's key
/// completion follows the schema, which a test holds equal to the loader's key lists, with no table of its own.
/// </summary>
internal sealed class SchemaShape
{
    private const string Resource = "Doorbraak.Schema.pack.schema.json";
    private const int MaxDepth = 10;

    private readonly List<(string[] Chain, bool Manifest, string SchemaPath)> _objects = [];
    private readonly JsonObject _definitions;

    private SchemaShape(JsonObject schema)
    {
        _definitions = schema["definitions"]!.AsObject();
        Walk(_definitions["manifest"]!.AsObject(), "manifest", [], true, []);
        Walk(_definitions["sections"]!.AsObject(), "sections", [], false, []);
    }

    /// <summary>The shape of the schema shipped with the tool.</summary>
    public static SchemaShape Instance { get; } = Load();

    private static SchemaShape Load()
    {
        using var stream = typeof(SchemaShape).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The resource {Resource} is missing from the build.");
        return new SchemaShape(JsonNode.Parse(stream)!.AsObject());
    }

    /// <summary>The schema path (such as <c>rule</c> or <c>change/spread</c>) of the mapping at a key path, or null.</summary>
    public string? SchemaPathAt(IReadOnlyList<string> chain, bool manifest)
    {
        string? wildcard = null;
        foreach (var (pattern, m, path) in _objects)
        {
            if (m != manifest || pattern.Length != chain.Count) continue;
            var exact = true;
            var matches = true;
            for (var i = 0; i < pattern.Length && matches; i++)
            {
                if (pattern[i] == chain[i]) continue;
                if (pattern[i] == "*" && chain[i] != "-") exact = false;
                else matches = false;
            }
            if (!matches) continue;
            if (exact) return path;
            wildcard ??= path;
        }
        return wildcard;
    }

    private void Walk(JsonObject node, string? path, string[] chain, bool manifest, HashSet<string> seen)
    {
        if (chain.Length > MaxDepth) return;
        if (node["$ref"]?.GetValue<string>() is { } reference)
        {
            var name = reference[(reference.LastIndexOf('/') + 1)..];
            if (seen.Contains(name) || _definitions[name] is not JsonObject target) return;
            Walk(target, name, chain, manifest, [.. seen, name]);
            return;
        }
        foreach (var part in node["allOf"]?.AsArray() ?? []) Walk(part!.AsObject(), path, chain, manifest, seen);
        foreach (var part in node["oneOf"]?.AsArray() ?? []) Walk(part!.AsObject(), path, chain, manifest, seen);
        if (node["additionalProperties"] is JsonValue closed && closed.TryGetValue<bool>(out var open) && !open && node["properties"] is not null && path is not null)
            _objects.Add((chain, manifest, path));
        foreach (var (key, child) in node["properties"]?.AsObject() ?? [])
            if (child is JsonObject o) Walk(o, path is null ? null : $"{path}/{key}", [.. chain, key], manifest, seen);
        foreach (var (_, child) in node["patternProperties"]?.AsObject() ?? [])
            if (child is JsonObject o) Walk(o, null, [.. chain, "*"], manifest, seen);
        if (node["items"] is JsonObject items) Walk(items, null, [.. chain, "-"], manifest, seen);
    }
}
