using Doorbraak.Rules.Source;

namespace Doorbraak.Rules.Packs;

/// <summary>
/// Whether a deviation's basis fits the legal force of the rule it departs from (pack format 2). A policy rule
/// (beleidsregel) gives way under Awb 4:84 or proportionality; a statute power (wet-bevoegdheid) is weighed under
/// Awb 3:4; a statute duty, an AMvB, a ministerial regulation or an ordinance only under a clause it writes itself,
/// which the rule lists in <c>clauses</c>; a werkinstructie is not law and gives way to anyone with mandate.
/// docs/pack-format.md, "Legal force and which basis fits", explains the table with its sources.
/// </summary>
internal static class ForceFit
{
    /// <summary>A refusal: which code and why, in words a policy adviser understands.</summary>
    internal sealed record Misfit(DiagnosticDescriptor Descriptor, string Reason);

    /// <summary>Checks every deviation of a format 2 pack against the force of its rule; rules without force (format 1) are skipped.</summary>
    public static void Check(MergedPacks m, DiagnosticBag bag)
    {
        var formats = m.Packs.ToDictionary(p => p.Manifest.Id, p => p.Manifest.Format, StringComparer.Ordinal);
        var rules = m.Rules.Where(r => r.Kind == RuleKind.Rule).ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var d in m.Deviations)
        {
            if (formats.GetValueOrDefault(d.PackId, 1) < 2) continue;
            if (!rules.TryGetValue(d.Deviates, out var rule) || rule.Force is null || d.Basis.Kind is null) continue;
            if (Fit(rule, d.Basis) is { } misfit)
            {
                var at = d.Basis.KindLocation == SourceLocation.None ? d.Location : d.Basis.KindLocation;
                bag.Report(misfit.Descriptor, at, $"The deviation '{d.Id}' departs from '{rule.Id}', {Describe(rule.Force)}, on the basis {d.Basis} ({d.Basis.Kind}): {misfit.Reason}");
            }
        }
    }

    /// <summary>Null when <paramref name="basis"/> fits the force of <paramref name="rule"/>; otherwise why not.</summary>
    public static Misfit? Fit(RuleDefinition rule, Citation basis)
    {
        var force = rule.Force;
        var kind = basis.Kind;
        if (force is null || kind is null) return null;
        if (kind == BasisKinds.Awb484 && force != Forces.Beleidsregel)
            return new(DiagnosticCatalog.Awb484AgainstNonPolicyRule,
                $"\"Awb 4:84 kan alleen van een beleidsregel afwijken, niet van {Dutch(force)}\" (4:84 cannot set {English(force)} aside). " +
                Remedy(rule));
        var listed = rule.Clauses.FirstOrDefault(c => c.SameProvision(basis));
        if (listed is not null && listed.Kind != kind)
            return new(DiagnosticCatalog.BasisDoesNotFitForce,
                $"the rule lists {listed} as {listed.Kind}, but the deviation cites it as {kind}; use the same kind in both places.");
        switch (force)
        {
            case Forces.Werkinstructie:
                return null;
            case Forces.Beleidsregel:
                if (kind is BasisKinds.Awb484 or BasisKinds.Evenredigheid or BasisKinds.Beleidsregel || listed is not null) return null;
                return new(DiagnosticCatalog.BasisDoesNotFitForce, kind switch
                {
                    BasisKinds.Werkinstructie => "a werkinstructie cannot set a policy rule aside. " + Remedy(rule),
                    BasisKinds.WettelijkeBevoegdheid => "a policy rule is not a statute power to weigh; departing from it goes under Awb 4:84 (bijzondere omstandigheden). " + Remedy(rule),
                    _ => $"the rule lists no clause {basis} under 'clauses'. " + Remedy(rule),
                });
            case Forces.WetBevoegdheid:
                if (kind is BasisKinds.WettelijkeBevoegdheid or BasisKinds.Evenredigheid || listed is not null) return null;
                return new(DiagnosticCatalog.BasisDoesNotFitForce, kind switch
                {
                    BasisKinds.Werkinstructie or BasisKinds.Beleidsregel =>
                        $"{(kind == BasisKinds.Werkinstructie ? "a werkinstructie" : "the room of a policy rule")} cannot set a statute aside. " + Remedy(rule),
                    _ => $"the rule lists no clause {basis} under 'clauses'. " + Remedy(rule),
                });
            default:
                if (listed is not null) return null;
                return new(DiagnosticCatalog.BasisDoesNotFitForce, kind switch
                {
                    BasisKinds.Werkinstructie or BasisKinds.Beleidsregel =>
                        $"{(kind == BasisKinds.Werkinstructie ? "a werkinstructie" : "the room of a policy rule")} cannot set {English(force)} aside. " + Remedy(rule),
                    BasisKinds.WettelijkeBevoegdheid =>
                        $"{English(force)} binds: it leaves no power to weigh under Awb 3:4. " + Remedy(rule),
                    BasisKinds.Evenredigheid =>
                        $"proportionality (Awb 3:4 lid 2) can only be used against {English(force)} where the measure leaves room, and the rule does not say so. " + Remedy(rule),
                    _ => $"the rule lists no clause {basis} under 'clauses'. " + Remedy(rule),
                });
        }
    }

    /// <summary>What the author can do, for the rule's force.</summary>
    private static string Remedy(RuleDefinition rule) => rule.Force switch
    {
        Forces.Beleidsregel =>
            "Depart from a policy rule with kind awb-4:84 (Awb 4:84, bijzondere omstandigheden), evenredigheid (Awb 3:4 lid 2), or a hardship clause of the policy rule itself listed under the rule's 'clauses'.",
        Forces.WetBevoegdheid =>
            "A statute power is weighed: use kind wettelijke-bevoegdheid (Awb 3:4 lid 1, citing the article that gives the power) or evenredigheid (Awb 3:4 lid 2), or a clause listed under the rule's 'clauses'.",
        _ => $"Departing from {English(rule.Force!)} is only possible under a clause it writes itself (a hardheidsclausule, individualisering such as Participatiewet 18 lid 1, or dringende-redenen such as Participatiewet 16 or 58 lid 8): " +
             $"list it under the rule's 'clauses' as {{ law: ..., article: ..., kind: ... }} when the text allows it, and cite the same law and article in the basis{(rule.Clauses.Count > 0 ? $" (the rule lists {string.Join("; ", rule.Clauses.Select(c => $"{c} ({c.Kind})"))})" : "")}.",
    };

    /// <summary>The force in English words, for messages: "a statute duty (wet-plicht)".</summary>
    public static string Describe(string force) => force switch
    {
        Forces.WetPlicht => "a statute duty (wet-plicht)",
        Forces.WetBevoegdheid => "a statute power the college weighs (wet-bevoegdheid)",
        Forces.Amvb => "an order in council (amvb)",
        Forces.MinisterieleRegeling => "a ministerial regulation (ministeriele-regeling)",
        Forces.Verordening => "a municipal ordinance (verordening)",
        Forces.Beleidsregel => "a policy rule (beleidsregel)",
        _ => "a work instruction, not law (werkinstructie)",
    };

    private static string English(string force) => force switch
    {
        Forces.WetPlicht or Forces.WetBevoegdheid => "a statute",
        Forces.Amvb => "an order in council",
        Forces.MinisterieleRegeling => "a ministerial regulation",
        Forces.Verordening => "an ordinance",
        Forces.Beleidsregel => "a policy rule",
        _ => "a work instruction",
    };

    private static string Dutch(string force) => force switch
    {
        Forces.WetPlicht or Forces.WetBevoegdheid => "een wet",
        Forces.Amvb => "een AMvB",
        Forces.MinisterieleRegeling => "een ministeriële regeling",
        Forces.Verordening => "een verordening",
        _ => "een werkinstructie",
    };
}
