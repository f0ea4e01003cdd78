using System.CommandLine;

namespace Doorbraak.Rules.Cli.Commands;

/// <summary>
/// <c>doorbraak sign &lt;pack-dir&gt; --key &lt;private.pem&gt; --signer &lt;who&gt;</c> and
/// <c>doorbraak verify &lt;pack-dir&gt;... --trusted &lt;public.pem&gt;...</c>: signed packs (docs/pack-format.md, "Signed packs").
/// </summary>
internal static class SignCommand
{
    public static Command BuildSign(CliContext context)
    {
        var dir = new Argument<string>("pack-dir") { Description = "The pack folder (with pack.yaml) to sign." };
        var key = new Option<string>("--key", "-k")
        {
            Description = "The signer's P-256 private key in PEM (openssl ecparam -name prime256v1 -genkey -noout -out signing-key.pem). Keep it out of the repository.",
            Required = true,
            HelpName = "private.pem",
        };
        var signer = new Option<string>("--signer")
        {
            Description = "Who signs, as results and plans name it: an organisation and role, such as \"Gemeente Vlaardingen, team beleid\".",
            Required = true,
            HelpName = "who",
        };
        var command = new Command("sign",
            "Sign a pack: writes pack.jws (a JWS, ES256) with the SHA-256 of every pack file and prints the key id. " +
            "A host with RequireSignatures refuses the pack if a file changes afterwards.")
        {
            dir, key, signer,
        };
        command.SetAction(parse =>
        {
            var folder = context.FullPath(parse.GetValue(dir)!);
            if (!Directory.Exists(folder)) throw new CliException($"the pack folder '{parse.GetValue(dir)}' does not exist.");
            var keyPath = context.FullPath(parse.GetValue(key)!);
            if (!File.Exists(keyPath)) throw new CliException($"the key file '{parse.GetValue(key)}' does not exist.");
            var kid = PackSignatures.Sign(folder, File.ReadAllText(keyPath), parse.GetValue(signer)!);
            context.Out.WriteLine($"signed {parse.GetValue(dir)} as '{parse.GetValue(signer)}' with key id {kid}; wrote {PackSignatures.FileName}");
            return Program.ExitOk;
        });
        return command;
    }

    public static Command BuildVerify(CliContext context)
    {
        var dirs = Common.PackDirsArgument("Pack folders to verify, each on its own.");
        var trusted = new Option<string[]>("--trusted", "-t")
        {
            Description = "A trusted public key in PEM (openssl ec -in signing-key.pem -pubout -out signing-key.pub.pem); repeat for several.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
            HelpName = "public.pem",
        };
        var command = new Command("verify",
            "Check that each pack is signed by a trusted key and that no file changed, was added or was removed since. " +
            "Exit 0 when every signature holds, 1 otherwise (each problem on stderr, naming the file).")
        {
            dirs, trusted,
        };
        command.SetAction(parse =>
        {
            var keys = parse.GetValue(trusted)!.Select(p =>
            {
                var path = context.FullPath(p);
                if (!File.Exists(path)) throw new CliException($"the key file '{p}' does not exist.");
                return TrustedPackKey.FromPem(File.ReadAllText(path), Path.GetFileName(p));
            }).ToList();
            var failed = false;
            foreach (var d in parse.GetValue(dirs)!)
            {
                var folder = context.FullPath(d);
                if (!Directory.Exists(folder)) throw new CliException($"the pack folder '{d}' does not exist.");
                var problems = PackSignatures.Verify(folder, keys);
                foreach (var p in problems) context.Err.WriteLine(p);
                if (problems.Count > 0) failed = true;
                else context.Out.WriteLine($"{context.OutStyle.Green("ok")} {d}: signature holds");
            }
            return failed ? Program.ExitFailed : Program.ExitOk;
        });
        return command;
    }
}
