using Microsoft.Extensions.Options;
using Doorbraak.Rules.Hosting;
using Doorbraak.Rules.Tests.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace Doorbraak.Rules.Tests.Hosting;

[Collection(HostingCollection.Name)]
public class HotReloadTests
{
    private static readonly DateOnly Peildatum = new(2026, 3, 1);

    private static string Norm(DoorbraakEngine engine) =>
        engine.Evaluate(MiniPack.S1(), Peildatum).Determinations.Single(d => d.Rule == "pw.kostendelersnorm").Value;

    private static ServiceProvider Start(TempPack pack, bool watch = true)
    {
        var services = new ServiceCollection();
        var builder = services.AddDoorbraakRules().AddPackDirectory(pack.Folder);
        if (watch) builder.WatchForChanges(TimeSpan.FromMilliseconds(50));
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task A_changed_parameter_is_used_after_the_reload_and_in_flight_evaluations_keep_the_old_set()
    {
        using var pack = new TempPack();
        using var sp = Start(pack);
        var provider = sp.GetRequiredService<IDoorbraakEngineProvider>();
        var before = provider.Current;
        Norm(before).Should().Be("1001.07");
        var token = provider.GetReloadToken();
        PackSetReloadedEventArgs? reloaded = null;
        provider.Reloaded += (_, e) => reloaded = e;

        pack.Write("facts.yaml", MiniPack.Facts.Replace("value: 2002.13", "value: 2100.00"));

        (await Poll.Until(() => !ReferenceEquals(provider.Current, before))).Should().BeTrue("the watcher should reload the changed pack");
        Norm(provider.Current).Should().Be("1050.00");
        Norm(sp.GetRequiredService<DoorbraakEngine>()).Should().Be("1050.00");
        Norm(before).Should().Be("1001.07", "an engine taken before the reload keeps its pack set");
        token.HasChanged.Should().BeTrue();
        (await Poll.Until(() => reloaded is not null)).Should().BeTrue();
        reloaded!.Previous.Should().BeSameAs(before);
        reloaded.Packs.Single().Sha256.Should().NotBe(before.PackSet.Packs.Single().Sha256);
        provider.LastReloadError.Should().BeNull();
    }

    [Fact]
    public async Task A_broken_file_keeps_the_last_good_set_and_reports_why_until_it_is_fixed()
    {
        using var pack = new TempPack();
        using var sp = Start(pack);
        var provider = sp.GetRequiredService<IDoorbraakEngineProvider>();
        var good = provider.Current;
        PackReloadFailure? failed = null;
        provider.ReloadFailed += (_, e) => failed = e.Failure;

        pack.Write("rules.yaml", MiniPack.Rules.Replace("pw.norm.gehuwden * 0.5", "pw.norm.gehuwden *"));

        (await Poll.Until(() => provider.LastReloadError is not null)).Should().BeTrue("the broken file should be reported");
        provider.Current.Should().BeSameAs(good);
        var error = provider.LastReloadError!;
        error.Diagnostics.Should().Contain(d => d.Location.File.EndsWith("rules.yaml", StringComparison.Ordinal));
        error.ToString().Should().Contain("did not load").And.Contain("rules.yaml");
        (await Poll.Until(() => failed is not null)).Should().BeTrue();
        Norm(provider.Current).Should().Be("1001.07");

        // Fixing the file swaps in the fixed set and clears the error.
        pack.Write("rules.yaml", MiniPack.Rules.Replace("pw.norm.gehuwden * 0.5", "pw.norm.gehuwden * 0.6"));
        (await Poll.Until(() => !ReferenceEquals(provider.Current, good))).Should().BeTrue();
        provider.LastReloadError.Should().BeNull();
        Norm(provider.Current).Should().Be("1201.28");
    }

    [Fact]
    public async Task A_deleted_manifest_is_a_failed_reload()
    {
        using var pack = new TempPack();
        using var sp = Start(pack);
        var provider = sp.GetRequiredService<IDoorbraakEngineProvider>();
        var good = provider.Current;
        File.Delete(Path.Combine(pack.Folder, "pack.yaml"));
        (await Poll.Until(() => provider.LastReloadError is not null)).Should().BeTrue();
        provider.LastReloadError!.Message.Should().Contain("pack.yaml");
        provider.Current.Should().BeSameAs(good);
    }

    [Fact]
    public async Task Without_watching_a_change_is_picked_up_only_by_ReloadAsync()
    {
        using var pack = new TempPack();
        using var sp = Start(pack, watch: false);
        var provider = sp.GetRequiredService<IDoorbraakEngineProvider>();
        var before = provider.Current;
        pack.Write("facts.yaml", MiniPack.Facts.Replace("value: 2002.13", "value: 2100.00"));
        await Task.Delay(300);
        provider.Current.Should().BeSameAs(before);

        (await provider.ReloadAsync()).Should().BeTrue();
        Norm(provider.Current).Should().Be("1050.00");
        // Reloading unchanged content keeps the engine.
        var after = provider.Current;
        (await provider.ReloadAsync()).Should().BeTrue();
        provider.Current.Should().BeSameAs(after);
    }

    [Fact]
    public async Task Evaluations_running_during_reloads_all_complete_on_a_whole_set()
    {
        using var pack = new TempPack();
        using var sp = Start(pack, watch: false);
        var provider = sp.GetRequiredService<IDoorbraakEngineProvider>();
        var evaluator = sp.GetRequiredService<IDoorbraakEvaluator>();
        using var stop = new CancellationTokenSource();
        var seen = new System.Collections.Concurrent.ConcurrentBag<string>();
        var workers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
                seen.Add(evaluator.Evaluate(MiniPack.S1(), Peildatum).Determinations.Single(d => d.Rule == "pw.kostendelersnorm").Value);
        })).ToList();
        foreach (var value in new[] { "2100.00", "2002.13", "2100.00" })
        {
            pack.Write("facts.yaml", MiniPack.Facts.Replace("value: 2002.13", "value: " + value));
            (await provider.ReloadAsync()).Should().BeTrue();
        }
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        seen.Should().NotBeEmpty().And.OnlyContain(v => v == "1001.07" || v == "1050.00");
    }

    [Fact]
    public async Task A_pack_folder_replaced_as_a_whole_is_picked_up()
    {
        using var pack = new TempPack();
        using var sp = Start(pack);
        var provider = sp.GetRequiredService<IDoorbraakEngineProvider>();
        var before = provider.Current;
        var next = pack.Folder + ".new";
        Directory.CreateDirectory(next);
        File.WriteAllText(Path.Combine(next, "pack.yaml"), MiniPack.Manifest);
        File.WriteAllText(Path.Combine(next, "facts.yaml"), MiniPack.Facts.Replace("value: 2002.13", "value: 2100.00"));
        File.WriteAllText(Path.Combine(next, "rules.yaml"), MiniPack.Rules);

        Directory.Move(pack.Folder, pack.Folder + ".old");
        Directory.Move(next, pack.Folder);

        (await Poll.Until(() => !ReferenceEquals(provider.Current, before))).Should().BeTrue("the swapped-in folder should be loaded");
        Norm(provider.Current).Should().Be("1050.00");

        // Later edits to the new folder are watched too.
        var swapped = provider.Current;
        pack.Write("facts.yaml", MiniPack.Facts.Replace("value: 2002.13", "value: 2200.00"));
        (await Poll.Until(() => !ReferenceEquals(provider.Current, swapped))).Should().BeTrue("edits after the swap should be reloaded");
        Norm(provider.Current).Should().Be("1100.00");
    }

    [Fact]
    public async Task A_fifo_added_during_hot_reload_is_reported_and_does_not_block_later_reloads()
    {
        if (!OperatingSystem.IsLinux()) return; // FIFOs are a Unix file type; the CI runs on Linux.
        using var pack = new TempPack();
        using var sp = Start(pack);
        var provider = sp.GetRequiredService<IDoorbraakEngineProvider>();
        var good = provider.Current;
        var fifo = Path.Combine(pack.Folder, "pipe.yaml");
        using (var mk = System.Diagnostics.Process.Start("mkfifo", fifo)) await mk.WaitForExitAsync();
        pack.Write("facts.yaml", MiniPack.Facts.Replace("value: 2002.13", "value: 2100.00"));

        (await Poll.Until(() => provider.LastReloadError is not null)).Should().BeTrue("the FIFO should fail the reload, not hang it");
        provider.LastReloadError!.ToString().Should().Contain("DBR1300").And.Contain("pipe.yaml");
        provider.Current.Should().BeSameAs(good);

        File.Delete(fifo);
        (await Poll.Until(() => !ReferenceEquals(provider.Current, good))).Should().BeTrue("a later reload should still run");
        Norm(provider.Current).Should().Be("1050.00");
    }

    [Fact]
    public async Task A_load_that_hangs_is_abandoned_after_the_timeout_and_reported()
    {
        using var pack = new TempPack();
        var services = new ServiceCollection();
        services.AddDoorbraakRules().AddPackDirectory(pack.Folder).Configure(o => o.ReloadTimeout = TimeSpan.FromMilliseconds(300));
        using var sp = services.BuildServiceProvider();
        var provider = (DoorbraakEngineProvider)sp.GetRequiredService<IDoorbraakEngineProvider>();
        using var release = new ManualResetEventSlim();
        var normal = provider.Loader;
        provider.Loader = (o, now) => { release.Wait(); return normal(o, now); };
        PackReloadFailure? failed = null;
        provider.ReloadFailed += (_, e) => failed = e.Failure;

        (await provider.ReloadAsync()).Should().BeFalse();
        failed.Should().NotBeNull();
        failed!.ToString().Should().Contain("did not load within 0.3 seconds");

        // The gate is free: the next reload runs (and succeeds once loading works again). The limit goes back to the
        // default so that a slow machine does not abandon this real load too.
        release.Set();
        provider.Loader = normal;
        sp.GetRequiredService<IOptionsMonitor<DoorbraakRulesOptions>>().CurrentValue.ReloadTimeout = TimeSpan.FromSeconds(30);
        pack.Write("facts.yaml", MiniPack.Facts.Replace("value: 2002.13", "value: 2100.00"));
        (await provider.ReloadAsync()).Should().BeTrue();
        Norm(provider.Current).Should().Be("1050.00");
    }
}
