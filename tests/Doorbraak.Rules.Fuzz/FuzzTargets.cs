using System.Text;
using Doorbraak.Rules.Conditions;
using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Source;

namespace Doorbraak.Rules.Fuzz;

/// <summary>
/// The fuzz targets (issue #20). Each takes raw bytes and drives one reader of the library the way a host does; it catches only
/// what the library documents for bad input (diagnostics, <see cref="HouseholdException"/>), so any other exception escapes and is
/// a crash. Shared by the afl++ harness (Program.cs) and the replay test in Doorbraak.Rules.Tests (linked file).
/// </summary>
internal static class FuzzTargets
{
    /// <summary>The target names, as given to <c>tests/fuzz/run.sh</c>.</summary>
    public static readonly string[] Names = ["pack", "condition", "household"];

    /// <summary>The peildatum every target evaluates on.</summary>
    public static readonly DateOnly Date = new(2026, 3, 1);

    /// <summary>A line <c>#=== NAME</c> starts a file called NAME in a pack-target input (see <see cref="Pack"/>).</summary>
    public const string FileHeader = "#=== ";

    /// <summary>The manifest the pack target puts next to a single file, as the corpus does.</summary>
    public const string Manifest = "id: fuzz.pack\nversion: 1.0.0\ntitle: Fuzzpakket\njurisdiction: NL\nvalid: { from: 2000-01-01 }\n";

    /// <summary>A small household the pack target evaluates against a pack set that loaded.</summary>
    public const string SmallHousehold = "huur: 700\nleden:\n  - id: a\n    rol: aanvrager\n    geboren: 1980-01-01\n  - id: b\n    rol: kind\n    geboren: 2010-05-05\n";

    private static readonly Lazy<DoorbraakEngine> NationalEngine = new(() =>
        new DoorbraakEngine(PackSet.LoadDirectories(Path.Combine(RepoRoot(), "policypacks", "nl-sociaal-domein"))));

    private static readonly Lazy<(EvaluationFrame Frame, EntityInstance Member)> SampleFrame = new(() =>
    {
        var engine = NationalEngine.Value;
        var household = engine.ReadHousehold(File.ReadAllText(Path.Combine(RepoRoot(), "samples", "households", "s1-kostendelersnorm.yaml")), "s1.yaml");
        var rs = engine.PackSet.RuleSet;
        var root = rs.FrameBuilder.Build(household, Date, new DiagnosticBag());
        var frame = new EvaluationFrame(root, rs.Parameters.ValuesOn(Date), Date);
        return (frame, root.Collections[rs.MembersField.Slot][0]);
    });

    /// <summary>Loads what the target needs once (the national pack), so the first input is not slower than the rest.</summary>
    public static void Warm() => _ = SampleFrame.Value;

    /// <summary>Runs one input through a target by name.</summary>
    /// <exception cref="ArgumentException">The target name is unknown.</exception>
    public static void Run(string target, byte[] input)
    {
        switch (target)
        {
            case "pack": Pack(input); break;
            case "condition": Condition(input); break;
            case "household": Household(input); break;
            default: throw new ArgumentException($"Unknown fuzz target '{target}'; use one of {string.Join(", ", Names)}.", nameof(target));
        }
    }

    /// <summary>
    /// The pack reader, loader and compiler: the input is one pack file (<c>case.yaml</c>, next to a valid manifest), or several
    /// files, each starting with a line <c>#=== NAME</c> (with <c>pack.yaml</c> among them, the given manifest is used).
    /// A pack set that loads is then used to read and evaluate a small household.
    /// </summary>
    public static void Pack(byte[] input)
    {
        var files = SplitFiles(input);
        if (!files.ContainsKey("pack.yaml")) files["pack.yaml"] = Encoding.UTF8.GetBytes(Manifest);
        var (set, diagnostics) = PackSet.TryLoad([PolicyPackSource.FromBytes("fuzz", files)]);
        foreach (var d in diagnostics) _ = d.ToString();
        if (set is null) return;
        var engine = new DoorbraakEngine(set);
        Household household;
        try { household = engine.ReadHousehold(SmallHousehold, "fuzz-household.yaml"); }
        catch (HouseholdException) { return; }
        _ = engine.Evaluate(household, Date);
    }

    /// <summary>
    /// The condition tokenizer, parser, binder and compiler: the input (UTF-8) is an expression compiled against the national
    /// pack's facts and parameters as a yes/no condition, as a value of any type, and with a member as scope (<c>for_each</c>);
    /// what compiles is evaluated on the S1 sample household.
    /// </summary>
    public static void Condition(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        var rs = NationalEngine.Value.PackSet.RuleSet;
        var (frame, member) = SampleFrame.Value;
        var memberSchema = rs.Schema.GetEntity(FactSchema.MemberEntity);
        foreach (var (expected, scope) in new (FactType?, EntitySchema?)[] { (FactType.Boolean, null), (null, null), (null, memberSchema) })
        {
            var bag = new DiagnosticBag();
            var compiled = ConditionCompiler.Compile(ConditionSource.Inline(text), rs.Environment, expected, scope, bag);
            foreach (var d in bag.Items) _ = d.ToString();
            if (compiled is null) continue;
            _ = compiled.Evaluate(frame, scope is null ? null : member);
        }
    }

    /// <summary>The household reader (JSON, against the national pack); a household it accepts is evaluated.</summary>
    public static void Household(byte[] input)
    {
        var engine = NationalEngine.Value;
        Household household;
        try
        {
            using var stream = new MemoryStream(input);
            household = engine.ReadHousehold(stream, "fuzz.json");
        }
        catch (HouseholdException ex)
        {
            foreach (var d in ex.Diagnostics) _ = d.ToString();
            return;
        }
        _ = engine.Evaluate(household, Date);
    }

    /// <summary>Splits a pack-target input into files at lines <c>#=== NAME</c>; without such a first line it is one <c>case.yaml</c>.</summary>
    public static Dictionary<string, byte[]> SplitFiles(byte[] input)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var header = Encoding.ASCII.GetBytes(FileHeader);
        if (!input.AsSpan().StartsWith(header))
        {
            files["case.yaml"] = input;
            return files;
        }
        var at = 0;
        while (at < input.Length)
        {
            var lineEnd = Array.IndexOf(input, (byte)'\n', at);
            var nameEnd = lineEnd < 0 ? input.Length : lineEnd;
            var name = Encoding.UTF8.GetString(input, at + header.Length, Math.Max(0, nameEnd - at - header.Length)).Trim();
            var start = lineEnd < 0 ? input.Length : lineEnd + 1;
            var next = IndexOf(input, [(byte)'\n', .. header], start - 1);
            var end = next < 0 ? input.Length : next + 1;
            if (name.Length > 0) files[name] = input[start..Math.Max(start, end)];
            at = end;
        }
        return files;
    }

    private static int IndexOf(byte[] haystack, byte[] needle, int from)
    {
        if (from < 0) from = 0;
        var i = haystack.AsSpan(from).IndexOf(needle);
        return i < 0 ? -1 : from + i;
    }

    /// <summary>The repository root: DOORBRAAK_REPO, or the first parent of the working folder or the program with policypacks/.</summary>
    public static string RepoRoot()
    {
        if (Environment.GetEnvironmentVariable("DOORBRAAK_REPO") is { Length: > 0 } configured) return configured;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (Directory.Exists(Path.Combine(dir.FullName, "policypacks", "nl-sociaal-domein"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository (a folder with policypacks/nl-sociaal-domein); set DOORBRAAK_REPO.");
    }
}
