using Doorbraak.Rules.Source;
using Doorbraak.Rules.Source.Yaml;
using Doorbraak.Rules.Conditions.Ast;

namespace Doorbraak.Rules.Packs;

/// <summary>The rules, consequences, goals and collisions sections.</summary>
internal static partial class PackReader
{
    private static RuleDefinition? ReadRule(YMapping m, RuleKind kind, ItemContext ctx)
    {
        var what = kind == RuleKind.Rule ? "rule" : "consequence";
        var citationKey = kind == RuleKind.Rule ? "law" : "source";
        var r = new MappingReader(m, ctx.Bag, $"a {what}", kind == RuleKind.Rule ? PackKeys.Rule : PackKeys.Consequence);
        var id = ReadId(r, ctx);
        var title = r.Text("title", required: true);
        var citation = ReadCitation(r, citationKey, ctx, required: true, allowText: kind == RuleKind.Consequence);
        var domain = r.Text("domain", required: true);
        var (from, to) = ReadValid(r, ctx.Bag);
        var forEach = ReadForEach(r, ctx);
        var applies = r.Expression("applies");
        var determines = ReadDeterminations(r, "determines", ctx);
        string? force = null;
        IReadOnlyList<Citation> clauses = [];
        Citation? grondslag = null;
        var forceAt = m.Start;
        if (kind == RuleKind.Rule)
        {
            if (r.Has("force")) forceAt = r.At("force");
            force = ReadForce(r, id, ctx);
            clauses = ReadClauses(r, ctx);
            grondslag = ReadCitation(r, "grondslag", ctx, required: false);
        }
        WaitsFor? waitsFor = null;
        if (kind == RuleKind.Rule && r.Mapping("waits_for") is { } wm)
        {
            var wr = new MappingReader(wm, ctx.Bag, "'waits_for'", PackKeys.WaitsFor);
            var fact = wr.Text("fact", required: true);
            var provider = wr.Text("provider", required: true);
            if (fact is not null && provider is not null) waitsFor = new WaitsFor(fact, provider, wm.Start);
        }
        var holdsBack = kind == RuleKind.Rule ? r.TextList("holds_back") : [];
        if (id is null || title is null || citation is null || domain is null) return null;
        var rule = new RuleDefinition(id, ctx.PackId, m.Start)
        {
            Force = force,
            ForceLocation = forceAt,
            Clauses = clauses,
            Grondslag = grondslag,
            Kind = kind,
            Title = title,
            Citation = citation,
            Domain = domain,
            ValidFrom = from,
            ValidTo = to,
            ForEach = forEach,
            Applies = applies,
            Determines = determines,
            Explain = r.Text("explain"),
            WaitsFor = waitsFor,
            HoldsBack = holdsBack,
        };
        return WithLayering(rule, r, ctx);
    }

    /// <summary>The message for a rule without <c>force</c> in a format 2 pack; <c>doorbraak migrate</c> lists the same.</summary>
    public static string ForceMissingMessage(string? ruleId) =>
        $"The rule{(ruleId is null ? "" : $" '{ruleId}'")} does not say its legal force; add 'force:' with one of {string.Join(", ", Forces.All)} " +
        "(a statute that binds the college is wet-plicht, one that says 'kan' is wet-bevoegdheid, a municipal ordinance is verordening, a policy rule of the college is beleidsregel).";

    private static string? ReadForce(MappingReader r, string? id, ItemContext ctx)
    {
        var force = r.Text("force");
        if (force is null)
        {
            if (ctx.Format >= 2) ctx.Bag.Report(DiagnosticCatalog.ForceMissing, r.Start, ForceMissingMessage(id));
            return null;
        }
        if (!Forces.All.Contains(force))
        {
            ctx.Bag.Report(DiagnosticCatalog.NotAnAllowedWord, r.At("force"), $"force must be one of {string.Join(", ", Forces.All)}{Suggest.Hint(force, Forces.All)}.");
            return null;
        }
        return force;
    }

    private static List<Citation> ReadClauses(MappingReader r, ItemContext ctx)
    {
        var list = new List<Citation>();
        if (r.Sequence("clauses") is not { } seq) return list;
        foreach (var cm in MappingsIn(seq, ctx, "Each clause is a mapping such as { law: Participatiewet, article: \"18 lid 1\", kind: individualisering }."))
        {
            var clause = ReadCitationMapping(cm, "a clause", "clauses", ctx);
            if (clause.Kind is null || !BasisKinds.ClauseKinds.Contains(clause.Kind))
            {
                ctx.Bag.Report(DiagnosticCatalog.ClauseKindNotAClause, clause.Kind is null ? cm.Start : clause.KindLocation,
                    $"The clause {clause} {(clause.Kind is null ? "has no kind" : $"has kind '{clause.Kind}'")}; a clause that allows departing from a rule is one of {string.Join(", ", BasisKinds.ClauseKinds)} " +
                    "(awb-4:84, wettelijke-bevoegdheid and werkinstructie follow from the rule's force and are not listed).");
                continue;
            }
            if (clause.Law is null)
            {
                ctx.Bag.Report(DiagnosticCatalog.MissingKey, cm.Start, "A clause needs 'law' and 'article', such as { law: Participatiewet, article: \"18 lid 1\", kind: individualisering }.");
                continue;
            }
            list.Add(clause);
        }
        return list;
    }

    private static string? ReadForEach(MappingReader r, ItemContext ctx)
    {
        var forEach = r.Text("for_each");
        if (forEach is not null && !Collections.Contains(forEach))
        {
            ctx.Bag.Report(DiagnosticCatalog.NotAnAllowedWord, r.At("for_each"), $"for_each must be one of {string.Join(", ", Collections)}{Suggest.Hint(forEach, Collections)}.");
            return null;
        }
        return forEach;
    }

    private static List<Determination> ReadDeterminations(MappingReader r, string key, ItemContext ctx)
    {
        var list = new List<Determination>();
        if (r.Mapping(key) is not { } dm) return list;
        foreach (var (target, value) in dm.Entries)
        {
            // A quoted value is text, as a policy adviser reads it: status: "toegelaten".
            if (value is YScalar { Style: YScalarStyle.SingleQuoted or YScalarStyle.DoubleQuoted } text)
            {
                var literal = "\"" + text.Value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
                list.Add(new Determination(target.Value, new ConditionSource(literal, text.Start), target.Start));
            }
            else if (MappingReader.AsExpression(value, ctx.Bag, target.Value) is { } expr)
            {
                list.Add(new Determination(target.Value, expr, target.Start));
            }
        }
        return list;
    }

    private static GoalDefinition? ReadGoal(YMapping m, ItemContext ctx)
    {
        var r = new MappingReader(m, ctx.Bag, "a goal", PackKeys.Goal);
        var id = ReadId(r, ctx);
        var title = r.Text("title", required: true);
        var domain = r.Text("domain", required: true);
        var holds = r.Expression("holds", required: true);
        var active = r.Expression("active");
        if (id is null || title is null || domain is null || holds is null) return null;
        return WithLayering(new GoalDefinition(id, ctx.PackId, m.Start) { Title = title, Domain = domain, Holds = holds, Active = active, Explain = r.Text("explain") }, r, ctx);
    }

    private static readonly string[] Severities = ["low", "medium", "high", "critical"];

    private static CollisionDeclaration? ReadCollision(YMapping m, ItemContext ctx)
    {
        var r = new MappingReader(m, ctx.Bag, "a collision", PackKeys.Collision);
        var id = ReadId(r, ctx);
        var title = r.Text("title", required: true);
        var rules = r.TextList("rules");
        if (rules.Count == 0) r.ReportMissing("rules");
        var goal = r.Text("goal", required: true);
        var severityText = r.Text("severity") ?? "medium";
        var severity = Array.IndexOf(Severities, severityText);
        if (severity < 0) ctx.Bag.Report(DiagnosticCatalog.NotAnAllowedWord, r.At("severity"), $"severity must be one of {string.Join(", ", Severities)}{Suggest.Hint(severityText, Severities)}.");
        var explain = r.Text("explain", required: true);
        if (id is null || title is null || goal is null || explain is null || severity < 0) return null;
        return WithLayering(new CollisionDeclaration(id, ctx.PackId, m.Start)
        {
            Title = title,
            Rules = rules,
            Goal = goal,
            When = r.Expression("when"),
            Severity = (Severity)severity,
            Explain = explain,
            ExplainEn = r.Text("explain_en"),
        }, r, ctx);
    }
}
