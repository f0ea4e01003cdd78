using Doorbraak.Rules.Source;
using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Conditions;

namespace Doorbraak.Rules.Tests.Conditions;

/// <summary>A schema, parameters, a host function and the example household of docs/condition-language.md.</summary>
internal static class TestWorld
{
    public static readonly FactSchema TestSchema = new();

    public static readonly IReadOnlyDictionary<string, ParameterSymbol> Parameters = new Dictionary<string, ParameterSymbol>
    {
        ["pw.norm.alleenstaande"] = new("pw.norm.alleenstaande", FactType.Money, 0, "Bijstandsnorm alleenstaande", "EUR/maand"),
        ["pw.norm.gehuwden"] = new("pw.norm.gehuwden", FactType.Money, 1, "Bijstandsnorm gehuwden", "EUR/maand"),
        ["pw.kostendeler.leeftijd"] = new("pw.kostendeler.leeftijd", FactType.Number, 2, "Leeftijd kostendeler", "jaar"),
        ["pw.kostendelers.ingang"] = new("pw.kostendelers.ingang", FactType.Date, 3, "Ingang", null),
    };

    public static FactValue[] ParameterValues() =>
    [
        FactValue.Money(1401.50m), FactValue.Money(2002.14m), FactValue.Number(27), FactValue.Date(new DateOnly(2015, 1, 1)),
    ];

    public static readonly DateOnly ReferenceDate = new(2026, 3, 1);

    public static ConditionEnvironment Env { get; } = new(TestSchema, Parameters, new Dictionary<string, IConditionFunction>
    {
        ["halveer"] = new Halve(),
        ["kapot"] = new Broken(),
    });

    public static FieldDefinition Field(EntitySchema e, string name) => e.TryGetField(name, out var f) ? f : throw new ArgumentException(name);

    public static EntityInstance Entity(EntitySchema schema, string key, params (string Field, FactValue Value)[] values)
    {
        var e = new EntityInstance(schema, key);
        foreach (var (name, value) in values) e.Values[Field(schema, name).Slot] = value;
        return e;
    }

    public static FactValue M(decimal d) => FactValue.Money(d);
    public static FactValue N(decimal d) => FactValue.Number(d);
    public static FactValue T(string s) => FactValue.Text(s);
    public static FactValue D(string s) => FactValue.Date(DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture));
    public static FactValue B(bool b) => FactValue.Bool(b);

    /// <summary>The household of the documentation: mother (aanvrager, 55) and son (28), three debts, one provision.</summary>
    public static EntityInstance ExampleHousehold()
    {
        var s = TestSchema;
        var h = Entity(s.Household, "huishouden",
            ("gemeente", T("Den Haag")), ("huur", M(780m)), ("huurachterstand", M(1560m)), ("huurachterstand_maanden", N(2)),
            ("ontruiming_aangezegd", B(true)), ("ontruimingsdatum", D("2026-04-15")), ("heeft_woonruimte", B(true)));
        var moeder = Entity(s.Member, "leden[moeder]",
            ("id", T("moeder")), ("naam", T("Ans")), ("rol", T("aanvrager")), ("geboren", D("1970-05-12")), ("leeftijd", N(55)),
            ("inkomen", M(1401.50m)), ("uitkering", T("bijstand")), ("heeft_bijstand", B(true)), ("werkt", B(false)), ("student", B(false)));
        var zoon = Entity(s.Member, "leden[zoon]",
            ("id", T("zoon")), ("naam", T("Kees")), ("rol", T("kind")), ("geboren", D("1997-09-03")), ("leeftijd", N(28)),
            ("inkomen", M(0m)), ("uitkering", T("geen")), ("heeft_bijstand", B(false)), ("werkt", B(false)), ("student", B(false)),
            ("eigen_woonruimte", B(false)));
        h.Collections[Field(s.Household, "leden").Slot] = [moeder, zoon];
        h.Collections[Field(s.Household, "schulden").Slot] =
        [
            Entity(s.Debt, "schulden[1]", ("schuldeiser", T("Woonstad")), ("soort", T("huur")), ("bedrag", M(1560m)), ("fraude", B(false)), ("status", T("open"))),
            Entity(s.Debt, "schulden[2]", ("schuldeiser", T("CAK")), ("soort", T("zorgverzekering")), ("bedrag", M(640.25m)), ("fraude", B(false))),
            Entity(s.Debt, "schulden[3]", ("schuldeiser", T("Belastingdienst")), ("soort", T("toeslagen")), ("bedrag", M(2300m))),
        ];
        h.Collections[Field(s.Household, "voorzieningen").Slot] =
        [
            Entity(s.Provision, "voorzieningen[1]", ("soort", T("schuldhulp")), ("wet", T("Wgs")), ("kosten_per_maand", M(95m)), ("einddatum", D("2026-12-31"))),
        ];
        return h;
    }

    public static EvaluationFrame Frame(EntityInstance? household = null) => new(household ?? ExampleHousehold(), ParameterValues(), ReferenceDate);

    public static CompiledExpression Compile(string text, FactType? expected = null, EntitySchema? scope = null)
    {
        var bag = new DiagnosticBag();
        var c = ConditionCompiler.Compile(ConditionSource.Inline(text), Env, expected, scope, bag);
        bag.Items.Should().BeEmpty("'{0}' should compile", text);
        return c!;
    }

    public static FactValue Eval(string text, EntityInstance? household = null)
    {
        var c = Compile(text);
        return c.Evaluate(Frame(household), null);
    }

    public static IReadOnlyList<Diagnostic> Errors(string text, FactType? expected = null, EntitySchema? scope = null)
    {
        var bag = new DiagnosticBag();
        var c = ConditionCompiler.Compile(ConditionSource.Inline(text), Env, expected, scope, bag);
        c.Should().BeNull("'{0}' should not compile", text);
        bag.Items.Should().NotBeEmpty();
        return bag.Items;
    }

    /// <summary>The single error for <paramref name="text"/>: its code and 1-based column (line 1).</summary>
    public static Diagnostic Error(string text, FactType? expected = null, EntitySchema? scope = null)
    {
        var items = Errors(text, expected, scope);
        items.Should().HaveCount(1, "'{0}' should give one error, got: {1}", text, string.Join(" | ", items));
        return items[0];
    }

    private sealed class Halve : IConditionFunction
    {
        public string Name => "halveer";
        public IReadOnlyList<FactType> ParameterTypes { get; } = [FactType.Money];
        public FactType ReturnType => FactType.Money;
        public FactValue Invoke(ReadOnlySpan<FactValue> arguments, DateOnly referenceDate) => FactValue.Money(arguments[0].AsDecimal / 2);
    }

    private sealed class Broken : IConditionFunction
    {
        public string Name => "kapot";
        public IReadOnlyList<FactType> ParameterTypes { get; } = [];
        public FactType ReturnType => FactType.Number;
        public FactValue Invoke(ReadOnlySpan<FactValue> arguments, DateOnly referenceDate) => throw new InvalidOperationException("host bug");
    }
}
