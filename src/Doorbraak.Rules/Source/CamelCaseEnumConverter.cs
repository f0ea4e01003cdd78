using System.Text.Json;
using System.Text.Json.Serialization;

namespace Doorbraak.Rules.Source;

/// <summary>Writes an enum as its camelCase name (or the name its <see cref="JsonStringEnumMemberNameAttribute"/> gives), whatever serializer options a host uses.</summary>
internal sealed class CamelCaseEnumConverter<T> : JsonStringEnumConverter<T> where T : struct, Enum
{
    public CamelCaseEnumConverter() : base(JsonNamingPolicy.CamelCase, allowIntegerValues: true)
    {
    }
}
