using System.Globalization;

namespace Doorbraak.Rules.Packs;

/// <summary>A SemVer 2.0 version (major.minor.patch with an optional pre-release).</summary>
internal sealed record SemanticVersion(int Major, int Minor, int Patch, string? PreRelease) : IComparable<SemanticVersion>
{
    public static bool TryParse(string text, out SemanticVersion version)
    {
        version = null!;
        var plus = text.IndexOf('+');
        if (plus >= 0) text = text[..plus];
        string? pre = null;
        var dash = text.IndexOf('-');
        if (dash >= 0)
        {
            pre = text[(dash + 1)..];
            text = text[..dash];
            if (pre.Length == 0) return false;
        }
        var parts = text.Split('.');
        if (parts.Length != 3) return false;
        var nums = new int[3];
        for (var i = 0; i < 3; i++)
        {
            if (parts[i].Length == 0 || parts[i].Length > 9 || !parts[i].All(char.IsAsciiDigit) || (parts[i].Length > 1 && parts[i][0] == '0')) return false;
            nums[i] = int.Parse(parts[i], CultureInfo.InvariantCulture);
        }
        version = new SemanticVersion(nums[0], nums[1], nums[2], pre);
        return true;
    }

    public int CompareTo(SemanticVersion? other)
    {
        if (other is null) return 1;
        var c = Major.CompareTo(other.Major);
        if (c == 0) c = Minor.CompareTo(other.Minor);
        if (c == 0) c = Patch.CompareTo(other.Patch);
        if (c != 0) return c;
        if (PreRelease == other.PreRelease) return 0;
        if (PreRelease is null) return 1;
        if (other.PreRelease is null) return -1;
        return string.CompareOrdinal(PreRelease, other.PreRelease);
    }

    public override string ToString() => PreRelease is null ? $"{Major}.{Minor}.{Patch}" : $"{Major}.{Minor}.{Patch}-{PreRelease}";
}

/// <summary>A version range: space-separated comparators that must all hold; <c>^x.y.z</c> and <c>~x.y.z</c> shorthands.</summary>
internal sealed class VersionRange
{
    private readonly List<(string Op, SemanticVersion Version)> _comparators;

    private VersionRange(List<(string, SemanticVersion)> comparators) => _comparators = comparators;

    public static bool TryParse(string text, out VersionRange range)
    {
        range = null!;
        var list = new List<(string, SemanticVersion)>();
        foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var op = part.StartsWith(">=") || part.StartsWith("<=") ? part[..2]
                : part[0] is '>' or '<' or '=' or '^' or '~' ? part[..1] : "=";
            var rest = op == "=" && part[0] != '=' ? part : part[op.Length..];
            if (!SemanticVersion.TryParse(rest, out var v)) return false;
            switch (op)
            {
                case "^":
                    list.Add((">=", v));
                    list.Add(("<", v.Major > 0 ? new SemanticVersion(v.Major + 1, 0, 0, null) : new SemanticVersion(0, v.Minor + 1, 0, null)));
                    break;
                case "~":
                    list.Add((">=", v));
                    list.Add(("<", new SemanticVersion(v.Major, v.Minor + 1, 0, null)));
                    break;
                default:
                    list.Add((op, v));
                    break;
            }
        }
        if (list.Count == 0) return false;
        range = new VersionRange(list);
        return true;
    }

    public bool Contains(SemanticVersion v) => _comparators.All(c =>
    {
        var cmp = v.CompareTo(c.Version);
        return c.Op switch { ">=" => cmp >= 0, ">" => cmp > 0, "<=" => cmp <= 0, "<" => cmp < 0, _ => cmp == 0 };
    });
}
