using Doorbraak.Rules.Hosting;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Doorbraak.Rules.Tests.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Doorbraak.Rules.Tests.Hosting;

[Collection(HostingCollection.Name)]
public class TelemetryTests
{
    private static readonly DateOnly Peildatum = new(2026, 3, 1);

    private static ServiceProvider Build(ListLogger? logger = null)
    {
        var services = new ServiceCollection();
        if (logger is not null) services.AddSingleton<ILoggerFactory>(new ListLoggerFactory(logger));
        services.AddDoorbraakRules().AddPackSource(MiniPack.Source());
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Evaluations_record_counts_and_duration()
    {
        var measurements = new ConcurrentBag<(string Name, double Value, KeyValuePair<string, object?>[] Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == DoorbraakDiagnostics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Add((i.Name, v, tags.ToArray())));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Add((i.Name, v, tags.ToArray())));
        listener.Start();

        using var sp = Build();
        var evaluator = sp.GetRequiredService<IDoorbraakEvaluator>();
        var a = evaluator.Evaluate(MiniPack.S1(), Peildatum);
        var b = evaluator.Evaluate(MiniPack.S1(sonBirthYear: 2000), Peildatum);
        a.Collisions.Should().NotBeEmpty();

        var list = measurements.ToList();
        list.Where(m => m.Name == "doorbraak.evaluations").Sum(m => m.Value).Should().Be(2);
        list.Where(m => m.Name == "doorbraak.evaluations").Should().OnlyContain(m => m.Tags.Any(t => t.Key == "doorbraak.outcome" && (string?)t.Value == "ok"));
        list.Where(m => m.Name == "doorbraak.evaluation.duration").Should().HaveCount(2).And.OnlyContain(m => m.Value >= 0);
        list.Where(m => m.Name == "doorbraak.collisions").Sum(m => m.Value).Should().Be(a.Collisions.Count + b.Collisions.Count);
        list.Where(m => m.Name == "doorbraak.proposals").Sum(m => m.Value).Should().Be(a.Proposals.Count + b.Proposals.Count);
    }

    [Fact]
    public void A_failed_evaluation_counts_as_error()
    {
        var outcomes = new ConcurrentBag<string?>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == DoorbraakDiagnostics.MeterName && instrument.Name == "doorbraak.evaluations") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var t in tags) if (t.Key == "doorbraak.outcome") outcomes.Add(t.Value as string);
        });
        listener.Start();

        using var sp = Build();
        var household = MiniPack.S1();
        household.Members[0].Facts.Set("geen_bekend_feit", Doorbraak.Rules.FactValue.Number(3));
        var act = () => sp.GetRequiredService<IDoorbraakEvaluator>().Evaluate(household, Peildatum);
        act.Should().Throw<Exception>();
        outcomes.Should().Contain("error");
    }

    [Fact]
    public void Each_evaluation_is_an_activity_with_pack_versions_and_counts_but_no_personal_data()
    {
        var activities = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == DoorbraakDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(listener);

        using var sp = Build();
        var evaluator = sp.GetRequiredService<IDoorbraakEvaluator>();
        var result = evaluator.Evaluate(MiniPack.S1(), Peildatum);
        evaluator.WhatIf(MiniPack.S1(), Peildatum, ["afw.kostendelersnorm-tijdelijk"]);

        var evaluate = activities.Should().ContainSingle(a => a.OperationName == "doorbraak.evaluate").Subject;
        evaluate.GetTagItem("doorbraak.packs").Should().Be("test.mini@1.0.0");
        evaluate.GetTagItem("doorbraak.collisions").Should().Be(result.Collisions.Count);
        evaluate.GetTagItem("doorbraak.proposals").Should().Be(result.Proposals.Count);
        activities.Should().ContainSingle(a => a.OperationName == "doorbraak.what_if");
        // The household's name (Sem), income and rent never appear in a tag.
        var tagText = string.Join("|", activities.SelectMany(a => a.TagObjects).Select(t => $"{t.Key}={t.Value}"));
        tagText.Should().NotContain("Sem").And.NotContain("1401").And.NotContain("780");
    }

    [Fact]
    public async Task Logs_load_and_failed_reload_with_diagnostics_but_no_fact_values()
    {
        var logger = new ListLogger();
        using var pack = new TempPack();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(new ListLoggerFactory(logger));
        services.AddDoorbraakRules().AddPackDirectory(pack.Folder);
        using var sp = services.BuildServiceProvider();
        var provider = sp.GetRequiredService<IDoorbraakEngineProvider>();
        sp.GetRequiredService<IDoorbraakEvaluator>().Evaluate(MiniPack.S1(), Peildatum);

        pack.Write("rules.yaml", "rules: [");
        (await provider.ReloadAsync()).Should().BeFalse();

        logger.Lines.Should().Contain(l => l.Contains("Loaded 1 policy pack(s): test.mini@1.0.0", StringComparison.Ordinal));
        logger.Lines.Should().Contain(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("rules.yaml", StringComparison.Ordinal));
        string.Join("\n", logger.Lines).Should().NotContain("Sem").And.NotContain("1401.50");
    }

    internal sealed class ListLogger : ILogger
    {
        public ConcurrentQueue<string> Lines { get; } = new();
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
    }

    private sealed class ListLoggerFactory(ListLogger logger) : ILoggerFactory
    {
        public void AddProvider(ILoggerProvider provider) { }
        public ILogger CreateLogger(string categoryName) => logger;
        public void Dispose() { }
    }
}
