using Doorbraak.Rules.Source;
namespace Doorbraak.Rules.Facts;

/// <summary>
/// Turns a host's <see cref="Household"/> into the slot arrays that compiled expressions read. The mapping is compiled
/// once per pack set: per entity a template of the defaults (copied, not recomputed) and the schema's fact names in
/// name order, walked in step with the <see cref="FactBag"/>'s own name order, so a household costs a copy and one
/// ordinal comparison per fact, with no lookups, no key strings and no LINQ.
/// </summary>
internal sealed class FrameBuilder
{
    private readonly FactSchema _schema;
    private readonly FieldDefinition _members, _debts, _provisions, _birth, _age;
    private readonly EntityPlan _household, _member, _debt, _provision;

    public FrameBuilder(FactSchema schema)
    {
        _schema = schema;
        _schema.Household.TryGetField(BuiltInFacts.Members, out _members);
        _schema.Household.TryGetField("schulden", out _debts);
        _schema.Household.TryGetField("voorzieningen", out _provisions);
        _schema.Member.TryGetField(BuiltInFacts.BirthDate, out _birth);
        _schema.Member.TryGetField(BuiltInFacts.Age, out _age);
        _household = new EntityPlan(schema.Household);
        _member = new EntityPlan(schema.Member);
        _debt = new EntityPlan(schema.Debt);
        _provision = new EntityPlan(schema.Provision);
    }

    /// <summary>Builds the household instance; problems (unknown fact names, wrong types) go to <paramref name="problems"/>.</summary>
    public EntityInstance Build(Household household, DateOnly referenceDate, DiagnosticBag problems)
    {
        var h = new EntityInstance(_schema.Household, "huishouden");
        _household.Fill(h, household.Facts, problems);
        var members = new EntityInstance[household.Members.Count];
        for (var i = 0; i < members.Length; i++)
        {
            var m = household.Members[i];
            var e = new EntityInstance(_schema.Member, BuiltInFacts.Members, i + 1, m.Id);
            _member.Fill(e, m.Facts, problems);
            var born = e.Values[_birth.Slot];
            if (!born.IsUnknown && born.AsDate > referenceDate)
                problems.Report(DiagnosticCatalog.HouseholdValueImpossible, SourceLocation.None, $"The member '{m.Id}' is born on {born.AsDate:yyyy-MM-dd}, after the reference date {referenceDate:yyyy-MM-dd}, so the age would be negative; check 'geboren' or the reference date.");
            else if (!born.IsUnknown) e.Values[_age.Slot] = FactValue.Number(AgeOn(born.AsDate, referenceDate));
            members[i] = e;
        }
        h.Collections[_members.Slot] = members;
        h.Collections[_debts.Slot] = Elements(_schema.Debt, _debt, "schulden", household.Debts, static d => d.Facts, problems);
        h.Collections[_provisions.Slot] = Elements(_schema.Provision, _provision, "voorzieningen", household.Provisions, static p => p.Facts, problems);
        return h;
    }

    private static EntityInstance[] Elements<T>(EntitySchema schema, EntityPlan plan, string collection, List<T> items, Func<T, FactBag> facts, DiagnosticBag problems)
    {
        if (items.Count == 0) return [];
        var result = new EntityInstance[items.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var e = new EntityInstance(schema, collection, i + 1, null);
            plan.Fill(e, facts(items[i]), problems);
            result[i] = e;
        }
        return result;
    }

    /// <summary>The compiled mapping of one entity: its defaults and its suppliable scalar facts in ordinal name order.</summary>
    private sealed class EntityPlan
    {
        private readonly FactValue[] _defaults;
        private readonly bool _hasDefaults;
        private readonly string[] _names;
        private readonly FieldDefinition[] _fields;
        private readonly EntitySchema _schema;

        public EntityPlan(EntitySchema schema)
        {
            _schema = schema;
            _defaults = new FactValue[schema.ScalarCount];
            foreach (var field in schema.Fields)
                if (field.Type.IsScalar && !field.Default.IsUnknown)
                {
                    _defaults[field.Slot] = field.Default;
                    _hasDefaults = true;
                }
            var suppliable = schema.Fields.Where(f => f.Type.IsScalar && !HouseholdReader.IsDerived(f)).OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();
            _names = suppliable.Select(f => f.Name).ToArray();
            _fields = suppliable;
        }

        public void Fill(EntityInstance e, FactBag facts, DiagnosticBag problems)
        {
            if (_hasDefaults) Array.Copy(_defaults, e.Values, _defaults.Length);
            var k = 0;
            for (var i = 0; i < facts.Count; i++)
            {
                var name = facts.NameAt(i);
                // Both sides are in ordinal order: advance the schema side to the supplied name.
                var c = -1;
                while (k < _names.Length && (c = string.CompareOrdinal(_names[k], name)) < 0) k++;
                if (k == _names.Length || c != 0)
                {
                    problems.Report(DiagnosticCatalog.UnknownHouseholdFact, SourceLocation.None, $"{e.Key}: unknown fact '{name}'{Suggest.Hint(name, _schema.Fields.Where(f => f.Type.IsScalar).Select(f => f.Name))}.");
                    continue;
                }
                var field = _fields[k];
                var value = facts.ValueAt(i);
                var want = field.Type.Kind;
                var kind = value.Kind;
                if (kind == want)
                {
                    e.Values[field.Slot] = value;
                    continue;
                }
                // Text from JSON (which has no dates or durations) is read as the date or duration the schema asks for.
                if (kind == FactKind.Text && want == FactKind.Date && DateOnly.TryParseExact(value.AsText, "yyyy-MM-dd", out var date)) value = FactValue.Date(date);
                if (kind == FactKind.Text && want == FactKind.Duration && FactValue.TryParseDuration(value.AsText, out var months, out var days)) value = FactValue.Duration(months, days);
                kind = value.Kind;
                var ok = kind == want || (want == FactKind.Money && kind == FactKind.Number) || (want == FactKind.Number && kind == FactKind.Money);
                if (!ok)
                {
                    problems.Report(DiagnosticCatalog.HouseholdFactWrongType, SourceLocation.None, $"{e.Key}: fact '{name}' must be {field.Type}, not {kind.ToString().ToLowerInvariant()}.");
                    continue;
                }
                e.Values[field.Slot] = want == FactKind.Money && kind == FactKind.Number ? FactValue.Money(value.AsDecimal)
                    : want == FactKind.Number && kind == FactKind.Money ? FactValue.Number(value.AsDecimal) : value;
            }
        }
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
}
