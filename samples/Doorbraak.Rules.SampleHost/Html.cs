using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Doorbraak.Rules.SampleHost;

/// <summary>Small helpers for server-rendered Dutch HTML.</summary>
public static class Html
{
    private static readonly string[] Months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    // Encodes the HTML-significant characters but leaves letters such as ë and € readable in the page source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>HTML-encodes text.</summary>
    public static string E(string? text) => Encoder.Encode(text ?? "");

    /// <summary>1 maart 2026.</summary>
    public static string Date(DateOnly d) => $"{d.Day} {Months[d.Month - 1]} {d.Year}";

    /// <summary>€ 1.234,56.</summary>
    /// <summary>An amount, or "onbekend" when it rests on an unknown value (never € 0,00).</summary>
    public static string Money(decimal? d) => d is { } v ? Money(v) : "onbekend";

    public static string Money(decimal d)
    {
        var s = Math.Abs(d).ToString("#,##0.00", CultureInfo.InvariantCulture).Replace(',', '_').Replace('.', ',').Replace('_', '.');
        return (d < 0 ? "−€ " : "€ ") + s;
    }

    /// <summary>ja / nee / onbekend.</summary>
    public static string YesNo(bool? b) => b switch { true => "ja", false => "nee", null => "onbekend" };

    /// <summary>The page around the content.</summary>
    public static string Page(string title, string body)
    {
        var sb = new StringBuilder();
        sb.Append("<!doctype html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<title>").Append(E(title)).Append(" — Doorbraak.Rules</title>\n<link rel=\"stylesheet\" href=\"/site.css\">\n</head>\n<body>\n");
        sb.Append("<a class=\"skip\" href=\"#inhoud\">Naar de inhoud</a>\n");
        sb.Append("<header class=\"top\"><p class=\"brand\"><a href=\"/\">Doorbraak.Rules</a> <span>voorbeeld voor regisseurs</span></p>");
        sb.Append("<nav aria-label=\"Hoofdmenu\"><a href=\"/\">Nieuw huishouden</a> <a href=\"/openapi/v1.json\">API (OpenAPI)</a></nav></header>\n");
        sb.Append("<main id=\"inhoud\" tabindex=\"-1\">\n").Append(body).Append("\n</main>\n");
        sb.Append("<footer><p>Deze voorbeeldtoepassing bewaart niets: het huishouden en de besluiten reizen alleen mee in de formulieren op deze pagina. ");
        sb.Append("De motor stelt voor; een mens besluit.</p></footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>The style sheet: plain, readable on a laptop screen, visible focus.</summary>
    public const string Css = """
        :root { --ink:#1b1b1b; --muted:#555; --line:#c8c8c8; --accent:#154273; --accent-ink:#fff; --warn:#8a1c1c; --warn-bg:#fdecea; --ok:#1d5e20; --ok-bg:#e8f5e9; --card:#fafafa; }
        * { box-sizing: border-box; }
        body { margin:0; font: 17px/1.5 system-ui, "Segoe UI", Roboto, Arial, sans-serif; color:var(--ink); background:#fff; }
        .skip { position:absolute; left:-999px; } .skip:focus { left:1rem; top:1rem; background:#fff; padding:.5rem; z-index:2; }
        header.top { background:var(--accent); color:var(--accent-ink); padding:.6rem 1.5rem; display:flex; justify-content:space-between; align-items:center; flex-wrap:wrap; }
        header.top a { color:var(--accent-ink); } .brand { margin:0; font-weight:700; } .brand span { font-weight:400; opacity:.9; } nav a { margin-left:1rem; }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
        footer { max-width:72rem; margin:0 auto; padding:1rem 1.5rem; color:var(--muted); border-top:1px solid var(--line); font-size:.9rem; }
        h1 { font-size:1.7rem; margin:.6rem 0 .8rem; } h2 { font-size:1.35rem; margin-top:2rem; border-bottom:2px solid var(--accent); padding-bottom:.2rem; } h3 { font-size:1.15rem; margin:.2rem 0 .5rem; } h4 { margin:1rem 0 .3rem; }
        a { color:var(--accent); } a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus, main:focus-visible { outline:3px solid #f0a30a; outline-offset:2px; }
        fieldset { border:1px solid var(--line); border-radius:6px; margin:0 0 1rem; padding:.6rem 1rem 1rem; } legend { font-weight:700; padding:0 .3rem; }
        .grid { display:grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap:.6rem 1rem; }
        .field { display:flex; flex-direction:column; margin-bottom:.6rem; } label { font-weight:600; } .hint { color:var(--muted); font-size:.9rem; margin:.1rem 0 0; }
        input, select, textarea { font:inherit; padding:.35rem .45rem; border:1px solid #767676; border-radius:4px; max-width:100%; background:#fff; }
        textarea { width:100%; font-family: ui-monospace, Menlo, Consolas, monospace; font-size:.9rem; }
        button { font:inherit; padding:.45rem 1rem; border-radius:4px; border:1px solid var(--accent); background:var(--accent); color:var(--accent-ink); cursor:pointer; margin:.2rem .4rem .2rem 0; }
        button.secondary { background:#fff; color:var(--accent); }
        .card { background:var(--card); border:1px solid var(--line); border-left:5px solid var(--accent); border-radius:6px; padding:.8rem 1rem; margin:0 0 1rem; }
        .collision { border-left-color:#b3541e; } .proposal { border-left-color:#1d5e20; }
        .badge { display:inline-block; font-size:.8rem; font-weight:600; padding:.05rem .5rem; border-radius:1rem; background:#e3e3e3; vertical-align:middle; }
        .sev-high, .sev-critical { background:#f7d4d4; color:var(--warn); } .sev-medium { background:#fbe7c6; color:#6b4100; }
        .alert { background:var(--warn-bg); color:var(--warn); border:1px solid var(--warn); border-radius:6px; padding:.6rem 1rem; margin:.6rem 0; }
        .notice { background:var(--ok-bg); color:var(--ok); border:1px solid var(--ok); border-radius:6px; padding:.6rem 1rem; margin:.6rem 0; }
        dl.facts { display:grid; grid-template-columns: 12rem 1fr; gap:.2rem 1rem; margin:.4rem 0; } dl.facts dt { font-weight:600; } dl.facts dd { margin:0; }
        table { border-collapse:collapse; margin:.4rem 0; } th, td { border:1px solid var(--line); padding:.25rem .6rem; text-align:left; vertical-align:top; } td.num, th.num { text-align:right; font-variant-numeric: tabular-nums; }
        caption { text-align:left; font-weight:600; padding-bottom:.2rem; }
        .motivation { white-space:pre-wrap; background:#fff; border:1px solid var(--line); padding:.6rem; border-radius:4px; }
        .path { font-family: ui-monospace, Menlo, Consolas, monospace; font-size:.85rem; color:var(--muted); font-weight:400; }
        .inline { display:inline; } .row { display:flex; gap:1rem; flex-wrap:wrap; align-items:flex-end; }
        details { margin:.4rem 0; } summary { cursor:pointer; color:var(--accent); }
        .summary-line { font-size:1.05rem; }
        """;
}
