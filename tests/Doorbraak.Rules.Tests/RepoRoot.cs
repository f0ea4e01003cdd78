namespace Doorbraak.Rules.Tests;

/// <summary>Finds the repository root (the folder with Doorbraak.Rules.sln) from the test binaries.</summary>
internal static class RepoRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Doorbraak.Rules.sln"))) return dir.FullName;
        }
        // Fallback when the binaries live outside the repository: this source file's folder (tests/Doorbraak.Rules.Tests).
        var source = System.IO.Path.GetDirectoryName(SourceFile())!;
        var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(source, "..", ".."));
        if (File.Exists(System.IO.Path.Combine(candidate, "Doorbraak.Rules.sln"))) return candidate;
        throw new InvalidOperationException($"No Doorbraak.Rules.sln above {AppContext.BaseDirectory}.");
    });

    public static string Path => Root.Value;

    private static string SourceFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
