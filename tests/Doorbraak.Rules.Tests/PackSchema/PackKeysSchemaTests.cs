using System.Text;
using Doorbraak.Rules.Packs;
using Doorbraak.Rules.Source;
using Doorbraak.Rules.Source.Yaml;
using Doorbraak.Rules.Tests.Packs;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Doorbraak.Rules.Tests.PackSchema;

/// <summary>
/// One source of truth for the pack format's keys: the key lists the reader checks (<see cref="PackKeys"/>)
/// and docs/schema/pack.schema.json agree key by key, for every kind of mapping, on what is allowed and what is required.
/// </summary>
public sealed class PackKeysSchemaTests
{
    private static readonly Lazy<JObject> SchemaJson = new(() =>
        JObject.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "schema", "pack.schema.json"))));

    public static TheoryData<string> Kinds()
    {
        var data = new TheoryData<string>();
        foreach (var k in PackKeys.All) data.Add(k.Kind);
        return data;
    }

    private static JObject SchemaObject(MappingKeys keys)
    {
        var parts = keys.SchemaPath.Split('/');
        var node = (JObject)SchemaJson.Value["definitions"]![parts[0]]!;
        foreach (var p in parts.Skip(1)) node = (JObject)node["properties"]![p]!;
        return node;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Reader_and_schema_accept_the_same_keys(string kind)
    {
        var keys = PackKeys.All.Single(k => k.Kind == kind);
        var schema = SchemaObject(keys);
        var properties = ((JObject)schema["properties"]!).Properties().Select(p => p.Name).ToList();
        properties.Should().BeEquivalentTo(keys.All, $"the schema's '{keys.SchemaPath}' and PackKeys.{kind} must list the same keys");
        schema["additionalProperties"]!.Value<bool>().Should().BeFalse($"the schema must refuse keys the reader refuses in a {kind}");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Reader_and_schema_require_the_same_keys(string kind)
    {
        var keys = PackKeys.All.Single(k => k.Kind == kind);
        var required = (SchemaObject(keys)["required"] as JArray)?.Select(t => t.Value<string>()!).ToList() ?? [];
        required.Should().BeEquivalentTo(keys.Required, $"the schema's '{keys.SchemaPath}' and PackKeys.{kind} must require the same keys");
        var inSomeForms = (SchemaObject(keys)["oneOf"] as JArray)?.SelectMany(f => f["required"] ?? new JArray()).Select(t => t.Value<string>()!).Distinct().ToList() ?? [];
        inSomeForms.Should().BeEquivalentTo(keys.RequiredInSomeForms, $"the schema's oneOf forms of '{keys.SchemaPath}' and the '?' keys of PackKeys.{kind} must agree");
    }

    [Fact]
    public void Every_object_in_the_schema_that_closes_its_keys_has_a_key_list_in_the_reader()
    {
        // Household shapes inside tests ('member', 'household', ...) are read by the household reader against the fact schema, not by key lists.
        var factShaped = new[] { "member", "debt", "provision", "household" };
        var closed = ((JObject)SchemaJson.Value["definitions"]!).Properties()
            .Where(p => p.Value is JObject o && o["additionalProperties"]?.Type == JTokenType.Boolean && !o["additionalProperties"]!.Value<bool>())
            .Select(p => p.Name).ToList();
        closed.Should().NotBeEmpty();
        closed.Except(factShaped).Should().BeSubsetOf(PackKeys.All.Select(k => k.SchemaPath.Split('/')[0]));
    }

    [Fact]
    public async Task A_fact_default_is_accepted_by_the_reader_and_by_the_schema()
    {
        const string file = """
            facts:
              lid.dreigt_dakloos:
                type: boolean
                description: Dreigt dakloos te raken
                default: false
            """;
        var (set, diagnostics) = TestPacks.Load(TestPacks.Plus("facts.yaml", file));
        diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Should().BeEmpty();
        set.Should().NotBeNull();

        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepoRoot.Path, "docs", "schema", "pack.schema.json"));
        schema.Validate(YamlToJson.Convert(file)).Should().BeEmpty();
    }

    [Fact]
    public void A_key_the_reader_reads_but_does_not_list_is_a_bug_that_throws()
    {
        var bag = new DiagnosticBag();
        var map = (YMapping)SafeYamlReader.Read("f.yaml", Encoding.UTF8.GetBytes("to: 2026-01-01\n"), bag)!;
        var reader = new MappingReader(map, bag, "'valid'", PackKeys.Valid);
        reader.Date("to").Should().Be(new DateOnly(2026, 1, 1));
        var undeclared = () => reader.Text("until");
        undeclared.Should().Throw<InvalidOperationException>().WithMessage("*'until'*valid*");
        var notRequired = () => reader.Date("from", required: true);
        notRequired.Should().Throw<InvalidOperationException>().WithMessage("*'from'*optional*");
    }

    [Fact]
    public void A_missing_required_key_is_reported_from_the_key_list()
    {
        var bag = new DiagnosticBag();
        var map = (YMapping)SafeYamlReader.Read("f.yaml", Encoding.UTF8.GetBytes("article: \"3\"\n"), bag)!;
        var reader = new MappingReader(map, bag, "an override", PackKeys.Overrides);
        reader.Text("pack", required: true).Should().BeNull();
        bag.Items.Select(d => d.ToString()).Should().Equal(
            "f.yaml:1:1: error DBR1010: Unknown key 'article' in an override. Allowed keys: pack, basis.",
            "f.yaml:1:1: error DBR1011: An override needs the key 'pack'.");
    }
}
