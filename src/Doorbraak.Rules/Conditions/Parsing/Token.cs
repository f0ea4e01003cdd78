namespace Doorbraak.Rules.Conditions.Parsing;

/// <summary>The kinds of token in the condition language.</summary>
internal enum TokenKind
{
    Number, Date, Duration, Text, Identifier, Euro,
    Plus, Minus, Star, Slash, Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual,
    LParen, RParen, LBracket, RBracket, Comma,
    And, Or, Not, Between, In, If, Then, Else, Any, All, No, Where, Of, True, False,
    End,
}

/// <summary>One token: its kind, its text, its offset in the expression and, for literals, its value.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Start, FactValue Value = default)
{
    public int End => Start + Text.Length;

    /// <summary>How the token is named in error messages.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the expression",
        TokenKind.Identifier => $"name '{Text}'",
        TokenKind.Number => $"number {Text}",
        TokenKind.Text => $"text {Text}",
        TokenKind.Date => $"date {Text}",
        TokenKind.Duration => $"duration {Text}",
        _ when Keywords.IsKeyword(Kind) => $"keyword '{Text}'",
        _ => $"'{Text}'",
    };
}

/// <summary>The reserved words. Matched exactly (lower case).</summary>
internal static class Keywords
{
    public static readonly IReadOnlyDictionary<string, TokenKind> ByText = new Dictionary<string, TokenKind>(StringComparer.Ordinal)
    {
        ["and"] = TokenKind.And,
        ["or"] = TokenKind.Or,
        ["not"] = TokenKind.Not,
        ["between"] = TokenKind.Between,
        ["in"] = TokenKind.In,
        ["if"] = TokenKind.If,
        ["then"] = TokenKind.Then,
        ["else"] = TokenKind.Else,
        ["any"] = TokenKind.Any,
        ["all"] = TokenKind.All,
        ["no"] = TokenKind.No,
        ["where"] = TokenKind.Where,
        ["of"] = TokenKind.Of,
        ["true"] = TokenKind.True,
        ["waar"] = TokenKind.True,
        ["false"] = TokenKind.False,
        ["onwaar"] = TokenKind.False,
    };

    public static bool IsKeyword(TokenKind kind) => kind is >= TokenKind.And and <= TokenKind.False;
}
