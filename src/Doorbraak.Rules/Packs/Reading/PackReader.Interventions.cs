using Doorbraak.Rules.Source;
using Doorbraak.Rules.Source.Yaml;

namespace Doorbraak.Rules.Packs;

/// <summary>
/// The v2 sections on who decides and what else can be done: interventions, roles, authorities, a local mandaatbesluit
/// (<c>mandates:</c>), and the parts deviations share with interventions (mandate forms, decider, limits, costs).
/// </summary>
internal static partial class PackReader
{
    private static DeviationDefinition? ReadIntervention(YMapping m, ItemContext ctx)
    {
        var r = new MappingReader(m, ctx.Bag, "an intervention", PackKeys.Intervention);
        var id = ReadId(r, ctx);
        var title = r.Text("title", required: true);
        var action = r.Text("action", required: true);
        if (action is not null && !InterventionActions.All.Contains(action))
            ctx.Bag.Report(DiagnosticCatalog.NotAnAllowedWord, r.At("action"), $"action must be one of {string.Join(", ", InterventionActions.All)}{Suggest.Hint(action, InterventionActions.All)}.");
        var basis = ReadCitation(r, "basis", ctx, required: true);
        var allowed = r.Expression("allowed");
        DeviationChange? change = null;
        if (r.Mapping("change", required: true) is { } cm)
        {
            var cr = new MappingReader(cm, ctx.Bag, "an intervention's 'change'", PackKeys.InterventionChange);
            var sets = new List<Determination>();
            if (cr.Has("set"))
            {
                sets = ReadDeterminations(cr, "set", ctx);
                if (sets.Count == 0 && cr.Node("set") is YMapping { Entries.Count: 0 })
                    ctx.Bag.Report(DiagnosticCatalog.SetNamesNoFact, cr.At("set"), "'set' names no fact; write set: { huishouden.x: <expression> } with the facts the intervention changes.");
            }
            var elements = ReadElementChanges(cr, ctx);
            if (!cr.Has("set") && !cr.Has("elements"))
                ctx.Bag.Report(DiagnosticCatalog.MissingKey, cm.Start, "An intervention's 'change' needs 'set' (facts of the household or a role) or 'elements' (facts of a debt, member or provision), or both.");
            if (sets.Count > 0 || elements.Count > 0) change = new DeviationChange(ChangeKind.Set, cm.Start) { Sets = sets, Elements = elements };
        }
        var limits = ReadLimits(r, ctx);
        var (mandate, ladder) = ReadMandateForm(r, ctx);
        var costs = new List<StepCost>();
        if (r.Sequence("costs") is { } cs)
        {
            foreach (var im in MappingsIn(cs, ctx, "Each cost of an intervention is a mapping: { payer: gemeente, once: 2500 } or { payer: gemeente, monthly: <expression> }."))
            {
                var ir = new MappingReader(im, ctx.Bag, "an intervention's cost", PackKeys.InterventionCost);
                var payer = ir.Text("payer", required: true);
                var (amount, once) = ReadOnceOrMonthly(ir, ctx);
                if (payer is not null && amount is not null) costs.Add(new StepCost(payer, amount, once, ir.Text("title"), im.Start));
            }
        }
        var review = ReadReview(r, ctx);
        if (id is null || title is null || action is null || basis is null || change is null || mandate is null) return null;
        var intervention = new DeviationDefinition(id, ctx.PackId, m.Start)
        {
            Title = title,
            Deviates = "",
            Change = change,
            Basis = basis,
            Allowed = allowed,
            Limits = limits,
            Mandate = mandate,
            Ladder = ladder,
            MandateLocation = r.At("mandate"),
            Document = r.TextList("document"),
            Review = review,
            Motivation = r.Text("motivation"),
            IsIntervention = true,
            Action = action,
            Resolves = r.TextList("resolves"),
            StepCosts = costs,
            Decider = r.Text("decider") ?? Mandates.Municipality,
            DeciderLocation = r.At("decider"),
            Deliver = r.TextList("deliver"),
        };
        return WithLayering(intervention, r, ctx);
    }

    /// <summary>
    /// <c>change.elements</c>: each picks elements of a collection by <c>id</c> or by <c>where</c> (exactly one) and sets
    /// facts of those elements, named without a prefix (<c>status</c>, <c>bedrag</c>).
    /// </summary>
    private static List<ElementChange> ReadElementChanges(MappingReader cr, ItemContext ctx)
    {
        var list = new List<ElementChange>();
        if (cr.Node("elements") is not { } node) return list;
        if (node is not YSequence seq || seq.Items.Count == 0)
        {
            ctx.Bag.Report(DiagnosticCatalog.ElementChangeShape, node.Start, "'elements' is a list of changes, each { collection: schulden, id: <id> or where: <condition>, set: { status: \"regeling\" } }.");
            return list;
        }
        foreach (var im in MappingsIn(seq, ctx, "Each entry of 'elements' is a mapping: { collection: schulden, where: soort = \"toeslagen\", set: { status: \"regeling\" } }.", DiagnosticCatalog.ElementChangeShape))
        {
            var er = new MappingReader(im, ctx.Bag, "an element change", PackKeys.ElementChange);
            var collection = er.Text("collection", required: true);
            var id = er.Text("id");
            var where = er.Expression("where");
            if (er.Has("id") == er.Has("where"))
            {
                ctx.Bag.Report(DiagnosticCatalog.ElementChangeShape, er.Has("id") ? er.At("id") : im.Start, er.Has("id")
                    ? "An element change gives both 'id' and 'where'; give one: 'id' picks the element whose id fact is that text, 'where' every element for which the condition holds."
                    : "An element change must say which elements it changes: 'id: <id>' (the element whose id fact is that text) or 'where: <condition>' (every element for which it holds).");
                continue;
            }
            var sets = ReadDeterminations(er, "set", ctx);
            var bad = false;
            foreach (var s in sets.Where(s => s.Target.Contains('.')))
            {
                ctx.Bag.Report(DiagnosticCatalog.ElementChangeShape, s.Location, $"An element change sets facts of the element itself, named without a prefix: write '{s.Target[(s.Target.LastIndexOf('.') + 1)..]}', not '{s.Target}' (facts of the household go under change.set).");
                bad = true;
            }
            if (sets.Count == 0 && er.Node("set") is YMapping { Entries.Count: 0 })
            {
                ctx.Bag.Report(DiagnosticCatalog.SetNamesNoFact, er.At("set"), "'set' names no fact; write set: { status: \"regeling\" } with the facts of the element the intervention changes.");
                bad = true;
            }
            if (collection is null || bad || sets.Count == 0 || (id is null && where is null)) continue;
            list.Add(new ElementChange(collection, id, where, sets, im.Start) { CollectionLocation = er.At("collection"), IdLocation = er.At("id") });
        }
        return list;
    }

    /// <summary>Exactly one of <c>once</c> and <c>monthly</c>; the amount and whether it is one-off.</summary>
    private static (ConditionSource? Amount, bool Once) ReadOnceOrMonthly(MappingReader r, ItemContext ctx)
    {
        var hasOnce = r.Has("once");
        var hasMonthly = r.Has("monthly");
        if (hasOnce == hasMonthly)
        {
            ctx.Bag.Report(DiagnosticCatalog.CostNotOnceOrMonthly, hasOnce ? r.At("once") : r.Start, hasOnce
                ? "A cost gives both 'once' and 'monthly'; give exactly one: 'once' for a one-off amount (counted once over the horizon), 'monthly' for an amount per month."
                : "A cost needs exactly one of 'once' (a one-off amount) and 'monthly' (an amount per month).");
            return (null, false);
        }
        return (r.Expression(hasOnce ? "once" : "monthly"), hasOnce);
    }

    private static List<(int, int)> ReadReview(MappingReader r, ItemContext ctx)
    {
        var review = new List<(int, int)>();
        if (r.Node("review") is YSequence rs)
        {
            foreach (var item in rs.Items)
                if (MappingReader.AsDuration(item, ctx.Bag, "review") is { } d) review.Add(d);
        }
        else if (r.Node("review") is { } other)
        {
            ctx.Bag.Report(DiagnosticCatalog.WrongValueKind, other.Start, "review must be a list of durations such as [P6M, P12M].");
        }
        if (review.Count == 0) review = [(6, 0), (12, 0)];
        return review;
    }

    private static DeviationLimits ReadLimits(MappingReader r, ItemContext ctx)
    {
        if (r.Mapping("limits") is not { } lm) return new DeviationLimits(null, null, null, "month", null);
        var lr = new MappingReader(lm, ctx.Bag, "'limits'", PackKeys.Limits);
        var dur = lr.Duration("duration");
        var per = lr.Text("amount_per") ?? "month";
        if (per is not ("month" or "total" or "once")) ctx.Bag.Report(DiagnosticCatalog.NotAnAllowedWord, lr.At("amount_per"), "amount_per must be month, total or once.");
        var times = lr.Decimal("times");
        if (times is { } tv && (tv < 1 || tv != Math.Floor(tv)))
        {
            ctx.Bag.Report(DiagnosticCatalog.CountBelowOne, lr.At("times"), "times must be a whole number of at least 1.");
            times = null;
        }
        decimal? amount = null;
        string? amountParameter = null;
        if (lr.Node("amount") is YScalar { IsNull: false } a && !MappingReader.TryParseDecimal(a.Value, out _) && ParameterIdPattern().IsMatch(a.Value) && a.Value.Contains('.'))
            amountParameter = a.Value;
        else
            amount = lr.Decimal("amount");
        var until = lr.Expression("until");
        var max = lr.Duration("max");
        if (until is not null && max is null && dur is null)
            ctx.Bag.Report(DiagnosticCatalog.UntilWithoutMax, lr.At("until"), "'until' needs 'max' (the longest it may last, such as max: P6M): an event that never comes must not keep it going for ever.");
        return new DeviationLimits(dur?.Months, dur?.Days, amount, per == "once" ? "total" : per, times is null ? null : (int)times.Value)
        {
            AmountParameter = amountParameter,
            Until = until,
            MaxMonths = max?.Months,
            MaxDays = max?.Days,
        };
    }

    /// <summary>A mandate: a role id, <c>open</c>, or a ladder by amount whose last step has no <c>up_to</c>.</summary>
    private static (string? Mandate, IReadOnlyList<MandateStep> Ladder) ReadMandateForm(MappingReader r, ItemContext ctx, string key = "mandate")
    {
        var node = r.Node(key);
        if (node is null)
        {
            r.ReportMissing(key);
            return (null, []);
        }
        return ReadMandateNode(node, ctx);
    }

    private static (string? Mandate, IReadOnlyList<MandateStep> Ladder) ReadMandateNode(YNode node, ItemContext ctx)
    {
        if (node is YScalar s) return (MappingReader.AsText(s, ctx.Bag, "mandate"), []);
        if (node is not YSequence seq || seq.Items.Count == 0)
        {
            ctx.Bag.Report(DiagnosticCatalog.WrongValueKind, node.Start, "mandate is a role id (teamleider), 'open', or a ladder by amount: [{ up_to: 600, role: teamleider }, { role: manager }].");
            return (null, []);
        }
        var steps = new List<MandateStep>();
        foreach (var item in seq.Items)
        {
            if (item is not YMapping im)
            {
                ctx.Bag.Report(DiagnosticCatalog.WrongValueKind, item.Start, "Each step of a mandate ladder is a mapping: { up_to: 600, role: teamleider }.");
                return (null, []);
            }
            var sr = new MappingReader(im, ctx.Bag, "a mandate step", PackKeys.MandateStep);
            var role = sr.Text("role", required: true);
            decimal? upTo = null;
            string? upToParameter = null;
            if (sr.Node("up_to") is YScalar { IsNull: false } u && !MappingReader.TryParseDecimal(u.Value, out _) && ParameterIdPattern().IsMatch(u.Value) && u.Value.Contains('.'))
                upToParameter = u.Value;
            else
                upTo = sr.Decimal("up_to");
            if (role is null) return (null, []);
            steps.Add(new MandateStep(upTo, upToParameter, role, im.Start));
        }
        for (var i = 0; i < steps.Count - 1; i++)
        {
            if (steps[i].OpenEnded)
            {
                ctx.Bag.Report(DiagnosticCatalog.MandateLadderShape, steps[i].Location, $"Only the last step of a mandate ladder may leave out 'up_to'; step {i + 1} ('{steps[i].Role}') has none, so the steps after it are never reached.");
                return (null, []);
            }
            if (steps[i].UpTo is { } a && steps[i + 1].UpTo is { } b && b <= a)
            {
                ctx.Bag.Report(DiagnosticCatalog.MandateLadderShape, steps[i + 1].Location, $"The steps of a mandate ladder go up by amount: up_to {b} comes after up_to {a}.");
                return (null, []);
            }
        }
        if (!steps[^1].OpenEnded)
        {
            ctx.Bag.Report(DiagnosticCatalog.MandateLadderShape, steps[^1].Location, $"A mandate ladder ends with a step without 'up_to' (such as {{ role: college }}), so that a proposal over the last limit moves up instead of having no one who may decide it.");
            return (null, []);
        }
        return (steps[^1].Role, steps);
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z][a-z0-9_-]*$")]
    private static partial System.Text.RegularExpressions.Regex NamePattern();

    /// <summary>A role or authority id: one word of lower case letters, digits, '_' and '-' (such as dienst-toeslagen).</summary>
    private static string? ReadName(MappingReader r, ItemContext ctx, string what, string example)
    {
        var id = r.Text("id", required: true);
        if (id is null || NamePattern().IsMatch(id)) return id;
        ctx.Bag.Report(DiagnosticCatalog.InvalidName, r.At("id"), $"The {what} id '{id}' must be one word of lower case letters, digits, '_' and '-', such as {example}.");
        return null;
    }

    private static RoleDefinition? ReadRole(YMapping m, ItemContext ctx)
    {
        var r = new MappingReader(m, ctx.Bag, "a role", PackKeys.Role);
        var id = ReadName(r, ctx, "role", "teamleider");
        var rank = r.Decimal("rank", required: true);
        if (rank is { } rv && rv != Math.Floor(rv))
        {
            ctx.Bag.Report(DiagnosticCatalog.WrongValueKind, r.At("rank"), "rank must be a whole number (a higher rank may decide what a lower may).");
            return null;
        }
        if (id is null || rank is null) return null;
        if (id == Mandates.Open)
        {
            ctx.Bag.Report(DiagnosticCatalog.InvalidName, r.At("id"), "'open' is the mandate word for \"a local mandaatbesluit sets it\" and cannot be a role id.");
            return null;
        }
        return new RoleDefinition(id, (int)rank.Value, r.Text("title") ?? id, ctx.PackId, m.Start);
    }

    private static AuthorityDefinition? ReadAuthority(YMapping m, ItemContext ctx)
    {
        var r = new MappingReader(m, ctx.Bag, "an authority", PackKeys.Authority);
        var id = ReadName(r, ctx, "authority", "dienst-toeslagen");
        var title = r.Text("title", required: true);
        if (id is null || title is null) return null;
        if (id == Mandates.Municipality)
        {
            ctx.Bag.Report(DiagnosticCatalog.InvalidName, r.At("id"), "'gemeente' is the municipality itself (the default decider) and cannot be an authority id.");
            return null;
        }
        return new AuthorityDefinition(id, title, r.Text("law"), r.Text("contact"), ctx.PackId, m.Start);
    }

    private static void ReadMandateAssignments(MappingReader file, ItemContext ctx, List<MandateAssignment> into)
    {
        if (file.Mapping("mandates") is not { } m) return;
        var r = new MappingReader(m, ctx.Bag, "'mandates' (a mandaatbesluit)", PackKeys.Mandates);
        var basis = ReadCitation(r, "basis", ctx, required: true);
        var set = r.Mapping("set", required: true);
        if (basis is null || set is null) return;
        foreach (var (key, value) in set.Entries)
        {
            var (mandate, ladder) = ReadMandateNode(value, ctx);
            if (mandate is not null) into.Add(new MandateAssignment(key.Value, mandate, ladder, basis, ctx.PackId, key.Start));
        }
    }
}
