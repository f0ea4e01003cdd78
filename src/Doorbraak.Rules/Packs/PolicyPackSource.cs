using Doorbraak.Rules.Source;
using Doorbraak.Rules.Source.Yaml;
using Doorbraak.Rules.Packs;
using System.Reflection;
using System.Text;

namespace Doorbraak.Rules;

/// <summary>
/// Where a policy pack's YAML files come from: a folder, an assembly's embedded resources, or
/// files held in memory. A source only lists and reads files; it is read when a pack set is loaded.
/// </summary>
/// <threadsafety>Instances are immutable and may be shared.</threadsafety>
public abstract class PolicyPackSource
{
    private protected PolicyPackSource(string name) => Name = name;

    /// <summary>How the source is named in error messages (a folder path or a resource prefix).</summary>
    public string Name { get; }

    /// <summary>
    /// A pack in a folder: every <c>*.yaml</c> file below it, with <c>pack.yaml</c> at its root. Only regular files inside the
    /// folder are read: names starting with '.' are skipped, a link is followed only while it stays inside the folder (so a
    /// Kubernetes ConfigMap mount loads), links to folders, devices and FIFOs are refused (DBR1300).
    /// </summary>
    /// <param name="path">The pack folder.</param>
    public static PolicyPackSource FromDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new DirectorySource(path);
    }

    /// <summary>
    /// A pack embedded in an assembly. Resource names must be paths: the embedding project gives each
    /// file <c>LogicalName="&lt;prefix&gt;%(RecursiveDir)%(Filename)%(Extension)"</c>; every resource whose
    /// name starts with <paramref name="prefix"/> and ends in <c>.yaml</c> belongs to the pack.
    /// </summary>
    /// <param name="assembly">The assembly holding the resources.</param>
    /// <param name="prefix">The common prefix, such as <c>policypacks/nl-sociaal-domein/</c>.</param>
    public static PolicyPackSource FromEmbeddedResources(Assembly assembly, string prefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(prefix);
        return new EmbeddedSource(assembly, prefix);
    }

    /// <summary>A pack held in memory: relative path (with '/') to YAML text.</summary>
    /// <param name="name">A name for messages.</param>
    /// <param name="files">The files, by path relative to the pack root; one must be <c>pack.yaml</c>.</param>
    public static PolicyPackSource FromFiles(string name, IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return new MemorySource(name, files.ToDictionary(kv => kv.Key, kv => Encoding.UTF8.GetBytes(kv.Value)));
    }

    /// <summary>A pack held in memory as raw bytes (for tests of encodings and sizes).</summary>
    internal static PolicyPackSource FromBytes(string name, IReadOnlyDictionary<string, byte[]> files) =>
        new MemorySource(name, files.ToDictionary(kv => kv.Key, kv => kv.Value));

    internal abstract IReadOnlyList<PackFile>? ReadFiles(DiagnosticBag bag, YamlLimits limits);

    /// <summary>The pack's signature (pack.jws), or null when it has none.</summary>
    internal abstract byte[]? ReadSignature(DiagnosticBag bag);

    /// <inheritdoc />
    public override string ToString() => Name;

    private sealed class DirectorySource(string folder) : PolicyPackSource(folder)
    {
        private string Folder => Name;

        internal override IReadOnlyList<PackFile>? ReadFiles(DiagnosticBag bag, YamlLimits limits)
        {
            if (!Directory.Exists(Folder))
            {
                bag.Report(DiagnosticCatalog.PackSourceEmpty, new SourceLocation(Folder, 1, 1), File.Exists(Folder)
                    ? "This is a file; give the pack's folder (the one that holds pack.yaml)."
                    : "The pack folder does not exist; check the path.");
                return null;
            }
            // Only regular files inside the folder, each read bounded by bytes read (PackFolderReader).
            // A pack over its byte cap (DBR1312) is not read further.
            var files = PackFolderReader.Read(Folder, bag, limits, out var tooLarge);
            return tooLarge ? null : files;
        }

        internal override byte[]? ReadSignature(DiagnosticBag bag) => Directory.Exists(Folder) ? PackFolderReader.ReadSignature(Folder, bag) : null;
    }

    private sealed class EmbeddedSource(Assembly assembly, string prefix) : PolicyPackSource($"{assembly.GetName().Name}:{prefix}")
    {
        internal override IReadOnlyList<PackFile>? ReadFiles(DiagnosticBag bag, YamlLimits limits)
        {
            var files = new List<PackFile>();
            long total = 0;
            foreach (var name in assembly.GetManifestResourceNames())
            {
                if (!name.StartsWith(prefix, StringComparison.Ordinal) || !name.EndsWith(".yaml", StringComparison.Ordinal)) continue;
                using var stream = assembly.GetManifestResourceStream(name)!;
                total += stream.Length;
                if (total > limits.MaxPackBytes)
                {
                    bag.Report(DiagnosticCatalog.PackTooLarge, new SourceLocation(Name, 1, 1), PackReader.TooLarge(total, limits));
                    return null;
                }
                if (stream.Length > limits.MaxFileBytes)
                {
                    bag.Report(DiagnosticCatalog.LimitExceeded, new SourceLocation(name, 1, 1), $"The resource is {stream.Length:N0} bytes; a pack file may be at most {limits.MaxFileBytes:N0} bytes.");
                    continue;
                }
                using var ms = new MemoryStream();
                stream.CopyTo(ms);
                files.Add(new PackFile(name[prefix.Length..].Replace('\\', '/'), ms.ToArray()));
            }
            if (files.Count == 0)
                bag.Report(DiagnosticCatalog.PackSourceEmpty, new SourceLocation(Name, 1, 1), $"The assembly {assembly.GetName().Name} has no .yaml resources starting with '{prefix}'.");
            return files;
        }

        internal override byte[]? ReadSignature(DiagnosticBag bag)
        {
            using var stream = assembly.GetManifestResourceStream(prefix + PackSignatures.FileName);
            if (stream is null || stream.Length > 256 * 1024) return null;
            using var ms = new MemoryStream();
            stream.CopyTo(ms);
            return ms.ToArray();
        }
    }

    private sealed class MemorySource(string name, Dictionary<string, byte[]> files) : PolicyPackSource(name)
    {
        internal override IReadOnlyList<PackFile>? ReadFiles(DiagnosticBag bag, YamlLimits limits) =>
            files.Where(kv => kv.Key != PackSignatures.FileName).Select(kv => new PackFile(kv.Key, kv.Value)).ToList();

        internal override byte[]? ReadSignature(DiagnosticBag bag) => files.GetValueOrDefault(PackSignatures.FileName);
    }
}
