using System.Globalization;

namespace Doorbraak.Rules.SampleHost;

/// <summary>Small helpers for the Dutch pages: dates, amounts, safe links. Razor encodes everything else.</summary>
public static class Html
{
    private static readonly string[] Months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    /// <summary>1 maart 2026.</summary>
    public static string Date(DateOnly d) => $"{d.Day} {Months[d.Month - 1]} {d.Year}";

    /// <summary>An amount, or "onbekend" when it rests on an unknown value (never € 0,00).</summary>
    public static string Money(decimal? d) => d is { } v ? Money(v) : "onbekend";

    /// <summary>€ 1.234,56.</summary>
    public static string Money(decimal d)
    {
        var s = Math.Abs(d).ToString("#,##0.00", CultureInfo.InvariantCulture).Replace(',', '_').Replace('.', ',').Replace('_', '.');
        return (d < 0 ? "−€ " : "€ ") + s;
    }

    /// <summary>ja / nee / onbekend.</summary>
    public static string YesNo(bool? b) => b switch { true => "ja", false => "nee", null => "onbekend" };

    /// <summary>The URL when it is an absolute http or https address, otherwise null (no javascript:, data: or relative links from pack texts).</summary>
    public static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp) ? url : null;
}
