using Doorbraak.Rules.Source;
using Doorbraak.Rules.Source.Yaml;
using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Conditions.Ast;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Doorbraak.Rules.Packs;

/// <summary>Reads the files of one pack into a <see cref="PackDefinition"/>, collecting every problem.</summary>
internal static partial class PackReader
{

    private static readonly string[] Levels = ["national", "regional", "municipal"];
    private static readonly string[] Entities = [FactSchema.HouseholdEntity, FactSchema.MemberEntity, FactSchema.DebtEntity, FactSchema.ProvisionEntity];
    private static readonly string[] Collections = ["leden", "schulden", "voorzieningen"];

    [GeneratedRegex("^[a-z][a-z0-9_]*(\\.[a-z0-9_][a-z0-9_-]*)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$")]
    private static partial Regex ParameterIdPattern();

    /// <summary>The message of DBR1312: a pack's files together are over <see cref="YamlLimits.MaxPackBytes"/>.</summary>
    internal static string TooLarge(long bytes, YamlLimits limits) =>
        $"The pack's files hold {(bytes > limits.MaxPackBytes ? "more than " : "")}{limits.MaxPackBytes:N0} bytes together{(bytes > limits.MaxPackBytes ? $" ({bytes:N0} found)" : "")}; a pack may hold at most {limits.MaxPackBytes:N0} bytes. " +
        "Remove what the pack does not need, split it into packs that require each other, or raise PackLoadOptions.MaxPackBytes.";

    public static PackDefinition? Read(string root, IReadOnlyList<PackFile> files, DiagnosticBag bag, YamlLimits limits)
    {
        var before = bag.Items.Count;
        var errorsBefore = bag.Items.Count(d => d.Severity == DiagnosticSeverity.Error);
        var ordered = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var rootLoc = new SourceLocation(root, 1, 1);
        if (ordered.Count == 0)
        {
            bag.Report(DiagnosticCatalog.PackSourceEmpty, rootLoc, "The pack is empty: a pack folder needs at least a pack.yaml with the manifest.");
            return null;
        }
        if (ordered.Count > limits.MaxPackFiles)
        {
            bag.Report(DiagnosticCatalog.PackTooManyFiles, rootLoc, $"The pack has more than {limits.MaxPackFiles:N0} files; at most {limits.MaxPackFiles:N0} are allowed. Merge small files, split the pack into packs that require each other, or raise PackLoadOptions.MaxPackFiles.");
            return null;
        }
        var totalBytes = ordered.Sum(f => (long)f.Content.Length);
        if (totalBytes > limits.MaxPackBytes)
        {
            bag.Report(DiagnosticCatalog.PackTooLarge, rootLoc, TooLarge(totalBytes, limits));
            return null;
        }

        var trees = new List<(PackFile File, YNode Node)>();
        foreach (var f in ordered)
        {
            var node = SafeYamlReader.Read(Display(root, f.Path), f.Content, bag, limits);
            if (node is not null) trees.Add((f, node));
        }

        var manifestTree = trees.FirstOrDefault(t => t.File.Path == "pack.yaml");
        if (manifestTree.Node is null)
        {
            if (!ordered.Any(f => f.Path == "pack.yaml"))
                bag.Report(DiagnosticCatalog.ManifestMissing, rootLoc, "The pack has no pack.yaml; add one with id, version, title and jurisdiction.");
            return null;
        }

        var manifest = ReadManifest(manifestTree.Node, bag, Display(root, "pack.yaml"));
        if (manifest is null) return null;

        var pack = new PackDefinition { Manifest = manifest, Root = root, Sha256 = ContentHash(ordered) };
        var sectionsSeen = 0;
        foreach (var (file, node) in trees)
        {
            if (file.Path == "pack.yaml") continue;
            if (node is YScalar { IsNull: true }) continue;
            if (node is not YMapping map)
            {
                bag.Report(DiagnosticCatalog.WrongValueKind, node.Start, $"A pack file is a mapping of sections ({string.Join(", ", PackKeys.Sections.All)}), not {node.KindName}.");
                continue;
            }
            var r = new MappingReader(map, bag, "a pack file", PackKeys.Sections);
            var ctx = new ItemContext(manifest.Id, bag, manifest.Format);
            ReadNamed(r, "facts", n => ReadFacts(n, ctx, pack.Facts));
            ReadList(r, "parameters", "parameter", (m, id) => ReadParameter(m, id, ctx), pack.Parameters, namedMap: true);
            ReadList(r, "rules", "rule", (m, _) => ReadRule(m, RuleKind.Rule, ctx), pack.Rules);
            ReadList(r, "consequences", "consequence", (m, _) => ReadRule(m, RuleKind.Consequence, ctx), pack.Rules);
            ReadList(r, "goals", "goal", (m, _) => ReadGoal(m, ctx), pack.Goals);
            ReadList(r, "collisions", "collision", (m, _) => ReadCollision(m, ctx), pack.Collisions);
            ReadList(r, "deviations", "deviation", (m, _) => ReadDeviation(m, ctx), pack.Deviations);
            ReadList(r, "costs", "cost", (m, _) => ReadCost(m, ctx), pack.Costs);
            ReadList(r, "kpis", "KPI", (m, _) => ReadKpi(m, ctx), pack.Kpis);
            ReadList(r, "situations", "situation", (m, _) => ReadSituation(m, ctx), pack.Situations);
            ReadCovers(r, ctx, pack.Covers);
            ReadList(r, "tests", "test", (m, _) => ReadTest(m, ctx), pack.Tests);
            ReadMonitoring(r, ctx, pack.Monitoring);
            ReadList(r, "interventions", "intervention", (m, _) => ReadIntervention(m, ctx), pack.Interventions);
            ReadList(r, "roles", "role", (m, _) => ReadRole(m, ctx), pack.Roles);
            ReadList(r, "authorities", "authority", (m, _) => ReadAuthority(m, ctx), pack.Authorities);
            ReadMandateAssignments(r, ctx, pack.MandateAssignments);
            sectionsSeen += map.Entries.Count;
        }

        if (sectionsSeen == 0 && bag.Items.Count(d => d.Severity == DiagnosticSeverity.Error) == errorsBefore)
            bag.Report(DiagnosticCatalog.PackWithoutSections, rootLoc, "The pack has a manifest but no rules, goals or other sections; add files with at least one section.");

        return bag.Items.Skip(before).Any(d => d.Severity == DiagnosticSeverity.Error) ? null : pack;
    }

    public static string Display(string root, string path) => root.Length == 0 ? path : $"{root.TrimEnd('/')}/{path}";

    /// <summary>SHA-256 over the files' normalised content: sorted by path, BOM removed, CRLF as LF.</summary>
    public static string ContentHash(IEnumerable<PackFile> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var f in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var bytes = f.Content.AsSpan();
            if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
            var normal = bytes.IndexOf((byte)'\r') >= 0 ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("\r\n", "\n")) : bytes.ToArray();
            sha.AppendData(Encoding.UTF8.GetBytes($"{f.Path}\n{normal.Length}\n"));
            sha.AppendData(normal);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private sealed record ItemContext(string PackId, DiagnosticBag Bag, int Format = 1);

    /// <summary>The pack formats this library reads.</summary>
    public static IReadOnlyList<int> Formats { get; } = [1, 2];

    /// <summary>Reads <c>format</c>: absent means 1 (with a warning that points to <c>doorbraak migrate</c>); 1 and 2 are read; anything else is refused.</summary>
    private static int? ReadFormat(MappingReader r, DiagnosticBag bag, string? id, string root)
    {
        var pack = id is null ? "The pack" : $"The pack '{id}'";
        if (!r.Has("format"))
        {
            bag.Report(DiagnosticCatalog.FormatOne, r.Start, FormatOneMessage(pack, root));
            return 1;
        }
        var value = r.Decimal("format");
        if (value is null) return null;
        if (value is 1m)
        {
            bag.Report(DiagnosticCatalog.FormatOne, r.At("format"), FormatOneMessage(pack, root));
            return 1;
        }
        if (value is 2m) return 2;
        bag.Report(DiagnosticCatalog.UnknownFormat, r.At("format"),
            $"{pack} is written in format {value}, which this version of the library does not read (it reads formats 1 and 2). Write 'format: 2', or load it with a newer version of Doorbraak.Rules.");
        return null;
    }

    private static string FormatOneMessage(string pack, string root) =>
        $"{pack} is in format 1: its rules carry no legal force, so whether a deviation's basis fits the rule is not checked; run `doorbraak migrate {root}`, fill in 'force:' where it asks, and the pack becomes format 2.";

    private static PackManifest? ReadManifest(YNode node, DiagnosticBag bag, string file)
    {
        if (node is not YMapping map)
        {
            bag.Report(DiagnosticCatalog.WrongValueKind, node.Start, "pack.yaml must be a mapping with id, version, title and jurisdiction.");
            return null;
        }
        var before = bag.Items.Count;
        var r = new MappingReader(map, bag, "the manifest (pack.yaml)", PackKeys.Manifest);
        var id = r.Text("id", required: true);
        if (id is not null && !IdPattern().IsMatch(id))
            bag.Report(DiagnosticCatalog.InvalidName, r.At("id"), $"The pack id '{id}' must be lower case letters, digits, '_', '-' and dots, such as nl.sociaal-domein.");
        var versionText = r.Text("version", required: true);
        SemanticVersion? version = null;
        if (versionText is not null && !SemanticVersion.TryParse(versionText, out version))
            bag.Report(DiagnosticCatalog.InvalidVersion, r.At("version"), $"'{versionText}' is not a SemVer version; write major.minor.patch, such as 2026.1.0.");
        var title = r.Text("title", required: true);
        var jurisdiction = r.Text("jurisdiction", required: true);
        var level = r.Text("level") ?? "national";
        if (!Levels.Contains(level))
            bag.Report(DiagnosticCatalog.NotAnAllowedWord, r.At("level"), $"level must be one of {string.Join(", ", Levels)}{Suggest.Hint(level, Levels)}.");
        var format = ReadFormat(r, bag, id, Path.GetDirectoryName(file) is { Length: > 0 } dir ? dir : ".");
        var (from, to) = ReadValid(r, bag);
        // Without a validity a pack cannot say on which dates it may judge; the loader refuses it rather than guess.
        // (A 'from' that is there but not a date has been reported already.)
        if (from is null && !(r.Node("valid") is YMapping vm && vm["from"] is not null))
            bag.Report(DiagnosticCatalog.PackWithoutValidity, r.Has("valid") ? r.At("valid") : map.Start,
                $"The pack{(id is null ? "" : $" '{id}'")} does not say from when it is valid; add valid: {{ from: 2026-01-01 }} (and 'to' when it ends) to pack.yaml, so that an evaluation on a date outside it is flagged.");
        var requires = ReadRequirements(r, "requires", bag);
        var updates = ReadRequirements(r, "updates", bag);
        foreach (var u in updates)
            if (!requires.Any(x => x.PackId == u.PackId)) requires.Add(u);
        if (bag.Items.Skip(before).Any(d => d.Severity == DiagnosticSeverity.Error)) return null;
        return new PackManifest
        {
            Id = id!,
            Version = version!,
            Title = title!,
            Description = r.Text("description"),
            Jurisdiction = jurisdiction!,
            Level = level,
            Format = format ?? 1,
            ValidFrom = from,
            ValidTo = to,
            Requires = requires,
            Updates = updates,
            Location = map.Start,
        };
    }

    /// <summary><c>requires</c> or <c>updates</c>: a list of { pack, version }.</summary>
    private static List<PackRequirement> ReadRequirements(MappingReader r, string key, DiagnosticBag bag)
    {
        var requires = new List<PackRequirement>();
        if (r.Sequence(key) is { } seq)
        {
            foreach (var item in seq.Items)
            {
                if (item is not YMapping rm)
                {
                    bag.Report(DiagnosticCatalog.WrongValueKind, item.Start, "Each requirement is a mapping: { pack: nl.sociaal-domein, version: \">=2026.1.0 <2027.0.0\" }.");
                    continue;
                }
                var rr = new MappingReader(rm, bag, "a requirement", PackKeys.Requirement);
                var pack = rr.Text("pack", required: true);
                var rangeText = rr.Text("version") ?? ">=0.0.0";
                if (!VersionRange.TryParse(rangeText, out var range))
                {
                    bag.Report(DiagnosticCatalog.InvalidVersion, rr.At("version"), $"'{rangeText}' is not a version range; write comparators such as \">=2026.1.0 <2027.0.0\" or \"^2026.1.0\".");
                    continue;
                }
                if (pack is not null) requires.Add(new PackRequirement(pack, range, rangeText, rm.Start));
            }
        }
        return requires;
    }
}
