namespace Doorbraak.Rules.SampleHost.Pages;

/// <summary>An input with its label.</summary>
/// <param name="Name">The field name.</param>
/// <param name="Label">The label text.</param>
/// <param name="Value">The value.</param>
/// <param name="Type">The input type.</param>
/// <param name="InputMode">The input mode, if any.</param>
public sealed record InputField(string Name, string Label, string Value, string Type = "text", string? InputMode = null);

/// <summary>A select with its label.</summary>
/// <param name="Name">The field name.</param>
/// <param name="Label">The label text.</param>
/// <param name="Value">The chosen value.</param>
/// <param name="Options">The options (value, text).</param>
public sealed record SelectField(string Name, string Label, string Value, IReadOnlyList<(string Value, string Text)> Options);

/// <summary>The entry form: what was entered (to show it again), the problems per field, and today's date.</summary>
public sealed class EntryView
{
    /// <summary>The form as posted, or null for an empty form.</summary>
    public IFormCollection? Form { get; init; }

    /// <summary>Problems by field name.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    /// <summary>The default peildatum for an empty form.</summary>
    public DateOnly? Today { get; init; }

    /// <summary>The household text to show again (pasted or uploaded).</summary>
    public string? Text { get; init; }

    /// <summary>A value as entered.</summary>
    public string V(string name) => Form?[name].ToString() ?? "";

    /// <summary>The element id for a field name.</summary>
    public static string FieldId(string name) => name.Replace('.', '-').Replace(':', '-').Replace('[', '-').Replace("]", "", StringComparison.Ordinal);

    /// <summary>The member rows.</summary>
    public static IEnumerable<int> Members => Enumerable.Range(1, HouseholdState.FormMembers);

    /// <summary>The roles a member can have.</summary>
    public static readonly (string Value, string Text)[] Roles = [("", "— kies —"), ("aanvrager", "aanvrager"), ("partner", "partner"), ("kind", "kind"), ("overig", "overig")];

    /// <summary>Unknown, yes or no.</summary>
    public static readonly (string Value, string Text)[] YesNo = [("onbekend", "onbekend"), ("ja", "ja"), ("nee", "nee")];
}
