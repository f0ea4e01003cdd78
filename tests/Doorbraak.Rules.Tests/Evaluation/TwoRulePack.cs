namespace Doorbraak.Rules.Tests.Evaluation;

/// <summary>Two rules that only together make a goal fail (each takes 600 of an income of 1500; the goal needs 1000 left).</summary>
internal static class TwoRulePack
{
    public const string Facts = """
        facts:
          huishouden.korting_a: { type: money, description: Korting A, default: 0 }
          huishouden.korting_b: { type: money, description: Korting B, default: 0 }
        """;

    public const string RulesAndGoal = """
        rules:
          - id: regel.a
            title: Regel A
            law: { law: Wet A, article: "1", url: "https://example.org/a" }
            domain: inkomen
            applies: aanvrager.inkomen > 1000
            determines: { huishouden.korting_a: 600 }
          - id: regel.b
            title: Regel B
            law: { law: Wet B, article: "2", url: "https://example.org/b" }
            domain: inkomen
            applies: aanvrager.inkomen > 1000
            determines: { huishouden.korting_b: 600 }
        goals:
          - id: doel.rond
            title: Rondkomen
            domain: inkomen
            holds: aanvrager.inkomen - huishouden.korting_a - huishouden.korting_b >= 1000
        """;
}
