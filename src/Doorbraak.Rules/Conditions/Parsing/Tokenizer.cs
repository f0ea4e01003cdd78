using Doorbraak.Rules.Source;
using System.Globalization;
using System.Text;

namespace Doorbraak.Rules.Conditions.Parsing;

/// <summary>A syntax or type error at an offset in the expression text.</summary>
internal readonly record struct ExpressionError(DiagnosticDescriptor Descriptor, int Offset, string Message);

/// <summary>Hand-written tokenizer. Never throws; lexical errors are collected and tokenizing goes on.</summary>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string text, List<ExpressionError> errors)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\r' or '\n') { i++; continue; }
            var start = i;
            if (char.IsAsciiDigit(c))
            {
                i = Number(text, i, tokens, errors);
                continue;
            }
            if (c == 'P' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                while (i < text.Length && char.IsAsciiLetterOrDigit(text[i])) i++;
                var iso = text[start..i];
                if (FactValue.TryParseDuration(iso, out var months, out var days))
                    tokens.Add(new Token(TokenKind.Duration, iso, start, FactValue.Duration(months, days)));
                else
                    errors.Add(new(DiagnosticCatalog.InvalidDuration, start, $"'{iso}' is not a valid duration; write years, months, weeks and days in that order, such as P1Y6M, P4W or P30D (at most 4 digits each)."));
                continue;
            }
            if (char.IsAsciiLetter(c) || c == '_')
            {
                i = Name(text, i);
                var word = text[start..i];
                tokens.Add(Keywords.ByText.TryGetValue(word, out var kw)
                    ? new Token(kw, word, start)
                    : new Token(TokenKind.Identifier, word, start));
                continue;
            }
            if (c == '"')
            {
                i = TextLiteral(text, i, tokens, errors);
                continue;
            }
            TokenKind? op = c switch
            {
                '+' => TokenKind.Plus,
                '-' => TokenKind.Minus,
                '*' => TokenKind.Star,
                '/' => TokenKind.Slash,
                '=' => TokenKind.Equal,
                '(' => TokenKind.LParen,
                ')' => TokenKind.RParen,
                '[' => TokenKind.LBracket,
                ']' => TokenKind.RBracket,
                ',' => TokenKind.Comma,
                '€' => TokenKind.Euro,
                '<' => Next(text, i) == '=' ? TokenKind.LessEqual : TokenKind.Less,
                '>' => Next(text, i) == '=' ? TokenKind.GreaterEqual : TokenKind.Greater,
                '!' => Next(text, i) == '=' ? TokenKind.NotEqual : null,
                _ => null,
            };
            if (op is null)
            {
                var hint = c switch
                {
                    '\'' => " Write text in double quotes: \"bijstand\".",
                    '!' => " Write 'not' for negation and '!=' for 'is not equal to'.",
                    '&' or '|' => " Write 'and' or 'or'.",
                    '.' => " A name cannot start or end with a dot; write numbers as 0.5.",
                    _ => "",
                };
                errors.Add(new(DiagnosticCatalog.UnexpectedCharacter, i, $"Unexpected character '{c}'.{hint}"));
                i++;
                if (c == '\'')
                {
                    // skip the rest of a single-quoted text, so it gives one error
                    var close = text.IndexOf('\'', i);
                    if (close >= 0) i = close + 1;
                }
                else
                {
                    while (i < text.Length && text[i] == c) i++;
                }
                continue;
            }
            var length = op is TokenKind.LessEqual or TokenKind.GreaterEqual or TokenKind.NotEqual ? 2 : 1;
            tokens.Add(new Token(op.Value, text.Substring(i, length), i));
            i += length;
        }
        tokens.Add(new Token(TokenKind.End, "", text.Length));
        return tokens;
    }

    private static char Next(string text, int i) => i + 1 < text.Length ? text[i + 1] : '\0';

    /// <summary>A name: segments of letters, digits and underscores joined by single dots (<c>pw.norm.alleenstaande</c>).</summary>
    private static int Name(string text, int i)
    {
        while (true)
        {
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_')) i++;
            if (i + 1 < text.Length && text[i] == '.' && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] == '_')) { i++; continue; }
            return i;
        }
    }

    private static int Number(string text, int i, List<Token> tokens, List<ExpressionError> errors)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        if (i - start == 4 && i < text.Length && text[i] == '-')
        {
            // a date: yyyy-mm-dd
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '-')) i++;
            var raw = text[start..i];
            if (raw.Length == 10 && raw[7] == '-' && raw[4] == '-' && raw.Count(ch => ch == '-') == 2 &&
                DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                tokens.Add(new Token(TokenKind.Date, raw, start, FactValue.Date(date)));
            }
            else if (raw.Length == 10 && raw[4] == '-' && raw[7] == '-')
            {
                errors.Add(new(DiagnosticCatalog.InvalidDate, start, $"'{raw}' is not a date that exists; check the month (01-12) and the day of the month."));
            }
            else
            {
                errors.Add(new(DiagnosticCatalog.InvalidDate, start, $"'{raw}' is not a valid date; write dates as yyyy-mm-dd, such as 2026-01-01."));
            }
            return i;
        }
        var intEnd = i;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            var fracStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            if (i == fracStart)
            {
                errors.Add(new(DiagnosticCatalog.InvalidNumber, start, $"The number '{text[start..i]}' has no digits after the decimal point; write it as {text[start..(i - 1)]} or {text[start..i]}0."));
                return i;
            }
        }
        var raw2 = text[start..i];
        if (i < text.Length && (char.IsAsciiLetter(text[i]) || text[i] == '_'))
        {
            var end = i;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_')) end++;
            errors.Add(new(DiagnosticCatalog.InvalidNumber, start, $"'{text[start..end]}' is not a number; put a space between a number and a word, and use a dot as the decimal point."));
            return end;
        }
        if (intEnd - start > 1 && text[start] == '0')
        {
            errors.Add(new(DiagnosticCatalog.InvalidNumber, start, $"The number '{raw2}' has a leading zero; write it without leading zeros."));
            return i;
        }
        if (!decimal.TryParse(raw2, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || raw2.Length > 28)
        {
            errors.Add(new(DiagnosticCatalog.InvalidNumber, start, $"The number '{raw2}' is too large; numbers may have at most 28 digits."));
            return i;
        }
        tokens.Add(new Token(TokenKind.Number, raw2, start, FactValue.Number(value)));
        return i;
    }

    private static int TextLiteral(string text, int i, List<Token> tokens, List<ExpressionError> errors)
    {
        var start = i;
        i++;
        var sb = new StringBuilder();
        var ok = true;
        while (i < text.Length && text[i] != '"')
        {
            if (text[i] == '\\')
            {
                var n = Next(text, i);
                if (n is '"' or '\\') { sb.Append(n); i += 2; continue; }
                errors.Add(new(DiagnosticCatalog.InvalidText, i, "Unknown escape in text; inside double quotes only \\\" (a quote) and \\\\ (a backslash) are allowed."));
                ok = false;
                i++;
                continue;
            }
            sb.Append(text[i]);
            i++;
        }
        if (i >= text.Length)
        {
            errors.Add(new(DiagnosticCatalog.InvalidText, start, "The text is not closed; add a double quote (\") at its end."));
            return i;
        }
        i++;
        if (ok) tokens.Add(new Token(TokenKind.Text, text[start..i], start, FactValue.Text(sb.ToString())));
        return i;
    }
}
