using Doorbraak.Rules.Source;
using System.Text.Json.Serialization;

namespace Doorbraak.Rules;

/// <summary>
/// How complete an evaluation is: whether the packs could judge everything that matters for this household on this
/// peildatum, and where they could not. A result with any gap is not complete; a regisseur reads this first, so that
/// "nothing found" is never mistaken for "nothing could be judged".
/// </summary>
/// <param name="Complete">True when there are no gaps.</param>
/// <param name="Gaps">What the packs could not judge, each with what it affects and what to do.</param>
public sealed record Completeness(bool Complete, IReadOnlyList<Gap> Gaps)
{
    /// <summary>A complete result: no gaps.</summary>
    public static Completeness None { get; } = new(true, []);
}

/// <summary>Something the packs could not judge for this household on this peildatum.</summary>
/// <param name="Kind">What kind of gap.</param>
/// <param name="Subject">The id it is about (a parameter, pack, situation, rule, goal, collision or deviation).</param>
/// <param name="Message">What it means and what to do, in the result's language.</param>
/// <param name="Affects">The ids of the rules, goals, collisions, proposals or costs whose answer depends on it.</param>
public sealed record Gap(GapKind Kind, string Subject, string Message, IReadOnlyList<string> Affects);

/// <summary>The kinds of gap in a completeness verdict.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<GapKind>))]
public enum GapKind
{
    /// <summary>A parameter that a rule, goal, deviation or cost reads has no value on the peildatum.</summary>
    [JsonStringEnumMemberName("parameter-without-value")]
    ParameterWithoutValue,
    /// <summary>The peildatum lies outside a pack's validity.</summary>
    [JsonStringEnumMemberName("pack-not-valid")]
    PackNotValid,
    /// <summary>The household names a situation that no loaded pack handles.</summary>
    [JsonStringEnumMemberName("situation-not-covered")]
    SituationNotCovered,
    /// <summary>A rule, goal, collision or deviation stays undecided for a reason other than a missing household fact.</summary>
    [JsonStringEnumMemberName("undecided")]
    Undecided,
}
