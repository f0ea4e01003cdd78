namespace Doorbraak.Rules.SampleHost;

/// <summary>Where the packs are and how large a request may be. From configuration section <c>Doorbraak</c>.</summary>
public sealed class SampleHostSettings
{
    /// <summary>The packs loaded when <c>Doorbraak:Packs</c> is not set: one municipality's layering (national, then Vlaardingen).
    /// A host serves one municipality; for HBEL use <c>--Doorbraak:Packs nl-sociaal-domein,regio-hbel</c>.
    /// Without these folders, every pack under the root is loaded (national, regional, municipal).</summary>
    public const string DefaultPacks = "nl-sociaal-domein,gemeente-vlaardingen";

    private static readonly string[] LevelOrder = ["national", "regional", "municipal"];

    /// <summary>The folder holding pack folders.</summary>
    public required string PacksRoot { get; init; }

    /// <summary>The pack folders loaded, in load order (national, regional, municipal).</summary>
    public required IReadOnlyList<string> PackFolders { get; init; }

    /// <summary>The largest request body accepted, in bytes. <value>Default: 256 KB.</value></summary>
    public long MaxRequestBytes { get; init; } = 256 * 1024;

    /// <summary>Reads the settings: <c>Doorbraak:PacksRoot</c> (default: the repository's <c>policypacks</c> folder, found upwards from
    /// the content root or the application folder), <c>Doorbraak:Packs</c> (comma-separated folder names or paths; default: <see cref="DefaultPacks"/>) and <c>Doorbraak:MaxRequestBytes</c>.</summary>
    public static SampleHostSettings From(IConfiguration configuration, string contentRoot)
    {
        var section = configuration.GetSection("Doorbraak");
        var root = section["PacksRoot"];
        root = string.IsNullOrWhiteSpace(root) ? FindPacksRoot(contentRoot) : Path.GetFullPath(root, contentRoot);
        if (root is null || !Directory.Exists(root))
            throw new InvalidOperationException("No policypacks folder found. Set Doorbraak:PacksRoot (for example --Doorbraak:PacksRoot /path/to/policypacks).");

        var names = section["Packs"];
        if (string.IsNullOrWhiteSpace(names) && DefaultPacks.Split(',').All(n => File.Exists(Path.Combine(root, n, "pack.yaml"))))
            names = DefaultPacks;
        IReadOnlyList<string> folders;
        if (string.IsNullOrWhiteSpace(names))
        {
            folders = Directory.EnumerateDirectories(root)
                .Where(d => File.Exists(Path.Combine(d, "pack.yaml")))
                .OrderBy(d => Level(d)).ThenBy(d => Path.GetFileName(d), StringComparer.Ordinal)
                .ToList();
        }
        else
        {
            folders = names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(n => Path.GetFullPath(n, root)).ToList();
        }
        if (folders.Count == 0) throw new InvalidOperationException($"No packs (folders with pack.yaml) under '{root}'.");

        var max = section.GetValue<long?>("MaxRequestBytes") ?? 256 * 1024;
        if (max < 1024) throw new InvalidOperationException("Doorbraak:MaxRequestBytes must be at least 1024.");
        return new SampleHostSettings { PacksRoot = root, PackFolders = folders, MaxRequestBytes = max };
    }

    /// <summary>Looks for a <c>policypacks</c> folder holding at least one pack, from each start folder upwards.</summary>
    public static string? FindPacksRoot(params string[] starts)
    {
        foreach (var start in starts.Append(AppContext.BaseDirectory))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "policypacks");
                if (Directory.Exists(candidate) && Directory.EnumerateDirectories(candidate).Any(d => File.Exists(Path.Combine(d, "pack.yaml"))))
                    return candidate;
            }
        }
        return null;
    }

    private static int Level(string folder)
    {
        foreach (var line in File.ReadLines(Path.Combine(folder, "pack.yaml")))
        {
            var t = line.Trim();
            if (t.StartsWith("level:", StringComparison.Ordinal))
            {
                var i = Array.IndexOf(LevelOrder, t["level:".Length..].Trim());
                return i < 0 ? LevelOrder.Length : i;
            }
        }
        return LevelOrder.Length;
    }
}
