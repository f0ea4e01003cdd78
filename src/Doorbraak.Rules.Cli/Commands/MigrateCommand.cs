using System.CommandLine;
using System.Text;
using System.Text.RegularExpressions;

namespace Doorbraak.Rules.Cli.Commands;

/// <summary>
/// <c>doorbraak migrate &lt;pack-dir&gt;</c>: rewrites a format 1 pack to format 2 as a text edit, so comments, order and
/// quoting stay as the author wrote them. It adds <c>format: 2</c> to pack.yaml and <c>force:</c> to a rule only where the
/// citation makes the force certain (a law name with "Beleidsregel(s)" or "Verordening"); every other rule, and every
/// deviation basis without a kind, is listed with file:line:column and the loader's own message, because only the author
/// knows the force of a statute rule. The migrated pack does not load until those are filled in.
/// </summary>
internal static partial class MigrateCommand
{
    public static Command Build(CliContext context)
    {
        var dir = new Argument<string>("pack-dir") { Description = "The folder of one pack (with its pack.yaml)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would change without writing the files." };
        var command = new Command("migrate",
            "Rewrite a format 1 pack to format 2 in place, keeping comments: adds 'format: 2' to pack.yaml and 'force:' where the citation makes it certain " +
            "(a law named Beleidsregel(s) -> beleidsregel, Verordening -> verordening), then lists with path:line:column every rule whose 'force:' you must fill in " +
            "(and every deviation basis without 'kind:'). Exit 0 when the pack loads as format 2 afterwards, 1 when something is left to fill in.")
        {
            dir, dryRun,
        };
        command.SetAction(parse => Run(parse.GetValue(dir)!, parse.GetValue(dryRun), context));
        return command;
    }

    private static int Run(string dir, bool dryRun, CliContext context)
    {
        var shown = Common.DisplayPath(dir, context);
        var root = context.FullPath(dir);
        var manifestPath = Path.Combine(root, "pack.yaml");
        if (!File.Exists(manifestPath))
            throw new UsageException($"'{dir}' has no pack.yaml; name the folder of one pack.");

        var changes = new List<string>();
        var manifest = File.ReadAllText(manifestPath);
        var newManifest = AddFormat(manifest, out var already);
        if (newManifest != manifest)
        {
            changes.Add($"{Show(shown, "pack.yaml")}: format: 2");
            if (!dryRun) File.WriteAllText(manifestPath, newManifest, new UTF8Encoding(false));
        }

        foreach (var file in Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(file) == "pack.yaml" && Path.GetDirectoryName(file) == root) continue;
            var text = File.ReadAllText(file);
            var rel = Path.GetRelativePath(root, file).Replace('\\', '/');
            var updated = AddForces(text, (line, force, rule) => changes.Add($"{Show(shown, rel)}:{line}: force: {force} ('{rule}')"));
            if (updated != text && !dryRun) File.WriteAllText(file, updated, new UTF8Encoding(false));
        }

        var style = context.OutStyle;
        if (already && changes.Count == 0) context.Out.WriteLine($"{shown} is already format 2; nothing to rewrite.");
        foreach (var c in changes) context.Out.WriteLine($"{(dryRun ? "would write" : "wrote")} {c}");
        if (dryRun) return Program.ExitOk;

        // What is left for the author: the loader's own messages, so 'migrate' and 'validate' say the same.
        var (_, diagnostics) = PackSet.TryLoad([PolicyPackSource.FromDirectory(shown)]);
        var todo = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        foreach (var d in todo) Common.WriteDiagnostic(context, d);
        if (todo.Count == 0)
        {
            context.Out.WriteLine(style.Green($"{shown} loads as format 2."));
            return Program.ExitOk;
        }
        context.Out.WriteLine($"{todo.Count} place(s) left to fill in by hand (listed on stderr): the legal force of each rule ('force:'), the kind of each deviation's basis ('kind:'), " +
            $"and anything else the loader reports. The pack does not load until they are fixed; see docs/pack-format.md, 'Legal force and which basis fits'. " +
            $"A local pack is checked fully only with the packs it requires: doorbraak validate <national-pack> {shown}.");
        return Program.ExitFailed;
    }

    private static string Show(string root, string rel) => $"{root.TrimEnd('/', '\\')}/{rel}";

    [GeneratedRegex(@"^format:\s*(?<v>[^#\s]*)\s*(#.*)?$")]
    private static partial Regex FormatLine();

    [GeneratedRegex(@"^version:")]
    private static partial Regex VersionLine();

    /// <summary>Adds <c>format: 2</c> after the version line (or sets an existing <c>format: 1</c> to 2); comments stay.</summary>
    internal static string AddFormat(string manifest, out bool alreadyTwo)
    {
        alreadyTwo = false;
        var nl = manifest.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = manifest.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var m = FormatLine().Match(lines[i]);
            if (!m.Success) continue;
            if (m.Groups["v"].Value == "2")
            {
                alreadyTwo = true;
                return manifest;
            }
            lines[i] = "format: 2" + lines[i][(m.Groups["v"].Index + m.Groups["v"].Length)..];
            return string.Join(nl, lines);
        }
        var at = lines.FindIndex(l => VersionLine().IsMatch(l));
        if (at < 0)
        {
            var body = manifest.EndsWith('\n') ? manifest : manifest + nl;
            return body + "format: 2" + nl;
        }
        lines.Insert(at + 1, "format: 2");
        return string.Join(nl, lines);
    }

    [GeneratedRegex(@"^(?<key>[A-Za-z_][A-Za-z0-9_]*):")]
    private static partial Regex TopKey();

    [GeneratedRegex(@"^(?<indent> *)- +(?<rest>.*)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^(?<indent> *)(?<key>[A-Za-z_][A-Za-z0-9_]*):(?<value>.*)$")]
    private static partial Regex KeyLine();

    [GeneratedRegex(@"\blaw:\s*(?:""(?<v>[^""]*)""|'(?<v>[^']*)'|(?<v>[^,}#]+))")]
    private static partial Regex LawValue();

    [GeneratedRegex(@"\bid:\s*(?:""(?<v>[^""]*)""|'(?<v>[^']*)'|(?<v>[^,}#\s]+))")]
    private static partial Regex IdValue();

    /// <summary>The force a law name makes certain, or null: "Beleidsregels bijzondere bijstand" is a beleidsregel, "Verordening ..." a verordening.</summary>
    internal static string? CertainForce(string? law)
    {
        if (law is null) return null;
        if (law.Contains("beleidsregel", StringComparison.OrdinalIgnoreCase)) return "beleidsregel";
        if (law.Contains("verordening", StringComparison.OrdinalIgnoreCase)) return "verordening";
        return null;
    }

    /// <summary>
    /// Adds <c>force:</c> to each rule of the file's top-level <c>rules:</c> list that has none and whose citation makes
    /// the force certain. A text edit: every other line, comment and blank stays as it is.
    /// </summary>
    internal static string AddForces(string text, Action<int, string, string> wrote)
    {
        var nl = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var inserts = new List<(int At, string Line)>();
        var inRules = false;
        int? itemIndent = null;
        var items = new List<(int Start, int End, int KeyIndent)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (TopKey().Match(line) is { Success: true } top)
            {
                inRules = top.Groups["key"].Value == "rules";
                itemIndent = null;
                continue;
            }
            if (!inRules) continue;
            if (ListItem().Match(line) is { Success: true } li && (itemIndent is null || li.Groups["indent"].Length == itemIndent))
            {
                itemIndent ??= li.Groups["indent"].Length;
                if (items.Count > 0 && items[^1].End < 0) items[^1] = items[^1] with { End = i };
                items.Add((i, -1, li.Groups["indent"].Length + 2));
            }
        }
        if (items.Count > 0 && items[^1].End < 0)
        {
            // The last item ends at the next top-level key after it, or at the end of the file.
            var end = lines.FindIndex(items[^1].Start + 1, l => TopKey().IsMatch(l));
            items[^1] = items[^1] with { End = end < 0 ? lines.Count : end };
        }
        foreach (var (start, end, keyIndent) in items)
        {
            // The item's own keys: the dash line's key and the lines indented exactly at the key column.
            var keys = new List<(int Line, string Key, string Value)>();
            var first = ListItem().Match(lines[start]).Groups["rest"].Value;
            if (KeyLine().Match(first) is { Success: true } fk) keys.Add((start, fk.Groups["key"].Value, fk.Groups["value"].Value));
            for (var i = start + 1; i < end; i++)
                if (KeyLine().Match(lines[i]) is { Success: true } k && k.Groups["indent"].Length == keyIndent)
                    keys.Add((i, k.Groups["key"].Value, k.Groups["value"].Value));
            if (keys.Any(k => k.Key == "force")) continue;
            var law = keys.FirstOrDefault(k => k.Key == "law");
            if (law.Key is null) continue;
            var lawText = law.Value;
            if (lawText.Trim().Length == 0 || lawText.TrimStart().StartsWith('#'))
            {
                // A block mapping: the nested 'law:' line below it.
                for (var i = law.Line + 1; i < end && Indent(lines[i]) > keyIndent; i++)
                    if (KeyLine().Match(lines[i]) is { Success: true } k && k.Groups["key"].Value == "law") { lawText = "law:" + k.Groups["value"].Value; break; }
            }
            var name = LawValue().Match(lawText) is { Success: true } lm ? lm.Groups["v"].Value.Trim() : null;
            if (CertainForce(name) is not { } force) continue;
            // Right after the law entry (after its nested lines, for a block mapping).
            var after = law.Line + 1;
            while (after < end && lines[after].Trim().Length > 0 && Indent(lines[after]) > keyIndent) after++;
            inserts.Add((after, new string(' ', keyIndent) + "force: " + force));
            var id = keys.FirstOrDefault(k => k.Key == "id").Value is { } idv && IdValue().Match("id:" + idv) is { Success: true } im ? im.Groups["v"].Value : "?";
            wrote(after + 1 + inserts.Count - 1, force, id);
        }
        if (inserts.Count == 0) return text;
        foreach (var (at, line) in inserts.OrderByDescending(x => x.At)) lines.Insert(at, line);
        return string.Join(nl, lines);
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;
}
