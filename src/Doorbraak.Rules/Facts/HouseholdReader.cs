using Doorbraak.Rules.Source;
using Doorbraak.Rules.Source.Yaml;

namespace Doorbraak.Rules.Facts;

/// <summary>
/// Reads a household from the YAML or JSON shape that pack tests use (JSON is read as YAML's flow
/// style): household facts by name, <c>leden</c>, <c>schulden</c>, <c>voorzieningen</c>, <c>doelen</c> and <c>situaties</c>.
/// Every fact name and value is checked against the merged fact schema.
/// </summary>
internal static class HouseholdReader
{
    /// <summary>Reads a household; with <paramref name="known"/>, goals and situations the packs do not define are refused where they are written.</summary>
    public static Household? Read(YMapping map, FactSchema schema, DiagnosticBag bag, KnownIds? known = null)
    {
        var before = bag.Items.Count;
        var h = new Household();
        foreach (var (key, value) in map.Entries)
        {
            if (value is YScalar { IsNull: true }) continue;
            switch (key.Value)
            {
                case "leden":
                    ReadList(value, schema.Member, bag, "leden", m =>
                    {
                        // An empty or null id ('id:', "id": "") is no id (found by fuzzing, issue #20: it reached HouseholdMember's guard).
                        var idNode = m["id"];
                        var id = idNode is YScalar { IsNull: false } s && !string.IsNullOrWhiteSpace(s.Value) ? s.Value : null;
                        if (id is null)
                        {
                            bag.Report(DiagnosticCatalog.MemberWithoutId, idNode?.Start ?? m.Start, idNode is null
                                ? "Each member needs an 'id' (a short name such as moeder or zoon; no BSN)."
                                : "The member's 'id' is empty; give a short name such as moeder or zoon (no BSN).");
                            return;
                        }
                        var member = new HouseholdMember(id);
                        ReadFacts(m, schema.Member, member.Facts, bag, skip: "id");
                        h.Members.Add(member);
                    });
                    break;
                case "schulden":
                    ReadList(value, schema.Debt, bag, "schulden", m =>
                    {
                        var d = new Debt();
                        ReadFacts(m, schema.Debt, d.Facts, bag);
                        h.Debts.Add(d);
                    });
                    break;
                case "voorzieningen":
                    ReadList(value, schema.Provision, bag, "voorzieningen", m =>
                    {
                        var p = new Provision();
                        ReadFacts(m, schema.Provision, p.Facts, bag);
                        h.Provisions.Add(p);
                    });
                    break;
                case "doelen":
                    if (value is YSequence gs)
                    {
                        foreach (var g in gs.Items)
                            if (MappingReader.AsText(g, bag, "doelen") is { } t)
                            {
                                if (known is not null && !known.Goals.Contains(t))
                                    bag.Report(DiagnosticCatalog.UnknownHouseholdGoal, g.Start, $"The household states the goal '{t}', which no loaded pack defines{Suggest.Hint(t, known.Goals)}.");
                                h.Goals.Add(t);
                            }
                    }
                    else
                    {
                        bag.Report(DiagnosticCatalog.HouseholdListWrongShape, value.Start, "'doelen' must be a list of goal ids.");
                    }
                    break;
                case BuiltInFacts.Situations:
                    if (value is YSequence ss)
                    {
                        foreach (var x in ss.Items)
                            if (MappingReader.AsText(x, bag, BuiltInFacts.Situations) is { } t)
                            {
                                if (known is not null && !known.Situations.Contains(t))
                                    bag.Report(DiagnosticCatalog.UnknownHouseholdSituation, x.Start, $"The household names the situation '{t}', which no loaded pack declares{Suggest.Hint(t, known.Situations)}.");
                                h.Situations.Add(t);
                            }
                    }
                    else
                    {
                        bag.Report(DiagnosticCatalog.HouseholdListWrongShape, value.Start, "'situaties' must be a list of situation ids, such as [detentie, bewind].");
                    }
                    break;
                default:
                    ReadFact(key, value, schema.Household, h.Facts, bag);
                    break;
            }
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in h.Members)
            if (!ids.Add(m.Id)) bag.Report(DiagnosticCatalog.DuplicateMemberId, map.Start, $"Two members have the id '{m.Id}'; give each member its own id.");
        return bag.Items.Skip(before).Any(d => d.Severity == DiagnosticSeverity.Error) ? null : h;
    }

    /// <summary>Parses YAML or JSON text into a household.</summary>
    public static Household? Parse(string file, string text, FactSchema schema, DiagnosticBag bag, KnownIds? known = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            bag.Report(DiagnosticCatalog.HouseholdEmpty, new SourceLocation(file, 1, 1), "The household is empty; give at least its members under 'leden' (YAML or JSON).");
            return null;
        }
        if (LooksLikeJson(text) && !IsWellFormedJson(file, text, bag)) return null;
        var node = SafeYamlReader.Parse(file, text, bag);
        if (node is null) return null;
        if (node is not YMapping map)
        {
            bag.Report(DiagnosticCatalog.HouseholdNotAMapping, node.Start, "A household is a mapping with its facts, 'leden', 'schulden' and 'voorzieningen'.");
            return null;
        }
        // Accept both the bare household and a wrapper { household: ... } as in pack tests.
        if (map.Entries.Count == 1 && map.Entries[0].Key.Value == "household" && map.Entries[0].Value is YMapping inner) map = inner;
        return Read(map, schema, bag, known);
    }

    private static bool LooksLikeJson(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\uFEFF') continue;
            return c is '{' or '[';
        }
        return false;
    }

    /// <summary>A document that starts as JSON is checked as JSON first, so a JSON mistake is reported in JSON's terms.</summary>
    private static bool IsWellFormedJson(string file, string text, DiagnosticBag bag)
    {
        try
        {
            using var _ = System.Text.Json.JsonDocument.Parse(text, new System.Text.Json.JsonDocumentOptions { MaxDepth = 32 });
            return true;
        }
        catch (System.Text.Json.JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            var what = ex.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].TrimEnd('.', ' ');
            bag.Report(DiagnosticCatalog.HouseholdNotJson, new SourceLocation(file, line, column), $"The household is not valid JSON: {what}. Check the brackets, commas and quotes near this place.");
            return false;
        }
    }

    private static void ReadList(YNode value, EntitySchema entity, DiagnosticBag bag, string key, Action<YMapping> read)
    {
        if (value is not YSequence seq)
        {
            bag.Report(DiagnosticCatalog.HouseholdListWrongShape, value.Start, $"'{key}' must be a list of {entity.Name} mappings.");
            return;
        }
        foreach (var item in seq.Items)
        {
            if (item is YMapping m) read(m);
            else bag.Report(DiagnosticCatalog.HouseholdListWrongShape, item.Start, $"Each item of '{key}' is a mapping of {entity.Name} facts.");
        }
    }

    private static void ReadFacts(YMapping m, EntitySchema entity, FactBag into, DiagnosticBag bag, string? skip = null)
    {
        foreach (var (key, value) in m.Entries)
        {
            if (key.Value == skip) continue;
            ReadFact(key, value, entity, into, bag);
        }
    }

    private static void ReadFact(YScalar key, YNode value, EntitySchema entity, FactBag into, DiagnosticBag bag)
    {
        if (value is YScalar { IsNull: true }) return;
        if (!entity.TryGetField(key.Value, out var field) || field.Type.Kind == FactKind.List || IsDerived(field))
        {
            var names = entity.Fields.Where(f => f.Type.IsScalar && !IsDerived(f)).Select(f => f.Name);
            bag.Report(DiagnosticCatalog.UnknownHouseholdFact, key.Start, IsDerived(field)
                ? $"'{key.Value}' is derived (from 'geboren' on the reference date); supply 'geboren' instead."
                : $"Unknown {entity.Name} fact '{key.Value}'{Suggest.Hint(key.Value, names)}. Facts of a {entity.Name} are the built-in ones and those the loaded packs declare.");
            return;
        }
        if (TypedValueReader.Read(value, field.Type, bag, key.Value) is not { } v) return;
        // Values that cannot be: a negative built-in amount, a role that does not exist.
        if (field.BuiltIn && v.Kind == FactKind.Money && v.AsDecimal < 0)
        {
            bag.Report(DiagnosticCatalog.HouseholdValueImpossible, value.Start, $"'{key.Value}' is {v.AsDecimal.ToString(System.Globalization.CultureInfo.InvariantCulture)}; an amount of a household cannot be negative. Give the amount as a positive number (a debt is a positive 'bedrag').");
            return;
        }
        if (field.BuiltIn && entity.Name == FactSchema.MemberEntity && key.Value == "rol" && !Roles.Contains(v.AsText))
        {
            bag.Report(DiagnosticCatalog.HouseholdValueImpossible, value.Start, $"The role '{v.AsText}' does not exist; a member's 'rol' is one of {string.Join(", ", Roles)}{Suggest.Hint(v.AsText, Roles)}.");
            return;
        }
        into.Set(field.Name, v);
    }

    /// <summary>The roles a member can have (docs/pack-format.md, "Household facts").</summary>
    internal static readonly string[] Roles = ["aanvrager", "partner", "kind", "overig"];

    internal static bool IsDerived(FieldDefinition? field) => field is { BuiltIn: true, Owner.Name: FactSchema.MemberEntity, Name: "leeftijd" };
}

/// <summary>The goal and situation ids the loaded packs define, to check a household's 'doelen' and 'situaties' where they are written.</summary>
internal sealed record KnownIds(IReadOnlySet<string> Goals, IReadOnlySet<string> Situations);
