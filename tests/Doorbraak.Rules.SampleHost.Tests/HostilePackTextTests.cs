using System.Net;
using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Doorbraak.Rules.SampleHost.Tests;

/// <summary>The sample host on a copy of the national pack whose titles and texts hold raw HTML and javascript: links.</summary>
public sealed class HostilePackHostFactory : WebApplicationFactory<Program>
{
    internal const string Hostile = "[klik](javascript:alert(1)) <img src=x onerror=alert(1)> <script>alert(2)</script> ";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "doorbraak-hostile-" + Guid.NewGuid().ToString("N")[..12]);

    public HostilePackHostFactory()
    {
        var national = Path.Combine(FindRepo(), "policypacks", "nl-sociaal-domein");
        var plain = new Regex(@"^(\s*-?\s*(?:title|description|explanation|motivation|question):\s+)([^""'{\[>|\s].*)$", RegexOptions.Multiline);
        foreach (var file in Directory.EnumerateFiles(national, "*.yaml", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(_root, "nl-sociaal-domein", Path.GetRelativePath(national, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.WriteAllText(dest, plain.Replace(File.ReadAllText(file), m => $"{m.Groups[1].Value}'{Hostile}{m.Groups[2].Value.Replace("'", "''")}'"));
        }
    }

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Doorbraak.Rules.sln"))) return dir.FullName;
        throw new InvalidOperationException("No repository root found.");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Doorbraak:PacksRoot", _root);
        builder.UseSetting("Doorbraak:Packs", "nl-sociaal-domein");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}

/// <summary>Issue #20, links in pack texts: the host's plan downloads show hostile pack text as text.</summary>
public sealed class HostilePackTextTests(HostilePackHostFactory factory) : IClassFixture<HostilePackHostFactory>
{
    [Theory]
    [InlineData("markdown")]
    [InlineData("html")]
    public async Task The_plan_shows_hostile_pack_text_as_text(string format)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", SampleHostFactory.ApiKey("teamleider"));
        var response = await client.PostAsync("/api/plan", SampleHostFactory.Json(new
        {
            household = Scenario.S1Object, date = Scenario.Date, caseReference = "ZAAK-HOSTILE-1", regisseur = "regisseur", format,
        }));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        text.Should().Contain("javascript:alert(1)", "the hostile text is shown, as text");
        Regex.IsMatch(text, @"<(img|script)\b", RegexOptions.IgnoreCase).Should().BeFalse("no element comes from pack text");
        if (format == "html") text.Should().NotContain("href=\"javascript:");
        else Regex.IsMatch(text, @"(?<!\\)\]\(javascript:").Should().BeFalse("no Markdown link comes from pack text");
    }
}
