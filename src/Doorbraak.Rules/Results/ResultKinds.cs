using Doorbraak.Rules.Source;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Doorbraak.Rules;

/// <summary>What kind of collision was found.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<CollisionKind>))]
public enum CollisionKind
{
    /// <summary>A goal fails because of rule outcomes (found by setting them aside).</summary>
    Derived,
    /// <summary>A collision the pack declares and names.</summary>
    Declared,
    /// <summary>Two rules that both apply set different values for the same fact.</summary>
    Contradiction,
    /// <summary>
    /// A mutual blockade: rules (of different providers) each wait for the other's outcome (<c>waits_for</c>), so none
    /// gives it; the goals they hold back cannot be reached until a deviation breaks the loop.
    /// </summary>
    Blokkade,
}

/// <summary>How serious a collision is for the household.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<CollisionSeverity>))]
public enum CollisionSeverity
{
    /// <summary>Low.</summary>
    Low,
    /// <summary>Medium (the default for derived collisions).</summary>
    Medium,
    /// <summary>High (contradictions between rules).</summary>
    High,
    /// <summary>Critical.</summary>
    Critical,
}

/// <summary>Why a goal is checked for this household.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<GoalActivation>))]
public enum GoalActivation
{
    /// <summary>The household states it as its own goal.</summary>
    Stated,
    /// <summary>The goal's active condition holds.</summary>
    Condition,
    /// <summary>The goal holds today, so losing it counts.</summary>
    [JsonStringEnumMemberName("holds-today")]
    HoldsToday,
    /// <summary>Not checked for this household.</summary>
    Inactive,
}

/// <summary>Where a statement in a result comes from.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<StatementSource>))]
public enum StatementSource
{
    /// <summary>No explanation (explanations were turned off).</summary>
    None,
    /// <summary>"The law says": a rule of a pack.</summary>
    Law,
    /// <summary>"Experience shows": a consequence of a pack.</summary>
    Practice,
    /// <summary>The engine's own reasoning (collisions found by counterfactuals).</summary>
    Engine,
}

/// <summary>Why a deviation that exists for a collision is not proposed.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<NotProposedReason>))]
public enum NotProposedReason
{
    /// <summary>Its <c>allowed</c> condition is false for this household.</summary>
    [JsonStringEnumMemberName("not-allowed")]
    NotAllowed,
    /// <summary>Its <c>allowed</c> condition is unknown: a fact it reads is missing (and listed in the missing facts).</summary>
    [JsonStringEnumMemberName("condition-unknown")]
    ConditionUnknown,
    /// <summary>The money it moves goes over its amount limit.</summary>
    [JsonStringEnumMemberName("over-amount-limit")]
    OverAmountLimit,
    /// <summary>With it applied, rules become undecided, so it cannot be shown to resolve anything.</summary>
    [JsonStringEnumMemberName("becomes-undecided")]
    BecomesUndecided,
    /// <summary>Whether it resolves the collision depends on values that are unknown (the goal is unknown with it applied): supply them.</summary>
    [JsonStringEnumMemberName("hinges-on-unknown")]
    HingesOnUnknown,
    /// <summary>It resolves none of the collisions, on its own or in a combination.</summary>
    [JsonStringEnumMemberName("resolves-nothing")]
    ResolvesNothing,
    /// <summary>Its <c>limits.until</c> is already met on the peildatum: the event it would last until has come, so it is not needed.</summary>
    [JsonStringEnumMemberName("until-met")]
    UntilMet,
}

/// <summary>What the regisseur (or whoever holds the mandate) decided on a proposal.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<DecisionOutcome>))]
public enum DecisionOutcome
{
    /// <summary>Accepted as proposed.</summary>
    Accepted,
    /// <summary>Accepted with changes (a shorter duration or a lower amount).</summary>
    Changed,
    /// <summary>Rejected.</summary>
    Rejected,
}
