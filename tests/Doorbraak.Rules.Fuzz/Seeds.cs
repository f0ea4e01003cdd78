using System.Text;
using System.Text.RegularExpressions;

namespace Doorbraak.Rules.Fuzz;

/// <summary>
/// The seed inputs of each target, from the bad-input corpus (tests/corpus), the shipped packs (policypacks/) and the sample
/// households (samples/households), plus the crashes found earlier (tests/fuzz/crashes/TARGET).
/// </summary>
internal static partial class Seeds
{
    /// <summary>Seeds larger than this are left out: afl mutates small inputs far faster, and the big pack files add little.</summary>
    private const int MaxSeedBytes = 16 * 1024;

    [GeneratedRegex(@"^\s*-?\s*(?:applies|holds|when|active|monthly|value):\s*(.+?)\s*$", RegexOptions.Multiline)]
    private static partial Regex ExpressionLine();

    /// <summary>Writes the seeds of <paramref name="target"/> into <paramref name="outDir"/> and returns how many.</summary>
    public static int Write(string target, string outDir)
    {
        Directory.CreateDirectory(outDir);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var n = 0;
        foreach (var (name, bytes) in For(target))
        {
            if (bytes.Length > MaxSeedBytes || !seen.Add(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)))) continue;
            File.WriteAllBytes(Path.Combine(outDir, $"{n++:D4}-{Sanitize(name)}"), bytes);
        }
        return n;
    }

    public static IEnumerable<(string Name, byte[] Bytes)> For(string target)
    {
        var repo = FuzzTargets.RepoRoot();
        var corpus = Path.Combine(repo, "tests", "corpus");
        var crashes = Path.Combine(repo, "tests", "fuzz", "crashes", target);
        if (Directory.Exists(crashes))
            foreach (var f in Files(crashes)) yield return ("crash-" + Path.GetFileName(f), File.ReadAllBytes(f));
        switch (target)
        {
            case "pack":
                foreach (var f in Files(Path.Combine(corpus, "pack")).Concat(Files(Path.Combine(corpus, "condition"))))
                {
                    var bytes = File.ReadAllBytes(f);
                    yield return (Path.GetFileName(f), Path.GetFileName(f).StartsWith("manifest-", StringComparison.Ordinal)
                        ? [.. Header("pack.yaml"), .. bytes, .. "\n"u8, .. Header("rules.yaml"), .. Encoding.UTF8.GetBytes(RulesFile)]
                        : bytes);
                }
                foreach (var pack in Directory.EnumerateDirectories(Path.Combine(repo, "policypacks")).Order(StringComparer.Ordinal))
                {
                    var yamls = Directory.EnumerateFiles(pack, "*.yaml", SearchOption.AllDirectories)
                        .Where(f => !Path.GetRelativePath(pack, f).StartsWith("tests", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
                    // Each file alone (the manifest with its own name) and the whole pack as one multi-file input.
                    foreach (var f in yamls)
                        yield return ($"{Path.GetFileName(pack)}-{Path.GetFileName(f)}", Path.GetFileName(f) == "pack.yaml"
                            ? [.. Header("pack.yaml"), .. File.ReadAllBytes(f)]
                            : File.ReadAllBytes(f));
                    var whole = new List<byte>();
                    foreach (var f in yamls)
                        whole.AddRange([.. Header(Path.GetRelativePath(pack, f).Replace('\\', '/')), .. File.ReadAllBytes(f), (byte)'\n']);
                    yield return ($"{Path.GetFileName(pack)}-whole", whole.ToArray());
                }
                break;
            case "condition":
                var sources = Files(Path.Combine(corpus, "condition"))
                    .Concat(Directory.EnumerateFiles(Path.Combine(repo, "policypacks"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
                foreach (var f in sources)
                    foreach (Match m in ExpressionLine().Matches(File.ReadAllText(f)))
                    {
                        var text = Unquote(m.Groups[1].Value);
                        if (text.Length > 0 && text is not (">" or "|" or ">-" or "|-")) yield return (Path.GetFileNameWithoutExtension(f), Encoding.UTF8.GetBytes(text));
                    }
                break;
            case "household":
                foreach (var f in Files(Path.Combine(corpus, "household")))
                    yield return (Path.GetFileName(f), File.ReadAllBytes(f));
                foreach (var f in Files(Path.Combine(repo, "samples", "households")))
                    yield return (Path.GetFileName(f), File.ReadAllBytes(f));
                break;
        }
    }

    /// <summary>The rules file the corpus puts next to a manifest case (TestPacks.RulesFile in the tests).</summary>
    public const string RulesFile = """
        facts:
          huishouden.x:
            type: boolean
            description: Een testfeit
        rules:
          - id: r.een
            title: Regel een
            law: { law: Testwet, article: "1", url: "https://example.org/testwet" }
            domain: inkomen
            applies: aanvrager.leeftijd >= 27
            determines:
              huishouden.x: true
        """;

    private static byte[] Header(string name) => Encoding.UTF8.GetBytes(FuzzTargets.FileHeader + name + "\n");

    private static IEnumerable<string> Files(string dir) => !Directory.Exists(dir) ? [] :
        Directory.EnumerateFiles(dir).Where(f => !f.EndsWith(".expect", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    private static string Unquote(string s) =>
        s.Length >= 2 && ((s[0] == '"' && s[^1] == '"') || (s[0] == '\'' && s[^1] == '\'')) ? s[1..^1].Replace("\\\"", "\"").Replace("''", "'") : s;

    private static string Sanitize(string name) => new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
}
