using System.Security.Cryptography;
using Doorbraak.Rules.Hosting;
using Doorbraak.Rules.Tests.Evaluation;
using Doorbraak.Rules.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Doorbraak.Rules.Tests.Packs;

/// <summary>Issue #20: signed packs — sign and verify, a tampered, added or unsigned file, an unknown key, hot reload, provenance.</summary>
[Collection(HostingCollection.Name)]
public sealed class PackSignatureTests
{
    private static (string PrivatePem, TrustedPackKey Public) NewKey(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = key.ExportECPrivateKeyPem();
        return (pem, TrustedPackKey.FromPem(key.ExportSubjectPublicKeyInfoPem(), name));
    }

    private static PackLoadOptions Requiring(params TrustedPackKey[] keys)
    {
        var options = new PackLoadOptions { RequireSignatures = true };
        foreach (var k in keys) options.TrustedKeys.Add(k);
        return options;
    }

    private static List<string> Errors(IReadOnlyList<Diagnostic> diagnostics) => TestPacks.Errors(diagnostics);

    [Fact]
    public void A_signed_pack_verifies_loads_and_names_its_signer_in_results_and_plans()
    {
        using var pack = new TempPack();
        var (priv, pub) = NewKey("beleid");
        var kid = PackSignatures.Sign(pack.Folder, priv, "Gemeente Test, team beleid");
        kid.Should().Be(pub.KeyId);
        PackSignatures.Verify(pack.Folder, [pub]).Should().BeEmpty();

        var (set, diagnostics) = PackSet.TryLoad([PolicyPackSource.FromDirectory(pack.Folder)], Requiring(pub));
        Errors(diagnostics).Should().BeEmpty();
        var info = set!.Packs.Single();
        info.Signer.Should().Be("Gemeente Test, team beleid");
        info.KeyId.Should().Be(kid);

        var engine = new DoorbraakEngine(set);
        var result = engine.Evaluate(MiniPack.S1(), new DateOnly(2026, 3, 1));
        result.Audit.Packs.Single().KeyId.Should().Be(kid);
        ResultJson.Serialize(result).Should().Contain($"\"keyId\": \"{kid}\"").And.Contain("\"signer\": \"Gemeente Test, team beleid\"");
        var plan = new DoorbraakPlanner(engine).Assemble(MiniPack.S1(), result, [], new PlanDetails { CaseReference = "Z-1" });
        plan.Audit.Packs.Single().Signer.Should().Be("Gemeente Test, team beleid");
        PlanExport.ToMarkdown(plan).Should().Contain(kid);
    }

    [Fact]
    public void A_tampered_file_is_refused_naming_the_file()
    {
        using var pack = new TempPack();
        var (priv, pub) = NewKey("beleid");
        PackSignatures.Sign(pack.Folder, priv, "Gemeente Test");
        pack.Write("facts.yaml", MiniPack.Facts.Replace("value: 2002.13", "value: 2100.00"));

        var (set, diagnostics) = PackSet.TryLoad([PolicyPackSource.FromDirectory(pack.Folder)], Requiring(pub));
        set.Should().BeNull();
        Errors(diagnostics).Should().ContainSingle().Which.Should().StartWith($"{pack.Folder}/facts.yaml:1:1: error DBR1303: The file 'facts.yaml' was changed after the pack was signed");
        PackSignatures.Verify(pack.Folder, [pub]).Should().ContainSingle(d => d.Code == "DBR1303");
    }

    [Fact]
    public void An_added_file_an_unsigned_pack_and_an_unknown_key_are_refused()
    {
        using var pack = new TempPack();
        var (priv, pub) = NewKey("beleid");
        var (_, other) = NewKey("iemand anders");
        var load = () => PackSet.TryLoad([PolicyPackSource.FromDirectory(pack.Folder)], Requiring(pub)).Diagnostics;

        Errors(load()).Should().ContainSingle().Which.Should().Contain("error DBR1301: The pack is not signed");

        PackSignatures.Sign(pack.Folder, priv, "Gemeente Test");
        pack.Write("extra.yaml", "rules: []\n");
        Errors(load()).Should().ContainSingle().Which.Should().StartWith($"{pack.Folder}/extra.yaml:1:1: error DBR1303: The file 'extra.yaml' was added");

        File.Delete(Path.Combine(pack.Folder, "extra.yaml"));
        Errors(PackSet.TryLoad([PolicyPackSource.FromDirectory(pack.Folder)], Requiring(other)).Diagnostics)
            .Should().ContainSingle().Which.Should().Contain($"error DBR1302: The pack is signed with the key {pub.KeyId}, which is not one of the trusted keys");

        // Without RequireSignatures the signature is not checked and the audit block names no signer.
        var (plain, _) = PackSet.TryLoad([PolicyPackSource.FromDirectory(pack.Folder)]);
        plain!.Packs.Single().Signer.Should().BeNull();
    }

    [Fact]
    public void An_edited_signature_file_is_refused()
    {
        using var pack = new TempPack();
        var (priv, pub) = NewKey("beleid");
        PackSignatures.Sign(pack.Folder, priv, "Gemeente Test");
        var jws = File.ReadAllText(Path.Combine(pack.Folder, PackSignatures.FileName)).Trim().Split('.');
        // Swap in another payload (say, other hashes) under the old signature.
        var forged = System.Text.Encoding.UTF8.GetBytes("{\"signer\":\"x\",\"files\":{}}");
        jws[1] = Convert.ToBase64String(forged).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        File.WriteAllText(Path.Combine(pack.Folder, PackSignatures.FileName), string.Join('.', jws));
        PackSignatures.Verify(pack.Folder, [pub]).Should().ContainSingle().Which.Code.Should().Be("DBR1302");
    }

    [Fact]
    public async Task Hot_reload_of_a_tampered_pack_is_refused_and_reported_and_the_signed_set_keeps_serving()
    {
        using var pack = new TempPack();
        var (priv, pub) = NewKey("beleid");
        PackSignatures.Sign(pack.Folder, priv, "Gemeente Test");
        var services = new ServiceCollection();
        services.AddDoorbraakRules().AddPackDirectory(pack.Folder).WatchForChanges(TimeSpan.FromMilliseconds(50))
            .Configure(o => o.LoadOptions = Requiring(pub));
        using var sp = services.BuildServiceProvider();
        var provider = sp.GetRequiredService<IDoorbraakEngineProvider>();
        var good = provider.Current;
        good.PackSet.Packs.Single().KeyId.Should().Be(pub.KeyId);

        pack.Write("facts.yaml", MiniPack.Facts.Replace("value: 2002.13", "value: 2100.00"));

        (await Poll.Until(() => provider.LastReloadError is not null)).Should().BeTrue("the tampered pack should fail the reload");
        provider.LastReloadError!.Diagnostics.Should().Contain(d => d.Code == "DBR1303" && d.Location.File.EndsWith("facts.yaml", StringComparison.Ordinal));
        provider.Current.Should().BeSameAs(good);

        // Signed again by the owner: the change is accepted.
        PackSignatures.Sign(pack.Folder, priv, "Gemeente Test");
        (await Poll.Until(() => !ReferenceEquals(provider.Current, good))).Should().BeTrue();
        provider.LastReloadError.Should().BeNull();
    }
}
