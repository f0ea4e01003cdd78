using Doorbraak.Rules.Source;
using Doorbraak.Rules.Source.Yaml;
using Doorbraak.Rules.Conditions.Ast;
using System.Diagnostics;
using System.Text;

namespace Doorbraak.Rules.Tests.Source.Yaml;

public sealed class SafeYamlReaderTests
{
    private static (YNode? Node, List<string> Errors) Read(string text) => Read(Encoding.UTF8.GetBytes(text));

    private static (YNode? Node, List<string> Errors) Read(byte[] bytes)
    {
        var bag = new DiagnosticBag();
        var node = SafeYamlReader.Read("f.yaml", bytes, bag);
        return (node, bag.Items.Select(d => d.ToString()).ToList());
    }

    [Fact]
    public void Reads_a_mapping_with_positions()
    {
        var (node, errors) = Read("a: 1\nb:\n  - x\n  - \"y\"\n");
        errors.Should().BeEmpty();
        var map = node.Should().BeOfType<YMapping>().Subject;
        map.Entries.Select(e => e.Key.Value).Should().Equal("a", "b");
        var seq = map["b"].Should().BeOfType<YSequence>().Subject;
        seq.Items[1].Start.Should().Be(new SourceLocation("f.yaml", 4, 5));
        ((YScalar)seq.Items[1]).Style.Should().Be(YScalarStyle.DoubleQuoted);
    }

    [Fact]
    public void Malformed_yaml_is_DBR1001_with_its_position()
    {
        var (node, errors) = Read("a: 1\nb: [1, 2\n");
        node.Should().BeNull();
        errors.Should().ContainSingle().Which.Should().MatchRegex(@"^f\.yaml:\d+:\d+: error DBR1001: This is not valid YAML: .+ Check the indentation and the ':' and '-' around this place\.$");
    }

    // YamlDotNet 18.1 throws InvalidOperationException (not YamlException) from Scanner.ScanPlainScalar for an
    // unclosed flow sequence followed by a 'key: value' line; SafeYamlReader.Parse only catches YamlException.
    [Fact]
    public void An_unclosed_flow_sequence_before_a_key_is_DBR1001_not_an_exception()
    {
        var (node, errors) = Read("a: 1\nb: [1, 2\nc: 3\n");
        node.Should().BeNull();
        errors.Should().ContainSingle().Which.Should().Contain("error DBR1001");
    }

    [Fact]
    public void Bad_indentation_is_DBR1001()
    {
        var (_, errors) = Read("a:\n  b: 1\n c: 2\n");
        errors.Should().ContainSingle().Which.Should().MatchRegex(@"^f\.yaml:3:\d+: error DBR1001: ");
    }

    [Fact]
    public void A_duplicate_key_is_reported_at_the_duplicate()
    {
        var (node, errors) = Read("a: 1\nb: 2\na: 3\n");
        node.Should().BeNull();
        errors.Should().Equal("f.yaml:3:1: error DBR1005: The key 'a' appears twice in this mapping (first at line 1); remove or rename one.");
    }

    [Fact]
    public void In_a_large_mapping_a_duplicate_key_is_reported_with_its_first_line_and_lookups_find_the_first_entry()
    {
        // Past a few entries a mapping indexes its keys (issue #20: checking each key against all earlier ones was quadratic).
        var sb = new StringBuilder();
        for (var i = 0; i < 50; i++) sb.Append($"k{i}: {i}\n");
        sb.Append("k7: dubbel\nk40: dubbel\n");
        var (node, errors) = Read(sb.ToString());
        node.Should().BeNull();
        errors.Should().Equal(
            "f.yaml:51:1: error DBR1005: The key 'k7' appears twice in this mapping (first at line 8); remove or rename one.",
            "f.yaml:52:1: error DBR1005: The key 'k40' appears twice in this mapping (first at line 41); remove or rename one.");

        var map = new YMapping(SourceLocation.None);
        for (var i = 0; i < 20; i++) map.Add(new YScalar(SourceLocation.None, $"k{i}", YScalarStyle.Plain, 0), new YScalar(SourceLocation.None, $"{i}", YScalarStyle.Plain, 0));
        map.Add(new YScalar(SourceLocation.None, "k3", YScalarStyle.Plain, 0), new YScalar(SourceLocation.None, "later", YScalarStyle.Plain, 0));
        ((YScalar)map["k3"]!).Value.Should().Be("3");
        ((YScalar)map["k19"]!).Value.Should().Be("19");
        map["k20"].Should().BeNull();
        map.Entries.Should().HaveCount(21);
    }

    [Fact]
    public void Duplicate_keys_in_nested_mappings_are_all_reported()
    {
        var (_, errors) = Read("a:\n  x: 1\n  x: 2\nb: { y: 1, y: 2 }\n");
        errors.Should().HaveCount(2);
        errors[0].Should().StartWith("f.yaml:3:3: error DBR1005: The key 'x' appears twice");
        errors[1].Should().StartWith("f.yaml:4:12: error DBR1005: The key 'y' appears twice");
    }

    [Fact]
    public void A_billion_laughs_alias_bomb_is_refused_quickly()
    {
        var sb = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var i = 1; i < 10; i++)
            sb.Append($"a{i}: &a{i} [{string.Join(",", Enumerable.Repeat($"*a{i - 1}", 9))}]\n");
        var sw = Stopwatch.StartNew();
        var (node, errors) = Read(sb.ToString());
        sw.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2));
        node.Should().BeNull();
        errors.Should().ContainSingle().Which.Should().Be("f.yaml:1:5: error DBR1004: Anchors (&a0) are not part of the pack format; write each value out in full.");
    }

    [Fact]
    public void An_alias_is_refused()
    {
        var (_, errors) = Read("a: 1\nb: *x\n");
        // An undefined alias may be reported by the YAML parser itself; either way nothing is expanded.
        errors.Should().ContainSingle().Which.Should().MatchRegex(@"^f\.yaml:2:4: error DBR100[14]: ");
    }

    [Fact]
    public void Deep_nesting_is_refused_with_DBR1003_without_crashing()
    {
        var text = new string('[', 100_000) + new string(']', 100_000);
        var sw = Stopwatch.StartNew();
        var (node, errors) = Read(text);
        sw.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        node.Should().BeNull();
        errors.Should().ContainSingle().Which.Should().Be("f.yaml:1:33: error DBR1003: The file nests deeper than 32 levels; flatten the structure.");
    }

    [Fact]
    public void Deep_block_nesting_is_refused_with_DBR1003()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < 40; i++) sb.Append(new string(' ', i * 2)).Append($"k{i}:\n");
        sb.Append(new string(' ', 80)).Append("x\n");
        var (_, errors) = Read(sb.ToString());
        errors.Should().ContainSingle().Which.Should().Contain("error DBR1003: The file nests deeper than 32 levels");
    }

    [Fact]
    public void Thirty_two_levels_are_allowed()
    {
        var text = new string('[', 32) + new string(']', 32);
        var (node, errors) = Read(text);
        errors.Should().BeEmpty();
        node.Should().BeOfType<YSequence>();
    }

    [Fact]
    public void Too_many_events_are_refused_with_DBR1003()
    {
        var text = "[" + string.Join(",", Enumerable.Repeat("0", 100_001)) + "]";
        var (node, errors) = Read(text);
        node.Should().BeNull();
        errors.Should().ContainSingle().Which.Should().Contain("error DBR1003: The file has more than 100,000 YAML elements.");
    }

    [Fact]
    public void A_file_over_one_mebibyte_is_refused_before_parsing()
    {
        var bytes = Encoding.UTF8.GetBytes("a: " + new string('x', 1024 * 1024) + "\n");
        var (node, errors) = Read(bytes);
        node.Should().BeNull();
        errors.Should().Equal($"f.yaml:1:1: error DBR1003: The file is {bytes.Length:N0} bytes; a pack file may be at most 1,048,576 bytes. Split it into several files.");
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_DBR1002_at_the_bad_byte()
    {
        var bytes = Encoding.Latin1.GetBytes("a: 1\ntitle: Regel voor één\n");
        var (node, errors) = Read(bytes);
        node.Should().BeNull();
        errors.Should().Equal("f.yaml:2:19: error DBR1002: The file is not valid UTF-8. Save it as UTF-8 (in most editors: 'Save with encoding' > UTF-8).");
    }

    [Fact]
    public void A_byte_order_mark_is_allowed()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("a: 1\n")).ToArray();
        var (node, errors) = Read(bytes);
        errors.Should().BeEmpty();
        node.Should().BeOfType<YMapping>().Which.Entries.Single().Key.Value.Should().Be("a");
    }

    [Theory]
    [InlineData("a: !!str 12\n", "f.yaml:1:4: error DBR1004: Tags (tag:yaml.org,2002:str) are not part of the pack format; remove the tag.")]
    [InlineData("a: !eigen x\n", "f.yaml:1:4: error DBR1004: Tags (!eigen) are not part of the pack format; remove the tag.")]
    [InlineData("a: &x 1\n", "f.yaml:1:4: error DBR1004: Anchors (&x) are not part of the pack format; write each value out in full.")]
    [InlineData("a: 1\n<<: { b: 2 }\n", "f.yaml:2:1: error DBR1004: Merge keys (<<) are not part of the pack format; write the keys out in full.")]
    [InlineData("a: 1\n---\nb: 2\n", "f.yaml:2:1: error DBR1004: A pack file holds one YAML document; remove the '---' separator and put the rest in another file.")]
    public void Tags_anchors_merge_keys_and_several_documents_are_refused(string text, string expected)
    {
        var (node, errors) = Read(text);
        node.Should().BeNull();
        errors.Should().Equal(expected);
    }

    [Fact]
    public void A_quoted_merge_key_is_just_a_key()
    {
        var (node, errors) = Read("\"<<\": 1\n");
        errors.Should().BeEmpty();
        ((YMapping)node!).Entries.Single().Key.Value.Should().Be("<<");
    }

    [Fact]
    public void Scalars_keep_their_text_exactly()
    {
        var (node, errors) = Read("a: 012\nb: \"012\"\nc: yes\nd: on\ne: 4:84\nf: 1_000\n");
        errors.Should().BeEmpty();
        var map = (YMapping)node!;
        map.Entries.Select(e => ((YScalar)e.Value).Value).Should().Equal("012", "012", "yes", "on", "4:84", "1_000");
    }

    [Fact]
    public void An_empty_file_is_no_node_and_no_error()
    {
        var (node, errors) = Read("");
        errors.Should().BeEmpty();
        node.Should().BeNull();
    }
}
