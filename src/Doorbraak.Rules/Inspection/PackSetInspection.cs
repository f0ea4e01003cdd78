using System.Runtime.CompilerServices;
using Doorbraak.Rules.Compilation;
using Doorbraak.Rules.Source;
using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Packs;

namespace Doorbraak.Rules.Inspection;

/// <summary>Opens the read-only <see cref="PackSetView"/> of a loaded pack set.</summary>
/// <threadsafety>Thread-safe.</threadsafety>
public static class PackSetInspection
{
    private static readonly ConditionalWeakTable<PackSet, PackSetView> Views = new();

    /// <summary>The read-only view of a loaded pack set: built once per set, then shared.</summary>
    /// <param name="set">The loaded pack set.</param>
    public static PackSetView Inspect(this PackSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return Views.GetValue(set, s => new ViewBuilder(s.RuleSet).Build());
    }

    private sealed class ViewBuilder(CompiledRuleSet plan)
    {
        private readonly Dictionary<object, PackItemView> _items = new(ReferenceEqualityComparer.Instance);
        private readonly HashSet<string> _parameterIds = plan.Parameters.Definitions.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        private readonly Dictionary<int, CompiledRule> _rulesByIndex = plan.Rules.ToDictionary(r => r.Index);
        private readonly Dictionary<object, CompiledRule> _compiledRules = plan.Rules.ToDictionary(r => (object)r.Definition, ReferenceEqualityComparer.Instance);
        private readonly Dictionary<object, CompiledGoal> _compiledGoals = plan.Goals.ToDictionary(g => (object)g.Definition, ReferenceEqualityComparer.Instance);

        public PackSetView Build()
        {
            var packIdOfFact = new Dictionary<string, FactExtension>(StringComparer.Ordinal);
            foreach (var f in plan.Packs.Packs.SelectMany(p => p.Facts)) packIdOfFact[$"{f.Entity}.{f.Name}"] = f;
            var entities = plan.Schema.Entities.Select(e => new EntityView(e.Name, e.Description, e.Fields.Select(f => Field(f, packIdOfFact)).ToList())).ToList();
            var schema = new FactSchemaView(entities, FactSchema.RoleSelectors);

            var packs = plan.Packs.Packs.Select(p => Pack(p, schema)).ToList();
            var merged = plan.Packs;
            return new PackSetView
            {
                Packs = packs,
                Rules = plan.Rules.Select(r => Rule(r.Definition)).ToList(),
                Goals = plan.Goals.Select(g => Goal(g.Definition)).ToList(),
                Collisions = merged.Collisions.Select(Collision).ToList(),
                Deviations = plan.Deviations.Where(d => !d.IsIntervention).Select(d => Deviation(d.Definition)).ToList(),
                Interventions = plan.Deviations.Where(d => d.IsIntervention).Select(d => Intervention(d.Definition)).ToList(),
                Costs = plan.Costs.Select(c => Cost(c.Definition)).ToList(),
                Kpis = merged.Kpis.Select(Kpi).ToList(),
                Parameters = plan.Parameters.Definitions.Select(Parameter).ToList(),
                Situations = merged.Situations.Select(Situation).ToList(),
                Facts = schema,
                Monitoring = PackMonitoring.Combine(plan.Packs.Packs.Select(p => p.Monitoring)),
                DeclaredMandates = MandateLadder.Of(merged.Roles.Select(r => r.Id)),
            };
        }

        private static FactFieldView Field(FieldDefinition f, Dictionary<string, FactExtension> extensions)
        {
            var ext = f.BuiltIn ? null : extensions.GetValueOrDefault(f.QualifiedName);
            return new FactFieldView(f.Owner.Name, f.Name, f.Type, f.Description, f.Unit, f.Question, f.Default, f.BuiltIn ? null : ext?.PackId ?? "", f.DeclaredAt);
        }

        private PackView Pack(PackDefinition p, FactSchemaView schema)
        {
            var m = p.Manifest;
            return new PackView
            {
                Id = m.Id,
                Version = m.Version.ToString(),
                Title = m.Title,
                Description = m.Description,
                Jurisdiction = m.Jurisdiction,
                Level = m.Level,
                ValidFrom = m.ValidFrom,
                ValidTo = m.ValidTo,
                Format = m.Format,
                Requires = m.Requires.Select(r => new PackRequirementView(r.PackId, r.RangeText)).ToList(),
                Sha256 = p.Sha256,
                Root = p.Root,
                Location = m.Location,
                Rules = p.Rules.Select(Rule).ToList(),
                Goals = p.Goals.Select(Goal).ToList(),
                Collisions = p.Collisions.Select(Collision).ToList(),
                Deviations = p.Deviations.Select(Deviation).ToList(),
                Interventions = p.Interventions.Select(Intervention).ToList(),
                Costs = p.Costs.Select(Cost).ToList(),
                Kpis = p.Kpis.Select(Kpi).ToList(),
                Parameters = p.Parameters.Select(Parameter).ToList(),
                Facts = p.Facts.Select(f => schema.Field($"{f.Entity}.{f.Name}") is { PackId: var owner } field && owner == p.Manifest.Id
                        ? field
                        : new FactFieldView(f.Entity, f.Name, f.Type, f.Description, f.Unit, f.Question, f.Default ?? FactValue.Unknown, f.PackId, f.Location))
                    .ToList(),
                Tests = p.Tests.Select(t => new PackTestView(t.Name, t.PackId, t.Date, t.Location)).ToList(),
                Situations = p.Situations.Select(Situation).ToList(),
                Covers = p.Covers.Select(c => c.Situation).Distinct().ToList(),
            };
        }

        private ConditionView? Condition(ConditionSource? source) => ConditionView.From(source, _parameterIds);

        private ConditionView Required(ConditionSource source) => ConditionView.From(source, _parameterIds)!;

        private static CitationView Cite(Citation c) => new(c.Law, c.Article, c.Url, c.ValidFrom, c.ValidTo, c.Kind, c.Title) { Illustrative = c.Illustrative };

        private static OpenGrantView? Open(PackItem item) => item.Open is { } o ? new OpenGrantView(o.To, o.Basis) : null;

        private static OverrideView? Overrides(PackItem item) => item.Overrides is { } o ? new OverrideView(o.Pack, Cite(o.Basis)) : null;

        private T Once<T>(object definition, Func<T> make) where T : PackItemView
        {
            if (_items.TryGetValue(definition, out var found)) return (T)found;
            var view = make();
            _items.Add(definition, view);
            return view;
        }

        private List<DeterminationView> Determinations(IEnumerable<Determination> determinations) =>
            determinations.Select(d => new DeterminationView(d.Target, Required(d.Value))).ToList();

        private RuleView Rule(RuleDefinition d) => Once(d, () =>
        {
            var compiled = _compiledRules.GetValueOrDefault(d);
            return new RuleView
            {
                Id = d.Id, PackId = d.PackId, Title = d.Title, Location = d.Location, Open = Open(d), Overrides = Overrides(d),
                Kind = d.Kind == Packs.RuleKind.Rule ? RuleKind.Law : RuleKind.Practice,
                Citation = Cite(d.Citation),
                Force = d.Force,
                Clauses = d.Clauses.Select(Cite).ToList(),
                Grondslag = d.Grondslag is { } g ? Cite(g) : null,
                Domain = d.Domain,
                ValidFrom = d.ValidFrom,
                ValidTo = d.ValidTo,
                ForEach = d.ForEach,
                Applies = Condition(d.Applies),
                Determines = Determinations(d.Determines),
                Explain = d.Explain,
                Reads = compiled is null ? [] : compiled.Reads.Select(f => f.QualifiedName).Order(StringComparer.Ordinal).ToList(),
                Writes = compiled is null ? [] : compiled.Writes.Select(f => f.QualifiedName).Order(StringComparer.Ordinal).ToList(),
            };
        });

        private GoalView Goal(GoalDefinition d) => Once(d, () => new GoalView
        {
            Id = d.Id, PackId = d.PackId, Title = d.Title, Location = d.Location, Open = Open(d), Overrides = Overrides(d),
            Domain = d.Domain,
            Holds = Required(d.Holds),
            Active = Condition(d.Active),
            Explain = d.Explain,
            ReachedBy = _compiledGoals.GetValueOrDefault(d) is { } g ? g.Cone.Select(i => _rulesByIndex[i].Id).ToList() : [],
        });

        private CollisionView Collision(CollisionDeclaration d) => Once(d, () => new CollisionView
        {
            Id = d.Id, PackId = d.PackId, Title = d.Title, Location = d.Location, Open = Open(d), Overrides = Overrides(d),
            Rules = d.Rules,
            Goal = d.Goal,
            When = Condition(d.When),
            Severity = d.Severity switch
            {
                Severity.Low => CollisionSeverity.Low,
                Severity.Medium => CollisionSeverity.Medium,
                Severity.High => CollisionSeverity.High,
                _ => CollisionSeverity.Critical,
            },
            Explain = d.Explain,
            ExplainEn = d.ExplainEn,
        });

        private DeviationView Deviation(DeviationDefinition d) => Once(d, () => new DeviationView
        {
            Id = d.Id, PackId = d.PackId, Title = d.Title, Location = d.Location, Open = Open(d), Overrides = Overrides(d),
            Deviates = d.Deviates,
            Change = new DeviationChangeView(
                d.Change.Kind switch
                {
                    ChangeKind.Suspend => DeviationChangeKind.Suspend,
                    ChangeKind.Parameter => DeviationChangeKind.Parameter,
                    ChangeKind.Set => DeviationChangeKind.Set,
                    ChangeKind.Postpone => DeviationChangeKind.Postpone,
                    ChangeKind.Waive => DeviationChangeKind.Waive,
                    ChangeKind.Spread => DeviationChangeKind.Spread,
                    _ => DeviationChangeKind.Exempt,
                },
                d.Change.ParameterId, Condition(d.Change.Value), Determinations(d.Change.Sets),
                new PeriodView(d.Change.Postpone.Months, d.Change.Postpone.Days), d.Change.Fact, d.Change.SpreadMonths),
            Basis = Cite(d.Basis),
            Allowed = Condition(d.Allowed),
            Limits = Limits(d.Limits),
            Mandate = d.Mandate,
            DeclaredMandate = d.DeclaredMandate ?? d.Mandate,
            MandateSetBy = d.MandateSetBy,
            Document = d.Document,
            Review = d.Review.Select(r => new PeriodView(r.Months, r.Days)).ToList(),
            Motivation = d.Motivation,
            CostNote = d.CostNote,
        });

        private DeviationLimitsView Limits(DeviationLimits l) => new(l.DurationMonths, l.DurationDays, l.Amount, l.AmountPer, l.Times)
        {
            Until = Condition(l.Until),
            MaxMonths = l.MaxMonths,
            AmountParameter = l.AmountParameter,
        };

        private InterventionView Intervention(DeviationDefinition d) => Once(d, () => new InterventionView
        {
            Id = d.Id, PackId = d.PackId, Title = d.Title, Location = d.Location, Open = Open(d), Overrides = Overrides(d),
            Action = d.Action ?? "overig",
            Basis = Cite(d.Basis),
            Allowed = Condition(d.Allowed),
            Sets = Determinations(d.Change.Sets),
            Elements = d.Change.Elements.Select(e => new ElementChangeView(e.Collection, e.Id, Condition(e.Where), Determinations(e.Sets))).ToList(),
            Resolves = d.Resolves,
            Limits = Limits(d.Limits),
            Mandate = d.Mandate,
            MandateSteps = d.Ladder.Select(s => new MandateStepView(s.UpTo, s.UpToParameter, s.Role)).ToList(),
            MandateSetBy = d.MandateSetBy,
            Decider = d.Decider,
            Deliver = d.Deliver,
            Costs = d.StepCosts.Select(c => new InterventionCostView(c.Payer, Required(c.Amount), c.Once, c.Title)).ToList(),
            Document = d.Document,
            Review = d.Review.Select(r => new PeriodView(r.Months, r.Days)).ToList(),
            Motivation = d.Motivation,
        });

        private CostView Cost(CostDefinition d) => Once(d, () => new CostView
        {
            Id = d.Id, PackId = d.PackId, Title = d.Title, Location = d.Location, Open = Open(d), Overrides = Overrides(d),
            Payer = d.Payer,
            Monthly = Required(d.Monthly),
            When = Condition(d.When),
            ForEach = d.ForEach,
            Source = d.Source,
        });

        private KpiView Kpi(KpiDefinition d) => Once(d, () => new KpiView
        {
            Id = d.Id, PackId = d.PackId, Title = d.Title, Location = d.Location, Open = Open(d), Overrides = Overrides(d),
            Measure = d.Measure,
            Description = d.Description,
            Unit = d.Unit,
            Norm = d.Norm is { } n ? new KpiNormView(n.Target, n.Direction, n.Deadline) : null,
            Source = d.Source,
            Filter = d.Filter,
        });

        private SituationView Situation(SituationDefinition d) => Once(d, () => new SituationView
        {
            Id = d.Id, PackId = d.PackId, Title = d.Title, Location = d.Location, Open = Open(d), Overrides = Overrides(d),
            Law = d.Law,
            Advice = d.Advice,
            CoveredBy = plan.Packs.Covers.Where(c => c.Situation == d.Id).Select(c => c.PackId).Distinct().ToList(),
        });

        private ParameterView Parameter(ParameterDefinition d) => Once(d, () => new ParameterView
        {
            Id = d.Id, PackId = d.PackId, Title = d.Title, Location = d.Location, Open = Open(d), Overrides = Overrides(d),
            Type = d.Type,
            Unit = d.Unit,
            Source = d.Source is null ? null : Cite(d.Source),
            Values = d.Values.OrderBy(v => v.From).Select(v => new ParameterValueView(v.From, v.To, v.Value, v.Source, v.Illustrative, v.Location)).ToList(),
        });
    }
}
