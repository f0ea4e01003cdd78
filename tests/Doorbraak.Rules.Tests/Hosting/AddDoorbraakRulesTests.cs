using Doorbraak.Rules.Hosting;
using Doorbraak.Rules.Tests.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Doorbraak.Rules.Tests.Hosting;

[Collection(HostingCollection.Name)]
public class AddDoorbraakRulesTests
{
    private static readonly DateOnly Peildatum = new(2026, 3, 1);

    [Fact]
    public void Registers_a_singleton_provider_and_resolves_engine_planner_and_evaluator()
    {
        using var pack = new TempPack();
        var services = new ServiceCollection();
        services.AddDoorbraakRules().AddPackDirectory(pack.Folder);
        using var sp = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var provider = sp.GetRequiredService<IDoorbraakEngineProvider>();
        sp.GetRequiredService<IDoorbraakEngineProvider>().Should().BeSameAs(provider);
        sp.GetRequiredService<DoorbraakEngine>().Should().BeSameAs(provider.Current);
        sp.GetRequiredService<DoorbraakPlanner>().Should().NotBeNull();
        sp.GetRequiredService<TimeProvider>().Should().BeSameAs(TimeProvider.System);
        provider.Current.PackSet.Packs.Select(p => p.Id).Should().Equal("test.mini");
        provider.LastReloadError.Should().BeNull();

        var result = sp.GetRequiredService<IDoorbraakEvaluator>().Evaluate(MiniPack.S1(), Peildatum);
        result.Proposals.Select(p => p.Id).Should().Equal("afw.kostendelersnorm-tijdelijk");
    }

    [Fact]
    public void Keeps_a_host_registered_time_provider()
    {
        using var pack = new TempPack();
        var services = new ServiceCollection();
        var fixedTime = new FixedTime();
        services.AddSingleton<TimeProvider>(fixedTime);
        services.AddDoorbraakRules().AddPackDirectory(pack.Folder);
        using var sp = services.BuildServiceProvider();
        sp.GetRequiredService<TimeProvider>().Should().BeSameAs(fixedTime);
    }

    [Fact]
    public void Calling_twice_registers_one_provider()
    {
        using var pack = new TempPack();
        var services = new ServiceCollection();
        services.AddDoorbraakRules().AddPackDirectory(pack.Folder);
        services.AddDoorbraakRules();
        services.Count(d => d.ServiceType == typeof(IDoorbraakEngineProvider)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(IValidateOptions<DoorbraakRulesOptions>)).Should().Be(1);
        using var sp = services.BuildServiceProvider();
        sp.GetRequiredService<DoorbraakEngine>().PackSet.Packs.Should().HaveCount(1);
    }

    [Fact]
    public void Without_packs_resolving_fails_with_every_option_problem()
    {
        var services = new ServiceCollection();
        services.AddDoorbraakRules(o => o.ReloadDebounce = TimeSpan.FromHours(1));
        using var sp = services.BuildServiceProvider();
        var act = () => sp.GetRequiredService<DoorbraakEngine>();
        var ex = act.Should().Throw<OptionsValidationException>().Which;
        ex.Message.Should().Contain("No policy packs are configured").And.Contain("ReloadDebounce");
    }

    [Fact]
    public void Missing_folder_and_missing_package_are_both_reported()
    {
        var root = Path.Combine(Path.GetTempPath(), "doorbraak-none-" + Guid.NewGuid().ToString("N"));
        var services = new ServiceCollection();
        services.AddDoorbraakRules(o => o.PackagePacksRoot = root)
            .AddPackDirectory(Path.Combine(root, "missing"))
            .AddPackPackage("Doorbraak.PolicyPack.Missing");
        using var sp = services.BuildServiceProvider();
        var act = () => sp.GetRequiredService<IDoorbraakEngineProvider>();
        act.Should().Throw<OptionsValidationException>()
            .Which.Message.Should().Contain("does not exist").And.Contain("<PackageReference Include=\"Doorbraak.PolicyPack.Missing\" />");
    }

    [Fact]
    public void ValidateOnStart_fails_the_start_with_the_pack_diagnostics()
    {
        using var pack = new TempPack();
        pack.Write("rules.yaml", MiniPack.Rules.Replace("pw.norm.gehuwden * 0.5", "pw.norm.gehuwdn * 0.5"));
        var services = new ServiceCollection();
        services.AddDoorbraakRules().AddPackDirectory(pack.Folder).ValidateOnStart();
        using var sp = services.BuildServiceProvider();

        // This is what Microsoft.Extensions.Hosting 8+ calls in IHost.StartAsync.
        var validator = sp.GetRequiredService<IStartupValidator>();
        var act = () => validator.Validate();
        var message = act.Should().Throw<OptionsValidationException>().Which.Message;
        message.Should().Contain("did not load").And.Contain("rules.yaml").And.Contain("pw.norm.gehuwdn").And.MatchRegex(@"DBR\d{4}");
    }

    [Fact]
    public void ValidateOnStart_loads_the_packs_once()
    {
        using var pack = new TempPack();
        var services = new ServiceCollection();
        services.AddDoorbraakRules().AddPackDirectory(pack.Folder).ValidateOnStart();
        using var sp = services.BuildServiceProvider();
        sp.GetRequiredService<IStartupValidator>().Validate();
        var cache = sp.GetRequiredService<InitialPackSetCache>();
        var options = sp.GetRequiredService<IOptionsMonitor<DoorbraakRulesOptions>>().CurrentValue;
        // The provider takes the set the validator loaded, leaving the cache empty.
        var engine = sp.GetRequiredService<DoorbraakEngine>();
        cache.Take(options).Should().BeNull();
        engine.PackSet.Packs.Should().ContainSingle();
    }

    [Fact]
    public void AddPackPackage_loads_from_the_policypacks_folder_case_insensitively()
    {
        using var pack = new TempPack("Doorbraak.PolicyPack.Mini");
        var services = new ServiceCollection();
        services.AddDoorbraakRules(o => o.PackagePacksRoot = pack.Root).AddPackPackage("doorbraak.policypack.mini");
        using var sp = services.BuildServiceProvider();
        sp.GetRequiredService<DoorbraakEngine>().PackSet.Packs.Select(p => p.Id).Should().Equal("test.mini");
    }

    [Fact]
    public void AddEmbeddedPacks_loads_a_pack_from_resources_and_is_not_watched()
    {
        var services = new ServiceCollection();
        services.AddDoorbraakRules().AddEmbeddedPacks(typeof(HostingCollection).Assembly, "testpacks/mini/").WatchForChanges();
        using var sp = services.BuildServiceProvider();
        sp.GetRequiredService<DoorbraakEngine>().PackSet.Packs.Select(p => p.Id).Should().Equal("test.embedded");
    }

    [Fact]
    public void AddPackSource_loads_a_pack_held_in_memory()
    {
        var services = new ServiceCollection();
        services.AddDoorbraakRules().AddPackSource(MiniPack.Source());
        using var sp = services.BuildServiceProvider();
        sp.GetRequiredService<DoorbraakEngine>().PackSet.Packs.Should().ContainSingle();
    }

    [Fact]
    public void Default_evaluation_options_apply_when_a_call_passes_none()
    {
        var services = new ServiceCollection();
        services.AddDoorbraakRules(o => o.DefaultEvaluationOptions = new EvaluationOptions { IncludeProposals = false }).AddPackSource(MiniPack.Source());
        using var sp = services.BuildServiceProvider();
        var result = sp.GetRequiredService<IDoorbraakEvaluator>().Evaluate(MiniPack.S1(), Peildatum);
        result.Collisions.Should().NotBeEmpty();
        result.Proposals.Should().BeEmpty();
    }

    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    }
}
