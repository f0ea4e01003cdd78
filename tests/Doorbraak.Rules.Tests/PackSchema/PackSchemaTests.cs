using Doorbraak.Rules.Tests.Packs;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Doorbraak.Rules.Tests.PackSchema;

/// <summary>The JSON Schema in docs/schema/pack.schema.json accepts every shipped pack file and rejects typical mistakes.</summary>
public sealed class PackSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(RepoRoot.Path, "docs", "schema", "pack.schema.json")).GetAwaiter().GetResult());

    public static TheoryData<string> ShippedPackFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in FindShippedPackFiles()) data.Add(f);
        if (data.Count == 0) data.Add(NoFiles); // fail visibly rather than pass on nothing
        return data;
    }

    private const string NoFiles = "(no pack files under policypacks/)";

    private static List<string> FindShippedPackFiles()
    {
        var root = Path.Combine(RepoRoot.Path, "policypacks");
        if (!Directory.Exists(root)) return [];
        return Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepoRoot.Path, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
    }

    [Fact]
    public void Shipped_pack_files_exist()
    {
        var files = FindShippedPackFiles();
        files.Should().NotBeEmpty("policypacks/ must ship at least one pack, and every file in it is validated against the schema");
        files.Should().Contain(f => f.EndsWith("/pack.yaml", StringComparison.Ordinal), "a shipped pack has a manifest");
    }

    [Theory]
    [MemberData(nameof(ShippedPackFiles))]
    public void Shipped_pack_file_validates_against_the_schema(string relativePath)
    {
        relativePath.Should().NotBe(NoFiles, "policypacks/ must hold the shipped packs");
        var text = File.ReadAllText(Path.Combine(RepoRoot.Path, relativePath));
        var json = YamlToJson.Convert(text);
        // Validate against the branch that applies (manifest or sections) for precise messages, then the whole schema.
        var branch = Schema.Value.Definitions[relativePath.EndsWith("/pack.yaml", StringComparison.Ordinal) ? "manifest" : "sections"];
        var problems = json.Type == JTokenType.Null ? [] : Flatten(branch.Validate(json)).Where(e => e is not ChildSchemaValidationError and not MultiTypeValidationError)
            .Select(e => $"{e.Kind} at {e.Path}").Distinct().ToList();
        problems.Should().BeEmpty($"{relativePath} must validate against docs/schema/pack.schema.json");
        Schema.Value.Validate(json).Should().BeEmpty();
    }

    [Fact]
    public void The_schema_is_draft_07_and_describes_every_property()
    {
        var json = JObject.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "schema", "pack.schema.json")));
        json["$schema"]!.Value<string>().Should().Be("http://json-schema.org/draft-07/schema#");
        var undocumented = new List<string>();
        foreach (var props in json.Descendants().OfType<JProperty>().Where(p => p.Name is "properties" or "patternProperties"))
        {
            foreach (var prop in ((JObject)props.Value).Properties())
            {
                if (prop.Value is JObject o && o["description"] is null) undocumented.Add(prop.Path);
            }
        }
        undocumented.Should().BeEmpty("every property has a description for editor hover help");
    }

    [Fact]
    public void A_minimal_manifest_and_a_rules_file_validate()
    {
        Validate("id: test.basis\nversion: 1.0.0\ntitle: Test\njurisdiction: NL\nvalid: { from: 2026-01-01 }\n").Should().BeEmpty();
        Validate(TestPacks.RulesFile).Should().BeEmpty();
    }

    [Fact]
    public void A_format_2_manifest_and_rule_with_force_clauses_grondslag_and_an_illustrative_citation_validate()
    {
        Validate("id: test.basis\nversion: 1.0.0\ntitle: Test\njurisdiction: NL\nformat: 2\nvalid: { from: 2026-01-01 }\n").Should().BeEmpty();
        Validate("""
            rules:
              - id: r.een
                title: Een
                law: { law: Beleidsregels Test, article: "4 lid 3", illustrative: true }
                force: beleidsregel
                clauses:
                  - { law: Beleidsregels Test, article: "9", kind: hardheidsclausule }
                grondslag: { law: Participatiewet, article: "35 lid 1" }
                domain: inkomen
            deviations:
              - id: a.b
                title: T
                deviates: r.een
                change: { suspend: true }
                basis: { law: Awb, article: "3:4 lid 2", kind: evenredigheid }
                mandate: teamleider
            """).Should().BeEmpty();
    }

    [Theory]
    [InlineData("id: test.basis\nversion: 1.0.0\ntitle: Test\njurisdiction: NL\nformat: 3\nvalid: { from: 2026-01-01 }\n", "format")]
    [InlineData("rules:\n  - id: r.een\n    title: Een\n    law: { law: Testwet }\n    force: wet\n    domain: inkomen\n", "force")]
    [InlineData("rules:\n  - id: r.een\n    title: Een\n    law: { law: Testwet }\n    force: wet-plicht\n    clauses: [{ law: Awb, article: \"4:84\", kind: awb-4:84 }]\n    domain: inkomen\n", "kind")]
    public void The_schema_rejects_a_format_2_value_outside_its_words(string yaml, string key)
    {
        var errors = Flatten(Validate(yaml));
        errors.Should().Contain(e => e.Kind == ValidationErrorKind.NotInEnumeration && e.Property == key);
    }

    [Theory]
    [InlineData("id: test.basis\nversion: 1.0.0\ntitle: Test\njurisdiction: NL\nlevl: national\n", "levl")]
    [InlineData("rules:\n  - id: r.een\n    titel: Een\n    law: { law: Testwet }\n    domain: inkomen\n", "titel")]
    [InlineData("regels:\n  - id: r.een\n", "regels")]
    [InlineData("deviations:\n  - id: a.b\n    title: T\n    deviates: r.een\n    change: { suspend: true }\n    basis: { law: Testwet, paragraph: \"1\" }\n    mandate: teamleider\n", "paragraph")]
    public void The_schema_rejects_an_unknown_key(string yaml, string key)
    {
        var errors = Flatten(Validate(yaml));
        errors.Should().Contain(e => e.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed && e.Property == key);
    }

    [Theory]
    [InlineData("id: test.basis\nversion: 1.0.0\ntitle: Test\njurisdiction: NL\nlevel: landelijk\n", "level")]
    [InlineData("interventions:\n  - id: a.b\n    title: T\n    action: betalen\n    change: { set: { huishouden.x: true } }\n    basis: { law: Testwet }\n    mandate: teamleider\n", "action")]
    [InlineData("deviations:\n  - id: a.b\n    title: T\n    deviates: r.een\n    change: { suspend: true }\n    basis: { law: Testwet, kind: hardheid }\n    mandate: college\n", "kind")]
    [InlineData("collisions:\n  - id: b.x\n    title: T\n    rules: [r.een]\n    goal: d.een\n    severity: hoog\n    explain: Uitleg\n", "severity")]
    [InlineData("facts:\n  huishouden.x:\n    type: bool\n    description: X\n", "type")]
    [InlineData("rules:\n  - id: r.een\n    title: Een\n    law: { law: Testwet }\n    domain: inkomen\n    for_each: kinderen\n", "for_each")]
    public void The_schema_rejects_a_value_outside_an_enum(string yaml, string key)
    {
        var errors = Flatten(Validate(yaml));
        errors.Should().Contain(e => e.Kind == ValidationErrorKind.NotInEnumeration && e.Property == key);
    }

    [Theory]
    [InlineData("id: test.basis\nversion: 2026.1\ntitle: Test\njurisdiction: NL\n")] // a number, not SemVer
    [InlineData("id: Test.Basis\nversion: 1.0.0\ntitle: Test\njurisdiction: NL\n")] // upper case id
    [InlineData("id: test.basis\nversion: 1.0.0\ntitle: Test\njurisdiction: NL\nvalid: { from: 2026-13-01 }\n")] // no month 13
    [InlineData("id: test.basis\nversion: 1.0.0\ntitle: Test\njurisdiction: NL\nrequires: [{ pack: a.b, version: \"=> 1.0.0\" }]\n")] // bad range
    [InlineData("id: test.basis\nversion: 1.0.0\ntitle: Test\n")] // jurisdiction missing
    [InlineData("id: test.basis\nversion: 1.0.0\ntitle: Test\njurisdiction: NL\n")] // valid missing
    [InlineData("id: test.basis\nversion: 1.0.0\ntitle: Test\njurisdiction: NL\nvalid: { to: 2026-12-31 }\n")] // valid without from
    [InlineData("parameters:\n  pw.x:\n    title: X\n    type: money\n    values: [{ from: 2026-01-01, value: 1, illustrative: yes }]\n")] // yes is not a boolean
    [InlineData("deviations:\n  - id: a.b\n    title: T\n    deviates: r.een\n    change: { suspend: true, waive: huishouden.x }\n    basis: { law: Testwet }\n    mandate: college\n")] // two changes
    [InlineData("deviations:\n  - id: a.b\n    title: T\n    deviates: r.een\n    change: { postpone: 3M }\n    basis: { law: Testwet }\n    mandate: college\n")] // not ISO 8601
    [InlineData("parameters:\n  pw.X:\n    title: X\n    type: money\n    values: []\n")] // parameter id upper case
    [InlineData("facts:\n  gezin.x:\n    type: boolean\n    description: X\n")] // unknown entity
    public void The_schema_rejects_badly_written_values(string yaml)
    {
        Validate(yaml).Should().NotBeEmpty();
    }

    [Fact]
    public void Text_stays_text_and_strict_numbers_are_numbers()
    {
        var json = YamlToJson.Convert("a: \"012\"\nb: 012\nc: 1401.50\nd: yes\ne: true\nf: 2026-01-01\ng:\nh: 12\n");
        json["a"]!.Type.Should().Be(JTokenType.String);
        json["b"]!.Type.Should().Be(JTokenType.String);
        json["b"]!.Value<string>().Should().Be("012");
        json["c"]!.Value<decimal>().Should().Be(1401.50m);
        json["d"]!.Type.Should().Be(JTokenType.String);
        json["e"]!.Type.Should().Be(JTokenType.Boolean);
        json["f"]!.Value<string>().Should().Be("2026-01-01");
        json["g"]!.Type.Should().Be(JTokenType.Null);
        json["h"]!.Type.Should().Be(JTokenType.Integer);
    }

    private static ICollection<ValidationError> Validate(string yaml) => Schema.Value.Validate(YamlToJson.Convert(yaml));

    private static List<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        var all = new List<ValidationError>();
        var queue = new Queue<ValidationError>(errors);
        while (queue.Count > 0)
        {
            var e = queue.Dequeue();
            all.Add(e);
            var children = e switch
            {
                ChildSchemaValidationError c => c.Errors.Values.SelectMany(v => v),
                MultiTypeValidationError m => m.Errors.Values.SelectMany(v => v),
                _ => [],
            };
            foreach (var c in children) queue.Enqueue(c);
        }
        return all;
    }
}
