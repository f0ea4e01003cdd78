using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Doorbraak.Rules;

/// <summary>The documented JSON form of results and plans: camelCase members in a fixed order, dates as yyyy-mm-dd.</summary>
public static class ResultJson
{
    /// <summary>The serializer options used for every JSON this library writes.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>
    /// The options for reading results and plans back: a missing or null value the type does not allow, or a key that
    /// appears twice in one object, is a <see cref="JsonException"/> rather than a half-filled object.
    /// </summary>
    internal static JsonSerializerOptions ReadOptions { get; } = new(Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
    };

    /// <summary>The name an enum value has in the JSON (<c>derived</c>, <c>holds-today</c>, <c>critical</c>), for hosts that show it.</summary>
    public static string NameOf<T>(T value) where T : struct, Enum => JsonSerializer.Serialize(value, Options).Trim('"');

    /// <summary>Serialises an evaluation result.</summary>
    public static string Serialize(EvaluationResult result) => JsonSerializer.Serialize(result, Options);

    /// <summary>Reads an evaluation result back.</summary>
    public static EvaluationResult Deserialize(string json) =>
        JsonSerializer.Deserialize<EvaluationResult>(json, ReadOptions) ?? throw new JsonException("The JSON holds no evaluation result.");
}
