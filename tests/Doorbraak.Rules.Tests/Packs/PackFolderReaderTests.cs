using System.Diagnostics;
using static Doorbraak.Rules.Tests.Packs.TestPacks;

namespace Doorbraak.Rules.Tests.Packs;

/// <summary>
/// Issue #20 item 1-2: a pack folder is read only as regular files inside it (links confined, devices and FIFOs refused
/// before any read, folder links never followed), and a Kubernetes ConfigMap mount still loads.
/// </summary>
public sealed class PackFolderReaderTests : IDisposable
{
    private readonly string _base = Path.Combine(Path.GetTempPath(), "doorbraak-fs-" + Guid.NewGuid().ToString("N"));

    public PackFolderReaderTests() => Directory.CreateDirectory(_base);

    public void Dispose() => Directory.Delete(_base, recursive: true);

    private string Pack(string name = "nl")
    {
        var dir = Path.Combine(_base, name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "pack.yaml"), Manifest());
        File.WriteAllText(Path.Combine(dir, "regels.yaml"), RulesFile);
        return dir;
    }

    /// <summary>Loads with a time limit, so that a hang (the bug) fails the test instead of blocking the run.</summary>
    private static (PackSet? Set, IReadOnlyList<Diagnostic> Diagnostics) LoadWithin(string dir)
    {
        var task = Task.Run(() => PackSet.TryLoad([PolicyPackSource.FromDirectory(dir)]));
        task.Wait(TimeSpan.FromSeconds(20)).Should().BeTrue("loading must never block on one file");
        return task.Result;
    }

    [Fact]
    public void A_link_to_dev_zero_is_refused_as_DBR1300_without_reading()
    {
        var dir = Pack();
        File.CreateSymbolicLink(Path.Combine(dir, "zero.yaml"), "/dev/zero");
        var (set, diagnostics) = LoadWithin(dir);
        set.Should().BeNull();
        Errors(diagnostics).Should().ContainSingle().Which.Should().StartWith($"{dir}/zero.yaml:1:1: error DBR1300: The link 'zero.yaml' -> '/dev/zero' points outside the pack folder");
    }

    [Fact]
    public void A_fifo_is_refused_as_DBR1300_and_does_not_hang()
    {
        if (!OperatingSystem.IsLinux()) return; // FIFOs are a Unix file type; the CI runs on Linux.
        var dir = Pack();
        using (var mk = Process.Start("mkfifo", Path.Combine(dir, "pipe.yaml"))) mk.WaitForExit();
        var (set, diagnostics) = LoadWithin(dir);
        set.Should().BeNull();
        Errors(diagnostics).Should().ContainSingle().Which.Should().StartWith($"{dir}/pipe.yaml:1:1: error DBR1300: 'pipe.yaml' is a FIFO (named pipe), not a regular file");
    }

    [Fact]
    public void A_link_to_a_file_outside_is_refused_and_its_content_never_printed()
    {
        var dir = Pack();
        var secret = Path.Combine(_base, "shadow");
        File.WriteAllText(secret, "root:*:19000:0:99999:7:::\n");
        File.CreateSymbolicLink(Path.Combine(dir, "shadow.yaml"), secret);
        var (set, diagnostics) = LoadWithin(dir);
        set.Should().BeNull();
        var errors = Errors(diagnostics);
        errors.Should().ContainSingle().Which.Should().Contain("DBR1300").And.Contain("points outside the pack folder");
        errors.Should().NotContain(e => e.Contains("root:*", StringComparison.Ordinal));
    }

    [Fact]
    public void A_relative_link_climbing_out_of_the_folder_is_refused()
    {
        var dir = Pack();
        File.WriteAllText(Path.Combine(_base, "buiten.yaml"), "rules: []\n");
        File.CreateSymbolicLink(Path.Combine(dir, "buiten.yaml"), "../buiten.yaml");
        var (_, diagnostics) = LoadWithin(dir);
        Errors(diagnostics).Should().ContainSingle().Which.Should().Contain("DBR1300: The link 'buiten.yaml' -> '../buiten.yaml' points outside the pack folder");
    }

    [Fact]
    public void Folder_links_are_not_followed_so_loops_and_sibling_packs_are_refused()
    {
        var dir = Pack();
        var sibling = Pack("regio");
        Directory.CreateSymbolicLink(Path.Combine(dir, "loop"), "..");
        Directory.CreateSymbolicLink(Path.Combine(dir, "andere"), sibling);
        Directory.CreateDirectory(Path.Combine(dir, "sub"));
        Directory.CreateSymbolicLink(Path.Combine(dir, "sub", "terug"), "..");
        var (set, diagnostics) = LoadWithin(dir);
        set.Should().BeNull();
        Errors(diagnostics).Should().HaveCount(3).And.OnlyContain(e => e.Contains("DBR1300", StringComparison.Ordinal));
        Errors(diagnostics).Should().Contain(e => e.StartsWith($"{dir}/sub/terug:1:1: error DBR1300: 'sub/terug' is a link to the folder ''", StringComparison.Ordinal));
    }

    [Fact]
    public void A_kubernetes_configmap_mount_loads()
    {
        // The layout kubelet writes: the files in a timestamped hidden folder, '..data' linking to it, and each key
        // at the top as a link through '..data'.
        var dir = Path.Combine(_base, "configmap");
        var stamp = Path.Combine(dir, "..2026_11_30_05_12_34.123456789");
        Directory.CreateDirectory(stamp);
        File.WriteAllText(Path.Combine(stamp, "pack.yaml"), Manifest());
        File.WriteAllText(Path.Combine(stamp, "regels.yaml"), RulesFile);
        Directory.CreateSymbolicLink(Path.Combine(dir, "..data"), "..2026_11_30_05_12_34.123456789");
        File.CreateSymbolicLink(Path.Combine(dir, "pack.yaml"), "..data/pack.yaml");
        File.CreateSymbolicLink(Path.Combine(dir, "regels.yaml"), "..data/regels.yaml");
        var (set, diagnostics) = LoadWithin(dir);
        Errors(diagnostics).Should().BeEmpty();
        set!.Packs.Should().ContainSingle().Which.Id.Should().Be("test.basis");
        set.RuleSet.Packs.Rules.Single().Location.ToString().Should().StartWith($"{dir}/regels.yaml:");
    }

    [Fact]
    public void Hidden_files_and_folders_are_skipped()
    {
        var dir = Pack();
        Directory.CreateDirectory(Path.Combine(dir, ".git"));
        File.WriteAllText(Path.Combine(dir, ".git", "kapot.yaml"), "niet: [geldig");
        File.WriteAllText(Path.Combine(dir, ".regels.yaml.swp"), "x");
        var (set, diagnostics) = LoadWithin(dir);
        Errors(diagnostics).Should().BeEmpty();
        set.Should().NotBeNull();
    }

    [Fact]
    public void A_link_inside_the_folder_to_a_regular_file_is_read()
    {
        var dir = Path.Combine(_base, "met-link");
        Directory.CreateDirectory(Path.Combine(dir, "echt"));
        File.WriteAllText(Path.Combine(dir, "pack.yaml"), Manifest());
        File.WriteAllText(Path.Combine(dir, "echt", "regels.txt"), RulesFile);
        File.CreateSymbolicLink(Path.Combine(dir, "regels.yaml"), "echt/regels.txt");
        var (set, diagnostics) = LoadWithin(dir);
        Errors(diagnostics).Should().BeEmpty();
        set!.RuleSet.Packs.Rules.Should().ContainSingle();
    }

    [Fact]
    public void The_read_is_bounded_by_bytes_read()
    {
        var dir = Pack();
        File.WriteAllText(Path.Combine(dir, "groot.yaml"), "# " + new string('x', 5000) + "\n");
        var (_, diagnostics) = PackSet.TryLoad([PolicyPackSource.FromDirectory(dir)], new PackLoadOptions { MaxFileBytes = 4096 });
        Errors(diagnostics).Should().ContainSingle().Which.Should().StartWith($"{dir}/groot.yaml:1:1: error DBR1003: The file is 5,003 bytes");
    }
}
