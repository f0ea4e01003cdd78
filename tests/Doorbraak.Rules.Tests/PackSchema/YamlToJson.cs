using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Doorbraak.Rules.Tests.PackSchema;

/// <summary>
/// Converts one YAML document to JSON the way the pack format types scalars: plain <c>true</c>/<c>false</c>
/// are booleans, plain numbers in the strict pack form (<c>1401.50</c>, no leading zero, '_' or exponent)
/// are numbers, plain <c>null</c>/<c>~</c>/empty is null, everything else (dates, <c>yes</c>, <c>012</c>,
/// quoted text) is a string. Tokens are built directly, so Json.NET never re-interprets dates.
/// </summary>
internal static partial class YamlToJson
{
    [GeneratedRegex("^-?(0|[1-9][0-9]*)(\\.[0-9]+)?$")]
    private static partial Regex StrictNumber();

    public static JToken Convert(string text)
    {
        var parser = new Parser(new StringReader(text));
        parser.Consume<StreamStart>();
        if (parser.Accept<StreamEnd>(out _)) return JValue.CreateNull();
        parser.Consume<DocumentStart>();
        var root = Read(parser, 0);
        parser.Consume<DocumentEnd>();
        return root;
    }

    private static JToken Read(IParser p, int depth)
    {
        if (depth > 64) throw new InvalidOperationException("The YAML nests too deep for the schema test.");
        if (p.TryConsume<Scalar>(out var s)) return ScalarToken(s);
        if (p.TryConsume<SequenceStart>(out _))
        {
            var array = new JArray();
            while (!p.TryConsume<SequenceEnd>(out _)) array.Add(Read(p, depth + 1));
            return array;
        }
        p.Consume<MappingStart>();
        var obj = new JObject();
        while (!p.TryConsume<MappingEnd>(out _))
        {
            var key = p.Consume<Scalar>().Value;
            obj[key] = Read(p, depth + 1);
        }
        return obj;
    }

    private static JToken ScalarToken(Scalar s)
    {
        if (s.Style != ScalarStyle.Plain) return new JValue(s.Value);
        var v = s.Value;
        if (v is "" or "~" or "null") return JValue.CreateNull();
        if (v == "true") return new JValue(true);
        if (v == "false") return new JValue(false);
        if (v.Length <= 28 && StrictNumber().IsMatch(v))
        {
            return v.Contains('.')
                ? new JValue(decimal.Parse(v, CultureInfo.InvariantCulture))
                : long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? new JValue(l) : new JValue(decimal.Parse(v, CultureInfo.InvariantCulture));
        }
        return new JValue(v);
    }
}
