using Doorbraak.Rules.Source;
using Doorbraak.Rules.Source.Yaml;
using System.Text;

namespace Doorbraak.Rules.Tests.Source.Yaml;

public sealed class MappingReaderTests
{
    private static (MappingReader Reader, DiagnosticBag Bag) Reader(string yaml, params string[] allowed)
    {
        var bag = new DiagnosticBag();
        var node = SafeYamlReader.Read("f.yaml", Encoding.UTF8.GetBytes(yaml), bag);
        bag.Items.Should().BeEmpty();
        return (new MappingReader((YMapping)node!, bag, "a rule", allowed), bag);
    }

    private static List<string> Errors(DiagnosticBag bag) => bag.Items.Select(d => d.ToString()).ToList();

    [Fact]
    public void An_unknown_key_is_DBR1010_with_did_you_mean()
    {
        var (_, bag) = Reader("id: x\ntitel: Y\n", "id", "title", "domain");
        Errors(bag).Should().Equal("f.yaml:2:1: error DBR1010: Unknown key 'titel' in a rule (did you mean 'title'?). Allowed keys: id, title, domain.");
    }

    [Fact]
    public void A_missing_required_key_is_DBR1011_at_the_mapping()
    {
        var (r, bag) = Reader("id: x\n", "id", "title");
        r.Text("title", required: true).Should().BeNull();
        Errors(bag).Should().Equal("f.yaml:1:1: error DBR1011: A rule needs the key 'title'.");
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("no")]
    [InlineData("on")]
    [InlineData("off")]
    [InlineData("True")]
    public void Yaml_1_1_booleans_are_refused_where_a_boolean_is_expected(string word)
    {
        var (r, bag) = Reader($"flag: {word}\n", "flag");
        r.Bool("flag").Should().BeNull();
        Errors(bag).Should().Equal($"f.yaml:1:7: error DBR1012: 'flag' must be true or false; '{word}' is not accepted (YAML 1.1 words like yes/no/on/off are not booleans here).");
    }

    [Fact]
    public void A_quoted_boolean_is_refused()
    {
        var (r, bag) = Reader("flag: \"true\"\n", "flag");
        r.Bool("flag").Should().BeNull();
        Errors(bag).Should().ContainSingle().Which.Should().Contain("error DBR1012: 'flag' must be true or false, written without quotes.");
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void True_and_false_are_booleans(string word, bool expected)
    {
        var (r, bag) = Reader($"flag: {word}\n", "flag");
        r.Bool("flag").Should().Be(expected);
        bag.Items.Should().BeEmpty();
    }

    [Theory]
    [InlineData("012")]
    [InlineData("0012.5")]
    [InlineData("1_000")]
    [InlineData("1e3")]
    [InlineData("0x1F")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("+5")]
    public void Numbers_with_surprises_are_refused_where_a_number_is_expected(string text)
    {
        var (r, bag) = Reader($"bedrag: {text}\n", "bedrag");
        r.Decimal("bedrag").Should().BeNull();
        Errors(bag).Should().ContainSingle().Which.Should().StartWith("f.yaml:1:9: error DBR1013: '" + text + "' is not a number in the pack format");
    }

    [Theory]
    [InlineData("1,5", "1.5")]
    [InlineData("2500,00", "2500.00")]
    [InlineData("1.401,50", "1401.50")]
    public void A_decimal_comma_is_refused_with_the_number_written_with_a_decimal_point(string text, string pointed)
    {
        var (r, bag) = Reader($"bedrag: {text}\n", "bedrag");
        r.Decimal("bedrag").Should().BeNull();
        Errors(bag).Should().ContainSingle().Which.Should().Be($"f.yaml:1:9: error DBR1200: '{text}' is written with a decimal comma; use a decimal point: {pointed} (gebruik een decimale punt: {pointed}).");
    }

    [Theory]
    [InlineData("1401.50", "1401.50")]
    [InlineData("0", "0")]
    [InlineData("0.5", "0.5")]
    [InlineData("-12", "-12")]
    [InlineData("2002.13", "2002.13")]
    public void Plain_decimals_are_numbers(string text, string expected)
    {
        var (r, bag) = Reader($"bedrag: {text}\n", "bedrag");
        r.Decimal("bedrag").Should().Be(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        bag.Items.Should().BeEmpty();
    }

    [Fact]
    public void A_quoted_number_is_refused_where_a_number_is_expected()
    {
        var (r, bag) = Reader("bedrag: \"12\"\n", "bedrag");
        r.Decimal("bedrag").Should().BeNull();
        Errors(bag).Should().Equal("f.yaml:1:9: error DBR1012: 'bedrag' must be a number written without quotes, such as 1401.50.");
    }

    [Fact]
    public void Quoted_and_plain_text_stays_exactly_as_written()
    {
        var (r, bag) = Reader("a: \"012\"\nb: 012\nc: 4:84\nd: yes\n", "a", "b", "c", "d");
        r.Text("a").Should().Be("012");
        r.Text("b").Should().Be("012");
        r.Text("c").Should().Be("4:84");
        r.Text("d").Should().Be("yes");
        bag.Items.Should().BeEmpty();
    }

    [Theory]
    [InlineData("2026-02-30", "'2026-02-30' in 'from' is not a date: February 2026 has 28 days.")]
    [InlineData("2024-02-30", "'2024-02-30' in 'from' is not a date: February 2024 has 29 days.")]
    [InlineData("2026-13-01", "'2026-13-01' in 'from' is not a date: the month must be 01 to 12.")]
    [InlineData("2026-04-31", "'2026-04-31' in 'from' is not a date: April 2026 has 30 days.")]
    [InlineData("1-1-2026", "'from' must be a date written as yyyy-mm-dd, such as 2026-01-01.")]
    [InlineData("2026/01/01", "'from' must be a date written as yyyy-mm-dd, such as 2026-01-01.")]
    public void Impossible_or_badly_written_dates_are_DBR1013(string text, string message)
    {
        var (r, bag) = Reader($"from: {text}\n", "from");
        r.Date("from").Should().BeNull();
        Errors(bag).Should().Equal($"f.yaml:1:7: error DBR1013: {message}");
    }

    [Fact]
    public void A_leap_day_is_a_date()
    {
        var (r, bag) = Reader("from: 2024-02-29\n", "from");
        r.Date("from").Should().Be(new DateOnly(2024, 2, 29));
        bag.Items.Should().BeEmpty();
    }

    [Theory]
    [InlineData("P6M", 6, 0)]
    [InlineData("P1Y", 12, 0)]
    [InlineData("P4W", 0, 28)]
    [InlineData("P30D", 0, 30)]
    [InlineData("P1Y6M", 18, 0)]
    public void Iso_durations_are_read(string text, int months, int days)
    {
        var (r, bag) = Reader($"d: {text}\n", "d");
        r.Duration("d").Should().Be((months, days));
        bag.Items.Should().BeEmpty();
    }

    [Theory]
    [InlineData("6M")]
    [InlineData("P")]
    [InlineData("P6")]
    [InlineData("P6M1Y")]
    [InlineData("6 maanden")]
    public void Bad_durations_are_DBR1013(string text)
    {
        var (r, bag) = Reader($"d: {text}\n", "d");
        r.Duration("d").Should().BeNull();
        Errors(bag).Should().Equal("f.yaml:1:4: error DBR1013: 'd' must be an ISO 8601 duration such as P6M (6 months), P1Y, P4W or P30D.");
    }

    [Theory]
    [InlineData("applies: \"a >= 1\"\n")]
    [InlineData("applies: 'a >= 1'\n")]
    [InlineData("applies: >\n  a >= 1\n")]
    public void Expressions_in_quoted_or_folded_style_are_DBR1014(string yaml)
    {
        var (r, bag) = Reader(yaml, "applies");
        r.Expression("applies").Should().BeNull();
        Errors(bag).Should().Equal("f.yaml:1:10: error DBR1014: Write the expression in 'applies' without quotes on one line, or as a literal block ('applies: |' with the expression on the next lines); quoted and folded styles shift the positions in error messages.");
    }

    [Fact]
    public void Expressions_in_plain_or_literal_style_are_read_with_their_position()
    {
        var (r, bag) = Reader("a: x >= 1\nb: |\n  x >= 1\n  and y\n", "a", "b");
        var a = r.Expression("a")!;
        a.Text.Should().Be("x >= 1");
        var b = r.Expression("b")!;
        b.Text.Should().Be("x >= 1\nand y");
        b.IsBlock.Should().BeTrue();
        b.BlockIndent.Should().Be(2);
        bag.Items.Should().BeEmpty();
    }

    [Fact]
    public void Wrong_types_are_DBR1012()
    {
        var (r, bag) = Reader("t: [a, b]\nm: tekst\ns: { a: 1 }\n", "t", "m", "s");
        r.Text("t").Should().BeNull();
        r.Mapping("m").Should().BeNull();
        r.Sequence("s").Should().BeNull();
        Errors(bag).Should().Equal(
            "f.yaml:1:4: error DBR1012: 't' must be text, not a list.",
            "f.yaml:2:4: error DBR1012: 'm' must be a mapping (key: value), not a single value.",
            "f.yaml:3:4: error DBR1012: 's' must be a list (items starting with '-' or [a, b]), not a mapping (key: value).");
    }
}
