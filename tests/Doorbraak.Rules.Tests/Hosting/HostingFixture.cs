using Doorbraak.Rules.Tests.Evaluation;

namespace Doorbraak.Rules.Tests.Hosting;

/// <summary>The hosting tests share the static meter and activity source, so they run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostingCollection
{
    public const string Name = "Hosting";
}

/// <summary>A pack folder in a temp dir, written from <see cref="MiniPack"/>, deleted afterwards.</summary>
internal sealed class TempPack : IDisposable
{
    public TempPack(string? folderName = null, string? root = null)
    {
        Root = root ?? Path.Combine(Path.GetTempPath(), "doorbraak-hosting-" + Guid.NewGuid().ToString("N"));
        Folder = Path.Combine(Root, folderName ?? "mini");
        Directory.CreateDirectory(Folder);
        Write("pack.yaml", MiniPack.Manifest);
        Write("facts.yaml", MiniPack.Facts);
        Write("rules.yaml", MiniPack.Rules);
    }

    public string Root { get; }

    public string Folder { get; }

    public void Write(string relative, string text)
    {
        // Write to a temp file and move it in, as editors and deploy tools do, so a reload never sees half a file.
        var target = Path.Combine(Folder, relative);
        var temp = target + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, target, overwrite: true);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}

internal static class Poll
{
    /// <summary>Waits until the condition holds, checking every 25 ms, for at most <paramref name="timeout"/>.</summary>
    public static async Task<bool> Until(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (condition()) return true;
            await Task.Delay(25);
        }
        return condition();
    }
}
