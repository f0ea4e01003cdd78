using System.Globalization;

namespace Doorbraak.Rules.Source;

/// <summary>ISO-8601 durations of years, months, weeks and days, as packs write them (<c>P6M</c>, <c>P1Y</c>, <c>P4W</c>).</summary>
internal static class IsoDuration
{
    public static string Format(int months, int days)
    {
        if (months == 0 && days == 0) return "P0D";
        var s = "P";
        if (months != 0) s += months % 12 == 0 ? $"{months / 12}Y" : $"{months}M";
        if (days != 0) s += days % 7 == 0 ? $"{days / 7}W" : $"{days}D";
        return s;
    }

    /// <summary>Parses an ISO-8601 duration of years, months, weeks and days (<c>P1Y6M</c>, <c>P4W</c>, <c>P30D</c>).</summary>
    public static bool TryParse(string text, out int months, out int days)
    {
        months = 0;
        days = 0;
        if (text.Length < 3 || text[0] != 'P') return false;
        var i = 1;
        var any = false;
        var order = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            if (i == start || i >= text.Length || i - start > 4) return false;
            var n = int.Parse(text.AsSpan(start, i - start), CultureInfo.InvariantCulture);
            var unit = text[i++];
            var rank = unit switch { 'Y' => 1, 'M' => 2, 'W' => 3, 'D' => 4, _ => 0 };
            if (rank == 0 || rank <= order) return false;
            order = rank;
            switch (unit)
            {
                case 'Y': months += 12 * n; break;
                case 'M': months += n; break;
                case 'W': days += 7 * n; break;
                case 'D': days += n; break;
            }
            any = true;
        }
        return any;
    }
}
