using System.Text;
using System.Text.Json;
using Doorbraak.Rules.Tests.PackSchema;
using NJsonSchema;

namespace Doorbraak.Rules.Tests.Facts;

public class HouseholdInputTests
{
    private static readonly DateOnly Peildatum = new(2026, 3, 1);
    private static readonly Lazy<PackSet> National = new(() => PackSet.LoadDirectories(Path.Combine(RepoRoot.Path, "policypacks", "nl-sociaal-domein")));
    private static string SchemaPath => Path.Combine(RepoRoot.Path, "docs", "schema", "household.schema.json");
    private static string Sample => File.ReadAllText(Path.Combine(RepoRoot.Path, "samples", "households", "s1-kostendelersnorm.yaml"));

    [Fact]
    public void The_published_household_schema_is_the_one_the_national_pack_generates()
    {
        var generated = National.Value.HouseholdJsonSchema();
        if (Environment.GetEnvironmentVariable("DOORBRAAK_UPDATE_SCHEMA") == "1") File.WriteAllText(SchemaPath, generated);
        File.ReadAllText(SchemaPath).ReplaceLineEndings("\n").Should().Be(generated,
            "docs/schema/household.schema.json is generated; run the tests with DOORBRAAK_UPDATE_SCHEMA=1 after changing facts");
    }

    [Fact]
    public async Task Sample_households_validate_against_the_schema_and_a_wrong_key_does_not()
    {
        var schema = await JsonSchema.FromJsonAsync(National.Value.HouseholdJsonSchema());
        foreach (var file in Directory.GetFiles(Path.Combine(RepoRoot.Path, "samples", "households"), "*.yaml"))
            schema.Validate(YamlToJson.Convert(File.ReadAllText(file))).Should().BeEmpty(file);
        var wrong = schema.Validate(YamlToJson.Convert("huur: 780\nleden:\n  - id: a\n    leeftyd: 40\n"));
        string.Join("\n", wrong.Select(e => e.ToString())).Should().Contain("leeftyd");
        schema.Validate(YamlToJson.Convert("leden:\n  - rol: aanvrager\n")).Should().NotBeEmpty("every member needs an id");
    }

    [Fact]
    public void A_household_binds_from_json_in_the_file_vocabulary_and_round_trips()
    {
        var engine = new DoorbraakEngine(National.Value);
        var read = engine.ReadHousehold(Sample, "s1.yaml");
        var json = JsonSerializer.Serialize(read);
        json.Should().Contain("\"leden\"").And.Contain("\"huur\"").And.Contain("\"geboren\":\"1971-01-10\"");
        var bound = JsonSerializer.Deserialize<Household>(json)!;
        bound.Members.Select(m => m.Id).Should().Equal("moeder", "zoon");
        ResultJson.Serialize(engine.Evaluate(bound, Peildatum)).Should().Be(ResultJson.Serialize(engine.Evaluate(read, Peildatum)));
    }

    [Fact]
    public void Binding_with_the_wrong_key_names_is_never_a_silently_empty_household()
    {
        var engine = new DoorbraakEngine(National.Value);
        var members = () => JsonSerializer.Deserialize<Household>("""{ "Members": [ { "Id": "moeder" } ] }""");
        members.Should().Throw<JsonException>().WithMessage("*'Members'*leden*");
        var bound = JsonSerializer.Deserialize<Household>("""{ "Rent": 780, "leden": [ { "id": "moeder", "Role": "aanvrager" } ] }""")!;
        var act = () => engine.Evaluate(bound, Peildatum);
        act.Should().Throw<HouseholdException>().WithMessage("*'Rent'*").WithMessage("*'Role'*");
        var noId = () => JsonSerializer.Deserialize<Household>("""{ "leden": [ { "rol": "aanvrager" } ] }""");
        noId.Should().Throw<JsonException>().WithMessage("*id*");
    }

    [Fact]
    public void A_household_is_read_from_a_utf8_stream()
    {
        var engine = new DoorbraakEngine(National.Value);
        using var stream = new MemoryStream(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Sample)).ToArray());
        engine.ReadHousehold(stream).Members.Should().HaveCount(2);

        var invalid = () => engine.ReadHousehold(new MemoryStream([0x68, 0x75, 0x75, 0x72, 0x3a, 0x20, 0xC3, 0x28]), "body");
        invalid.Should().Throw<HouseholdException>().WithMessage("*not valid UTF-8*offset 6*");
        var huge = () => engine.ReadHousehold(new MemoryStream(new byte[DoorbraakEngine.MaxHouseholdBytes + 1]), "body");
        huge.Should().Throw<HouseholdException>().WithMessage("*larger than 1024 KiB*");
    }

    [Fact]
    public void An_empty_household_and_malformed_json_are_reported_as_such()
    {
        var engine = new DoorbraakEngine(National.Value);
        var empty = () => engine.ReadHousehold("  \n", "body");
        empty.Should().Throw<HouseholdException>().Which.Diagnostics.Should().ContainSingle().Which.ToString().Should().Contain("body:1:1").And.Contain("empty");
        var json = () => engine.ReadHousehold("{\n  \"huur\": 780,\n  \"leden\": [ { \"id\": \"a\" }, ]\n}", "body.json");
        json.Should().Throw<HouseholdException>().Which.Diagnostics.Should().ContainSingle().Which.ToString().Should().Contain("body.json:3:").And.Contain("not valid JSON").And.NotContain("YAML");
    }
}
