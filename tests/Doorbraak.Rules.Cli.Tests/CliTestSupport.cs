using Doorbraak.Rules.Cli;

namespace Doorbraak.Rules.Cli.Tests;

/// <summary>Runs the tool through its entry point and captures what it writes.</summary>
internal static class Cli
{
    public static CliRun Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs as if both outputs were terminals (colours, tables, progress).</summary>
    public static CliRun RunInTerminal(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr, outIsTerminal: true, errIsTerminal: true, TimeProvider.System, Directory.GetCurrentDirectory());
        var code = Program.Run(args, context);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}

internal sealed record CliRun(int Code, string Out, string Err)
{
    public IReadOnlyList<string> OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
    public IReadOnlyList<string> ErrLines => Err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
    public override string ToString() => $"exit {Code}\n--- stdout ---\n{Out}\n--- stderr ---\n{Err}";
}

/// <summary>The repository root (the folder with Doorbraak.Rules.sln) and the paths the tests use.</summary>
internal static class Repo
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Doorbraak.Rules.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Doorbraak.Rules.sln above {AppContext.BaseDirectory}.");
    });

    public static string Root => RootPath.Value;

    public static string National => System.IO.Path.Combine(Root, "policypacks", "nl-sociaal-domein");

    public static string Vlaardingen => System.IO.Path.Combine(Root, "policypacks", "gemeente-vlaardingen");

    public static string Hbel => System.IO.Path.Combine(Root, "policypacks", "regio-hbel");

    public static string S1 => System.IO.Path.Combine(Root, "samples", "households", "s1-kostendelersnorm.yaml");

    /// <summary>The small pack the tests copy and break on purpose.</summary>
    public static string MiniPack => System.IO.Path.Combine(Root, "tests", "Doorbraak.Rules.Cli.Tests", "TestPacks", "mini-nl");
}

/// <summary>A temporary folder, removed afterwards.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "doorbraak-cli-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string relative, string content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, content);
        return full;
    }

    /// <summary>Copies the mini pack into this folder and returns the copy's path.</summary>
    public string CopyMiniPack(string name = "mini-nl")
    {
        var target = System.IO.Path.Combine(Path, name);
        foreach (var file in Directory.EnumerateFiles(Repo.MiniPack, "*", SearchOption.AllDirectories))
        {
            var dest = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(Repo.MiniPack, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(dest)!);
            System.IO.File.Copy(file, dest);
        }
        return target;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
