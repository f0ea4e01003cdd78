namespace Doorbraak.Rules.Tests.Docs;

/// <summary>
/// The README's embedding example is samples/Doorbraak.Rules.MinimalHost/Program.cs, which .ci/embedding-test.sh builds
/// from the packed packages and runs; these tests keep the copies in README.md and docs/embedding.md equal to it.
/// </summary>
public class EmbeddingExampleTests
{
    private static string Program => File.ReadAllText(Path.Combine(RepoRoot.Path, "samples", "Doorbraak.Rules.MinimalHost", "Program.cs")).ReplaceLineEndings("\n").TrimEnd();

    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/embedding.md")]
    public void The_document_shows_the_minimal_host_verbatim(string document)
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot.Path, document)).ReplaceLineEndings("\n");
        text.Should().Contain("```csharp\n" + Program + "\n```");
    }

    [Fact]
    public void The_example_stays_about_fifteen_lines()
    {
        Program.Split('\n').Count(l => l.Trim().Length > 0).Should().BeLessThanOrEqualTo(17);
    }
}
