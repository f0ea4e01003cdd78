using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Doorbraak.Rules.Cli.Commands;

/// <summary>
/// <c>doorbraak new pack &lt;id&gt;</c>: a new local pack from the template (Templates/local-pack.template) that requires
/// the national pack, with a policy rule, a goal, a collision, a deviation, tests and a README for the adviser.
/// </summary>
internal static partial class NewCommand
{
    private const string TemplateResource = "Doorbraak.Templates.local-pack.template";

    public static Command Build(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The new pack's id, such as gemeente.voorbeeld (lower case, parts separated by dots)." };
        var requires = new Option<string>("--requires")
        {
            Description = "The id of the pack the new pack builds on.",
            DefaultValueFactory = _ => "nl.sociaal-domein",
            HelpName = "pack-id",
        };
        var range = new Option<string?>("--requires-version")
        {
            Description = "The version range of the required pack, such as ^2026.1.0. Default: ^ and the version of that pack found in --packs or beside the new folder.",
            HelpName = "range",
        };
        var packs = new Option<string[]>("--packs", "-p")
        {
            Description = "Folders with packs, to find the required pack's version.",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "dir",
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "The folder to create (must not exist or be empty). Default: the id with '-' for '.', in the working folder.",
            HelpName = "dir",
        };
        var title = new Option<string?>("--title") { Description = "The pack's title. Default: 'Lokaal beleid <id>'." };
        var jurisdiction = new Option<string>("--jurisdiction")
        {
            Description = "The CBS code of the municipality (GMxxxx) or region the pack is for.",
            DefaultValueFactory = _ => "GM0000",
            HelpName = "code",
        };
        var from = new Option<string>("--from")
        {
            Description = "The date from which the pack is valid, yyyy-mm-dd (also the date of the example tests).",
            DefaultValueFactory = _ => "2026-01-01",
            HelpName = "yyyy-mm-dd",
        };
        var pack = new Command("pack",
            "Create a local pack that requires the national pack: pack.yaml, facts, an example policy rule (beleidsregel) with its goal " +
            "and collision, a deviation on the basis of Awb 4:84, tests and a README for the adviser. It passes validate, test and " +
            "lint --strict as created; replace the example with the municipality's own rules.")
        {
            id, requires, range, packs, output, title, jurisdiction, from,
        };
        pack.SetAction(parse => Run(new Options(
            parse.GetValue(id)!, parse.GetValue(requires)!, parse.GetValue(range), parse.GetValue(packs) ?? [],
            parse.GetValue(output), parse.GetValue(title), parse.GetValue(jurisdiction)!, parse.GetValue(from)!), context));
        return new Command("new", "Create something from a template: 'new pack <id>' makes a local policy pack.") { pack };
    }

    internal sealed record Options(string Id, string Requires, string? Range, string[] Packs, string? Out, string? Title, string Jurisdiction, string From);

    private static int Run(Options o, CliContext context)
    {
        if (!PackId().IsMatch(o.Id))
            throw new UsageException($"'{o.Id}' is not a pack id; write lower-case parts separated by dots, such as gemeente.voorbeeld.");
        if (!DateOnly.TryParseExact(o.From, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            throw new UsageException($"'--from {o.From}' is not a date; write yyyy-mm-dd.");
        var folder = context.FullPath(o.Out ?? o.Id.Replace('.', '-'));
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            throw new CliException($"'{o.Out ?? o.Id.Replace('.', '-')}' already exists and is not empty; choose another --out.");
        var range = o.Range ?? RangeOf(o.Requires, o.Packs.Select(context.FullPath).Append(Path.GetDirectoryName(folder)!))
            ?? throw new CliException($"the pack '{o.Requires}' was not found in --packs or beside the new folder, so its version is unknown; give --requires-version (such as ^2026.1.0) or --packs <its folder>.");

        var slug = o.Id[(o.Id.LastIndexOf('.') + 1)..];
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["id"] = o.Id,
            ["title"] = o.Title ?? $"Lokaal beleid {o.Id}",
            ["slug"] = slug,
            ["slug_"] = slug.Replace('-', '_'),
            ["requires"] = o.Requires,
            ["range"] = range,
            ["jurisdiction"] = o.Jurisdiction,
            ["from"] = o.From,
        };
        var files = Render(Template(), values);
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content, new UTF8Encoding(false));
            context.Out.WriteLine($"wrote {Path.Combine(o.Out ?? o.Id.Replace('.', '-'), path)}");
        }
        context.Out.WriteLine($"Created the pack {o.Id}, requiring {o.Requires} {range}. Next: read its README.md and run 'doorbraak test' with both packs.");
        return Program.ExitOk;
    }

    /// <summary>The template's text, embedded from Templates/local-pack.template.</summary>
    internal static string Template()
    {
        using var stream = typeof(NewCommand).Assembly.GetManifestResourceStream(TemplateResource)
            ?? throw new InvalidOperationException($"The resource {TemplateResource} is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Splits the template into files at '=== path ===' lines and fills in the placeholders it knows.</summary>
    internal static IReadOnlyList<(string Path, string Content)> Render(string template, IReadOnlyDictionary<string, string> values)
    {
        var files = new List<(string, string)>();
        string? current = null;
        var sb = new StringBuilder();
        foreach (var raw in template.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var header = FileHeader().Match(raw);
            if (header.Success)
            {
                if (current is not null) files.Add((current, sb.ToString()));
                current = header.Groups[1].Value;
                sb.Clear();
                continue;
            }
            if (current is null) continue; // the template's own comments
            sb.Append(Placeholder().Replace(raw, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value)).Append('\n');
        }
        if (current is not null) files.Add((current, sb.ToString().TrimEnd('\n') + "\n"));
        return files;
    }

    private static string? RangeOf(string packId, IEnumerable<string> folders)
    {
        foreach (var folder in folders.Where(Directory.Exists))
        {
            IEnumerable<string> candidates = File.Exists(Path.Combine(folder, "pack.yaml")) ? [folder] : Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal);
            foreach (var dir in candidates)
            {
                var manifest = Path.Combine(dir, "pack.yaml");
                if (!File.Exists(manifest)) continue;
                var text = File.ReadAllText(manifest);
                var id = ManifestLine("id").Match(text);
                var version = ManifestLine("version").Match(text);
                if (id.Success && id.Groups[1].Value == packId && version.Success) return "^" + version.Groups[1].Value;
            }
        }
        return null;
    }

    private static Regex ManifestLine(string key) => new($@"^{key}:\s*[""']?([^\s""'#]+)", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    [GeneratedRegex(@"^=== (.+) ===$", RegexOptions.CultureInvariant)]
    private static partial Regex FileHeader();

    [GeneratedRegex(@"\{\{([a-z_]+)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex PackId();
}
