using System.Text.RegularExpressions;
using Doorbraak.Rules.Inspection;

namespace Doorbraak.Rules.Cli.Lsp;

/// <summary>A pack folder found in the workspace: its root, id and the ids of the packs it requires or updates.</summary>
internal sealed record PackFolder(string Root, string Id, IReadOnlyList<string> Requires);

/// <summary>What loading one pack (with the packs it requires) gave: every diagnostic, and the inspection view when it loaded.</summary>
internal sealed record PackLoad(string Root, IReadOnlyList<string> Roots, IReadOnlyList<Diagnostic> Diagnostics, PackSetView? View);

/// <summary>
/// The pack folders of the editor's workspace and the open documents' text. Packs are loaded from that overlay
/// (open documents as they are in the editor, other files from disk), so diagnostics follow typing, not saving.
/// The last view that loaded is kept per pack, so completion, hover and definition keep working while a file is broken.
/// </summary>
internal sealed partial class PackWorkspace
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { "bin", "obj", "node_modules", ".git", ".vs", ".idea", "out" };

    private readonly List<string> _roots = [];
    private readonly Dictionary<string, string> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PackSetView> _lastGood = new(StringComparer.Ordinal);
    private List<PackFolder>? _packs;

    /// <summary>Adds a workspace folder to search for packs (each folder holding a pack.yaml).</summary>
    public void AddRoot(string folder)
    {
        _roots.Add(Path.GetFullPath(folder));
        _packs = null;
    }

    /// <summary>Sets the editor's text for a file (open or changed).</summary>
    public void SetText(string path, string text)
    {
        _open[path] = text;
        if (Path.GetFileName(path) == "pack.yaml") _packs = null;
    }

    /// <summary>The file is closed in the editor: from now on it is read from disk.</summary>
    public void Close(string path)
    {
        _open.Remove(path);
        if (Path.GetFileName(path) == "pack.yaml") _packs = null;
    }

    /// <summary>Files changed on disk: forget the pack index.</summary>
    public void Invalidate() => _packs = null;

    /// <summary>The text of a file as the editor has it, or from disk; null when it cannot be read.</summary>
    public string? Text(string path)
    {
        if (_open.TryGetValue(path, out var text)) return text;
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Every pack folder in the workspace folders, and the packs of open documents outside them.</summary>
    public IReadOnlyList<PackFolder> Packs
    {
        get
        {
            if (_packs is not null) return _packs;
            var roots = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var r in _roots) Scan(r, 0, roots);
            foreach (var file in _open.Keys)
                if (PackRootOf(file) is { } root) roots.Add(root);
            _packs = roots.Select(ReadFolder).OfType<PackFolder>().ToList();
            return _packs;
        }
    }

    private static void Scan(string folder, int depth, SortedSet<string> found)
    {
        if (depth > 10 || !Directory.Exists(folder)) return;
        if (File.Exists(Path.Combine(folder, "pack.yaml")))
        {
            found.Add(folder);
            return; // a pack's sub-folders belong to it
        }
        IEnumerable<string> subs;
        try
        {
            subs = Directory.EnumerateDirectories(folder).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }
        foreach (var sub in subs)
        {
            var name = Path.GetFileName(sub);
            if (SkippedFolders.Contains(name) || name.StartsWith('.')) continue;
            Scan(sub, depth + 1, found);
        }
    }

    private PackFolder? ReadFolder(string root)
    {
        var text = Text(Path.Combine(root, "pack.yaml"));
        if (text is null) return null;
        var id = ManifestId().Match(text);
        var requires = RequiredPack().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
        return new PackFolder(root, id.Success ? id.Groups[1].Value : Path.GetFileName(root), requires);
    }

    /// <summary>The pack folder a file belongs to: the nearest folder above it with a pack.yaml.</summary>
    public string? PackRootOf(string file)
    {
        for (var dir = Path.GetDirectoryName(file); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "pack.yaml")) || _open.ContainsKey(Path.Combine(dir, "pack.yaml"))) return dir;
        }
        return null;
    }

    /// <summary>
    /// The folders to load for a pack: the pack and, transitively, the packs it requires, found by id among the workspace's
    /// packs; where an id is found more than once (test copies), the folder nearest to the requiring pack wins.
    /// </summary>
    public IReadOnlyList<string> SetFor(string root)
    {
        var packs = Packs;
        var result = new List<string>();
        var queue = new Queue<string>();
        queue.Enqueue(root);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (queue.Count > 0)
        {
            var r = queue.Dequeue();
            if (result.Contains(r)) continue;
            result.Add(r);
            var folder = packs.FirstOrDefault(p => p.Root == r) ?? ReadFolder(r);
            if (folder is null) continue;
            ids.Add(folder.Id);
            foreach (var req in folder.Requires)
            {
                if (ids.Contains(req)) continue;
                var candidates = packs.Where(p => p.Id == req).ToList();
                if (candidates.Count == 0) continue; // the loader reports the missing pack
                var nearest = candidates.OrderByDescending(c => CommonPrefix(c.Root, r)).ThenBy(c => c.Root, StringComparer.Ordinal).First();
                ids.Add(req);
                queue.Enqueue(nearest.Root);
            }
        }
        return result;
    }

    private static int CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n]) n++;
        return n;
    }

    /// <summary>Loads a pack with the packs it requires from the overlay.</summary>
    public PackLoad Load(string root)
    {
        var roots = SetFor(root);
        var sources = roots.Select(Source).ToList();
        var (set, diagnostics) = PackSet.TryLoad(sources);
        PackSetView? view = null;
        var all = diagnostics.ToList();
        if (set is not null)
        {
            view = set.Inspect();
            _lastGood[root] = view;
            // The same findings as `doorbraak lint --pack`, for this pack only.
            var ownId = view.Packs.FirstOrDefault(p => Path.GetFullPath(p.Root) == root)?.Id;
            if (ownId is not null)
                all.AddRange(Commands.LintCommand.Lint(view).Where(d => Commands.LintCommand.BelongsTo(d, view, ownId)));
        }
        return new PackLoad(root, roots, all, view);
    }

    /// <summary>The view to answer completion, hover and definition from: this load's, or the last one that loaded.</summary>
    public PackSetView? ViewFor(string root)
    {
        if (_lastGood.TryGetValue(root, out var view)) return view;
        return Load(root).View;
    }

    private PolicyPackSource Source(string root)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(root))
        {
            foreach (var file in Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories))
            {
                if (!(file.EndsWith(".yaml", StringComparison.Ordinal) || file.EndsWith(".yml", StringComparison.Ordinal))) continue;
                if (Text(file) is { } text) files[Path.GetRelativePath(root, file).Replace('\\', '/')] = text;
            }
        }
        // Files open in the editor that are not yet saved to disk belong to the pack too.
        foreach (var (path, text) in _open)
        {
            if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            if (!(path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal))) continue;
            files[Path.GetRelativePath(root, path).Replace('\\', '/')] = text;
        }
        return PolicyPackSource.FromFiles(root, files);
    }

    [GeneratedRegex(@"^id:\s*[""']?([^\s""'#]+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ManifestId();

    [GeneratedRegex(@"\bpack:\s*[""']?([A-Za-z0-9][A-Za-z0-9._-]*)", RegexOptions.CultureInvariant)]
    private static partial Regex RequiredPack();
}
