using Doorbraak.Rules.Hosting;
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Doorbraak.Rules.Tests.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using static Doorbraak.Rules.Tests.Hosting.TelemetryTests;

namespace Doorbraak.Rules.Tests.Hosting;

/// <summary>Hot reload from host start, the instrumented planner, durations in seconds and the content hash in the reload log.</summary>
[Collection(HostingCollection.Name)]
public class StartupAndPlannerTests
{
    private static readonly DateOnly Peildatum = new(2026, 3, 1);

    private static ServiceProvider Build(ListLogger logger, Action<DoorbraakRulesBuilder> packs)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(new SingleLoggerFactory(logger));
        packs(services.AddDoorbraakRules());
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task The_hosted_service_loads_the_packs_and_starts_watching_when_the_host_starts_not_at_the_first_request()
    {
        var logger = new ListLogger();
        using var pack = new TempPack();
        using var sp = Build(logger, b => b.AddPackDirectory(pack.Folder).WatchForChanges(TimeSpan.FromMilliseconds(50)));
        logger.Lines.Should().BeEmpty("nothing is loaded before the host starts");

        var hosted = sp.GetServices<IHostedService>().Should().ContainSingle(s => s.GetType().Name == "DoorbraakRulesHostedService").Subject;
        await hosted.StartAsync(CancellationToken.None);

        logger.Lines.Should().Contain(l => l.Contains("Loaded 1 policy pack(s)", StringComparison.Ordinal));
        logger.Lines.Should().Contain(l => l.Contains("Watching pack folder " + pack.Folder, StringComparison.Ordinal));

        // No request has taken an engine yet, and a change is picked up.
        pack.Write("facts.yaml", MiniPack.Facts.Replace("value: 2002.13", "value: 2100.00"));
        (await Poll.Until(() => logger.Lines.Any(l => l.Contains("Reloaded 1 policy pack(s)", StringComparison.Ordinal))))
            .Should().BeTrue("the watcher runs from host start");
        sp.GetRequiredService<DoorbraakEngine>().Evaluate(MiniPack.S1(), Peildatum)
            .Determinations.Single(d => d.Rule == "pw.kostendelersnorm").Value.Should().Be("1050.00");

        // After the host stops, changes are no longer watched.
        await hosted.StopAsync(CancellationToken.None);
        var current = sp.GetRequiredService<IDoorbraakEngineProvider>().Current;
        pack.Write("facts.yaml", MiniPack.Facts);
        await Task.Delay(400);
        sp.GetRequiredService<IDoorbraakEngineProvider>().Current.Should().BeSameAs(current);
    }

    [Fact]
    public async Task In_a_generic_host_hot_reload_runs_from_StartAsync_before_any_request()
    {
        var logger = new ListLogger();
        using var pack = new TempPack();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<ILoggerFactory>(new SingleLoggerFactory(logger));
        builder.Services.AddDoorbraakRules().AddPackDirectory(pack.Folder).WatchForChanges(TimeSpan.FromMilliseconds(50)).ValidateOnStart();
        using var host = builder.Build();
        logger.Lines.Should().BeEmpty();

        await host.StartAsync();
        logger.Lines.Should().Contain(l => l.Contains("Watching pack folder", StringComparison.Ordinal));
        pack.Write("facts.yaml", MiniPack.Facts.Replace("value: 2002.13", "value: 2100.00"));
        (await Poll.Until(() => logger.Lines.Any(l => l.Contains("Reloaded 1 policy pack(s)", StringComparison.Ordinal)))).Should().BeTrue();
        await host.StopAsync();
    }

    [Fact]
    public void AddDoorbraakRules_registers_the_hosted_service_once()
    {
        var services = new ServiceCollection();
        services.AddDoorbraakRules().AddPackSource(MiniPack.Source());
        services.AddDoorbraakRules();
        services.Count(d => d.ServiceType == typeof(IHostedService)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(IDoorbraakPlanner)).Should().Be(1);
    }

    [Fact]
    public async Task Load_and_reload_log_lines_carry_the_sha256_of_the_packs_content()
    {
        var logger = new ListLogger();
        using var pack = new TempPack();
        using var sp = Build(logger, b => b.AddPackDirectory(pack.Folder));
        var provider = sp.GetRequiredService<IDoorbraakEngineProvider>();
        pack.Write("facts.yaml", MiniPack.Facts.Replace("value: 2002.13", "value: 2100.00"));
        (await provider.ReloadAsync()).Should().BeTrue();

        var hash = new Regex("content sha256 ([0-9a-f]{64})");
        var loaded = logger.Lines.Single(l => l.Contains("Loaded 1 policy pack(s): test.mini@1.0.0", StringComparison.Ordinal));
        var reloaded = logger.Lines.Single(l => l.Contains("Reloaded 1 policy pack(s): test.mini@1.0.0", StringComparison.Ordinal));
        var before = hash.Match(loaded).Groups[1].Value;
        var after = hash.Match(reloaded).Groups[1].Value;
        before.Should().HaveLength(64);
        after.Should().HaveLength(64).And.NotBe(before);
        reloaded.Should().Contain("was " + before);
    }

    [Fact]
    public void Every_duration_histogram_is_in_seconds()
    {
        var units = new ConcurrentDictionary<string, string?>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, _) =>
        {
            if (instrument.Meter.Name == DoorbraakDiagnostics.MeterName && instrument.GetType().Name.StartsWith("Histogram", StringComparison.Ordinal))
                units[instrument.Name] = instrument.Unit;
        };
        listener.Start();
        using var sp = Build(new ListLogger(), b => b.AddPackSource(MiniPack.Source()));
        sp.GetRequiredService<IDoorbraakEvaluator>().Evaluate(MiniPack.S1(), Peildatum);

        units.Keys.Should().Contain(["doorbraak.evaluation.duration", "doorbraak.decide.duration", "doorbraak.assemble.duration"]);
        units.Values.Should().OnlyContain(u => u == "s");
    }

    [Fact]
    public void The_instrumented_planner_records_decisions_refusals_and_plans_in_seconds()
    {
        var measurements = new ConcurrentBag<(string Name, double Value, string? Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == DoorbraakDiagnostics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        static string? Outcome(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            foreach (var t in tags) if (t.Key == "doorbraak.outcome") return t.Value as string;
            return null;
        }
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Add((i.Name, v, Outcome(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Add((i.Name, v, Outcome(tags))));
        listener.Start();

        using var sp = Build(new ListLogger(), b => b.AddPackSource(MiniPack.Source()));
        var planner = sp.GetRequiredService<IDoorbraakPlanner>();
        var result = sp.GetRequiredService<IDoorbraakEvaluator>().Evaluate(MiniPack.S1(), Peildatum);
        var request = new DecisionRequest("afw.kostendelersnorm-tijdelijk", DecisionOutcome.Accepted, "T. Leider", "teamleider",
            "Sem dreigt dakloos te raken; zijn plan voor werk en woonruimte is haalbaar.");
        var decision = planner.Decide(MiniPack.S1(), result, request);
        var refused = () => planner.Decide(MiniPack.S1(), result, request with { Mandate = "consulent" });
        refused.Should().Throw<DecisionException>();
        var plan = planner.Assemble(MiniPack.S1(), result, [decision], new PlanDetails { CaseReference = "dossier-1" });
        plan.Decisions.Should().ContainSingle();
        var attempt = planner.TryDecide(MiniPack.S1(), result, request with { Motivation = " " });
        attempt.Refusal!.Code.Should().Be(DecisionRefusalCode.Motivation);
        var @case = planner.OpenCase(MiniPack.S1(), Peildatum, caseReference: "dossier-2");
        @case.Engine.Should().BeSameAs(sp.GetRequiredService<IDoorbraakEngineProvider>().Current, "a case keeps the engine it was opened on");
        @case.Decide(request).Outcome.Should().Be(DecisionOutcome.Accepted);

        var list = measurements.ToList();
        list.Where(m => m.Name == "doorbraak.decisions").Select(m => m.Outcome).Should().BeEquivalentTo(["ok", "refused", "refused"]);
        list.Where(m => m.Name == "doorbraak.plans").Select(m => m.Outcome).Should().Equal("ok");
        // Two Decide calls (one refused), one refused TryDecide and one Assemble, each timed in seconds.
        list.Where(m => m.Name is "doorbraak.decide.duration" or "doorbraak.assemble.duration").Should().HaveCount(4)
            .And.OnlyContain(m => m.Value >= 0 && m.Value < 30);
    }

    private sealed class SingleLoggerFactory(ListLogger logger) : ILoggerFactory
    {
        public void AddProvider(ILoggerProvider provider) { }
        public ILogger CreateLogger(string categoryName) => logger;
        public void Dispose() { }
    }
}
