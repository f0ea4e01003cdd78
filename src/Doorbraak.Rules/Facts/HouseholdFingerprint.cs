using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Doorbraak.Rules.Facts;

/// <summary>
/// A SHA-256 over a household's content (every fact of every entity, in a fixed order, and its goals), so that a
/// decision can check that it is taken on the household that was evaluated, even if the host changed it since.
/// </summary>
internal static class HouseholdFingerprint
{
    public static string Of(Household household)
    {
        var sb = new StringBuilder();
        Bag(sb, "huishouden", household.Facts);
        foreach (var m in household.Members) Bag(sb, "lid:" + m.Id, m.Facts);
        for (var i = 0; i < household.Debts.Count; i++) Bag(sb, "schuld:" + i.ToString(CultureInfo.InvariantCulture), household.Debts[i].Facts);
        for (var i = 0; i < household.Provisions.Count; i++) Bag(sb, "voorziening:" + i.ToString(CultureInfo.InvariantCulture), household.Provisions[i].Facts);
        foreach (var g in household.Goals) sb.Append("doel:").Append(g).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    private static void Bag(StringBuilder sb, string entity, FactBag bag)
    {
        sb.Append('[').Append(entity).Append("]\n");
        foreach (var (name, value) in bag.Values)
            sb.Append(name).Append('=').Append(value.Kind.ToString()).Append(':').Append(value.ToString()).Append('\n');
    }
}
