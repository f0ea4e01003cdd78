using System.Globalization;
using System.Text;
using Doorbraak.Rules.Facts;
using static Doorbraak.Rules.Tests.Packs.TestPacks;

namespace Doorbraak.Rules.Tests.Packs;

/// <summary>
/// Issue #20, cost bombs inside the limits: one valid file of about 1 MiB holding 8,800 facts (long names that share a long
/// prefix, the costliest to tell apart) or thousands of parameters loads, and everything in it is usable. The time is measured
/// by <c>tests/Doorbraak.Rules.Benchmarks --load-scaling</c>, not here.
/// </summary>
public sealed class LargePackLoadTests
{
    private const int FactCount = 8_800;

    private static string FactName(int i) => "f" + new string('_', 55) + i.ToString("D6", CultureInfo.InvariantCulture);

    [Fact]
    public void A_file_of_8800_facts_just_under_1_MiB_loads_and_every_fact_can_be_used()
    {
        string[] entities = ["huishouden", "lid", "schuld", "voorziening"];
        string[] types = ["boolean", "number", "money", "text"];
        var sb = new StringBuilder("facts:\n");
        for (var i = 0; i < FactCount; i++)
            sb.Append($"  {entities[i % 4]}.{FactName(i)}: {{ type: {types[i % 4]}, description: Feit {i} }}\n");
        var last = FactCount - 4; // a huishouden fact near the end
        sb.Append($"""
            rules:
              - id: r.laatste
                title: Leest het laatste feit
                law: {"{"} law: Testwet, article: "1", url: "https://example.org/testwet" {"}"}
                domain: inkomen
                applies: huishouden.{FactName(last)}
                determines:
                  huishouden.{FactName(0)}: false
            """).Append('\n');
        var text = sb.ToString();
        Encoding.UTF8.GetByteCount(text).Should().BeInRange(900_000, 1024 * 1024);

        var (set, diagnostics) = Load(With("groot", ("feiten.yaml", text)));

        diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Should().BeEmpty();
        set.Should().NotBeNull();
        var schema = set!.RuleSet.Schema;
        for (var i = 0; i < FactCount; i++)
        {
            schema.GetEntity(entities[i % 4]).TryGetField(FactName(i), out var field).Should().BeTrue($"fact {i} is declared");
            field.Type.Should().Be(FactType.FromName(types[i % 4]));
        }
        set.RuleSet.Rules.Should().ContainSingle().Which.Reads.Select(f => f.Name).Should().Contain(FactName(last));
        set.HouseholdJsonSchema().Should().Contain(FactName(FactCount - 1));
    }

    [Fact]
    public void A_file_of_4000_parameters_loads_with_every_value()
    {
        var sb = new StringBuilder("parameters:\n");
        for (var i = 0; i < 4_000; i++)
            sb.Append($"  p.{FactName(i)}: {{ title: P{i}, type: number, values: [{{ from: 2020-01-01, value: {i} }}] }}\n");

        var (set, diagnostics) = Load(With("groot", ("parameters.yaml", sb.ToString())));

        diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Should().BeEmpty();
        set!.RuleSet.Packs.Parameters.Should().HaveCount(4_000);
        set.RuleSet.Packs.Parameters[3_999].Values.Should().ContainSingle().Which.Value.Should().Be(FactValue.Number(3_999));
    }
}
