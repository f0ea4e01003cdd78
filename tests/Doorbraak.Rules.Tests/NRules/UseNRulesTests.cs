using Doorbraak.Rules.Hosting;
using Doorbraak.Rules.NRules;
using Doorbraak.Rules.Tests.Evaluation;
using Doorbraak.Rules.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Doorbraak.Rules.Tests.NRules;

[Collection(HostingCollection.Name)]
public class UseNRulesTests
{
    [Fact]
    public void UseNRules_makes_the_host_evaluate_with_the_NRules_backend_with_the_same_proposals()
    {
        using var pack = new TempPack();
        var services = new ServiceCollection();
        services.AddDoorbraakRules().AddPackDirectory(pack.Folder).UseNRules();
        using var sp = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        sp.GetRequiredService<DoorbraakEngine>().Backend.Should().BeSameAs(NRulesBackend.Instance);
        var result = sp.GetRequiredService<IDoorbraakEvaluator>().Evaluate(MiniPack.S1(), new DateOnly(2026, 3, 1));
        result.Audit.Backend.Should().Be("nrules");
        result.Proposals.Select(p => p.Id).Should().Equal("afw.kostendelersnorm-tijdelijk");
    }

    [Fact]
    public void Without_UseNRules_the_host_uses_the_compiled_backend()
    {
        using var pack = new TempPack();
        var services = new ServiceCollection();
        services.AddDoorbraakRules().AddPackDirectory(pack.Folder);
        using var sp = services.BuildServiceProvider();
        sp.GetRequiredService<DoorbraakEngine>().Backend.Should().BeSameAs(EvaluationBackend.Compiled);
    }
}
