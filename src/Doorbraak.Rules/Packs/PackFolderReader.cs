using Doorbraak.Rules.Source;
using Doorbraak.Rules.Source.Yaml;
using System.Runtime.InteropServices;

namespace Doorbraak.Rules.Packs;

/// <summary>
/// Reads the YAML files of a pack folder from the file system, under one rule (docs/pack-format.md, "Files and links"):
/// only regular files inside the pack folder are read. Names starting with '.' are skipped (hidden files and folders,
/// including a Kubernetes ConfigMap mount's <c>..data</c> and <c>..2026_…</c> folders); a symbolic link to a file is followed
/// when every step of it stays inside the pack folder (so a ConfigMap's <c>pack.yaml -&gt; ..data/pack.yaml</c> loads);
/// a link that leaves the folder, a link to a folder, a device, a FIFO or a socket is refused with DBR1300 before any read.
/// Each read stops after <see cref="YamlLimits.MaxFileBytes"/> + 1 bytes, whatever the file system says its size is.
/// </summary>
internal static class PackFolderReader
{
    /// <summary>The deepest folder nesting read below a pack folder.</summary>
    public const int MaxFolderDepth = 16;

    private const int MaxLinkHops = 40;

    public static IReadOnlyList<PackFile> Read(string folder, DiagnosticBag bag, YamlLimits limits) => Read(folder, bag, limits, out _);

    /// <summary>Reads the pack's files; <paramref name="tooLarge"/> says the pack went over its byte cap (reported as DBR1312) and was not read to the end.</summary>
    public static IReadOnlyList<PackFile> Read(string folder, DiagnosticBag bag, YamlLimits limits, out bool tooLarge)
    {
        var root = Path.GetFullPath(folder);
        var files = new List<PackFile>();
        var state = new ReadState();
        Walk(root, "", 0, folder, files, bag, limits, state);
        if (state.Over) bag.Report(DiagnosticCatalog.PackTooLarge, new SourceLocation(folder, 1, 1), PackReader.TooLarge(state.Bytes, limits));
        tooLarge = state.Over;
        return files;
    }

    /// <summary>The bytes read so far from one pack folder; reading stops once they are over <see cref="YamlLimits.MaxPackBytes"/>.</summary>
    private sealed class ReadState
    {
        public long Bytes;
        public bool Over;
    }

    private static void Walk(string root, string rel, int depth, string display, List<PackFile> files, DiagnosticBag bag, YamlLimits limits, ReadState state)
    {
        var dir = new DirectoryInfo(rel.Length == 0 ? root : Path.Combine(root, rel));
        var entries = dir.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        foreach (var entry in entries)
        {
            if (files.Count > limits.MaxPackFiles || state.Over) return;
            var name = entry.Name;
            // Hidden names are not part of the pack: editors' swap files, .git, and a ConfigMap's '..data' and '..<timestamp>'
            // folders (their files are reached through the links at the top of the mount).
            if (name.StartsWith('.')) continue;
            var entryRel = rel.Length == 0 ? name : $"{rel}/{name}";
            var at = new SourceLocation(PackReader.Display(display, entryRel), 1, 1);
            var isYaml = IsYamlName(name);
            if (entry.LinkTarget is not null)
            {
                var resolved = ResolveInside(root, entryRel, out var why);
                if (resolved is null)
                {
                    // A link that is not a pack file (a README link, say) is not read and so not refused.
                    if (isYaml || Directory.Exists(entry.FullName))
                        bag.Report(DiagnosticCatalog.PackFileNotRegular, at, $"The link '{entryRel}' -> '{entry.LinkTarget}' {why}; pack files are read only from inside the pack folder. Copy the file into the pack folder instead of linking to it.");
                    continue;
                }
                var kind = Kind(Path.Combine(root, resolved));
                if (kind == EntryKind.Directory)
                {
                    bag.Report(DiagnosticCatalog.PackFileNotRegular, at, $"'{entryRel}' is a link to the folder '{resolved}'; links to folders are not followed (they could load files twice or loop). Move the folder into the pack instead of linking to it.");
                    continue;
                }
                if (!isYaml) continue;
                if (kind != EntryKind.Regular)
                {
                    bag.Report(DiagnosticCatalog.PackFileNotRegular, at, $"'{entryRel}' is a link to a {KindName(kind)}, not to a regular file; a pack file must be an ordinary file. Remove it from the pack folder.");
                    continue;
                }
                ReadOne(Path.Combine(root, resolved), entryRel, at, files, bag, limits, state);
                continue;
            }
            var own = Kind(entry.FullName);
            if (own == EntryKind.Directory)
            {
                if (depth + 1 > MaxFolderDepth)
                {
                    bag.Report(DiagnosticCatalog.LimitExceeded, at, $"The folder '{entryRel}' is nested more than {MaxFolderDepth} levels below the pack folder; flatten the pack.");
                    continue;
                }
                Walk(root, entryRel, depth + 1, display, files, bag, limits, state);
                continue;
            }
            if (!isYaml) continue;
            if (own != EntryKind.Regular)
            {
                bag.Report(DiagnosticCatalog.PackFileNotRegular, at, $"'{entryRel}' is a {KindName(own)}, not a regular file; a pack file must be an ordinary file. Remove it from the pack folder.");
                continue;
            }
            ReadOne(entry.FullName, entryRel, at, files, bag, limits, state);
        }
    }

    /// <summary>Reads the pack's signature file (pack.jws at the root) under the same rule, or null when there is none.</summary>
    public static byte[]? ReadSignature(string folder, DiagnosticBag bag)
    {
        var path = Path.Combine(Path.GetFullPath(folder), PackSignatures.FileName);
        var at = new SourceLocation(PackReader.Display(folder, PackSignatures.FileName), 1, 1);
        if (new FileInfo(path).LinkTarget is null && !File.Exists(path)) return null;
        var resolved = ResolveInside(Path.GetFullPath(folder), PackSignatures.FileName, out var why);
        if (resolved is null || Kind(Path.Combine(Path.GetFullPath(folder), resolved)) != EntryKind.Regular)
        {
            bag.Report(DiagnosticCatalog.PackFileNotRegular, at, $"{PackSignatures.FileName} is not a regular file inside the pack folder{(resolved is null ? $" (it {why})" : "")}; write the signature as an ordinary file.");
            return null;
        }
        var files = new List<PackFile>();
        ReadOne(Path.Combine(Path.GetFullPath(folder), resolved), PackSignatures.FileName, at, files, bag, new YamlLimits(MaxFileBytes: 256 * 1024), new ReadState());
        return files.Count == 1 ? files[0].Content : null;
    }

    private static bool IsYamlName(string name) =>
        name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal);

    /// <summary>
    /// Reads at most MaxFileBytes + 1 bytes, and no more than the pack's remaining byte budget + 1: a file that grows, or
    /// lies about its size, cannot make the read unbounded, and a pack of many large files stops being read at the cap.
    /// </summary>
    private static void ReadOne(string path, string rel, SourceLocation at, List<PackFile> files, DiagnosticBag bag, YamlLimits limits, ReadState state)
    {
        var max = limits.MaxFileBytes;
        var remaining = Math.Max(0, limits.MaxPackBytes - state.Bytes);
        var stated = new FileInfo(path).Length;
        if (stated > max)
        {
            // Not read at all; the size is only trusted to refuse, never to bound the read below.
            bag.Report(DiagnosticCatalog.LimitExceeded, at, $"The file is {stated:N0} bytes; a pack file may be at most {max:N0} bytes. Split it into several files.");
            return;
        }
        if (stated > remaining)
        {
            state.Bytes += stated;
            state.Over = true;
            return;
        }
        var limit = (int)Math.Min(max, remaining);
        var buffer = new byte[Math.Min(limit + 1, 64 * 1024)];
        var total = 0;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan))
        {
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (buffer.Length > limit) break;
                    Array.Resize(ref buffer, (int)Math.Min((long)limit + 1, (long)buffer.Length * 2));
                }
                var n = stream.Read(buffer, total, buffer.Length - total);
                if (n == 0) break;
                total += n;
            }
        }
        if (total > max)
        {
            bag.Report(DiagnosticCatalog.LimitExceeded, at, $"The file is more than {max:N0} bytes; a pack file may be at most {max:N0} bytes. Split it into several files.");
            return;
        }
        state.Bytes += total;
        if (total > limit)
        {
            state.Over = true;
            return;
        }
        Array.Resize(ref buffer, total);
        files.Add(new PackFile(rel, buffer));
    }

    /// <summary>
    /// Resolves <paramref name="rel"/> below <paramref name="root"/> one path step at a time, following each link;
    /// returns the real relative path, or null (with the reason) when a step leaves the root or links loop.
    /// </summary>
    internal static string? ResolveInside(string root, string rel, out string why)
    {
        var done = new List<string>();
        var pending = new LinkedList<string>(rel.Split('/', StringSplitOptions.RemoveEmptyEntries));
        var hops = 0;
        why = "";
        while (pending.First is { } first)
        {
            var step = first.Value;
            pending.RemoveFirst();
            if (step == ".") continue;
            if (step == "..")
            {
                if (done.Count == 0) { why = "points outside the pack folder"; return null; }
                done.RemoveAt(done.Count - 1);
                continue;
            }
            var path = Path.Combine(root, Path.Combine([.. done, step]));
            string? target;
            try { target = new FileInfo(path).LinkTarget; }
            catch (IOException) { target = null; }
            if (target is null)
            {
                done.Add(step);
                continue;
            }
            if (++hops > MaxLinkHops) { why = "is part of a loop of links"; return null; }
            IEnumerable<string> next;
            if (Path.IsPathRooted(target))
            {
                var relative = Path.GetRelativePath(root, Path.GetFullPath(target)).Replace('\\', '/');
                if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
                {
                    why = "points outside the pack folder";
                    return null;
                }
                done.Clear();
                next = relative.Split('/', StringSplitOptions.RemoveEmptyEntries);
            }
            else next = target.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
            foreach (var part in next.Reverse()) pending.AddFirst(part);
        }
        if (!File.Exists(Path.Combine(root, Path.Combine([.. done]))) && !Directory.Exists(Path.Combine(root, Path.Combine([.. done]))))
        {
            why = "points to nothing";
            return null;
        }
        return string.Join('/', done);
    }

    internal enum EntryKind { Regular, Directory, Link, Fifo, CharacterDevice, BlockDevice, Socket, Other }

    private static string KindName(EntryKind kind) => kind switch
    {
        EntryKind.Fifo => "FIFO (named pipe)",
        EntryKind.CharacterDevice => "character device",
        EntryKind.BlockDevice => "block device",
        EntryKind.Socket => "socket",
        EntryKind.Link => "link",
        EntryKind.Directory => "folder",
        _ => "special file",
    };

    /// <summary>The kind of a path itself (links not followed), asked of the operating system without opening it.</summary>
    internal static EntryKind Kind(string path)
    {
        if (OperatingSystem.IsLinux() && LinuxKind(path) is { } k) return k;
        var info = new FileInfo(path);
        if (info.LinkTarget is not null) return EntryKind.Link;
        var attributes = info.Attributes;
        if (attributes.HasFlag(FileAttributes.Directory)) return EntryKind.Directory;
        if (attributes.HasFlag(FileAttributes.Device)) return EntryKind.CharacterDevice;
        return EntryKind.Regular;
    }

    private static EntryKind? LinuxKind(string path)
    {
        var buffer = new byte[256];
        try
        {
            if (NativeMethods.Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, buffer) != 0) return null;
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
        // struct statx has the same layout on every Linux architecture: stx_mode is a 16-bit field at offset 28.
        var mode = BitConverter.ToUInt16(buffer, 28) & 0xF000;
        return mode switch
        {
            0x8000 => EntryKind.Regular,
            0x4000 => EntryKind.Directory,
            0xA000 => EntryKind.Link,
            0x1000 => EntryKind.Fifo,
            0x2000 => EntryKind.CharacterDevice,
            0x6000 => EntryKind.BlockDevice,
            0xC000 => EntryKind.Socket,
            _ => EntryKind.Other,
        };
    }

    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
    }
}
