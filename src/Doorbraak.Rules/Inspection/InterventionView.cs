namespace Doorbraak.Rules.Inspection;

/// <summary>
/// An intervention (<c>interventions:</c>): an action within the law that changes the projected situation without setting
/// a rule aside, such as a payment from a budget, a voorschot, an escalation or a time-out.
/// </summary>
public sealed class InterventionView : PackItemView
{
    internal InterventionView() { }

    /// <summary>What it does: betaling, voorschot, lening, escalatie, time-out, verwijzing or overig.</summary>
    public required string Action { get; init; }

    /// <summary>Its own legal basis (a budget, a task, or a basis for deviating).</summary>
    public required CitationView Basis { get; init; }

    /// <summary>When it is allowed; null means always.</summary>
    public required ConditionView? Allowed { get; init; }

    /// <summary>Facts of the household or of a role it sets (<c>change.set</c>).</summary>
    public required IReadOnlyList<DeterminationView> Sets { get; init; }

    /// <summary>Facts of elements of a collection it sets, such as a debt's status (<c>change.elements</c>).</summary>
    public required IReadOnlyList<ElementChangeView> Elements { get; init; }

    /// <summary>The goals it aims at; empty means any goal collision it resolves.</summary>
    public required IReadOnlyList<string> Resolves { get; init; }

    /// <summary>Its limits (duration, amount, times, until an event with a maximum).</summary>
    public required DeviationLimitsView Limits { get; init; }

    /// <summary>Who may decide: a role, <c>open</c>, or the top of <see cref="MandateSteps"/>.</summary>
    public required string Mandate { get; init; }

    /// <summary>A mandate ladder by amount (empty when the mandate is one role or <c>open</c>).</summary>
    public required IReadOnlyList<MandateStepView> MandateSteps { get; init; }

    /// <summary>The id of the pack whose mandaatbesluit (<c>mandates:</c>) set the mandate, or null when none did.</summary>
    public string? MandateSetBy { get; init; }

    /// <summary><c>gemeente</c>, or the authority that decides: then a proposal with it is a request.</summary>
    public required string Decider { get; init; }

    /// <summary>For a request: what the regisseur must send the authority.</summary>
    public required IReadOnlyList<string> Deliver { get; init; }

    /// <summary>What it costs itself, each once or per month.</summary>
    public required IReadOnlyList<InterventionCostView> Costs { get; init; }

    /// <summary>What to document.</summary>
    public required IReadOnlyList<string> Document { get; init; }

    /// <summary>When to review.</summary>
    public required IReadOnlyList<PeriodView> Review { get; init; }

    /// <summary>The motivation template, or null.</summary>
    public required string? Motivation { get; init; }
}

/// <summary>An intervention's change to elements of a collection: those picked by id or by a condition get the facts set.</summary>
public sealed class ElementChangeView
{
    internal ElementChangeView(string collection, string? id, ConditionView? where, IReadOnlyList<DeterminationView> sets)
    {
        Collection = collection;
        Id = id;
        Where = where;
        Sets = sets;
    }

    /// <summary>The collection (<c>schulden</c>, <c>leden</c>, <c>voorzieningen</c>).</summary>
    public string Collection { get; }

    /// <summary>The id of the element it changes, or null when it picks by <see cref="Where"/>.</summary>
    public string? Id { get; }

    /// <summary>The condition on the element that picks it, or null when it picks by <see cref="Id"/>.</summary>
    public ConditionView? Where { get; }

    /// <summary>The facts of the element it sets.</summary>
    public IReadOnlyList<DeterminationView> Sets { get; }
}

/// <summary>One step of a mandate ladder by amount.</summary>
public sealed class MandateStepView
{
    internal MandateStepView(decimal? upTo, string? upToParameter, string role)
    {
        UpTo = upTo;
        UpToParameter = upToParameter;
        Role = role;
    }

    /// <summary>Up to this amount the role decides; null with no <see cref="UpToParameter"/> on the last step.</summary>
    public decimal? UpTo { get; }

    /// <summary>The money parameter that gives the limit, or null.</summary>
    public string? UpToParameter { get; }

    /// <summary>The role.</summary>
    public string Role { get; }
}

/// <summary>A cost of an intervention itself.</summary>
public sealed class InterventionCostView
{
    internal InterventionCostView(string payer, ConditionView amount, bool once, string? title)
    {
        Payer = payer;
        Amount = amount;
        Once = once;
        Title = title;
    }

    /// <summary>Who pays.</summary>
    public string Payer { get; }

    /// <summary>The amount's expression.</summary>
    public ConditionView Amount { get; }

    /// <summary>True for a one-off amount, false for an amount per month.</summary>
    public bool Once { get; }

    /// <summary>What the cost is, when not the intervention's title.</summary>
    public string? Title { get; }
}
