using Doorbraak.Rules.Source;
using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Conditions;
using System.Text.RegularExpressions;
using static Doorbraak.Rules.Tests.Conditions.TestWorld;

namespace Doorbraak.Rules.Tests.Conditions;

/// <summary>Every ```expr block in docs/condition-language.md parses, type-checks and evaluates as the document says.</summary>
public partial class DocExampleTests
{
    internal sealed record Example(int Line, string Text, string Expected, string? ForEach, FactType? ExpectedType);

    private static string DocPath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "docs", "condition-language.md"))) dir = dir.Parent;
        return dir is null ? throw new FileNotFoundException("docs/condition-language.md not found above " + AppContext.BaseDirectory) : Path.Combine(dir.FullName, "docs", "condition-language.md");
    }

    internal static List<Example> Examples()
    {
        var lines = File.ReadAllLines(DocPath());
        var examples = new List<Example>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```expr") continue;
            var start = i + 1;
            var body = new List<string>();
            string? expected = null, forEach = null;
            FactType? type = null;
            for (i++; i < lines.Length && lines[i].Trim() != "```"; i++)
            {
                var l = lines[i];
                if (l.StartsWith("# => ", StringComparison.Ordinal)) expected = l[5..].Trim();
                else if (l.StartsWith("# for_each: ", StringComparison.Ordinal)) forEach = l[12..].Trim();
                else if (l.StartsWith("# expected type: ", StringComparison.Ordinal)) type = FactType.FromName(l[17..].Trim()) ?? throw new InvalidDataException($"line {i + 1}: unknown type");
                else body.Add(l);
            }
            if (expected is null) throw new InvalidDataException($"docs/condition-language.md line {start}: an expr block without '# => result'");
            examples.Add(new Example(start, string.Join("\n", body), expected, forEach, type));
        }
        return examples;
    }

    public static TheoryData<int> ExampleLines()
    {
        var data = new TheoryData<int>();
        foreach (var e in Examples()) data.Add(e.Line);
        return data;
    }

    [GeneratedRegex(@"^error (DBR\d{4}) at (\d+):(\d+)$")]
    private static partial Regex ErrorPattern();

    [Theory]
    [MemberData(nameof(ExampleLines))]
    public void Example_behaves_as_documented(int line)
    {
        var example = Examples().Single(e => e.Line == line);
        var household = ExampleHousehold();
        EntitySchema? scope = null;
        EntityInstance? element = null;
        if (example.ForEach is not null)
        {
            scope = TestSchema.Member;
            element = household.Collections[Field(TestSchema.Household, "leden").Slot].Single(m => m.Key == $"leden[{example.ForEach}]");
        }
        var bag = new DiagnosticBag();
        var compiled = ConditionCompiler.Compile(ConditionSource.Inline(example.Text), Env, example.ExpectedType, scope, bag);
        var error = ErrorPattern().Match(example.Expected);
        if (error.Success)
        {
            compiled.Should().BeNull();
            var d = bag.Items.Should().ContainSingle($"line {line}: {example.Text}").Subject;
            d.Code.Should().Be(error.Groups[1].Value, d.ToString());
            d.Location.Should().Be(new SourceLocation("<expression>", int.Parse(error.Groups[2].Value), int.Parse(error.Groups[3].Value)), d.ToString());
            return;
        }
        bag.Items.Should().BeEmpty($"line {line}: {example.Text}");
        var value = compiled!.Evaluate(Frame(household), element);
        value.Should().Be(EvaluationTests.Expected(example.Expected), $"line {line}: {example.Text}");
        if (!value.IsUnknown) value.Kind.Should().Be(EvaluationTests.Expected(example.Expected).Kind, $"line {line}: {example.Text}");
    }

    [Fact]
    public void Every_construct_has_a_checked_example()
    {
        var texts = Examples().Select(e => e.Text).ToList();
        string[] constructs =
        [
            "€", "EUR", "0.5", "2026-01-01", "P1M", "P6M", "weeks", "maand", "\"", "waar", "true", "peildatum", "pw.", "huishouden.", "aanvrager.", "partner.",
            "huishouden.leden", " and ", " or ", "not ", "+", "-", "*", "/", " = ", "!=", " < ", " <= ", " > ", " >= ", " between ", " in [", "if ", "any ", "all ", "no ",
            "count(", " where ", "sum(", " of ", "min(", "max(", "leeftijd(", "leeftijd_op(", "maanden_tussen(", "dagen_tussen(", "afronden(", "abs(", "bekend(", "halveer(",
        ];
        foreach (var c in constructs) texts.Should().Contain(t => t.Contains(c, StringComparison.Ordinal), $"the doc needs an example with '{c}'");
        Examples().Should().Contain(e => e.ForEach != null);
        Examples().Select(e => e.Expected).Should().Contain(x => x.StartsWith("error", StringComparison.Ordinal)).And.Contain("unknown");
    }
}
