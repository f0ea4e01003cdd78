namespace Doorbraak.Rules;

/// <summary>
/// Facts by their Dutch name (as packs use them: <c>huur</c>, <c>heeft_bijstand</c>, or a pack's own
/// extension such as <c>dreigt_dakloos</c>). A fact that is not set is unknown.
/// </summary>
/// <threadsafety>Not thread-safe while being filled; treat as read-only once handed to the engine.</threadsafety>
public sealed class FactBag
{
    // Sorted by name (ordinal) in two parallel arrays: a household has a few dozen facts, so a binary search is as fast
    // as a hash lookup, enumeration allocates nothing per entry, and the engine walks the names in order against its
    // compiled schema (FrameBuilder) without looking each one up.
    private string[] _names = [];
    private FactValue[] _values = [];
    private int _count;

    /// <summary>All known facts, ordered by name.</summary>
    public IEnumerable<KeyValuePair<string, FactValue>> Values
    {
        get
        {
            for (var i = 0; i < _count; i++) yield return new KeyValuePair<string, FactValue>(_names[i], _values[i]);
        }
    }

    /// <summary>How many facts are set.</summary>
    internal int Count => _count;

    /// <summary>The name of the <paramref name="i"/>-th fact in name order.</summary>
    internal string NameAt(int i) => _names[i];

    /// <summary>The value of the <paramref name="i"/>-th fact in name order.</summary>
    internal FactValue ValueAt(int i) => _values[i];

    /// <summary>Sets a fact; <see cref="FactValue.Unknown"/> removes it.</summary>
    public void Set(string name, FactValue value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var i = IndexOf(name);
        if (value.IsUnknown)
        {
            if (i < 0) return;
            _count--;
            Array.Copy(_names, i + 1, _names, i, _count - i);
            Array.Copy(_values, i + 1, _values, i, _count - i);
            _names[_count] = null!;
            _values[_count] = default;
            return;
        }
        if (i >= 0)
        {
            _values[i] = value;
            return;
        }
        i = ~i;
        if (_count == _names.Length)
        {
            var size = Math.Max(8, _count * 2);
            Array.Resize(ref _names, size);
            Array.Resize(ref _values, size);
        }
        Array.Copy(_names, i, _names, i + 1, _count - i);
        Array.Copy(_values, i, _values, i + 1, _count - i);
        _names[i] = name;
        _values[i] = value;
        _count++;
    }

    /// <summary>The fact's value, or unknown.</summary>
    public FactValue Get(string name) => IndexOf(name) is var i and >= 0 ? _values[i] : FactValue.Unknown;

    private bool TryGetValue(string name, out FactValue value)
    {
        var i = IndexOf(name);
        value = i >= 0 ? _values[i] : default;
        return i >= 0;
    }

    private int IndexOf(string name)
    {
        int lo = 0, hi = _count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = string.CompareOrdinal(_names[mid], name);
            if (c == 0) return mid;
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return ~lo;
    }

    internal decimal? Decimal(string name) => TryGetValue(name, out var v) ? v.AsDecimal : null;
    internal bool? Bool(string name) => TryGetValue(name, out var v) ? v.AsBool : null;
    internal DateOnly? Date(string name) => TryGetValue(name, out var v) ? v.AsDate : null;
    internal string? Text(string name) => TryGetValue(name, out var v) ? v.AsText : null;
    internal void Money(string name, decimal? value) => Set(name, value is { } d ? FactValue.Money(d) : FactValue.Unknown);
    internal void Number(string name, decimal? value) => Set(name, value is { } d ? FactValue.Number(d) : FactValue.Unknown);
    internal void Bool(string name, bool? value) => Set(name, value is { } b ? FactValue.Bool(b) : FactValue.Unknown);
    internal void Date(string name, DateOnly? value) => Set(name, value is { } d ? FactValue.Date(d) : FactValue.Unknown);
    internal void Text(string name, string? value) => Set(name, value is { } t ? FactValue.Text(t) : FactValue.Unknown);
}

/// <summary>
/// A household's situation as a host supplies it: members, housing, debts, provisions in place,
/// and the household's own goals. Every property may be left null: null is unknown, which is
/// not false and not zero. Pack-specific facts go in <see cref="Facts"/> by their Dutch name.
/// Binds from and serializes to JSON in the household file vocabulary (<c>leden</c>, <c>huur</c>, ...), as the
/// published schema docs/schema/household.schema.json describes.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Facts.HouseholdJsonConverter))]
public sealed class Household
{
    /// <summary>All household-level facts, including those set through the typed properties.</summary>
    public FactBag Facts { get; } = new();

    /// <summary>The members, in a stable order (the first with role <c>aanvrager</c> is the applicant).</summary>
    public List<HouseholdMember> Members { get; } = new();

    /// <summary>Debts.</summary>
    public List<Debt> Debts { get; } = new();

    /// <summary>Provisions in place (voorzieningen), with their monthly cost.</summary>
    public List<Provision> Provisions { get; } = new();

    /// <summary>Goal ids the household itself states (its own goals); they are always checked.</summary>
    public List<string> Goals { get; } = new();

    /// <summary>
    /// Situation ids the household is in (<c>situaties</c>), from the list the loaded packs declare (a pending
    /// residence-permit procedure, detention, bewind, ...). A situation no loaded pack covers makes the result
    /// incomplete (<see cref="GapKind.SituationNotCovered"/>); an id no pack declares is refused.
    /// </summary>
    public List<string> Situations { get; } = new();

    /// <summary>Municipality (<c>gemeente</c>).</summary>
    public string? Municipality { get => Facts.Text("gemeente"); set => Facts.Text("gemeente", value); }
    /// <summary>Rent per month (<c>huur</c>).</summary>
    public decimal? Rent { get => Facts.Decimal("huur"); set => Facts.Money("huur", value); }
    /// <summary>Rent arrears (<c>huurachterstand</c>).</summary>
    public decimal? RentArrears { get => Facts.Decimal("huurachterstand"); set => Facts.Money("huurachterstand", value); }
    /// <summary>Months of rent in arrears (<c>huurachterstand_maanden</c>).</summary>
    public decimal? RentArrearsMonths { get => Facts.Decimal("huurachterstand_maanden"); set => Facts.Number("huurachterstand_maanden", value); }
    /// <summary>Eviction announced (<c>ontruiming_aangezegd</c>).</summary>
    public bool? EvictionAnnounced { get => Facts.Bool("ontruiming_aangezegd"); set => Facts.Bool("ontruiming_aangezegd", value); }
    /// <summary>Date of the announced eviction (<c>ontruimingsdatum</c>).</summary>
    public DateOnly? EvictionDate { get => Facts.Date("ontruimingsdatum"); set => Facts.Date("ontruimingsdatum", value); }
    /// <summary>Has a home address (<c>heeft_woonruimte</c>).</summary>
    public bool? HasHousing { get => Facts.Bool("heeft_woonruimte"); set => Facts.Bool("heeft_woonruimte", value); }
    /// <summary>Has a home or postal address (<c>heeft_postadres</c>).</summary>
    public bool? HasPostalAddress { get => Facts.Bool("heeft_postadres"); set => Facts.Bool("heeft_postadres", value); }
    /// <summary>Assets (<c>vermogen</c>).</summary>
    public decimal? Assets { get => Facts.Decimal("vermogen"); set => Facts.Money("vermogen", value); }
}

/// <summary>A member of the household. Null properties are unknown.</summary>
public sealed class HouseholdMember
{
    /// <summary>Creates a member with a short id used in results (no BSN or name needed).</summary>
    public HouseholdMember(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Facts.Text("id", id);
    }

    /// <summary>All member facts, including those set through the typed properties.</summary>
    public FactBag Facts { get; } = new();

    /// <summary>The id (<c>id</c>).</summary>
    public string Id => Facts.Text("id")!;
    /// <summary>First name, for motivation texts (<c>naam</c>).</summary>
    public string? Name { get => Facts.Text("naam"); set => Facts.Text("naam", value); }
    /// <summary>Role: aanvrager, partner, kind, overig (<c>rol</c>).</summary>
    public string? Role { get => Facts.Text("rol"); set => Facts.Text("rol", value); }
    /// <summary>Birth date (<c>geboren</c>); the age on the reference date follows from it.</summary>
    public DateOnly? BirthDate { get => Facts.Date("geboren"); set => Facts.Date("geboren", value); }
    /// <summary>Net monthly income (<c>inkomen</c>).</summary>
    public decimal? Income { get => Facts.Decimal("inkomen"); set => Facts.Money("inkomen", value); }
    /// <summary>Kind of benefit (<c>uitkering</c>).</summary>
    public string? Benefit { get => Facts.Text("uitkering"); set => Facts.Text("uitkering", value); }
    /// <summary>Receives or applies for bijstand (<c>heeft_bijstand</c>).</summary>
    public bool? ReceivesBijstand { get => Facts.Bool("heeft_bijstand"); set => Facts.Bool("heeft_bijstand", value); }
    /// <summary>Has paid work (<c>werkt</c>).</summary>
    public bool? Works { get => Facts.Bool("werkt"); set => Facts.Bool("werkt", value); }
    /// <summary>Student with student finance (<c>student</c>).</summary>
    public bool? Student { get => Facts.Bool("student"); set => Facts.Bool("student", value); }
    /// <summary>Receives youth care (<c>jeugdhulp</c>).</summary>
    public bool? YouthCare { get => Facts.Bool("jeugdhulp"); set => Facts.Bool("jeugdhulp", value); }
    /// <summary>Receives Wmo support (<c>wmo_ondersteuning</c>).</summary>
    public bool? WmoSupport { get => Facts.Bool("wmo_ondersteuning"); set => Facts.Bool("wmo_ondersteuning", value); }
    /// <summary>Mental health problems needing treatment (<c>ggz</c>).</summary>
    public bool? MentalHealth { get => Facts.Bool("ggz"); set => Facts.Bool("ggz", value); }
    /// <summary>Addiction (<c>verslaving</c>).</summary>
    public bool? Addiction { get => Facts.Bool("verslaving"); set => Facts.Bool("verslaving", value); }
    /// <summary>Able to work now (<c>arbeidsvermogen</c>).</summary>
    public bool? AbleToWork { get => Facts.Bool("arbeidsvermogen"); set => Facts.Bool("arbeidsvermogen", value); }
    /// <summary>Victim of domestic violence (<c>huiselijk_geweld</c>).</summary>
    public bool? DomesticViolence { get => Facts.Bool("huiselijk_geweld"); set => Facts.Bool("huiselijk_geweld", value); }
    /// <summary>Has housing of their own outside this household (<c>eigen_woonruimte</c>).</summary>
    public bool? OwnHousing { get => Facts.Bool("eigen_woonruimte"); set => Facts.Bool("eigen_woonruimte", value); }
    /// <summary>Homeless now (<c>dakloos</c>).</summary>
    public bool? Homeless { get => Facts.Bool("dakloos"); set => Facts.Bool("dakloos", value); }
}

/// <summary>A debt. Null properties are unknown.</summary>
public sealed class Debt
{
    /// <summary>All debt facts.</summary>
    public FactBag Facts { get; } = new();
    /// <summary>Creditor (<c>schuldeiser</c>).</summary>
    public string? Creditor { get => Facts.Text("schuldeiser"); set => Facts.Text("schuldeiser", value); }
    /// <summary>Kind (<c>soort</c>).</summary>
    public string? Kind { get => Facts.Text("soort"); set => Facts.Text("soort", value); }
    /// <summary>Amount owed (<c>bedrag</c>).</summary>
    public decimal? Amount { get => Facts.Decimal("bedrag"); set => Facts.Money("bedrag", value); }
    /// <summary>Status (<c>status</c>).</summary>
    public string? Status { get => Facts.Text("status"); set => Facts.Text("status", value); }
    /// <summary>A fraud claim (<c>fraude</c>).</summary>
    public bool? Fraud { get => Facts.Bool("fraude"); set => Facts.Bool("fraude", value); }
    /// <summary>Monthly repayment or set-off (<c>maandbedrag</c>).</summary>
    public decimal? MonthlyAmount { get => Facts.Decimal("maandbedrag"); set => Facts.Money("maandbedrag", value); }
}

/// <summary>A provision in place (voorziening). Null properties are unknown.</summary>
public sealed class Provision
{
    /// <summary>All provision facts.</summary>
    public FactBag Facts { get; } = new();
    /// <summary>Kind (<c>soort</c>).</summary>
    public string? Kind { get => Facts.Text("soort"); set => Facts.Text("soort", value); }
    /// <summary>Law (<c>wet</c>).</summary>
    public string? Law { get => Facts.Text("wet"); set => Facts.Text("wet", value); }
    /// <summary>Member id (<c>lid</c>).</summary>
    public string? MemberId { get => Facts.Text("lid"); set => Facts.Text("lid", value); }
    /// <summary>Monthly cost (<c>kosten_per_maand</c>).</summary>
    public decimal? MonthlyCost { get => Facts.Decimal("kosten_per_maand"); set => Facts.Money("kosten_per_maand", value); }
    /// <summary>Who pays (<c>betaler</c>).</summary>
    public string? Payer { get => Facts.Text("betaler"); set => Facts.Text("betaler", value); }
    /// <summary>End date (<c>einddatum</c>).</summary>
    public DateOnly? EndDate { get => Facts.Date("einddatum"); set => Facts.Date("einddatum", value); }
}
