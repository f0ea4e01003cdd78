using System.Diagnostics;
using FluentAssertions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Doorbraak.Rules.SampleHost.Tests;

/// <summary>
/// The council report's HTML (docs/examples/council-report.html, made from the synthetic pilot with Vlaardingen's monitoring) looked at in
/// Chromium: every section and chart is drawn, nothing runs off the page, and a screenshot is saved for review.
/// </summary>
public sealed class CouncilReportBrowserTests(ITestOutputHelper output)
{
    private static readonly string ScreenshotDir = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private static string Example()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Doorbraak.Rules.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("repository root not found"), "docs", "examples", "council-report.html");
    }

    [BrowserFact]
    public async Task The_council_report_renders_every_section_and_chart_without_overflow()
    {
        var watch = Stopwatch.StartNew();
        Directory.CreateDirectory(ScreenshotDir);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "nl-NL" });
        var requests = new List<string>();
        page.Request += (_, r) => requests.Add(r.Url);
        await page.SetContentAsync(await File.ReadAllTextAsync(Example()));

        (await page.TitleAsync()).Should().StartWith("Monitor doorbraakaanpak Vlaardingen");
        var headings = await page.Locator("h2").AllInnerTextsAsync();
        headings.Should().Contain(["3. Bevolkingsindicatoren", "4. Kwaliteit van leven en zelfredzaamheid", "5. Stapeling: voorzieningen en professionals per huishouden",
            "6. Normen en streefdata", "7. Budget: besteding tegen begroting"]);

        // Every chart is drawn with a size, and its accessible name is its title.
        var charts = page.Locator("svg.chart");
        var count = await charts.CountAsync();
        count.Should().Be(22);
        for (var i = 0; i < count; i++)
        {
            var box = await charts.Nth(i).BoundingBoxAsync();
            box.Should().NotBeNull();
            box!.Width.Should().BeGreaterThan(300);
            box.Height.Should().BeGreaterThan(80);
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Cliënten met een maatwerkarrangement Wmo", Exact = false }).First).ToBeVisibleAsync();

        // Tables and charts fit the page width (no horizontal scrolling at 1280 px), and the page loads nothing from elsewhere.
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        overflow.Should().BeLessThanOrEqualTo(0);
        requests.Where(u => !u.StartsWith("about:", StringComparison.Ordinal) && !u.StartsWith("data:", StringComparison.Ordinal)).Should().BeEmpty();

        // A suppressed figure is visible as "< 5" in a table.
        (await page.Locator("td", new() { HasTextString = "< 5" }).CountAsync()).Should().BeGreaterThan(0);

        var shot = Path.Combine(ScreenshotDir, "council-report.png");
        await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
        await page.Locator("#indicatoren").ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDir, "council-report-indicatoren.png") });
        new FileInfo(shot).Length.Should().BeGreaterThan(50_000);
        output.WriteLine($"Screenshots in {ScreenshotDir}; took {watch.Elapsed.TotalSeconds:F1} s.");
    }
}
