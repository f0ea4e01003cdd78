using System.Text.RegularExpressions;

namespace Doorbraak.Rules.Tests.Architecture;

/// <summary>
/// The folders of src/Doorbraak.Rules depend on each other one way only, along the flow (see docs/architecture.md).
/// Found by scanning source, not by reflection: every declared type name is mapped to its folder and namespace, and a
/// file references a type of another folder when it names it outside comments and strings, in a type position, with
/// the type's namespace in scope.
/// </summary>
public class DependencyDirectionTests
{
    /// <summary>Lowest first; a folder may use folders of lower layers only. Folders in one layer may not use each other.</summary>
    private static readonly string[][] Layers =
    [
        ["Source"],
        ["Facts"],
        ["Conditions"],
        ["Packs"],
        ["Results"],
        ["Wording"],
        ["Compilation"],
        ["Evaluation"],
        ["Decisions"],
        ["Inspection", "Testing"],
    ];

    /// <summary>
    /// Upward references that exist today, as "file -> type". Temporary: each is to be removed by the re-cut (issue #17);
    /// do not add to this list.
    /// </summary>
    private static readonly HashSet<string> KnownUpward = new(StringComparer.Ordinal)
    {
    };

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "new", "is", "as", "typeof", "nameof", "default", "case", "return", "in", "out", "ref", "static", "readonly", "public",
        "internal", "private", "protected", "sealed", "abstract", "override", "virtual", "const", "await", "throw", "params",
        "this", "where", "using", "class", "record", "struct", "interface", "enum", "partial", "required", "file", "and", "or", "not",
    };

    private static readonly string Root = Path.Combine(RepoRoot.Path, "src", "Doorbraak.Rules");

    [Fact]
    public void Folders_depend_only_on_lower_layers()
    {
        var violations = References()
            .Where(r => Rank(r.ToFolder) >= Rank(r.FromFolder))
            .Select(r => $"{r.File} -> {r.Type}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var unexpected = violations.Where(v => !KnownUpward.Contains(v)).ToList();
        var fixedOnes = KnownUpward.Where(k => !violations.Contains(k)).ToList();
        unexpected.Should().BeEmpty("a folder may only use lower layers ({0}); these references go up or sideways:\n{1}",
            string.Join(" < ", Layers.Select(l => string.Join("/", l))),
            string.Join("\n", References().Where(r => unexpected.Contains($"{r.File} -> {r.Type}")).Select(r => $"{r.File} -> {r.Type} ({r.ToFolder})").Distinct()));
        fixedOnes.Should().BeEmpty("these allowed upward references are gone; remove them from KnownUpward");
    }

    [Fact]
    public void Every_folder_is_in_a_layer_and_Source_is_a_leaf()
    {
        var folders = Directory.GetDirectories(Root).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj")).ToList();
        folders.Should().OnlyContain(f => Layers.Any(l => l.Contains(f)), "every folder of src/Doorbraak.Rules has its place in the layers");
        References().Where(r => r.FromFolder == "Source").Select(r => $"{r.File} -> {r.Type} ({r.ToFolder})").Should().BeEmpty();
    }

    [Fact]
    public void The_scan_sees_known_references()
    {
        // Guards the scanner itself: if these are not found, the scan is broken, not the code clean.
        var refs = References().Select(r => $"{r.File} -> {r.Type}").ToHashSet();
        refs.Should().Contain("Compilation/RuleSetCompiler.cs -> ConditionCompiler");
        refs.Should().Contain("Inspection/PackSetInspection.cs -> CompiledRuleSet");
    }

    private static int Rank(string folder) => Array.FindIndex(Layers, l => l.Contains(folder));

    private sealed record Reference(string File, string FromFolder, string Type, string ToFolder);

    private static readonly Lazy<List<Reference>> Scanned = new(Scan);

    private static List<Reference> References() => Scanned.Value;

    private static List<Reference> Scan()
    {
        var files = Directory.EnumerateFiles(Root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(f => (Path: Path.GetRelativePath(Root, f).Replace('\\', '/'), Text: StripCommentsAndStrings(File.ReadAllText(f))))
            .ToList();
        var declared = new Dictionary<string, List<(string Folder, string Namespace)>>(StringComparer.Ordinal);
        var info = new Dictionary<string, (string Namespace, HashSet<string> Usings, Dictionary<string, string> Aliases)>();
        foreach (var (path, text) in files)
        {
            var ns = Regex.Match(text, @"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline).Groups[1].Value;
            var usings = Regex.Matches(text, @"^using\s+(?:static\s+)?([\w.]+)\s*;", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();
            var aliases = Regex.Matches(text, @"^using\s+(\w+)\s*=\s*([\w.]+)\s*;", RegexOptions.Multiline).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            info[path] = (ns, usings, aliases);
            foreach (Match m in Regex.Matches(text, @"\b(?:class|record|struct|interface|enum)\s+([A-Z]\w*)"))
            {
                if (!declared.TryGetValue(m.Groups[1].Value, out var list)) declared[m.Groups[1].Value] = list = [];
                list.Add((Folder(path), ns));
            }
        }

        var found = new List<Reference>();
        foreach (var (path, text) in files)
        {
            var from = Folder(path);
            var (ns, usings, aliases) = info[path];
            foreach (Match m in Regex.Matches(text, @"\b[A-Z]\w*\b"))
            {
                if (!declared.TryGetValue(m.Value, out var targets)) continue;
                var before = text[..m.Index].TrimEnd();
                var after = text[(m.Index + m.Length)..].TrimStart();
                string? alias = null;
                if (before.EndsWith('.'))
                {
                    // Only Alias.Type counts (using Ast = ...); other member access is not a type use.
                    var q = Regex.Match(before, @"(\w+)\s*\.$");
                    if (!q.Success || !aliases.ContainsKey(q.Groups[1].Value)) continue;
                    alias = aliases[q.Groups[1].Value];
                }
                else
                {
                    if (after.StartsWith('(') && !before.EndsWith("new", StringComparison.Ordinal)) continue; // a method call
                    var previous = Regex.Match(before, @"(\w+)$");
                    if (previous.Success && !Keywords.Contains(previous.Groups[1].Value)) continue; // a member or parameter name after its type
                    if (before.EndsWith('>') || before.EndsWith('?') || before.EndsWith(']')) continue;
                }
                foreach (var (to, typeNs) in targets)
                {
                    if (to == from) continue;
                    var visible = alias is not null
                        ? alias == typeNs
                        : typeNs == "Doorbraak.Rules" || ns == typeNs || ns.StartsWith(typeNs + ".", StringComparison.Ordinal) || usings.Contains(typeNs);
                    if (visible) found.Add(new Reference(path, from, m.Value, to));
                }
            }
        }
        return found;
    }

    private static string Folder(string relativePath) => relativePath.Split('/')[0];

    private static string StripCommentsAndStrings(string text)
    {
        text = Regex.Replace(text, "\"\"\"[\\s\\S]*?\"\"\"", "\"\"");
        text = Regex.Replace(text, @"//[^\n]*", "");
        text = Regex.Replace(text, @"/\*[\s\S]*?\*/", "");
        text = Regex.Replace(text, "@\"(?:[^\"]|\"\")*\"", "\"\"");
        text = Regex.Replace(text, "\"(?:[^\"\\\\\\n]|\\\\.)*\"", "\"\"");
        text = Regex.Replace(text, @"'(?:[^'\\\n]|\\.)'", "''");
        return text;
    }
}
