using System.Text;
using static Doorbraak.Rules.Tests.Packs.TestPacks;

namespace Doorbraak.Rules.Tests.Packs;

/// <summary>Pack sources (folder, embedded resources, memory) and the content hash.</summary>
public sealed class PolicyPackSourceTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "doorbraak-packs-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private string WriteFolder(params (string Path, byte[] Content)[] files)
    {
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(_dir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, content);
        }
        return _dir;
    }

    private static string Hash(params (string Path, byte[] Content)[] files)
    {
        var (set, diagnostics) = Load(Bytes("test", files));
        Errors(diagnostics).Should().BeEmpty();
        return set!.Packs.Single().Sha256;
    }

    [Fact]
    public void Loads_a_pack_from_a_folder_with_subfolders()
    {
        var dir = WriteFolder(("pack.yaml", Utf8(Manifest())), ("rules/regels.yaml", Utf8(RulesFile)), ("README.txt", Utf8("geen yaml")));
        var set = PackSet.LoadDirectories(dir);
        set.Packs.Should().ContainSingle().Which.Id.Should().Be("test.basis");
        set.RuleSet.Packs.Rules.Single().Location.ToString().Should().Be($"{dir}/rules/regels.yaml:6:5");
    }

    [Fact]
    public void A_folder_reports_errors_with_its_paths()
    {
        var dir = WriteFolder(("pack.yaml", Utf8(Manifest())), ("rules/regels.yaml", Utf8(RulesFile.Replace("title: Regel een", "titel: Regel een"))));
        var (set, diagnostics) = PackSet.TryLoad([PolicyPackSource.FromDirectory(dir)]);
        set.Should().BeNull();
        Errors(diagnostics).Should().Contain(e => e.StartsWith($"{dir}/rules/regels.yaml:7:5: error DBR1010: Unknown key 'titel'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_folder_is_DBR1035()
    {
        var missing = Path.Combine(_dir, "bestaat-niet");
        var (set, diagnostics) = PackSet.TryLoad([PolicyPackSource.FromDirectory(missing)]);
        set.Should().BeNull();
        Errors(diagnostics).Should().Equal($"{missing}:1:1: error DBR1035: The pack folder does not exist; check the path.");
    }

    [Fact]
    public void An_oversized_file_in_a_folder_is_DBR1003_without_reading_it()
    {
        var big = new byte[1024 * 1024 + 1];
        Array.Fill(big, (byte)'#');
        var dir = WriteFolder(("pack.yaml", Utf8(Manifest())), ("rules.yaml", Utf8(RulesFile)), ("groot.yaml", big));
        var (set, diagnostics) = PackSet.TryLoad([PolicyPackSource.FromDirectory(dir)]);
        set.Should().BeNull();
        Errors(diagnostics).Should().Equal($"{dir}/groot.yaml:1:1: error DBR1003: The file is 1,048,577 bytes; a pack file may be at most 1,048,576 bytes. Split it into several files.");
    }

    [Fact]
    public void Loads_a_pack_from_embedded_resources()
    {
        var set = PackSet.Load([PolicyPackSource.FromEmbeddedResources(typeof(PolicyPackSourceTests).Assembly, "testpacks/mini/")]);
        set.Packs.Should().ContainSingle().Which.Id.Should().Be("test.embedded");
        set.RuleSet.Packs.Rules.Single().Location.ToString().Should().Be("Doorbraak.Rules.Tests:testpacks/mini/rules/regels.yaml:6:5");
    }

    [Fact]
    public void An_embedded_prefix_without_resources_is_DBR1035()
    {
        var (set, diagnostics) = PackSet.TryLoad([PolicyPackSource.FromEmbeddedResources(typeof(PolicyPackSourceTests).Assembly, "testpacks/geen/")]);
        set.Should().BeNull();
        Errors(diagnostics).Should().Contain("Doorbraak.Rules.Tests:testpacks/geen/:1:1: error DBR1035: The assembly Doorbraak.Rules.Tests has no .yaml resources starting with 'testpacks/geen/'.");
    }

    [Fact]
    public void The_same_pack_from_folder_memory_and_embedded_resources_has_the_same_hash()
    {
        var asm = typeof(PolicyPackSourceTests).Assembly;
        (string, byte[]) Resource(string name)
        {
            using var s = asm.GetManifestResourceStream("testpacks/mini/" + name)!;
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            return (name, ms.ToArray());
        }
        var files = new[] { Resource("pack.yaml"), Resource("rules/regels.yaml") };
        var embedded = PackSet.Load([PolicyPackSource.FromEmbeddedResources(asm, "testpacks/mini/")]).Packs.Single().Sha256;
        var folder = PackSet.LoadDirectories(WriteFolder(files)).Packs.Single().Sha256;
        var memory = PackSet.Load([Bytes("ergens", files)]).Packs.Single().Sha256;
        folder.Should().Be(embedded);
        memory.Should().Be(embedded);
    }

    [Fact]
    public void The_content_hash_is_stable_across_line_endings_and_a_byte_order_mark()
    {
        var lf = Hash(("pack.yaml", Utf8(Manifest())), ("rules.yaml", Utf8(RulesFile)));
        var crlf = Hash(("pack.yaml", Utf8(Manifest().Replace("\n", "\r\n"))), ("rules.yaml", Utf8(RulesFile.Replace("\n", "\r\n"))));
        var bom = Hash(("pack.yaml", [0xEF, 0xBB, 0xBF, .. Utf8(Manifest())]), ("rules.yaml", [0xEF, 0xBB, 0xBF, .. Utf8(RulesFile.Replace("\n", "\r\n"))]));
        var reordered = Hash(("rules.yaml", Utf8(RulesFile)), ("pack.yaml", Utf8(Manifest())));
        crlf.Should().Be(lf);
        bom.Should().Be(lf);
        reordered.Should().Be(lf);
        Hash(("pack.yaml", Utf8(Manifest())), ("rules.yaml", Utf8(RulesFile))).Should().Be(lf, "the hash is deterministic");
    }

    [Fact]
    public void The_content_hash_changes_when_content_changes()
    {
        var original = Hash(("pack.yaml", Utf8(Manifest())), ("rules.yaml", Utf8(RulesFile)));
        var oneChar = Hash(("pack.yaml", Utf8(Manifest())), ("rules.yaml", Utf8(RulesFile.Replace(">= 27", ">= 28"))));
        var comment = Hash(("pack.yaml", Utf8(Manifest())), ("rules.yaml", Utf8(RulesFile + "\n# opmerking\n")));
        var renamed = Hash(("pack.yaml", Utf8(Manifest())), ("regels.yaml", Utf8(RulesFile)));
        new[] { original, oneChar, comment, renamed }.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void The_content_hash_does_not_run_files_together()
    {
        // Moving text from the end of one file to the start of the next must change the hash.
        var a = Hash(("pack.yaml", Utf8(Manifest())), ("rules.yaml", Utf8(RulesFile + "\n")), ("z.yaml", Utf8("# x\n")));
        var b = Hash(("pack.yaml", Utf8(Manifest())), ("rules.yaml", Utf8(RulesFile + "\n# x\n")), ("z.yaml", Utf8("")));
        a.Should().NotBe(b);
    }

    [Fact]
    public void Memory_sources_keep_text_as_utf8()
    {
        var (set, diagnostics) = Load(With("test", ("rules.yaml", RulesFile.Replace("Regel een", "Regel één – ‘test’"))));
        Errors(diagnostics).Should().BeEmpty();
        set!.RuleSet.Packs.Rules.Single().Title.Should().Be("Regel één – ‘test’");
        Encoding.UTF8.GetByteCount("één").Should().Be(5);
    }
}
