using System.Text.Json.Nodes;
using Doorbraak.Rules.Cli.Lsp;
using Doorbraak.Rules.Packs;

namespace Doorbraak.Rules.Cli.Tests;

/// <summary>
/// The language server completes keys from the loader's key lists (<see cref="PackKeys"/>), which a core test holds equal
/// to docs/schema/pack.schema.json. This test closes the triangle: it walks every mapping the schema describes, from a pack
/// file's sections and from pack.yaml down through lists, nested objects and references, writes the YAML an author would
/// have typed to get there, and checks that the server picks the key list of exactly that schema object.
/// </summary>
public sealed class LspSchemaTests
{
    private static readonly JsonObject Definitions = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Root, "docs", "schema", "pack.schema.json")))!["definitions"]!;

    // Households inside tests are checked against the fact schema, not by key lists; the server offers no keys there.
    private static readonly string[] FactShaped = ["household", "member", "debt", "provision"];

    [Fact]
    public void Every_mapping_in_the_schema_gets_its_own_key_list_in_the_language_server()
    {
        var found = new List<(List<string> Chain, bool Manifest, string SchemaPath)>();
        Walk(Definitions["manifest"]!.AsObject(), "manifest", [], true, found, []);
        Walk(Definitions["sections"]!.AsObject(), "sections", [], false, found, []);

        // Key lists the schema reaches only through oneOf or a map of values (a mandate ladder's steps, a pack test's proposal
        // details, an age in years and months): the language server does not complete keys there yet.
        string[] notInPlainMappings = ["mandateStep", "proposalDetails", "age"];
        found.Select(f => f.SchemaPath).Distinct().Should().BeEquivalentTo(PackKeys.All.Select(k => k.SchemaPath).Except(notInPlainMappings),
            "every key list is reachable from a pack file, and every closed object of the schema has one");
        foreach (var (chain, manifest, schemaPath) in found)
        {
            var lines = Snippet(chain);
            var keys = YamlCursor.KeysAt(lines, lines.Length - 1, lines[^1].Length, manifest, out var atKey);
            atKey.Should().BeTrue();
            keys.Should().NotBeNull($"the server should know the mapping at {string.Join(" > ", chain)} ({schemaPath})");
            keys!.SchemaPath.Should().Be(schemaPath, $"the mapping at {string.Join(" > ", chain)} in {(manifest ? "pack.yaml" : "a section file")}");
        }
        found.Count.Should().BeGreaterThan(PackKeys.All.Count, "several places share a key list (citations, valid periods)");
    }

    private static void Walk(JsonObject node, string? path, List<string> chain, bool manifest, List<(List<string>, bool, string)> found, HashSet<string> seen)
    {
        if (chain.Count > 8) return;
        if (node["$ref"]?.GetValue<string>() is { } reference)
        {
            var name = reference[(reference.LastIndexOf('/') + 1)..];
            if (FactShaped.Contains(name) || seen.Contains(name)) return;
            Walk(Definitions[name]!.AsObject(), name, chain, manifest, found, [.. seen, name]);
            return;
        }
        foreach (var part in node["allOf"]?.AsArray() ?? []) Walk(part!.AsObject(), path, chain, manifest, found, seen);
        if (node["additionalProperties"] is JsonValue closed && !closed.GetValue<bool>() && node["properties"] is not null && path is not null)
            found.Add((chain, manifest, path));
        foreach (var (key, child) in node["properties"]?.AsObject() ?? [])
            Walk(child!.AsObject(), path is null ? null : $"{path}/{key}", [.. chain, key], manifest, found, seen);
        foreach (var (_, child) in node["patternProperties"]?.AsObject() ?? [])
            Walk(child!.AsObject(), null, [.. chain, "a.b"], manifest, found, seen);
        if (node["items"] is JsonObject items) Walk(items, null, [.. chain, "-"], manifest, found, seen);
    }

    /// <summary>The YAML text that leads to a mapping, with the cursor on an empty last line where its keys go.</summary>
    private static string[] Snippet(List<string> chain)
    {
        var lines = new List<string>();
        var indent = 0;
        foreach (var step in chain)
        {
            lines.Add(step == "-" ? $"{new string(' ', indent)}- z: 1" : $"{new string(' ', indent)}{step}:");
            indent += 2;
        }
        lines.Add(new string(' ', indent));
        return [.. lines];
    }
}
