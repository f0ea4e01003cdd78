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
    public const int MaxFilesPerPack = 500;

    private static readonly string[] Levels = ["national", "regional", "municipal"];
    private static readonly string[] Entities = [FactSchema.HouseholdEntity, FactSchema.MemberEntity, FactSchema.DebtEntity, FactSchema.ProvisionEntity];
    private static readonly string[] Collections = ["leden", "schulden", "voorzieningen"];

    [GeneratedRegex("^[a-z][a-z0-9_]*(\\.[a-z0-9_][a-z0-9_-]*)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$")]
    private static partial Regex ParameterIdPattern();

    public static PackDefinition? Read(string root, IReadOnlyList<PackFile> files, DiagnosticBag bag, YamlLimits limits)
    {
        var before = bag.Items.Count;
        var ordered = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var rootLoc = new SourceLocation(root, 1, 1);
        if (ordered.Count == 0)
        {
            bag.Report(DiagnosticCatalog.PackSourceEmpty, rootLoc, "The pack is empty: a pack folder needs at least a pack.yaml with the manifest.");
            return null;
        }
        if (ordered.Count > MaxFilesPerPack)
        {
            bag.Report(DiagnosticCatalog.LimitExceeded, rootLoc, $"The pack has {ordered.Count} files; at most {MaxFilesPerPack} are allowed.");
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
            var ctx = new ItemContext(manifest.Id, bag);
            ReadNamed(r, "facts", n => ReadFacts(n, ctx, pack.Facts));
            ReadList(r, "parameters", "parameter", (m, id) => ReadParameter(m, id, ctx), pack.Parameters, namedMap: true);
            ReadList(r, "rules", "rule", (m, _) => ReadRule(m, RuleKind.Rule, ctx), pack.Rules);
            ReadList(r, "consequences", "consequence", (m, _) => ReadRule(m, RuleKind.Consequence, ctx), pack.Rules);
            ReadList(r, "goals", "goal", (m, _) => ReadGoal(m, ctx), pack.Goals);
            ReadList(r, "collisions", "collision", (m, _) => ReadCollision(m, ctx), pack.Collisions);
            ReadList(r, "deviations", "deviation", (m, _) => ReadDeviation(m, ctx), pack.Deviations);
            ReadList(r, "costs", "cost", (m, _) => ReadCost(m, ctx), pack.Costs);
            ReadList(r, "kpis", "KPI", (m, _) => ReadKpi(m, ctx), pack.Kpis);
            ReadList(r, "tests", "test", (m, _) => ReadTest(m, ctx), pack.Tests);
            sectionsSeen += map.Entries.Count;
        }

        if (sectionsSeen == 0 && bag.Items.Count == before)
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

    private sealed record ItemContext(string PackId, DiagnosticBag Bag);

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
        var (from, to) = ReadValid(r, bag);
        var requires = new List<PackRequirement>();
        if (r.Sequence("requires") is { } seq)
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
        if (bag.Items.Skip(before).Any(d => d.Severity == DiagnosticSeverity.Error)) return null;
        return new PackManifest(id!, version!, title!, r.Text("description"), jurisdiction!, level, from, to, requires, map.Start);
    }

    private static (DateOnly? From, DateOnly? To) ReadValid(MappingReader r, DiagnosticBag bag, string key = "valid")
    {
        if (r.Mapping(key) is not { } vm) return (null, null);
        var vr = new MappingReader(vm, bag, $"'{key}'", PackKeys.Valid);
        var from = vr.Date("from");
        var to = vr.Date("to");
        if (from is { } f && to is { } t && t < f)
            bag.Report(DiagnosticCatalog.PeriodEndsBeforeStart, vr.At("to"), $"'to' ({t:yyyy-MM-dd}) is before 'from' ({f:yyyy-MM-dd}).");
        return (from, to);
    }

    private static void ReadNamed(MappingReader file, string section, Action<YMapping> read)
    {
        if (file.Mapping(section) is { } m) read(m);
    }

    /// <summary>Reads a section that is a list of mappings with an 'id' (or, with <paramref name="namedMap"/>, a mapping from id to item).</summary>
    private static void ReadList<T>(MappingReader file, string section, string what, Func<YMapping, string?, T?> read, List<T> into, bool namedMap = false) where T : class
    {
        var node = file.Node(section);
        if (node is null) return;
        var bag = DiagnosticsOf(file);
        if (namedMap && node is YMapping named)
        {
            foreach (var (key, value) in named.Entries)
            {
                if (value is not YMapping vm)
                {
                    bag.Report(DiagnosticCatalog.WrongValueKind, value.Start, $"The {what} '{key.Value}' must be a mapping with its fields.");
                    continue;
                }
                if (read(vm, key.Value) is { } item) into.Add(item);
            }
            return;
        }
        if (namedMap)
        {
            bag.Report(DiagnosticCatalog.WrongValueKind, node.Start, $"'{section}' is a mapping from id to {what}: write 'pw.norm.x:' on its own line with the fields indented below it, not a list.");
            return;
        }
        if (node is not YSequence seq)
        {
            bag.Report(DiagnosticCatalog.WrongValueKind, node.Start, $"'{section}' must be a list of {what}s (each item starting with '-').");
            return;
        }
        foreach (var item in seq.Items)
        {
            if (item is not YMapping m)
            {
                bag.Report(DiagnosticCatalog.WrongValueKind, item.Start, $"Each {what} is a mapping with an id and its fields, not {item.KindName}.");
                continue;
            }
            if (read(m, null) is { } value) into.Add(value);
        }
    }

    // MappingReader keeps its bag private; sections share the pack's bag through this small accessor.
    private static DiagnosticBag DiagnosticsOf(MappingReader r) => r.Bag;

    private static string? ReadId(MappingReader r, ItemContext ctx, string? namedId = null, bool parameter = false)
    {
        var id = namedId ?? r.Text("id", required: true);
        if (id is null) return null;
        var ok = parameter ? ParameterIdPattern().IsMatch(id) : IdPattern().IsMatch(id);
        if (!ok)
        {
            ctx.Bag.Report(DiagnosticCatalog.InvalidName, namedId is null ? r.At("id") : r.Start, parameter
                ? $"The parameter id '{id}' must be lower case letters, digits and '_' in dot-separated parts (it is used in expressions), such as pw.norm.alleenstaande."
                : $"The id '{id}' must be lower case letters, digits, '_', '-' and dots, such as pw.kostendelersnorm.");
            return null;
        }
        return id;
    }

    private static Citation? ReadCitation(MappingReader r, string key, ItemContext ctx, bool required, bool allowText = false)
    {
        var node = required ? r.Node(key) ?? Missing(r, key, ctx) : r.Node(key);
        if (node is null) return null;
        if (node is YScalar s && allowText) return Citation.FromText(s.Value);
        if (node is not YMapping m)
        {
            ctx.Bag.Report(DiagnosticCatalog.WrongValueKind, node.Start, $"'{key}' must be a mapping such as {{ law: Participatiewet, article: \"22a\", url: \"https://wetten.overheid.nl/BWBR0015703\" }}.");
            return null;
        }
        var cr = new MappingReader(m, ctx.Bag, $"'{key}'", PackKeys.Citation);
        var (from, to) = ReadValid(cr, ctx.Bag);
        var kind = cr.Text("kind");
        if (kind is not null && !BasisKinds.Levels.Contains(kind))
            ctx.Bag.Report(DiagnosticCatalog.NotAnAllowedWord, cr.At("kind"), $"kind must be one of {string.Join(", ", BasisKinds.Levels)}{Suggest.Hint(kind, BasisKinds.Levels)}.");
        var c = new Citation(cr.Text("law"), cr.Text("article"), cr.Text("url"), from, to, kind, cr.Text("title"));
        if (c.Law is null && c.Title is null)
            ctx.Bag.Report(DiagnosticCatalog.MissingKey, m.Start, $"'{key}' needs 'law' (with 'article' and 'url') or, for a non-legal source, 'title'.");
        return c;
    }

    private static YNode? Missing(MappingReader r, string key, ItemContext ctx)
    {
        ctx.Bag.Report(DiagnosticCatalog.MissingKey, r.Start, $"This item needs the key '{key}'.");
        return null;
    }

    private static T WithLayering<T>(T item, MappingReader r, ItemContext ctx) where T : PackItem
    {
        OpenGrant? open = null;
        OverrideDeclaration? over = null;
        if (r.Mapping("open") is { } om)
        {
            var orr = new MappingReader(om, ctx.Bag, "'open'", PackKeys.Open);
            open = new OpenGrant(orr.Text("to") ?? "gemeente", orr.Text("basis", required: true) ?? "");
        }
        if (r.Mapping("overrides") is { } ovm)
        {
            var orr = new MappingReader(ovm, ctx.Bag, "'overrides'", PackKeys.Overrides);
            var pack = orr.Text("pack", required: true) ?? "";
            var basis = ReadCitation(orr, "basis", ctx, required: true, allowText: true);
            over = new OverrideDeclaration(pack, basis ?? Citation.FromText(""), ovm.Start);
        }
        return item with { Open = open, Overrides = over };
    }



    private static void ReadFacts(YMapping map, ItemContext ctx, List<FactExtension> into)
    {
        foreach (var (key, value) in map.Entries)
        {
            var dot = key.Value.IndexOf('.');
            var entity = dot > 0 ? key.Value[..dot] : "";
            var name = dot > 0 ? key.Value[(dot + 1)..] : key.Value;
            if (!Entities.Contains(entity))
            {
                ctx.Bag.Report(DiagnosticCatalog.InvalidName, key.Start, $"A fact is named entity.name, with entity one of {string.Join(", ", Entities)}; '{key.Value}' is not{Suggest.Hint(entity, Entities)}.");
                continue;
            }
            if (!Regex.IsMatch(name, "^[a-z][a-z0-9_]*$"))
            {
                ctx.Bag.Report(DiagnosticCatalog.InvalidName, key.Start, $"The fact name '{name}' must be lower case letters, digits and '_' (it is used in expressions).");
                continue;
            }
            if (value is not YMapping vm)
            {
                ctx.Bag.Report(DiagnosticCatalog.WrongValueKind, value.Start, $"The fact '{key.Value}' needs a mapping with type and description.");
                continue;
            }
            var r = new MappingReader(vm, ctx.Bag, $"the fact '{key.Value}'", PackKeys.Fact);
            var typeName = r.Text("type", required: true);
            var type = typeName is null ? null : FactType.FromName(typeName);
            if (typeName is not null && type is null)
                ctx.Bag.Report(DiagnosticCatalog.UnknownFactType, r.At("type"), $"Unknown type '{typeName}'{Suggest.Hint(typeName, FactType.ScalarNames)}; use one of {string.Join(", ", FactType.ScalarNames)}.");
            var description = r.Text("description", required: true);
            var defaultValue = type is not null && r.Node("default") is { } dn ? ReadTypedValue(dn, type, ctx.Bag, "default") : null;
            if (type is not null && description is not null)
                into.Add(new FactExtension(entity, name, type, description, r.Text("unit"), r.Text("question"), defaultValue, ctx.PackId, key.Start));
        }
    }

    private static ParameterDefinition? ReadParameter(YMapping m, string? namedId, ItemContext ctx)
    {
        var r = new MappingReader(m, ctx.Bag, $"the parameter '{namedId}'", PackKeys.Parameter);
        var id = ReadId(r, ctx, namedId, parameter: true);
        var title = r.Text("title", required: true);
        var typeName = r.Text("type", required: true);
        var type = typeName is null ? null : FactType.FromName(typeName);
        if (typeName is not null && type is null)
            ctx.Bag.Report(DiagnosticCatalog.UnknownFactType, r.At("type"), $"Unknown type '{typeName}'{Suggest.Hint(typeName, FactType.ScalarNames)}; use one of {string.Join(", ", FactType.ScalarNames)}.");
        var source = ReadCitation(r, "source", ctx, required: false, allowText: true);
        var values = new List<ParameterValue>();
        if (r.Sequence("values", required: true) is { } seq && type is not null)
        {
            foreach (var item in seq.Items)
            {
                if (item is not YMapping vm)
                {
                    ctx.Bag.Report(DiagnosticCatalog.WrongValueKind, item.Start, "Each value is a mapping: { from: 2026-01-01, value: 1401.50, source: \"Normenbrief\" }.");
                    continue;
                }
                var vr = new MappingReader(vm, ctx.Bag, "a parameter value", PackKeys.ParameterValue);
                var from = vr.Date("from", required: true);
                var to = vr.Date("to");
                var valueNode = vr.Node("value");
                if (valueNode is null) vr.ReportMissing("value");
                var value = valueNode is null ? (FactValue?)null : ReadTypedValue(valueNode, type, ctx.Bag, "value");
                if (from is { } f && to is { } t && t < f)
                    ctx.Bag.Report(DiagnosticCatalog.PeriodEndsBeforeStart, vr.At("to"), $"'to' ({t:yyyy-MM-dd}) is before 'from' ({f:yyyy-MM-dd}).");
                if (from is not null && value is not null)
                    values.Add(new ParameterValue(from.Value, to, value.Value, vr.Text("source"), vr.Bool("illustrative") ?? false, vm.Start));
            }
            values.Sort((a, b) => a.From.CompareTo(b.From));
            for (var i = 1; i < values.Count; i++)
            {
                var prev = values[i - 1];
                if (prev.To is null || prev.To.Value >= values[i].From)
                    ctx.Bag.Report(DiagnosticCatalog.OverlappingPeriods, values[i].Location, $"The period from {values[i].From:yyyy-MM-dd} overlaps the period from {prev.From:yyyy-MM-dd}{(prev.To is null ? " (which has no 'to')" : $" to {prev.To:yyyy-MM-dd}")}; give the earlier value a 'to' before {values[i].From:yyyy-MM-dd}.");
            }
        }
        if (id is null || title is null || type is null) return null;
        return WithLayering(new ParameterDefinition(id, ctx.PackId, m.Start, title, type, r.Text("unit"), source, values), r, ctx);
    }

    /// <summary>Reads a literal value of a known type with the strict rules.</summary>
    internal static FactValue? ReadTypedValue(YNode node, FactType type, DiagnosticBag bag, string key)
    {
        switch (type.Kind)
        {
            case FactKind.Boolean:
                return MappingReader.AsBool(node, bag, key) is { } b ? FactValue.Bool(b) : null;
            case FactKind.Number:
                return MappingReader.AsDecimal(node, bag, key) is { } n ? FactValue.Number(n) : null;
            case FactKind.Money:
                return MappingReader.AsDecimal(node, bag, key) is { } mo ? FactValue.Money(mo) : null;
            case FactKind.Date:
                return MappingReader.AsDate(node, bag, key) is { } d ? FactValue.Date(d) : null;
            case FactKind.Duration:
                return MappingReader.AsDuration(node, bag, key) is { } du ? FactValue.Duration(du.Item1, du.Item2) : null;
            case FactKind.Text:
                return MappingReader.AsText(node, bag, key) is { } t ? FactValue.Text(t) : null;
            default:
                bag.Report(DiagnosticCatalog.WrongValueKind, node.Start, $"'{key}' cannot hold a {type}.");
                return null;
        }
    }

    private static RuleDefinition? ReadRule(YMapping m, RuleKind kind, ItemContext ctx)
    {
        var what = kind == RuleKind.Rule ? "rule" : "consequence";
        var citationKey = kind == RuleKind.Rule ? "law" : "source";
        var r = new MappingReader(m, ctx.Bag, $"a {what}", kind == RuleKind.Rule ? PackKeys.Rule : PackKeys.Consequence);
        var id = ReadId(r, ctx);
        var title = r.Text("title", required: true);
        var citation = ReadCitation(r, citationKey, ctx, required: true, allowText: kind == RuleKind.Consequence);
        var domain = r.Text("domain", required: true);
        var (from, to) = ReadValid(r, ctx.Bag);
        var forEach = ReadForEach(r, ctx);
        var applies = r.Expression("applies");
        var determines = ReadDeterminations(r, "determines", ctx);
        if (id is null || title is null || citation is null || domain is null) return null;
        var rule = new RuleDefinition(id, ctx.PackId, m.Start)
        {
            Kind = kind,
            Title = title,
            Citation = citation,
            Domain = domain,
            ValidFrom = from,
            ValidTo = to,
            ForEach = forEach,
            Applies = applies,
            Determines = determines,
            Explain = r.Text("explain"),
        };
        return WithLayering(rule, r, ctx);
    }

    private static string? ReadForEach(MappingReader r, ItemContext ctx)
    {
        var forEach = r.Text("for_each");
        if (forEach is not null && !Collections.Contains(forEach))
        {
            ctx.Bag.Report(DiagnosticCatalog.NotAnAllowedWord, r.At("for_each"), $"for_each must be one of {string.Join(", ", Collections)}{Suggest.Hint(forEach, Collections)}.");
            return null;
        }
        return forEach;
    }

    private static List<Determination> ReadDeterminations(MappingReader r, string key, ItemContext ctx)
    {
        var list = new List<Determination>();
        if (r.Mapping(key) is not { } dm) return list;
        foreach (var (target, value) in dm.Entries)
        {
            // A quoted value is text, as a policy adviser reads it: status: "toegelaten".
            if (value is YScalar { Style: YScalarStyle.SingleQuoted or YScalarStyle.DoubleQuoted } text)
            {
                var literal = "\"" + text.Value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
                list.Add(new Determination(target.Value, new ConditionSource(literal, text.Start), target.Start));
            }
            else if (MappingReader.AsExpression(value, ctx.Bag, target.Value) is { } expr)
            {
                list.Add(new Determination(target.Value, expr, target.Start));
            }
        }
        return list;
    }

    private static GoalDefinition? ReadGoal(YMapping m, ItemContext ctx)
    {
        var r = new MappingReader(m, ctx.Bag, "a goal", PackKeys.Goal);
        var id = ReadId(r, ctx);
        var title = r.Text("title", required: true);
        var domain = r.Text("domain", required: true);
        var holds = r.Expression("holds", required: true);
        var active = r.Expression("active");
        if (id is null || title is null || domain is null || holds is null) return null;
        return WithLayering(new GoalDefinition(id, ctx.PackId, m.Start, title, domain, holds, active, r.Text("explain")), r, ctx);
    }

    private static readonly string[] Severities = ["low", "medium", "high", "critical"];

    private static CollisionDeclaration? ReadCollision(YMapping m, ItemContext ctx)
    {
        var r = new MappingReader(m, ctx.Bag, "a collision", PackKeys.Collision);
        var id = ReadId(r, ctx);
        var title = r.Text("title", required: true);
        var rules = r.TextList("rules");
        if (rules.Count == 0) r.ReportMissing("rules");
        var goal = r.Text("goal", required: true);
        var severityText = r.Text("severity") ?? "medium";
        var severity = Array.IndexOf(Severities, severityText);
        if (severity < 0) ctx.Bag.Report(DiagnosticCatalog.NotAnAllowedWord, r.At("severity"), $"severity must be one of {string.Join(", ", Severities)}{Suggest.Hint(severityText, Severities)}.");
        var explain = r.Text("explain", required: true);
        if (id is null || title is null || goal is null || explain is null || severity < 0) return null;
        return WithLayering(new CollisionDeclaration(id, ctx.PackId, m.Start, title, rules, goal, r.Expression("when"), (Severity)severity, explain, r.Text("explain_en")), r, ctx);
    }


    private static DeviationDefinition? ReadDeviation(YMapping m, ItemContext ctx)
    {
        var r = new MappingReader(m, ctx.Bag, "a deviation", PackKeys.Deviation);
        var id = ReadId(r, ctx);
        var title = r.Text("title", required: true);
        var deviates = r.Text("deviates", required: true);
        DeviationChange? change = null;
        if (r.Mapping("change", required: true) is { } cm)
            change = ReadChange(cm, ctx);
        var basis = ReadCitation(r, "basis", ctx, required: true);
        var allowed = r.Expression("allowed");
        var limits = new DeviationLimits(null, null, null, "month", null);
        if (r.Mapping("limits") is { } lm)
        {
            var lr = new MappingReader(lm, ctx.Bag, "'limits'", PackKeys.Limits);
            var dur = lr.Duration("duration");
            var per = lr.Text("amount_per") ?? "month";
            if (per is not ("month" or "total")) ctx.Bag.Report(DiagnosticCatalog.NotAnAllowedWord, lr.At("amount_per"), "amount_per must be month or total.");
            var times = lr.Decimal("times");
            if (times is { } tv && (tv < 1 || tv != Math.Floor(tv)))
            {
                ctx.Bag.Report(DiagnosticCatalog.CountBelowOne, lr.At("times"), "times must be a whole number of at least 1.");
                times = null;
            }
            limits = new DeviationLimits(dur?.Months, dur?.Days, lr.Decimal("amount"), per, times is null ? null : (int)times.Value);
        }
        var mandate = r.Text("mandate", required: true);
        if (mandate is not null && !Mandates.Levels.Contains(mandate))
            ctx.Bag.Report(DiagnosticCatalog.NotAnAllowedWord, r.At("mandate"), $"mandate must be one of {string.Join(", ", Mandates.Levels)} (lowest first){Suggest.Hint(mandate, Mandates.Levels)}.");
        var review = new List<(int, int)>();
        if (r.Node("review") is YSequence rs)
        {
            foreach (var item in rs.Items)
                if (MappingReader.AsDuration(item, ctx.Bag, "review") is { } d) review.Add(d);
        }
        else if (r.Node("review") is { } other)
        {
            ctx.Bag.Report(DiagnosticCatalog.WrongValueKind, other.Start, "review must be a list of durations such as [P6M, P12M].");
        }
        if (review.Count == 0) review = [(6, 0), (12, 0)];
        if (id is null || title is null || deviates is null || change is null || basis is null || mandate is null) return null;
        var deviation = new DeviationDefinition(id, ctx.PackId, m.Start)
        {
            Title = title,
            Deviates = deviates,
            Change = change,
            Basis = basis,
            Allowed = allowed,
            Limits = limits,
            Mandate = mandate,
            Document = r.TextList("document"),
            Review = review,
            Motivation = r.Text("motivation"),
            CostNote = r.Text("cost_note"),
        };
        return WithLayering(deviation, r, ctx);
    }

    private static DeviationChange? ReadChange(YMapping cm, ItemContext ctx)
    {
        var r = new MappingReader(cm, ctx.Bag, "'change'", PackKeys.Change);
        var present = PackKeys.Change.All.Where(k => k != "value" && r.Has(k)).ToList();
        if (present.Count != 1)
        {
            ctx.Bag.Report(DiagnosticCatalog.ChangeKindNotOne, cm.Start, "change needs exactly one of: suspend, parameter (with value), set, postpone, waive, spread, exempt.");
            return null;
        }
        switch (present[0])
        {
            case "suspend":
            case "exempt":
                if (r.Bool(present[0]) != true)
                {
                    ctx.Bag.Report(DiagnosticCatalog.ChangeFlagNotTrue, r.At(present[0]), $"Write '{present[0]}: true'.");
                    return null;
                }
                return new DeviationChange(present[0] == "suspend" ? ChangeKind.Suspend : ChangeKind.Exempt, cm.Start);
            case "parameter":
                var pid = r.Text("parameter");
                var value = r.Expression("value", required: true);
                return pid is null || value is null ? null : new DeviationChange(ChangeKind.Parameter, cm.Start) { ParameterId = pid, Value = value };
            case "set":
                var sets = ReadDeterminations(r, "set", ctx);
                if (sets.Count == 0 && r.Node("set") is YMapping { Entries.Count: 0 })
                    ctx.Bag.Report(DiagnosticCatalog.SetNamesNoFact, r.At("set"), "'set' names no fact; write set: { huishouden.x: <expression> } with at least one fact the rule determines.");
                return sets.Count == 0 ? null : new DeviationChange(ChangeKind.Set, cm.Start) { Sets = sets };
            case "postpone":
                return r.Duration("postpone") is { } p ? new DeviationChange(ChangeKind.Postpone, cm.Start) { Postpone = p } : null;
            case "waive":
                return r.Text("waive") is { } wf ? new DeviationChange(ChangeKind.Waive, cm.Start) { Fact = wf } : null;
            default:
                if (r.Mapping("spread") is not { } sm) return null;
                var sr = new MappingReader(sm, ctx.Bag, "'spread'", PackKeys.Spread);
                var fact = sr.Text("fact", required: true);
                var months = sr.Decimal("months", required: true);
                if (months is { } mo && (mo < 1 || mo != Math.Floor(mo)))
                {
                    ctx.Bag.Report(DiagnosticCatalog.CountBelowOne, sr.At("months"), "months must be a whole number of at least 1.");
                    return null;
                }
                return fact is null || months is null ? null : new DeviationChange(ChangeKind.Spread, cm.Start) { Fact = fact, SpreadMonths = (int)months.Value };
        }
    }

    private static CostDefinition? ReadCost(YMapping m, ItemContext ctx)
    {
        var r = new MappingReader(m, ctx.Bag, "a cost", PackKeys.Cost);
        var id = ReadId(r, ctx);
        var title = r.Text("title", required: true);
        var payer = r.Text("payer", required: true);
        var monthly = r.Expression("monthly", required: true);
        var forEach = ReadForEach(r, ctx);
        if (id is null || title is null || payer is null || monthly is null) return null;
        return WithLayering(new CostDefinition(id, ctx.PackId, m.Start, title, payer, monthly, r.Expression("when"), forEach, r.Text("source")), r, ctx);
    }

    private static KpiDefinition? ReadKpi(YMapping m, ItemContext ctx)
    {
        var r = new MappingReader(m, ctx.Bag, "a KPI", PackKeys.Kpi);
        var id = ReadId(r, ctx);
        var title = r.Text("title", required: true);
        var measure = r.Text("measure", required: true);
        KpiNormDeclaration? norm = null;
        if (r.Mapping("norm") is { } nm)
        {
            var nr = new MappingReader(nm, ctx.Bag, "'norm'", PackKeys.KpiNorm);
            var target = nr.Decimal("target", required: true);
            var direction = nr.Text("direction") ?? "at_least";
            if (direction is not ("at_least" or "at_most")) ctx.Bag.Report(DiagnosticCatalog.NotAnAllowedWord, nr.At("direction"), "direction must be at_least or at_most.");
            if (target is not null) norm = new KpiNormDeclaration(target.Value, direction, nr.Date("deadline"));
        }
        if (id is null || title is null || measure is null) return null;
        return WithLayering(new KpiDefinition(id, ctx.PackId, m.Start, title, measure, r.Text("description"), r.Text("unit"), norm, r.Text("source"), r.Text("filter")), r, ctx);
    }

    private static PackTestCase? ReadTest(YMapping m, ItemContext ctx)
    {
        var r = new MappingReader(m, ctx.Bag, "a test", PackKeys.Test);
        var name = r.Text("name", required: true);
        var date = r.Date("date", required: true);
        var household = r.Mapping("household", required: true);
        var expectMap = r.Mapping("expect", required: true);
        PackTestExpectation? expect = null;
        if (expectMap is not null)
        {
            var er = new MappingReader(expectMap, ctx.Bag, "'expect'", PackKeys.Expect);
            List<string>? L(string k) => er.Node(k) is null && !er.Map.Entries.Any(e => e.Key.Value == k) ? null : er.TextList(k);
            var facts = new List<(string, YScalar)>();
            if (er.Mapping("facts") is { } fm)
            {
                foreach (var (k, v) in fm.Entries)
                {
                    if (v is YScalar sv) facts.Add((k.Value, sv));
                    else ctx.Bag.Report(DiagnosticCatalog.WrongValueKind, v.Start, $"The expected value of '{k.Value}' must be a single value.");
                }
            }
            expect = new PackTestExpectation(L("applied"), L("not_applied"), facts, L("goals_failing"), L("collisions"), L("proposals"), L("missing"));
        }
        if (name is null || date is null || household is null || expect is null) return null;
        return new PackTestCase(name, ctx.PackId, m.Start, date.Value, household, expect, r.TextList("keywords"));
    }
}
