namespace Doorbraak.Rules.Cli.Tests;

public class DocsTests
{
    [Fact]
    public void Docs_writes_a_reference_page_per_pack_with_citations_parameters_and_deviations()
    {
        using var temp = new TempDir();
        var outDir = Path.Combine(temp.Path, "out");

        var run = Cli.Run("docs", Repo.National, "--out", outDir);

        run.Code.Should().Be(0, run.ToString());
        var page = Path.Combine(outDir, "nl-sociaal-domein.md");
        File.Exists(page).Should().BeTrue(run.ToString());
        var md = File.ReadAllText(page);
        md.Should().Contain("# Landelijke regels sociaal domein");
        md.Should().Contain("[Participatiewet art. 19a en 22a](https://wetten.overheid.nl/", "rules are listed with their citation and link");
        md.Should().Contain("## Parameters").And.Contain("| from | to | value | source |");
        md.Should().Contain("## Deviations").And.Contain("- Mandate: open").And.Contain("- Basis: [Participatiewet art. 18 lid 1]");
        md.Should().Contain("## Goals").And.Contain("## Declared collisions").And.Contain("## Costs");
    }

    [Fact]
    public void Docs_show_the_format_the_legal_force_the_clauses_and_the_grondslag()
    {
        using var temp = new TempDir();
        var pack = temp.CopyMiniPack();
        var rules = Path.Combine(pack, "rules", "pw.yaml");
        File.WriteAllText(rules, File.ReadAllText(rules).Replace(
            "article: \"21 onder a\", url: \"https://wetten.overheid.nl/BWBR0015703\" }\n    force: wet-plicht",
            "article: \"21 onder a\", url: \"https://wetten.overheid.nl/BWBR0015703\" }\n    force: wet-plicht\n    grondslag: { law: Voorbeeldwet, article: \"1\", illustrative: true }"));
        var run = Cli.Run("docs", pack, "--out", temp.Path);
        run.Code.Should().Be(0, run.ToString());
        var md = File.ReadAllText(Path.Combine(temp.Path, "mini-nl.md"));
        md.Should().Contain("| format | 2 |");
        md.Should().Contain("- Legal force: wet-plicht (a statute that binds; departing only under a clause it writes itself)");
        md.Should().Contain("- Clauses that allow departing from it: Participatiewet art. 18 lid 1 (individualisering)");
        md.Should().Contain("- Rests on (grondslag): Voorbeeldwet art. 1 *(illustrative)*");
    }

    [Fact]
    public void Docs_of_a_local_pack_link_to_the_national_page()
    {
        using var temp = new TempDir();
        var run = Cli.Run("docs", Repo.National, Repo.Vlaardingen, Repo.Hbel, "--out", temp.Path);
        run.Code.Should().Be(0, run.ToString());
        var md = File.ReadAllText(Path.Combine(temp.Path, "gemeente-vlaardingen.md"));
        md.Should().Contain("`nl.sociaal-domein`").And.Contain("## Deviations");
        File.Exists(Path.Combine(temp.Path, "nl-sociaal-domein.md")).Should().BeTrue();
    }

    [Fact]
    public void Docs_list_what_each_pack_leaves_open_and_which_loaded_pack_fills_it_in()
    {
        using var temp = new TempDir();
        var run = Cli.Run("docs", Repo.National, Repo.Vlaardingen, "--out", temp.Path);
        run.Code.Should().Be(0, run.ToString());
        var md = File.ReadAllText(Path.Combine(temp.Path, "nl-sociaal-domein.md"));
        md.Should().Contain("- [Left open for local packs](#open)").And.Contain("## Left open for local packs");
        var section = md[md.IndexOf("## Left open for local packs", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 5, StringComparison.Ordinal)];
        var opened = section.Split('\n').Where(l => l.StartsWith("| [`", StringComparison.Ordinal)).ToList();
        opened.Should().Contain(l => l.Contains("`afw.kostendelersnorm-tijdelijk-buiten-beschouwing`") && l.Contains("| deviation | regio |"),
            "the kostendelersnorm deviation is open to regions and municipalities (Pw 18 lid 1)");
        opened.Should().Contain(l => l.Contains("| parameter | gemeente |") && l.EndsWith("| - |"), "an open item no loaded pack fills in says so");
        opened.Where(l => l.Contains("| deviation | gemeente |")).Should().OnlyContain(l => l.Contains("`gemeente.vlaardingen` (mandaatbesluit: "),
            "Vlaardingen's mandaatbesluit sets the mandate of every deviation the national pack leaves open, and that fills it in");
        File.ReadAllText(Path.Combine(temp.Path, "gemeente-vlaardingen.md")).Should().NotContain("## Left open for local packs", "Vlaardingen leaves nothing open");
    }

    private static List<string> OpenRows(string md)
    {
        var section = md[md.IndexOf("## Left open for local packs", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 5, StringComparison.Ordinal)];
        return section.Split('\n').Where(l => l.StartsWith("| [`", StringComparison.Ordinal)).ToList();
    }

    [Fact]
    public void Docs_count_a_mandaatbesluit_as_filling_in_an_open_mandate_and_name_its_pack()
    {
        using var temp = new TempDir();
        var run = Cli.Run("docs", Repo.National, Repo.Hbel, "--out", temp.Path);
        run.Code.Should().Be(0, run.ToString());
        var md = File.ReadAllText(Path.Combine(temp.Path, "nl-sociaal-domein.md"));
        OpenRows(md).Should().Contain(l => l.Contains("`afw.verrekening-opschorten`") && l.EndsWith("| `regio.hbel` (mandaatbesluit: consulent) |"));
        OpenRows(md).Should().Contain(l => l.Contains("`int.tijdelijke-huur-in-plaats-van-opvang`") && l.EndsWith("| `regio.hbel` (mandaatbesluit: regisseur) |"));
        md.Should().Contain("- Mandate: open (in the loaded set: consulent, set by the mandaatbesluit of `regio.hbel`)");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Docs_name_the_municipal_mandaatbesluit_before_the_regional_one_whatever_the_folder_order(bool municipalFirst)
    {
        using var temp = new TempDir();
        var run = municipalFirst
            ? Cli.Run("docs", Repo.Vlaardingen, Repo.Hbel, Repo.National, "--out", temp.Path)
            : Cli.Run("docs", Repo.National, Repo.Hbel, Repo.Vlaardingen, "--out", temp.Path);
        run.Code.Should().Be(0, run.ToString());
        var rows = OpenRows(File.ReadAllText(Path.Combine(temp.Path, "nl-sociaal-domein.md")));
        // Both mandaatbesluiten set this one; the municipal pack's setting goes first.
        rows.Should().Contain(l => l.Contains("`afw.terugvordering-dringende-redenen`") && l.EndsWith("| `gemeente.vlaardingen` (mandaatbesluit: manager) |"));
        // HBEL replaces the kostendelersnorm deviation; Vlaardingen's mandaatbesluit still sets its mandate.
        rows.Should().Contain(l => l.Contains("`afw.kostendelersnorm-tijdelijk-buiten-beschouwing`") && l.EndsWith("| `regio.hbel` (override); `gemeente.vlaardingen` (mandaatbesluit: teamleider) |"));
        File.ReadAllText(Path.Combine(temp.Path, "regio-hbel.md")).Should().Contain("- Mandate: regisseur (in the loaded set: teamleider, set by the mandaatbesluit of `gemeente.vlaardingen`)");
    }

    [Fact]
    public void Docs_of_a_broken_pack_exits_1_and_writes_nothing()
    {
        using var temp = new TempDir();
        var pack = temp.CopyMiniPack();
        File.WriteAllText(Path.Combine(pack, "pack.yaml"), "id: mini.nl\n");
        var outDir = Path.Combine(temp.Path, "out");
        var run = Cli.Run("docs", pack, "--out", outDir);
        run.Code.Should().Be(1, run.ToString());
        Directory.Exists(outDir).Should().BeFalse();
    }
}
