using System.Text;

namespace Doorbraak.Rules.Tests.Packs;

/// <summary>Small in-memory packs for loader tests.</summary>
internal static class TestPacks
{
    public static string Manifest(string id = "test.basis", string version = "1.0.0", string extra = "") =>
        $"id: {id}\nversion: {version}\ntitle: Testpakket\njurisdiction: NL\n{extra}valid: {{ from: 2000-01-01 }}\n";

    /// <summary>A rules file with one fact and one rule (the rule's id is <c>r.een</c>).</summary>
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

    /// <summary>A valid pack: manifest and a rules file with one rule, with ids prefixed so several can load together.</summary>
    public static PolicyPackSource Valid(string id = "test.basis", string version = "1.0.0", string manifestExtra = "", string? rulePrefix = null)
    {
        var rules = rulePrefix is null ? RulesFile : RulesFile.Replace("r.een", $"{rulePrefix}.een").Replace("huishouden.x", $"huishouden.{rulePrefix.Replace('.', '_')}_x");
        return PolicyPackSource.FromFiles(id, new Dictionary<string, string>
        {
            ["pack.yaml"] = Manifest(id, version, manifestExtra),
            ["rules.yaml"] = rules,
        });
    }

    /// <summary>A pack with the standard manifest and the given other files.</summary>
    public static PolicyPackSource With(string name, params (string Path, string Text)[] files)
    {
        var dict = new Dictionary<string, string>();
        if (!files.Any(f => f.Path == "pack.yaml")) dict["pack.yaml"] = Manifest();
        foreach (var (path, text) in files) dict[path] = text;
        return PolicyPackSource.FromFiles(name, dict);
    }

    /// <summary>The basic pack plus one more file.</summary>
    public static PolicyPackSource Plus(string path, string text) => With("test", ("rules.yaml", RulesFile), (path, text));

    public static (PackSet? Set, IReadOnlyList<Diagnostic> Diagnostics) Load(params PolicyPackSource[] sources) => PackSet.TryLoad(sources);

    public static PolicyPackSource Bytes(string name, params (string Path, byte[] Content)[] files) =>
        PolicyPackSource.FromBytes(name, files.ToDictionary(f => f.Path, f => f.Content));

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>The errors, as <c>path:line:column: error CODE: message</c> lines.</summary>
    public static List<string> Errors(IReadOnlyList<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();

    /// <summary>Loads the sources, expects failure, and returns the single error with <paramref name="code"/>.</summary>
    public static Diagnostic SingleError(string code, params PolicyPackSource[] sources)
    {
        var (set, diagnostics) = Load(sources);
        set.Should().BeNull("the pack set has an error");
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        errors.Should().ContainSingle(d => d.Code == code, "expected exactly one {0}, got:\n{1}", code, string.Join("\n", errors));
        return errors.Single(d => d.Code == code);
    }
}
