using Doorbraak.Rules.Tests.Evaluation;

namespace Doorbraak.Rules.Tests.Packs;

/// <summary>An intervention's <c>change.elements</c> is type-checked at load, each refusal with its place.</summary>
public class ElementChangeLoadTests
{
    private const string Regeling = """- { collection: schulden, where: soort = "boete" and not fraude, set: { status: "regeling", maandbedrag: 25 } }""";

    private static string Errors(string replacement, string old = Regeling)
    {
        var content = DebtInterventionPack.Content.Replace(old, replacement);
        content.Should().NotBe(DebtInterventionPack.Content);
        var (_, diagnostics) = PackSet.TryLoad([DebtInterventionPack.Source(content)]);
        return string.Join("\n", diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
    }

    [Fact]
    public void A_collection_the_household_does_not_have_is_refused_with_did_you_mean() =>
        Errors("""- { collection: schuld, where: soort = "boete", set: { status: "regeling" } }""")
            .Should().Be("schuldinterventies/content.yaml:32:25: error DBR1161: 'schuld' is not a collection of the household; an element change names one of leden, schulden, voorzieningen (did you mean 'schulden'?).");

    [Fact]
    public void Picking_by_id_needs_an_id_fact_on_the_element()
    {
        var content = DebtInterventionPack.Content.Replace("  schuld.id: { type: text, description: Kenmerk van de schuld in het dossier }\n", "");
        var (_, diagnostics) = PackSet.TryLoad([DebtInterventionPack.Source(content)]);
        diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).Should().ContainSingle()
            .Which.Should().Be("schuldinterventies/content.yaml:41:39: error DBR1162: 'id: cjib-1' picks an element of schulden by its id, but a schuld has no text fact 'id'; declare schuld.id under 'facts' (type: text) and give each element its id in the household, or pick with 'where: <condition>'.");
    }

    [Fact]
    public void Neither_id_nor_where_is_refused() =>
        Errors("""- { collection: schulden, set: { status: "regeling" } }""")
            .Should().StartWith("schuldinterventies/content.yaml:32:11: error DBR1160: An element change must say which elements it changes");

    [Fact]
    public void Both_id_and_where_are_refused() =>
        Errors("""- { collection: schulden, id: cjib-1, where: soort = "boete", set: { status: "regeling" } }""")
            .Should().StartWith("schuldinterventies/content.yaml:32:39: error DBR1160: An element change gives both 'id' and 'where'");

    [Fact]
    public void A_fact_named_with_a_prefix_is_refused() =>
        Errors("""- { collection: schulden, where: soort = "boete", set: { schuld.status: "regeling" } }""")
            .Should().Be("schuldinterventies/content.yaml:32:66: error DBR1160: An element change sets facts of the element itself, named without a prefix: write 'status', not 'schuld.status' (facts of the household go under change.set).");

    [Fact]
    public void A_fact_the_element_does_not_have_and_a_value_of_the_wrong_type_are_refused()
    {
        var errors = Errors("""- { collection: schulden, where: soort = "boete", set: { stauts: "regeling", bedrag: "nul" } }""");
        errors.Should().Be("""
            schuldinterventies/content.yaml:32:66: error DBR1021: 'stauts': schuld has no fact 'stauts' (did you mean 'status'?). Declare it under 'facts' first.
            schuldinterventies/content.yaml:32:94: error DBR2015: This expression gives text, but an amount of money is needed here.
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_where_that_is_not_a_yes_no_condition_is_refused() =>
        Errors("""- { collection: schulden, where: bedrag, set: { status: "regeling" } }""")
            .Should().Be("schuldinterventies/content.yaml:32:42: error DBR2015: This expression gives an amount of money, but a condition (true or false) is needed here; compare it with something, as in bedrag > 0.");
}
