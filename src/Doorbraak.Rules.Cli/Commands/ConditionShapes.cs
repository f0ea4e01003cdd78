using System.Globalization;

namespace Doorbraak.Rules.Cli.Commands;

/// <summary>
/// A conservative, textual look at two conditions: do they visibly exclude each other? Splits each into its
/// top-level <c>and</c> parts and looks for a part and its negation (<c>c</c> and <c>not c</c>), or two
/// comparisons of the same left side with disjoint ranges (<c>x &lt; 27</c> and <c>x &gt;= 27</c>,
/// <c>count(...) = 0</c> and <c>count(...) &gt;= 1</c>). "No" means "not shown", not "they overlap".
/// </summary>
internal static class ConditionShapes
{
    private static readonly string[] Operators = [">=", "<=", "<>", "!=", "=", "<", ">"];

    public static string Normalize(string text) => string.Join(' ', text.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    public static bool Exclusive(string a, string b)
    {
        var pa = Conjuncts(Normalize(a));
        var pb = Conjuncts(Normalize(b));
        foreach (var x in pa)
        {
            foreach (var y in pb)
            {
                if (Negates(x, y) || Negates(y, x)) return true;
                if (Comparison(x) is { } cx && Comparison(y) is { } cy && cx.Left == cy.Left && Disjoint(cx, cy)) return true;
            }
        }
        return false;
    }

    /// <summary>The top-level <c>and</c> parts, each without parentheses around the whole.</summary>
    internal static List<string> Conjuncts(string text)
    {
        text = StripParens(text);
        var parts = new List<string>();
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == '"') quoted = !quoted;
            if (quoted) continue;
            if (ch == '(') depth++;
            else if (ch == ')') depth--;
            else if (depth == 0 && i > 0 && text[i - 1] == ' ' && string.CompareOrdinal(text, i, "and ", 0, 4) == 0)
            {
                parts.Add(StripParens(text[start..(i - 1)].Trim()));
                start = i + 4;
            }
        }
        parts.Add(StripParens(text[start..].Trim()));
        // A part that is itself a parenthesised conjunction is split further.
        return parts.SelectMany(p => p.Contains(" and ", StringComparison.Ordinal) && p != text ? Conjuncts(p) : [p]).ToList();
    }

    private static bool Negates(string x, string y) =>
        x.StartsWith("not ", StringComparison.Ordinal) && StripParens(x[4..].Trim()) == StripParens(y);

    private static string StripParens(string text)
    {
        while (text.Length >= 2 && text[0] == '(' && text[^1] == ')' && Closes(text))
            text = text[1..^1].Trim();
        return text;
    }

    /// <summary>Whether the opening parenthesis at 0 is closed by the last character.</summary>
    private static bool Closes(string text)
    {
        var depth = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"') quoted = !quoted;
            if (quoted) continue;
            if (text[i] == '(') depth++;
            else if (text[i] == ')' && --depth == 0) return i == text.Length - 1;
        }
        return false;
    }

    private sealed record Compare(string Left, string Op, string Right);

    /// <summary>A part with exactly one top-level comparison operator.</summary>
    private static Compare? Comparison(string part)
    {
        var depth = 0;
        var quoted = false;
        Compare? found = null;
        for (var i = 0; i < part.Length; i++)
        {
            var ch = part[i];
            if (ch == '"') quoted = !quoted;
            if (quoted) continue;
            if (ch == '(') { depth++; continue; }
            if (ch == ')') { depth--; continue; }
            if (depth != 0) continue;
            var op = Operators.FirstOrDefault(o => string.CompareOrdinal(part, i, o, 0, o.Length) == 0);
            if (op is null) continue;
            if (found is not null) return null;
            found = new Compare(part[..i].Trim(), op, part[(i + op.Length)..].Trim());
            i += op.Length - 1;
        }
        return found is { Left.Length: > 0, Right.Length: > 0 } ? found : null;
    }

    private static bool Disjoint(Compare x, Compare y)
    {
        decimal vx, vy;
        if (x.Right == y.Right) vx = vy = 0;
        else if (decimal.TryParse(x.Right, NumberStyles.Number, CultureInfo.InvariantCulture, out vx) &&
                 decimal.TryParse(y.Right, NumberStyles.Number, CultureInfo.InvariantCulture, out vy)) { }
        else return false;
        if (IsNot(x.Op) || IsNot(y.Op))
            return vx == vy && ((IsNot(x.Op) && y.Op == "=") || (IsNot(y.Op) && x.Op == "="));
        var (lx, lxi, hx, hxi) = Range(x.Op, vx);
        var (ly, lyi, hy, hyi) = Range(y.Op, vy);
        return Below(hx, hxi, ly, lyi) || Below(hy, hyi, lx, lxi);
    }

    private static bool IsNot(string op) => op is "<>" or "!=";

    /// <summary>The range of values a comparison allows: low and high bound, each inclusive or not (null: unbounded).</summary>
    private static (decimal? Low, bool LowIn, decimal? High, bool HighIn) Range(string op, decimal v) => op switch
    {
        "=" => (v, true, v, true),
        "<" => (null, false, v, false),
        "<=" => (null, false, v, true),
        ">" => (v, false, null, false),
        _ => (v, true, null, false), // >=
    };

    /// <summary>Whether a range ending at <paramref name="high"/> lies wholly below one starting at <paramref name="low"/>.</summary>
    private static bool Below(decimal? high, bool highIn, decimal? low, bool lowIn) =>
        high is { } h && low is { } l && (h < l || (h == l && !(highIn && lowIn)));
}
