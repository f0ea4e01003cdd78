using System.Security.Cryptography;

namespace Doorbraak.Rules.Cli.Tests;

/// <summary>Issue #20: doorbraak sign and doorbraak verify.</summary>
public sealed class SignVerifyTests
{
    [Fact]
    public void Sign_then_verify_holds_and_a_changed_file_fails_verify_naming_it()
    {
        using var dir = new TempDir();
        var pack = Path.Combine(dir.Path, "mini");
        foreach (var f in Directory.EnumerateFiles(Repo.MiniPack, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(pack, Path.GetRelativePath(Repo.MiniPack, f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target);
        }
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var priv = dir.File("signing-key.pem", key.ExportECPrivateKeyPem());
        var pub = dir.File("signing-key.pub.pem", key.ExportSubjectPublicKeyInfoPem());

        var sign = Cli.Run("sign", pack, "--key", priv, "--signer", "Gemeente Test, team beleid");
        sign.Code.Should().Be(0, sign.ToString());
        sign.Out.Should().Contain("with key id ");
        File.Exists(Path.Combine(pack, "pack.jws")).Should().BeTrue();

        var ok = Cli.Run("verify", pack, "--trusted", pub);
        ok.Code.Should().Be(0, ok.ToString());

        File.AppendAllText(Path.Combine(pack, "pack.yaml"), "\n# changed\n");
        var bad = Cli.Run("verify", pack, "--trusted", pub);
        bad.Code.Should().Be(1, bad.ToString());
        bad.Err.Should().Contain($"{pack}/pack.yaml:1:1: error DBR1303: The file 'pack.yaml' was changed after the pack was signed");
    }
}
