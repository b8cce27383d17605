using System.Globalization;

namespace KhcnTracker.Domain.Catalogue;

/// <summary>
/// A computed indicator's formula in the catalogue's small grammar: indicator codes in braces, numbers, + − × ÷ (or
/// <c>+ - * /</c>) and parentheses, e.g. <c>{budget-khcn-dmst-cds-spending} / {budget-total-spending} * 100</c>.
/// Evaluated in decimal arithmetic, so 330 / 10000 * 100 is exactly 3.3 — no binary rounding reaches a budget share.
/// </summary>
public sealed class Formula
{
    private readonly Node _root;

    public string Text { get; }

    /// <summary>The indicator codes the formula reads, each once, in order of appearance.</summary>
    public IReadOnlyList<string> Inputs { get; }

    private Formula(string text, Node root, IReadOnlyList<string> inputs) => (Text, _root, Inputs) = (text, root, inputs);

    /// <summary>Reads a formula; text outside the grammar is refused with <c>indicator.formula-invalid</c>.</summary>
    public static Formula Parse(string text)
    {
        var parser = new Parser(text ?? "");
        var root = parser.Expression();
        parser.ExpectEnd();
        return new Formula(text!.Trim(), root, parser.Codes);
    }

    /// <summary>The formula over the given input values; a division by zero gives no value and says so.</summary>
    public FormulaResult Evaluate(IReadOnlyDictionary<string, decimal> inputs)
    {
        try
        {
            return new FormulaResult(_root.Evaluate(inputs), null);
        }
        catch (DivideByZeroException)
        {
            return new FormulaResult(null, FormulaProblem.DivisionByZero);
        }
        catch (OverflowException)
        {
            return new FormulaResult(null, FormulaProblem.Overflow);
        }
    }

    private abstract record Node
    {
        public abstract decimal Evaluate(IReadOnlyDictionary<string, decimal> inputs);
    }

    private sealed record Number(decimal Value) : Node
    {
        public override decimal Evaluate(IReadOnlyDictionary<string, decimal> inputs) => Value;
    }

    private sealed record Input(string Code) : Node
    {
        public override decimal Evaluate(IReadOnlyDictionary<string, decimal> inputs) => inputs[Code];
    }

    private sealed record Negation(Node Operand) : Node
    {
        public override decimal Evaluate(IReadOnlyDictionary<string, decimal> inputs) => -Operand.Evaluate(inputs);
    }

    private sealed record Binary(char Operator, Node Left, Node Right) : Node
    {
        public override decimal Evaluate(IReadOnlyDictionary<string, decimal> inputs)
        {
            var (left, right) = (Left.Evaluate(inputs), Right.Evaluate(inputs));
            return Operator switch { '+' => left + right, '-' => left - right, '*' => left * right, _ => left / right };
        }
    }

    /// <summary>Recursive descent: expression = term {(+|−) term}; term = factor {(×|÷) factor}; factor = number | {code} | (expression) | −factor.</summary>
    private sealed class Parser(string text)
    {
        private int _at;
        public List<string> Codes { get; } = [];

        public Node Expression()
        {
            var node = Term();
            while (Next() is '+' or '-' or '−')
                node = new Binary(Take() == '+' ? '+' : '-', node, Term());
            return node;
        }

        public void ExpectEnd()
        {
            if (Next() is not null) Fail($"unexpected '{text[_at]}' at position {_at + 1}");
        }

        private Node Term()
        {
            var node = Factor();
            while (Next() is '*' or '/' or '×' or '÷')
                node = new Binary(Take() is '*' or '×' ? '*' : '/', node, Factor());
            return node;
        }

        private Node Factor()
        {
            switch (Next())
            {
                case '(':
                    Take();
                    var inner = Expression();
                    if (Next() != ')') Fail("a parenthesis is not closed");
                    Take();
                    return inner;
                case '-' or '−':
                    Take();
                    return new Negation(Factor());
                case '{':
                    Take();
                    var end = text.IndexOf('}', _at);
                    if (end < 0) Fail("a brace is not closed");
                    var code = text[_at..end];
                    if (!Slug.IsValid(code)) Fail($"'{code}' is not an indicator code");
                    _at = end + 1;
                    if (!Codes.Contains(code)) Codes.Add(code);
                    return new Input(code);
                case { } c when char.IsAsciiDigit(c):
                    var start = _at;
                    while (_at < text.Length && (char.IsAsciiDigit(text[_at]) || text[_at] == '.')) _at++;
                    if (!decimal.TryParse(text[start.._at], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                        Fail($"'{text[start.._at]}' is not a number");
                    return new Number(number);
                default:
                    Fail(Next() is { } other ? $"unexpected '{other}' at position {_at + 1}" : "the formula ends too early");
                    return null!;
            }
        }

        private char? Next()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at])) _at++;
            return _at < text.Length ? text[_at] : null;
        }

        private char Take() => text[_at++];

        private static void Fail(string why) =>
            throw new DomainException("indicator.formula-invalid", $"The formula cannot be read: {why}.");
    }
}

public enum FormulaProblem { DivisionByZero, Overflow }

public readonly record struct FormulaResult(decimal? Value, FormulaProblem? Problem);
