using System.Diagnostics;
using System.Text.Json;
using FluentAssertions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Doorbraak.Rules.SampleHost.Tests;

/// <summary>
/// A fact that needs Debian's Chromium at /usr/bin/chromium. Skipped only when it is absent and CI is not 'true':
/// in CI a missing browser fails the test instead of hiding it.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public BrowserFactAttribute() => Skip = SkipReason(File.Exists(Chromium), Environment.GetEnvironmentVariable("CI"));

    /// <summary>Why to skip, or null to run: skip only when the browser is absent and CI is not 'true'.</summary>
    public static string? SkipReason(bool chromiumPresent, string? ci) =>
        chromiumPresent || string.Equals(ci, "true", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"{Chromium} is not installed (run .ci/install-browser.sh); browser tests run whenever CI=true.";
}

/// <summary>The sample host on Kestrel at a free loopback port, for the browser.</summary>
public sealed class KestrelHost : IAsyncLifetime
{
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _app = SampleHostApp.Create(["--urls", "http://127.0.0.1:0", "--environment", "Production"]);
        await _app.StartAsync();
        BaseUrl = _app.Urls.Single().TrimEnd('/');
        BaseUrl.Should().StartWith("http://127.0.0.1:");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

public sealed class BrowserTests(KestrelHost host, ITestOutputHelper output) : IClassFixture<KestrelHost>
{
    private static readonly string ScreenshotDir = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private static async Task<(IPlaywright Playwright, IBrowserContext Context, string Profile)> Launch()
    {
        var playwright = await Playwright.CreateAsync();
        var profile = Path.Combine(Path.GetTempPath(), "doorbraak-e2e-" + Guid.NewGuid().ToString("N"));
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = BrowserFactAttribute.Chromium,
            Headless = true,
            AcceptDownloads = true,
            Locale = "nl-NL",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic",
            ],
        });
        return (playwright, context, profile);
    }

    private static async Task Close(IPlaywright playwright, IBrowserContext context, string profile)
    {
        await context.CloseAsync();
        playwright.Dispose();
        try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Signs in on /aanmelden by label, as a person does, and waits for the entry page.</summary>
    private async Task SignIn(IPage page, string mandate)
    {
        await page.GotoAsync(host.BaseUrl + "/");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Aanmelden" }).WaitForAsync();
        await page.GetByLabel("Gebruikersnaam").FillAsync($"{mandate}-demo");
        await page.GetByLabel("Wachtwoord").FillAsync($"demo-{mandate}");
        await page.GetByLabel("Wachtwoord").PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Huishouden invoeren" }).WaitForAsync();
        (await page.Locator("header .user").InnerTextAsync()).Should().Contain($"{mandate}-demo").And.Contain($"mandaat {mandate}");
    }

    /// <summary>Collects what the browser reports about the Content-Security-Policy: the pages must need no exception to it.</summary>
    private static List<string> CspViolations(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(message.Text);
        };
        return violations;
    }

    private static async Task<string> Download(IPage page, string button)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync());
        var path = await download.PathAsync();
        return await File.ReadAllTextAsync(path!);
    }

    [BrowserFact]
    public async Task Regisseur_enters_a_household_answers_questions_decides_within_mandate_and_downloads_the_plan()
    {
        var watch = Stopwatch.StartNew();
        Directory.CreateDirectory(ScreenshotDir);
        var (playwright, context, profile) = await Launch();
        try
        {
            var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
            page.SetDefaultTimeout(30_000);
            var csp = CspViolations(page);
            // Signed in as a consulent: the mandate comes from the sign-in, not from the form.
            await SignIn(page, "consulent");
            (await page.TitleAsync()).Should().Contain("Huishouden invoeren");

            // The S1 household through the form, by label, as a regisseur types it.
            await page.GetByLabel("Peildatum", new() { Exact = true }).FillAsync("2026-03-01");
            await page.GetByLabel("Huur per maand (€)").FillAsync("780");
            await page.Locator("#lid1-id").FillAsync("moeder");
            await page.Locator("#lid1-geboren").FillAsync("1971-01-10");
            await page.Locator("#lid1-inkomen").FillAsync("1401,50");
            await page.Locator("#lid1-bijstand").SelectOptionAsync("ja");
            await page.Locator("#lid1-eigen_woonruimte").SelectOptionAsync("ja");
            await page.Locator("#lid2-id").FillAsync("zoon");
            await page.Locator("#lid2-rol").SelectOptionAsync("kind");
            await page.Locator("#lid2-geboren").FillAsync("1997-09-14");
            await page.Locator("#lid2-inkomen").FillAsync("0");
            await page.Locator("#lid2-bijstand").SelectOptionAsync("nee");
            await page.Locator("#lid2-eigen_woonruimte").SelectOptionAsync("nee");
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDir, "1-invoer.png"), FullPage = true });
            // Submit from the keyboard.
            await page.Locator("#lid2-inkomen").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await page.GetByRole(AriaRole.Heading, new() { Name = "Beoordeling per 1 maart 2026" }).WaitForAsync();

            // Missing facts come as questions; answering re-evaluates (until nothing is missing).
            var answers = new Dictionary<string, string>
            {
                ["leden[zoon].student"] = "nee", ["leden[zoon].studiefinanciering_of_bbl"] = "nee", ["leden[zoon].dreigt_dakloos"] = "nee", ["leden[moeder].dreigt_dakloos"] = "nee",
                ["leden[zoon].heeft_perspectiefplan"] = "ja", ["leden[zoon].eigen_bijstand_mogelijk"] = "nee",
            };
            (await page.GetByRole(AriaRole.Heading, new() { Name = "Ontbrekende feiten" }).CountAsync()).Should().Be(1);
            for (var round = 0; round < 4 && await page.GetByRole(AriaRole.Heading, new() { Name = "Ontbrekende feiten" }).CountAsync() > 0; round++)
            {
                var selects = page.Locator("select[name^='antwoord:']");
                var n = await selects.CountAsync();
                for (var i = 0; i < n; i++)
                {
                    var path = (await selects.Nth(i).GetAttributeAsync("name"))!["antwoord:".Length..];
                    answers.Should().ContainKey(path, "the test knows the answer to every question the S1 household raises");
                    await selects.Nth(i).SelectOptionAsync(answers[path]);
                }
                await page.GetByRole(AriaRole.Button, new() { Name = "Antwoorden verwerken en opnieuw beoordelen" }).ClickAsync();
                await page.GetByRole(AriaRole.Status).First.WaitForAsync();
            }

            // A collision explained in Dutch, a proposal with its legal basis, limits, mandate and cost.
            var collision = page.Locator("article.collision").Filter(new() { HasText = "Kostendelersnorm duwt volwassen kind de deur uit" });
            (await collision.Locator(".explanation").InnerTextAsync()).Should().Contain("De kostendelersnorm verlaagt de uitkering zolang een volwassen kind");
            var proposal = page.Locator("article.proposal").First;
            (await proposal.Locator(".basis").InnerTextAsync()).Should().Contain("Participatiewet art. 18 lid 1");
            (await proposal.InnerTextAsync()).Should().Contain("teamleider of hoger").And.Contain("ten hoogste 6 maanden").And.Contain("Conceptmotivering")
                .And.Contain("Kostenvergelijking");

            // What-if for the proposal, and back.
            await proposal.GetByRole(AriaRole.Button, new() { Name = "Wat als dit voorstel wordt toegepast?" }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Wat als: Een kostendelende medebewoner tijdelijk niet meetellen" }).WaitForAsync();
            var whatIf = await page.Locator("main").InnerTextAsync();
            whatIf.Should().Contain("afw.kostendelersnorm-tijdelijk-buiten-beschouwing").And.Contain("botsing.kostendeler-jongvolwassene").And.Contain("ja, de voorwaarde is vervuld");
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDir, "2a-wat-als.png"), FullPage = true });
            await page.GetByRole(AriaRole.Button, new() { Name = "Terug naar het resultaat" }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Beoordeling per 1 maart 2026" }).WaitForAsync();

            // The consulent sees that this proposal needs a teamleider, has no mandate field to change, and is refused.
            proposal = page.Locator("article.proposal").First;
            (await proposal.Locator(".decider").InnerTextAsync()).Should().Contain("consulent-demo").And.Contain("vraagt mandaat teamleider of hoger");
            (await proposal.Locator("select[name=mandaat], input[name=besloten_door]").CountAsync()).Should().Be(0, "the mandate comes from the sign-in");
            const string motivation = "Zoon dreigt dakloos te raken; plan voor eigen inkomen en woonruimte; 6 maanden is evenredig.";
            await proposal.GetByLabel("Motivering (feiten, belangenafweging, evenredigheid)").FillAsync(motivation);
            await proposal.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen" }).ClickAsync();
            var refusal = page.Locator("article.proposal [role=alert]");
            await refusal.WaitForAsync();
            (await refusal.InnerTextAsync()).Should().Contain("Besluit geweigerd").And.Contain("mandaat 'teamleider' of hoger nodig").And.Contain("'consulent'");
            (await page.Locator(".notice[role=status]:not(.completeness)").CountAsync()).Should().Be(0);
            // The refused form keeps what was entered.
            (await page.Locator("article.proposal").First.GetByLabel("Motivering (feiten, belangenafweging, evenredigheid)").InputValueAsync()).Should().Be(motivation);
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDir, "2-geweigerd.png"), FullPage = false });
            await refusal.ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDir, "2b-geweigerd-melding.png") });

            // The consulent signs out; the teamleider signs in, enters the same household and accepts.
            await page.GetByRole(AriaRole.Button, new() { Name = "Afmelden" }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Aanmelden" }).WaitForAsync();
            await SignIn(page, "teamleider");
            await page.GetByLabel("Peildatum", new() { Exact = true }).FillAsync("2026-03-01");
            await page.GetByLabel("Huishouden als YAML of JSON").FillAsync(Scenario.S1Yaml);
            await page.GetByRole(AriaRole.Button, new() { Name = "Beoordelen" }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Beoordeling per 1 maart 2026" }).WaitForAsync();
            proposal = page.Locator("article.proposal").First;
            (await proposal.Locator(".decider").InnerTextAsync()).Should().Contain("teamleider-demo").And.NotContain("vraagt mandaat");
            await proposal.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen" }).ClickAsync();
            var notice = page.Locator(".notice[role=status]:not(.completeness)");
            await notice.WaitForAsync();
            (await notice.InnerTextAsync()).Should().Contain("Besluit vastgelegd").And.Contain("teamleider-demo").And.Contain("mandaat teamleider");
            (await page.Locator("#h-besluiten + ul, section[aria-labelledby=h-besluiten] ul").First.InnerTextAsync()).Should().Contain("aanvaard").And.Contain("31 augustus 2026");
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDir, "3-resultaat.png"), FullPage = true });

            // The doorbraakplan, in three formats.
            await page.GetByLabel("Zaakreferentie (geen BSN)").FillAsync("ZAAK-E2E-1");
            var markdown = await Download(page, "Download Markdown");
            markdown.Should().Contain("ZAAK-E2E-1").And.Contain("Participatiewet art. 18 lid 1").And.Contain("teamleider");
            var html = await Download(page, "Download HTML");
            html.Should().Contain("<html").And.Contain("ZAAK-E2E-1").And.Contain("Participatiewet art. 18 lid 1");
            var json = JsonDocument.Parse(await Download(page, "Download JSON")).RootElement;
            json.GetProperty("caseReference").GetString().Should().Be("ZAAK-E2E-1");
            json.GetProperty("decisions")[0].GetProperty("outcome").GetString().Should().Be("accepted");
            json.GetProperty("decisions")[0].GetProperty("decidedBy").GetString().Should().Be("teamleider-demo");
            json.GetProperty("decisions")[0].GetProperty("mandate").GetString().Should().Be("teamleider");
            json.GetProperty("collisions").EnumerateArray().Select(c => c.GetProperty("id").GetString()).Should().Contain("botsing.kostendeler-jongvolwassene");

            var planPage = await context.NewPageAsync();
            await planPage.SetContentAsync(html);
            await planPage.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDir, "4-doorbraakplan.png"), FullPage = true });
            csp.Should().BeEmpty("the pages need no inline script or style");
            output.WriteLine($"Screenshots in {ScreenshotDir}; flow took {watch.Elapsed.TotalSeconds:F1} s.");
        }
        finally
        {
            await Close(playwright, context, profile);
        }
    }

    [BrowserFact]
    public async Task Pasted_yaml_is_evaluated_and_the_page_works_by_keyboard()
    {
        var (playwright, context, profile) = await Launch();
        try
        {
            var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
            page.SetDefaultTimeout(30_000);
            await SignIn(page, "regisseur");
            await page.GotoAsync(host.BaseUrl + "/");
            // The skip link is the first stop of the keyboard.
            await page.Keyboard.PressAsync("Tab");
            (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Should().Be("Naar de inhoud");
            await page.GetByLabel("Peildatum", new() { Exact = true }).FillAsync("2026-03-01");
            await page.GetByLabel("Huishouden als YAML of JSON").FillAsync(Scenario.S1Yaml);
            await page.GetByRole(AriaRole.Button, new() { Name = "Beoordelen" }).FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await page.GetByRole(AriaRole.Heading, new() { Name = "Beoordeling per 1 maart 2026" }).WaitForAsync();
            (await page.Locator("article.collision").CountAsync()).Should().Be(1);
            (await page.GetByRole(AriaRole.Heading, new() { Name = "Ontbrekende feiten" }).CountAsync()).Should().Be(0);
            (await page.Locator("article.proposal .basis").InnerTextAsync()).Should().Contain("Participatiewet art. 18 lid 1");
        }
        finally
        {
            await Close(playwright, context, profile);
        }
    }

    [BrowserFact]
    public async Task A_cross_site_form_post_to_the_decision_page_is_refused()
    {
        var (playwright, context, profile) = await Launch();
        try
        {
            var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
            page.SetDefaultTimeout(30_000);
            await SignIn(page, "teamleider");

            // Another site (served by the test through Playwright's routing) with a form that posts a decision to the host.
            var household = System.Net.WebUtility.HtmlEncode(JsonSerializer.Serialize(Scenario.S1Object));
            var attacker = $$"""
                <!doctype html><html><body><form method="post" action="{{host.BaseUrl}}/besluit">
                <input type="hidden" name="household" value="{{household}}"><input type="hidden" name="peildatum" value="2026-03-01">
                <input type="hidden" name="voorstel" value="{{Scenario.Proposal}}"><input type="hidden" name="uitkomst" value="accepted">
                <input type="hidden" name="motivering" value="Besloten door een andere site."><input type="hidden" name="mandaat" value="college">
                <button type="submit">Win een prijs</button></form></body></html>
                """;
            await context.RouteAsync("http://aanvaller.test/**", route => route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = attacker }));
            await page.GotoAsync("http://aanvaller.test/prijs");
            var navigation = page.WaitForResponseAsync(r => r.Url.StartsWith(host.BaseUrl + "/besluit", StringComparison.Ordinal));
            await page.GetByRole(AriaRole.Button, new() { Name = "Win een prijs" }).ClickAsync();
            var response = await navigation;
            response.Status.Should().BeOneOf([302, 400], "without the cookie (SameSite=Strict) the host asks to sign in; without the token it refuses");
            await page.WaitForLoadStateAsync(LoadState.Load);
            page.Url.Should().StartWith(host.BaseUrl);
            var text = await page.Locator("main").InnerTextAsync();
            text.Should().NotContain("Besluit vastgelegd");
            (text.Contains("Aanmelden", StringComparison.Ordinal) || text.Contains("Dit formulier wordt niet aanvaard", StringComparison.Ordinal)).Should().BeTrue(text);
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDir, "5-andere-site-geweigerd.png") });

            // The teamleider is still signed in on the host itself, and the host's own form still works.
            await page.GotoAsync(host.BaseUrl + "/");
            await page.GetByRole(AriaRole.Heading, new() { Name = "Huishouden invoeren" }).WaitForAsync();
        }
        finally
        {
            await Close(playwright, context, profile);
        }
    }
}
