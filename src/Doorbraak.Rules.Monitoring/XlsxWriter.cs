using ClosedXML.Excel;

namespace Doorbraak.Rules.Monitoring;

/// <summary>
/// Writes the council workbook (.xlsx) with ClosedXML: sheets of text and number cells, a bold, frozen header row and an autofilter.
/// Column widths are set from the texts here rather than with ClosedXML's AdjustToContents, which measures fonts through
/// System.Drawing (GDI+, not available on Linux).
/// </summary>
internal static class XlsxWriter
{
    /// <summary>A sheet: a name and rows of cells (a string, a number, or null for empty); the first row is the header.</summary>
    public sealed record Sheet(string Name, IReadOnlyList<IReadOnlyList<object?>> Rows);

    public static void Write(Stream output, IReadOnlyList<Sheet> sheets)
    {
        using var workbook = new XLWorkbook();
        foreach (var sheet in sheets)
        {
            var ws = workbook.Worksheets.Add(SheetName(sheet.Name));
            var widths = new Dictionary<int, int>();
            for (var r = 0; r < sheet.Rows.Count; r++)
            {
                var row = sheet.Rows[r];
                for (var c = 0; c < row.Count; c++)
                {
                    var cell = ws.Cell(r + 1, c + 1);
                    switch (row[c])
                    {
                        case null:
                            break;
                        case decimal d:
                            cell.Value = d;
                            break;
                        case int i:
                            cell.Value = i;
                            break;
                        case double x:
                            cell.Value = x;
                            break;
                        case object o:
                            // Always text: a value such as "< 5" or "=1+1" must never become a number or a formula.
                            cell.SetValue(Clean(o.ToString() ?? ""));
                            cell.DataType = XLDataType.Text;
                            break;
                    }
                    var len = row[c] switch { null => 0, decimal d => d.ToString(System.Globalization.CultureInfo.InvariantCulture).Length, var o => o.ToString()?.Length ?? 0 };
                    widths[c] = Math.Max(widths.GetValueOrDefault(c), len);
                }
            }
            if (sheet.Rows.Count > 0 && sheet.Rows[0].Count > 0)
            {
                var header = ws.Range(1, 1, 1, sheet.Rows[0].Count);
                header.Style.Font.Bold = true;
                header.Style.Fill.BackgroundColor = XLColor.FromHtml("#F0F3F7");
                ws.SheetView.FreezeRows(1);
                if (sheet.Rows.Count > 1) ws.Range(1, 1, sheet.Rows.Count, sheet.Rows[0].Count).SetAutoFilter();
            }
            foreach (var (c, len) in widths) ws.Column(c + 1).Width = Math.Clamp(len + 2, 8, 80);
        }
        workbook.SaveAs(output);
    }

    private static string SheetName(string name)
    {
        var clean = new string(name.Where(ch => ch is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\')).ToArray());
        return clean.Length > 31 ? clean[..31] : clean;
    }

    private static string Clean(string s) => new(s.Where(ch => ch is '\t' or '\n' or '\r' || ch >= ' ').ToArray());
}
