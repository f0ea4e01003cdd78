using Doorbraak.Rules.Monitoring;
namespace Doorbraak.Rules.Samples;

/// <summary>Options for <see cref="SyntheticPilot"/>.</summary>
public sealed class SyntheticPilotOptions
{
    /// <summary>The random seed: the same seed gives the same pilot. <value>Default: 2026.</value></summary>
    public int Seed { get; init; } = 2026;

    /// <summary>How many households. <value>Default: 300.</value></summary>
    public int Households { get; init; } = 300;

    /// <summary>The first day households can be taken in. <value>Default: 1 January 2025.</value></summary>
    public DateOnly Start { get; init; } = new(2025, 1, 1);

    /// <summary>Over how many months households are taken in. <value>Default: 18.</value></summary>
    public int IntakeMonths { get; init; } = 18;

    /// <summary>The date the data is extracted: no breakthrough or review after it. <value>Default: 30 June 2026.</value></summary>
    public DateOnly AsOf { get; init; } = new(2026, 6, 30);
}

/// <summary>
/// A seeded generator of a synthetic Doorbraak pilot: doorbraakplannen with collisions, decisions and costs, and their reviews at 6 and 12 months,
/// for tests and demos. The figures follow docs/monitoring.md and the domain reference: breakthroughs mostly within a month, yearly savings around
/// EUR 20,000 per case (Den Haag: EUR 22,414), about two thirds of plan goals met at 12 months, ZRM scores rising by about one point, recurrence around 12%.
/// The households are invented; nothing here describes a real person.
/// </summary>
public static class SyntheticPilot
{
    private sealed record Scenario(string Collision, string Title, string Goal, string[] Rules, string Proposal, string Deviation, string DeviationTitle,
        string Basis, string Mandate, (string Cost, string Title, string Payer, decimal Current, decimal Breakthrough)[] Costs, string[] Goals, int Weight);

    private static readonly Scenario[] Scenarios =
    [
        new("botsing.kostendeler-jongvolwassene", "Kostendelersnorm duwt volwassen kind de deur uit", "doel.dak-boven-het-hoofd", ["pw.kostendelersnorm"],
            "afw.kostendelersnorm-tijdelijk-buiten-beschouwing", "afw.kostendelersnorm-tijdelijk-buiten-beschouwing", "Inwonend kind tijdelijk niet meetellen als kostendeler",
            "Participatiewet art. 18 lid 1", "teamleider",
            [("kosten.maatschappelijke-opvang", "Maatschappelijke opvang", "gemeente", 3000m, 0m), ("kosten.bijstand", "Bijstand", "gemeente", 1001.07m, 1430.10m)],
            ["doel.dak-boven-het-hoofd", "doel.inkomen-bestaansminimum"], 24),
        new("botsing.zoektermijn-dakloze-jongere", "Zoektermijn voor een dakloze jongere", "doel.dak-boven-het-hoofd", ["pw.zoektermijn-jongeren"],
            "afw.zoektermijn-direct-in-behandeling", "afw.zoektermijn-direct-in-behandeling", "Aanvraag direct in behandeling nemen",
            "Participatiewet art. 41 lid 11", "consulent",
            [("kosten.maatschappelijke-opvang", "Maatschappelijke opvang", "gemeente", 3000m, 1000m), ("kosten.bijstand", "Bijstand", "gemeente", 0m, 1430.10m)],
            ["doel.dak-boven-het-hoofd", "doel.inkomen-bestaansminimum"], 14),
        new("botsing.zorgbreuk-18", "Jeugdhulp stopt op 18, volwassenenzorg nog niet gestart", "doel.zorg-na-18", ["jw.einde-jeugdhulp-18"],
            "afw.verlengde-jeugdhulp", "afw.verlengde-jeugdhulp", "Verlengde jeugdhulp tot 21 jaar",
            "Jeugdwet art. 1.1 (begrip jeugdige, onder 3°)", "teamleider",
            [("kosten.jeugdhulp", "Jeugdhulp", "gemeente", 0m, 2200m), ("kosten.ggz-crisis", "Crisisopname ggz", "zorgverzekeraar", 4200m, 600m), ("kosten.maatschappelijke-opvang", "Maatschappelijke opvang", "gemeente", 1500m, 0m)],
            ["doel.zorg-na-18", "doel.dak-boven-het-hoofd"], 12),
        new("botsing.schuldhulp-geweigerd", "Schuldhulp geweigerd na eerdere schuldhulp", "doel.schulden-onder-controle", ["wgs.weigering-eerdere-schuldhulp"],
            "afw.schuldhulp-ondanks-eerdere-schuldhulp", "afw.schuldhulp-ondanks-eerdere-schuldhulp", "Schuldhulp ondanks eerdere schuldhulp",
            "Algemene wet bestuursrecht art. 4:84", "teamleider",
            [("kosten.schuldhulpverlening", "Schuldhulpverlening", "gemeente", 0m, 350m), ("kosten.huisuitzetting-maatschappelijk", "Maatschappelijke kosten huisuitzetting", "corporatie", 2500m, 0m),
             ("kosten.bijzondere-bijstand", "Bijzondere bijstand", "gemeente", 400m, 150m)],
            ["doel.schulden-onder-controle", "doel.woning-behouden"], 18),
        new("botsing.schuldhulp-geweigerd", "Schuldhulp geweigerd vanwege fraudevordering", "doel.schulden-onder-controle", ["wgs.weigering-fraude"],
            "afw.schuldhulp-ondanks-fraudevordering", "afw.schuldhulp-ondanks-fraudevordering", "Schuldhulp ondanks fraudevordering",
            "Wet gemeentelijke schuldhulpverlening art. 3 lid 3 (kan-bepaling), met Awb 3:4", "manager",
            [("kosten.schuldhulpverlening", "Schuldhulpverlening", "gemeente", 0m, 350m), ("kosten.huisuitzetting-maatschappelijk", "Maatschappelijke kosten huisuitzetting", "corporatie", 2500m, 0m)],
            ["doel.schulden-onder-controle", "doel.woning-behouden"], 6),
        new("botsing.verrekening-onder-beslagvrije-voet", "Verrekening duwt onder de beslagvrije voet", "doel.inkomen-bestaansminimum", ["pw.verrekening"],
            "afw.verrekening-binnen-beslagruimte", "afw.verrekening-binnen-beslagruimte", "Verrekening beperken tot de beslagruimte",
            "Algemene wet bestuursrecht art. 4:93 lid 4 (met Pw art. 60 lid 3-4)", "consulent",
            [("kosten.bijzondere-bijstand", "Bijzondere bijstand", "gemeente", 450m, 50m), ("kosten.terugvordering", "Aflossing vordering", "gemeente", -250m, -120m),
             ("kosten.huisuitzetting-maatschappelijk", "Maatschappelijke kosten huisuitzetting", "corporatie", 1200m, 0m)],
            ["doel.inkomen-bestaansminimum", "doel.schulden-onder-controle"], 16),
        new("botsing.terugvordering-boodschappen", "Terugvordering van boodschappen van een ouder", "doel.inkomen-bestaansminimum", ["pw.fraudevordering-buiten-schuldregeling"],
            "afw.terugvordering-dringende-redenen", "afw.terugvordering-dringende-redenen", "Afzien van terugvordering om dringende redenen",
            "Participatiewet art. 58 lid 8", "manager",
            [("kosten.terugvordering", "Aflossing vordering", "gemeente", -180m, 0m), ("kosten.wmo", "Wmo-begeleiding", "gemeente", 900m, 450m), ("kosten.huisuitzetting-maatschappelijk", "Maatschappelijke kosten huisuitzetting", "corporatie", 900m, 0m)],
            ["doel.inkomen-bestaansminimum", "doel.kind-veilig-thuis"], 10),
    ];

    private static readonly string[] Regisseurs = ["regisseur-a", "regisseur-b", "regisseur-c", "regisseur-d", "regisseur-e"];

    /// <summary>The scale ids the pilot records scores for (declared in policypacks/gemeente-vlaardingen/monitoring.yaml and regio-hbel).</summary>
    public const string ZrmScale = "schaal.zrm";

    /// <summary>The single-score quality-of-life scale (1-10).</summary>
    public const string QualityOfLifeScale = "schaal.kwaliteit-van-leven";

    // Provisions per scenario (by collision) and the goals they serve; households also have other provisions that serve no plan goal.
    private static readonly Dictionary<string, (string Id, string Title, string Goal)[]> ScenarioProvisions = new(StringComparer.Ordinal)
    {
        ["botsing.kostendeler-jongvolwassene"] = [("bijstand", "Bijstand", "doel.inkomen-bestaansminimum"), ("maatschappelijke-opvang", "Maatschappelijke opvang", "doel.dak-boven-het-hoofd")],
        ["botsing.zoektermijn-dakloze-jongere"] = [("maatschappelijke-opvang", "Maatschappelijke opvang", "doel.dak-boven-het-hoofd"), ("jongerenloket", "Jongerenloket", "doel.inkomen-bestaansminimum")],
        ["botsing.zorgbreuk-18"] = [("jeugdhulp", "Jeugdhulp", "doel.zorg-na-18"), ("ggz", "Ggz-behandeling", "doel.zorg-na-18"), ("beschermd-wonen", "Beschermd wonen", "doel.dak-boven-het-hoofd")],
        ["botsing.schuldhulp-geweigerd"] = [("schuldhulpverlening", "Schuldhulpverlening", "doel.schulden-onder-controle"), ("budgetbeheer", "Budgetbeheer", "doel.woning-behouden")],
        ["botsing.verrekening-onder-beslagvrije-voet"] = [("bijzondere-bijstand", "Bijzondere bijstand", "doel.inkomen-bestaansminimum"), ("schuldhulpverlening", "Schuldhulpverlening", "doel.schulden-onder-controle")],
        ["botsing.terugvordering-boodschappen"] = [("wmo-begeleiding", "Wmo-begeleiding", "doel.kind-veilig-thuis"), ("bijzondere-bijstand", "Bijzondere bijstand", "doel.inkomen-bestaansminimum")],
    };

    private static readonly (string Id, string Title)[] OtherProvisions =
    [
        ("wmo-huishoudelijke-hulp", "Wmo huishoudelijke hulp"), ("ambulante-woonbegeleiding", "Ambulante woonbegeleiding"), ("voedselbank", "Voedselbank"),
        ("opvoedondersteuning", "Opvoedondersteuning"), ("dagbesteding", "Dagbesteding"), ("re-integratie", "Re-integratietraject"),
    ];

    private static readonly string[] Professions =
    [
        "wijkteam", "consulent-inkomen", "schuldhulpverlener", "jeugdhulpverlener", "woonconsulent-corporatie", "ggz-behandelaar", "reclassering",
        "poh-huisarts", "leerplichtambtenaar", "jobcoach",
    ];

    /// <summary>Generates the pilot's plans (with their reviews up to <see cref="SyntheticPilotOptions.AsOf"/>), ordered by breakthrough date.</summary>
    public static IReadOnlyList<DoorbraakPlan> Generate(SyntheticPilotOptions? options = null)
    {
        options ??= new SyntheticPilotOptions();
        var rng = new Random(options.Seed);
        var plans = new List<DoorbraakPlan>();
        var intakeDays = options.Start.AddMonths(options.IntakeMonths).DayNumber - options.Start.DayNumber;
        var totalWeight = Scenarios.Sum(s => s.Weight);
        for (var h = 0; h < options.Households; h++)
        {
            var first = options.Start.AddDays(rng.Next(intakeDays));
            // Days to breakthrough: log-normal, median falling from about 34 to 20 days as the regisseurs learn.
            var progress = (first.DayNumber - options.Start.DayNumber) / (double)Math.Max(1, intakeDays);
            var median = 34 - 14 * progress;
            var days = (int)Math.Clamp(Math.Round(median * Math.Exp(0.55 * Normal(rng))), 2, 180);
            var breakthrough = first.AddDays(days);
            if (breakthrough > options.AsOf) continue;

            var main = Pick(rng, totalWeight);
            var scenarios = new List<Scenario> { main };
            if (rng.NextDouble() < 0.3)
            {
                var second = Pick(rng, totalWeight);
                if (second.Deviation != main.Deviation) scenarios.Add(second);
            }

            var collisions = scenarios.Select(s => new CollisionResult(s.Collision, CollisionKind.Declared, s.Title, CollisionSeverity.High, s.Goal, s.Rules, ["lid1"],
                s.Title, new Explanation(s.Title, StatementSource.Engine, [], []))).ToList();
            var decisions = new List<RecordedDecision>();
            var lines = new List<CostLine>();
            foreach (var s in scenarios)
            {
                var roll = rng.NextDouble();
                var outcome = roll < 0.84 ? DecisionOutcome.Accepted : roll < 0.93 ? DecisionOutcome.Changed : DecisionOutcome.Rejected;
                var mandate = rng.NextDouble() < 0.15 ? Higher(s.Mandate) : s.Mandate;
                var granted = outcome != DecisionOutcome.Rejected;
                decisions.Add(new RecordedDecision(s.Proposal, [s.Deviation], s.DeviationTitle, outcome, Regisseurs[rng.Next(Regisseurs.Length)], mandate, s.Mandate,
                    "Synthetische motivering (testgegevens).", [s.Basis], "Zie pakket.", granted ? breakthrough : null, granted ? breakthrough.AddMonths(6) : null,
                    granted ? [breakthrough.AddMonths(3), breakthrough.AddMonths(6)] : [], new DateTimeOffset(breakthrough.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero),
                    null, [], new Dictionary<string, string>()));
                var scale = (decimal)(0.6 + 0.8 * rng.NextDouble());
                foreach (var c in s.Costs)
                    lines.Add(new CostLine(c.Cost, c.Title, c.Payer, Math.Round(c.Current * scale, 2), Math.Round((granted ? c.Breakthrough : c.Current) * scale, 2)));
            }
            var horizon = 12;
            var current = lines.Sum(l => l.CurrentMonthly!.Value) * horizon;
            var route = lines.Sum(l => l.ProposalMonthly!.Value) * horizon;
            var goals = scenarios.SelectMany(s => s.Goals).Distinct(StringComparer.Ordinal).ToList();

            var plan = new DoorbraakPlan($"PILOT-{h + 1:0000}", Regisseurs[rng.Next(Regisseurs.Length)], ReportLanguage.Dutch, "Synthetisch huishouden (testgegevens).",
                breakthrough, first, breakthrough, ["lid1", "lid2"], collisions, decisions, [], [], [breakthrough.AddMonths(6), breakthrough.AddMonths(12)],
                new PlanCost(horizon, current, route, route - current, lines), [],
                new PlanAudit([new PackInfo("nl.sociaal-domein", "2026.1.0", "Landelijke regels sociaal domein", "synthetisch")], "synthetic", breakthrough,
                    new DateTimeOffset(breakthrough.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero)));

            var before = KpiMeasures.ZrmDomains.ToDictionary(d => d.Key, _ => Math.Clamp((int)Math.Round(2.3 + 0.9 * Normal(rng)), 1, 5), StringComparer.Ordinal);
            var grantedAny = decisions.Any(d => d.Outcome != DecisionOutcome.Rejected);
            var recurred = false;

            // Stapeling at the start: the scenarios' provisions plus others that serve no plan goal, and the professionals around the household.
            var provisions = scenarios.SelectMany(sc => ScenarioProvisions[sc.Collision]).GroupBy(x => x.Id, StringComparer.Ordinal)
                .Select(g => new ProvisionInPlace(g.Key, g.First().Title, g.Select(x => x.Goal).Distinct(StringComparer.Ordinal).ToList())).ToList();
            foreach (var o in OtherProvisions.Where(_ => rng.NextDouble() < 0.35)) provisions.Add(new ProvisionInPlace(o.Id, o.Title, []));
            var professionals = Professions.Where(_ => rng.NextDouble() < 0.45).ToList();
            if (professionals.Count == 0) professionals.Add("wijkteam");
            var lifeStart = Math.Clamp(Math.Round(4.6m + 1.2m * (decimal)Normal(rng), 0), 1, 10);
            plan = plan.WithReview(new PlanReview("start", breakthrough, [], [], before, new Dictionary<string, int>(), new Dictionary<string, decimal>(), "Start van het doorbraakplan.")
            {
                Provisions = provisions,
                Professionals = professionals,
                Scores = Scores(before, lifeStart),
            });
            foreach (var (months, pMet, gain) in new[] { (6, grantedAny ? 0.58 : 0.3, 0.55), (12, grantedAny ? 0.7 : 0.35, 0.95) })
            {
                var date = breakthrough.AddMonths(months).AddDays(rng.Next(-10, 15));
                if (date > options.AsOf) break;
                var met = goals.Where(_ => rng.NextDouble() < pMet + 0.1 * progress).ToList();
                var after = before.ToDictionary(kv => kv.Key, kv => Math.Clamp((int)Math.Round(kv.Value + gain + 0.8 * Normal(rng)), 1, 5), StringComparer.Ordinal);
                var actual = lines.GroupBy(l => l.Payer, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => Math.Round(g.Sum(l => l.ProposalMonthly!.Value) * (decimal)(0.85 + 0.3 * rng.NextDouble()), 2), StringComparer.Ordinal);
                if (months == 12) recurred = rng.NextDouble() < (met.Count == goals.Count ? 0.05 : 0.2);
                // Provisions whose goals are met end more often; those that serve no plan goal are phased out; fewer professionals.
                var keep = provisions.Where(pv => pv.Goals.Count > 0 ? rng.NextDouble() < (pv.Goals.All(met.Contains) ? 0.55 : 0.9) : rng.NextDouble() < 0.6).ToList();
                var staff = professionals.Where(_ => rng.NextDouble() < (months == 6 ? 0.7 : 0.55)).ToList();
                var life = Math.Clamp(Math.Round(lifeStart + (months == 6 ? 1.0m : 1.8m) + 1.5m * (decimal)Normal(rng), 0), 1, 10);
                plan = plan.WithReview(new PlanReview($"{months}m", date, met, goals.Except(met).ToList(), before, after, actual,
                    months == 6 ? "Doorgaan met het plan; evaluatie na 12 maanden." : recurred ? "Terugval: opnieuw bespreken in het doorbraakoverleg." : "Afsluiten; nazorg door het wijkteam.")
                {
                    Recurrence = months == 12 && recurred,
                    Closed = months == 12 && !recurred,
                    Provisions = keep,
                    Professionals = staff,
                    Scores = Scores(after, life),
                });
                provisions = keep;
                professionals = staff;
            }
            plans.Add(plan);
        }
        return plans.OrderBy(p => p.BreakthroughDate).ThenBy(p => p.CaseReference, StringComparer.Ordinal).ToList();
    }

    private static Dictionary<string, IReadOnlyDictionary<string, decimal>> Scores(Dictionary<string, int> zrm, decimal life) => new(StringComparer.Ordinal)
    {
        [ZrmScale] = zrm.ToDictionary(kv => kv.Key, kv => (decimal)kv.Value, StringComparer.Ordinal),
        [QualityOfLifeScale] = new Dictionary<string, decimal>(StringComparer.Ordinal) { ["score"] = life },
    };

    /// <summary>
    /// Invented population figures and budget spend that go with the pilot, in the shape a municipality supplies them (docs/monitoring.md):
    /// a yearly value per indicator from 2019 to the year before <see cref="SyntheticPilotOptions.AsOf"/>, moving from the given 2018 value
    /// toward its target, and a monthly spend on each budget line from January of the year before up to <see cref="SyntheticPilotOptions.AsOf"/>.
    /// The figures are synthetic and say so in their note.
    /// </summary>
    /// <param name="indicators">Indicator id, its 2018 value and the value it drifts toward.</param>
    /// <param name="budgetLines">Budget line id and its yearly amount (the spend is around it, a little ahead of pro rata).</param>
    /// <param name="options">The pilot's options (seed and dates).</param>
    public static MonitoringFigures PopulationFigures(IEnumerable<(string Id, decimal From2018, decimal Toward)> indicators,
        IEnumerable<(string Id, decimal Yearly)> budgetLines, SyntheticPilotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(budgetLines);
        options ??= new SyntheticPilotOptions();
        var rng = new Random(options.Seed + 1);
        var rows = new List<SuppliedFigure>();
        var lastYear = options.AsOf.Year - 1;
        foreach (var (id, from, toward) in indicators)
        {
            for (var y = 2019; y <= lastYear; y++)
            {
                var share = (decimal)(y - 2018) / (lastYear - 2018 + 1);
                var value = from + (toward - from) * share;
                value *= 1 + 0.02m * (decimal)Normal(rng);
                var decimals = from >= 100 ? 0 : 1;
                rows.Add(new SuppliedFigure(id, ReportPeriod.Parse(y.ToString(System.Globalization.CultureInfo.InvariantCulture)), Math.Round(value, decimals), null, null, "synthetisch (testgegevens)"));
            }
        }
        foreach (var (id, yearly) in budgetLines)
        {
            for (var m = new DateOnly(lastYear, 1, 1); m <= options.AsOf; m = m.AddMonths(1))
            {
                var spend = Math.Round(yearly / 12m * (1.08m + 0.12m * (decimal)Normal(rng)), 0);
                rows.Add(new SuppliedFigure(id, ReportPeriod.Parse($"{m.Year}-{m.Month:00}"), spend, null, null, "synthetisch (testgegevens)"));
            }
        }
        return new MonitoringFigures(rows, "synthetische pilot (testgegevens)");
    }

    /// <summary>
    /// <see cref="PopulationFigures"/> for the Vlaardingen pack's indicators and budget line (policypacks/gemeente-vlaardingen/monitoring.yaml):
    /// each indicator starts from its 2018 value in the Programmabegroting 2020 and drifts toward an invented value; the spend is around EUR 700,000 a year.
    /// </summary>
    /// <param name="options">The pilot's options.</param>
    public static MonitoringFigures VlaardingenFigures(SyntheticPilotOptions? options = null) => PopulationFigures(
        [
            ("ind.vl.wmo-maatwerkarrangementen", 103m, 92m), ("ind.vl.bijstand", 526m, 455m), ("ind.vl.jeugdhulp", 8.0m, 8.8m),
            ("ind.vl.jeugdbescherming", 1.5m, 1.2m), ("ind.vl.jeugdreclassering", 0.6m, 0.4m),
        ],
        [("budget.vl.investering-sociaal-domein", 700000m)], options);

    /// <summary>Writes figures as CSV in the documented shape (id,period,value,reference,count,note).</summary>
    /// <param name="figures">The figures.</param>
    public static string ToCsv(MonitoringFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var sb = new System.Text.StringBuilder("id,period,value,reference,count,note\n");
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        foreach (var r in figures.Rows)
            sb.Append(r.Id).Append(',').Append(r.Period.Code).Append(',').Append(r.Value.ToString(inv)).Append(',').Append(r.Reference?.ToString(inv)).Append(',')
              .Append(r.Count?.ToString(inv)).Append(',').Append(r.Note is null ? "" : "\"" + r.Note.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"").Append('\n');
        return sb.ToString();
    }

    private static Scenario Pick(Random rng, int totalWeight)
    {
        var x = rng.Next(totalWeight);
        foreach (var s in Scenarios)
        {
            if (x < s.Weight) return s;
            x -= s.Weight;
        }
        return Scenarios[^1];
    }

    private static string Higher(string mandate) => mandate switch { "consulent" => "regisseur", "regisseur" => "teamleider", "teamleider" => "manager", _ => "directeur" };

    private static double Normal(Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
