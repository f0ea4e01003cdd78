using Doorbraak.Rules.Source;
namespace Doorbraak.Rules.Facts;

/// <summary>Turns a host's <see cref="Household"/> into the slot arrays that compiled expressions read.</summary>
internal sealed class FrameBuilder
{
    private readonly FactSchema _schema;
    private readonly FieldDefinition _members, _debts, _provisions, _birth, _age;

    public FrameBuilder(FactSchema schema)
    {
        _schema = schema;
        _schema.Household.TryGetField(BuiltInFacts.Members, out _members);
        _schema.Household.TryGetField("schulden", out _debts);
        _schema.Household.TryGetField("voorzieningen", out _provisions);
        _schema.Member.TryGetField(BuiltInFacts.BirthDate, out _birth);
        _schema.Member.TryGetField(BuiltInFacts.Age, out _age);
    }

    /// <summary>Builds the household instance; problems (unknown fact names, wrong types) go to <paramref name="problems"/>.</summary>
    public EntityInstance Build(Household household, DateOnly referenceDate, DiagnosticBag problems)
    {
        var h = new EntityInstance(_schema.Household, "huishouden");
        Fill(h, household.Facts, problems);
        var members = new EntityInstance[household.Members.Count];
        for (var i = 0; i < members.Length; i++)
        {
            var m = household.Members[i];
            var e = new EntityInstance(_schema.Member, $"{BuiltInFacts.Members}[{m.Id}]", m.Id);
            Fill(e, m.Facts, problems);
            var born = e.Values[_birth.Slot];
            if (!born.IsUnknown && born.AsDate > referenceDate)
                problems.Report(DiagnosticCatalog.HouseholdValueImpossible, SourceLocation.None, $"The member '{m.Id}' is born on {born.AsDate:yyyy-MM-dd}, after the reference date {referenceDate:yyyy-MM-dd}, so the age would be negative; check 'geboren' or the reference date.");
            else if (!born.IsUnknown) e.Values[_age.Slot] = FactValue.Number(AgeOn(born.AsDate, referenceDate));
            members[i] = e;
        }
        h.Collections[_members.Slot] = members;
        h.Collections[_debts.Slot] = household.Debts.Select((d, i) => Entity(_schema.Debt, $"schulden[{i + 1}]", d.Facts, problems)).ToArray();
        h.Collections[_provisions.Slot] = household.Provisions.Select((p, i) => Entity(_schema.Provision, $"voorzieningen[{i + 1}]", p.Facts, problems)).ToArray();
        return h;
    }

    /// <summary>Whole months lived on a date (a month is completed on the day of the month of birth, or the 1st after when that day does not exist).</summary>
    public static int CompletedMonths(DateOnly birth, DateOnly on)
    {
        var months = (on.Year - birth.Year) * 12 + on.Month - birth.Month;
        if (on.Day < birth.Day) months--;
        return months;
    }

    public static int AgeOn(DateOnly birth, DateOnly on)
    {
        var age = on.Year - birth.Year;
        if (on.Month < birth.Month || (on.Month == birth.Month && on.Day < birth.Day)) age--;
        return age;
    }

    private EntityInstance Entity(EntitySchema schema, string key, FactBag facts, DiagnosticBag problems)
    {
        var e = new EntityInstance(schema, key);
        Fill(e, facts, problems);
        return e;
    }

    private static void Fill(EntityInstance e, FactBag facts, DiagnosticBag problems)
    {
        foreach (var field in e.Schema.Fields)
            if (field.Type.IsScalar && !field.Default.IsUnknown) e.Values[field.Slot] = field.Default;
        foreach (var (name, supplied) in facts.Values)
        {
            var value = supplied;
            if (!e.Schema.TryGetField(name, out var field) || !field.Type.IsScalar || HouseholdReader.IsDerived(field))
            {
                problems.Report(DiagnosticCatalog.UnknownHouseholdFact, SourceLocation.None, $"{e.Key}: unknown fact '{name}'{Suggest.Hint(name, e.Schema.Fields.Where(f => f.Type.IsScalar).Select(f => f.Name))}.");
                continue;
            }
            // Text from JSON (which has no dates or durations) is read as the date or duration the schema asks for.
            if (value.Kind == FactKind.Text && field.Type.Kind == FactKind.Date && DateOnly.TryParseExact(value.AsText, "yyyy-MM-dd", out var date)) value = FactValue.Date(date);
            if (value.Kind == FactKind.Text && field.Type.Kind == FactKind.Duration && FactValue.TryParseDuration(value.AsText, out var months, out var days)) value = FactValue.Duration(months, days);
            var kind = value.Kind;
            var ok = kind == field.Type.Kind || (field.Type.Kind == FactKind.Money && kind == FactKind.Number) || (field.Type.Kind == FactKind.Number && kind == FactKind.Money);
            if (!ok)
            {
                problems.Report(DiagnosticCatalog.HouseholdFactWrongType, SourceLocation.None, $"{e.Key}: fact '{name}' must be {field.Type}, not {kind.ToString().ToLowerInvariant()}.");
                continue;
            }
            e.Values[field.Slot] = field.Type.Kind == FactKind.Money && kind == FactKind.Number ? FactValue.Money(value.AsDecimal)
                : field.Type.Kind == FactKind.Number && kind == FactKind.Money ? FactValue.Number(value.AsDecimal) : value;
        }
    }
}
