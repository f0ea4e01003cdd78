using Doorbraak.Rules.Source;
namespace Doorbraak.Rules;

/// <summary>The kind of a fact, parameter or expression value.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Source.CamelCaseEnumConverter<FactKind>))]
public enum FactKind
{
    /// <summary>true or false (and, at run time, unknown).</summary>
    Boolean,
    /// <summary>A plain decimal number (a count, a factor, an age).</summary>
    Number,
    /// <summary>An amount of money in euro, as a decimal.</summary>
    Money,
    /// <summary>A calendar date.</summary>
    Date,
    /// <summary>A period of months and days (<c>P6M</c>, <c>4 weeks</c>).</summary>
    Duration,
    /// <summary>Text, compared ordinally.</summary>
    Text,
    /// <summary>One entity (the household, the applicant).</summary>
    Entity,
    /// <summary>A collection of entities (members, debts, provisions).</summary>
    List,
}

/// <summary>The static type of a fact or expression.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed class FactType : IEquatable<FactType>
{
    private FactType(FactKind kind, string? entity)
    {
        Kind = kind;
        EntityName = entity;
    }

    /// <summary>The kind.</summary>
    public FactKind Kind { get; }

    /// <summary>For <see cref="FactKind.Entity"/> and <see cref="FactKind.List"/>: the entity's name (<c>lid</c>, <c>schuld</c>).</summary>
    public string? EntityName { get; }

    /// <summary>Boolean.</summary>
    public static FactType Boolean { get; } = new(FactKind.Boolean, null);
    /// <summary>Number.</summary>
    public static FactType Number { get; } = new(FactKind.Number, null);
    /// <summary>Money.</summary>
    public static FactType Money { get; } = new(FactKind.Money, null);
    /// <summary>Date.</summary>
    public static FactType Date { get; } = new(FactKind.Date, null);
    /// <summary>Duration.</summary>
    public static FactType Duration { get; } = new(FactKind.Duration, null);
    /// <summary>Text.</summary>
    public static FactType Text { get; } = new(FactKind.Text, null);

    /// <summary>A single entity of the named kind.</summary>
    public static FactType EntityOf(string entity) => new(FactKind.Entity, entity);

    /// <summary>A list of entities of the named kind.</summary>
    public static FactType ListOf(string entity) => new(FactKind.List, entity);

    /// <summary>The scalar type with this YAML name (<c>boolean</c>, <c>number</c>, <c>money</c>, <c>date</c>, <c>duration</c>, <c>text</c>), or null.</summary>
    public static FactType? FromName(string name) => name switch
    {
        "boolean" => Boolean,
        "number" => Number,
        "money" => Money,
        "date" => Date,
        "duration" => Duration,
        "text" => Text,
        _ => null,
    };

    /// <summary>The names <see cref="FromName"/> accepts.</summary>
    public static IReadOnlyList<string> ScalarNames { get; } = ["boolean", "number", "money", "date", "duration", "text"];

    /// <summary>True for the scalar kinds.</summary>
    public bool IsScalar => Kind is not (FactKind.Entity or FactKind.List);

    /// <inheritdoc />
    public bool Equals(FactType? other) => other is not null && other.Kind == Kind && other.EntityName == EntityName;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FactType);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, EntityName);

    /// <summary>The name used in pack files and error messages.</summary>
    public override string ToString() => Kind switch
    {
        FactKind.Entity => EntityName!,
        FactKind.List => $"list of {EntityName}",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
