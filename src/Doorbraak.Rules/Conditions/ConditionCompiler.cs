using Doorbraak.Rules.Source;
using Doorbraak.Rules.Facts;
using Doorbraak.Rules.Conditions.Ast;
using Doorbraak.Rules.Conditions.Binding;
using Doorbraak.Rules.Conditions.Compilation;
using Doorbraak.Rules.Conditions.Parsing;

namespace Doorbraak.Rules.Conditions;

/// <summary>The pipeline: tokenize, check limits, parse, bind and type-check, compile to a delegate.</summary>
internal static class ConditionCompiler
{
    /// <summary>
    /// Compiles one expression. Every problem goes into <paramref name="diagnostics"/> (codes DBR2xxx,
    /// at file:line:column of the offending part). Returns null if any error was found.
    /// </summary>
    /// <param name="source">The expression text and where it is in its file.</param>
    /// <param name="env">Schema, parameters and host functions.</param>
    /// <param name="expected">The required result type, or null for any scalar.</param>
    /// <param name="scope">An entity whose fields bare names resolve to first (the element of a <c>for_each</c>), or null.</param>
    /// <param name="diagnostics">Where errors go.</param>
    public static CompiledExpression? Compile(ConditionSource source, ConditionEnvironment env, FactType? expected, EntitySchema? scope, DiagnosticBag diagnostics)
    {
        var errors = new List<ExpressionError>();
        var bound = Bind(source.Text, env, expected, scope, errors);
        if (bound is null || errors.Count > 0)
        {
            foreach (var e in errors) diagnostics.Report(e.Descriptor, source.LocationAt(e.Offset), e.Message);
            return null;
        }
        return Build(source, bound, top: true);
    }

    /// <summary>Parses and binds without compiling; errors carry offsets into the text.</summary>
    internal static Bound? Bind(string text, ConditionEnvironment env, FactType? expected, EntitySchema? scope, List<ExpressionError> errors)
    {
        var node = Parser.Parse(text, errors);
        if (node is null) return null;
        return new Binder(env, text, scope, errors).BindTop(node, expected);
    }

    private static CompiledExpression Build(ConditionSource source, Bound bound, bool top)
    {
        var connective = bound is BBinary { Op: BinaryOp.And or BinaryOp.Or } topBinary ? (topBinary.Op == BinaryOp.And ? "and" : "or") : "";
        var clauses = new List<CompiledExpression>();
        if (connective.Length > 0)
        {
            var op = ((BBinary)bound).Op;
            var operands = new List<Bound>();
            Flatten(bound, op, operands);
            foreach (var operand in operands) clauses.Add(Build(source, operand, top: false));
        }
        var text = top ? source.Text.Trim() : Balanced(source.Text, bound.Start, bound.End);
        var tree = LinqCompiler.Tree(bound);
        return new CompiledExpression(text, source.LocationAt(bound.Start), bound, tree, tree.Compile(), clauses, connective);
    }

    /// <summary>
    /// The source of a clause, widened to whole parentheses: a node's span can end before the ')' that closes a
    /// bracket it opened (<c>not (any ... where x)</c>), and a clause shown to a regisseur must read as written.
    /// </summary>
    internal static string Balanced(string text, int start, int end)
    {
        int Depth(int from, int to)
        {
            var depth = 0;
            var inText = false;
            for (var i = from; i < to; i++)
            {
                var ch = text[i];
                if (ch == '"' && (i == 0 || text[i - 1] != '\\')) inText = !inText;
                else if (!inText && ch is '(' or '[') depth++;
                else if (!inText && ch is ')' or ']') depth--;
            }
            return depth;
        }
        var open = Depth(start, end);
        while (open > 0)
        {
            var j = end;
            while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
            if (j >= text.Length || text[j] is not (')' or ']')) break;
            end = j + 1;
            open--;
        }
        while (open < 0)
        {
            var j = start - 1;
            while (j >= 0 && char.IsWhiteSpace(text[j])) j--;
            if (j < 0 || text[j] is not ('(' or '[')) break;
            start = j;
            open++;
        }
        return text[start..end].Trim();
    }

    private static void Flatten(Bound b, BinaryOp op, List<Bound> operands)
    {
        // iterative on the left spine: and/or chains are left-deep
        var stack = new Stack<Bound>();
        stack.Push(b);
        while (stack.Count > 0)
        {
            var x = stack.Pop();
            if (x is BBinary bin && bin.Op == op)
            {
                stack.Push(bin.Right);
                stack.Push(bin.Left);
            }
            else operands.Add(x);
        }
    }
}
