using System.Text.Json;
using Doorbraak.Rules.AspNetCore;
using Doorbraak.Rules.Tests.Evaluation;
using Microsoft.AspNetCore.Mvc;

namespace Doorbraak.Rules.Tests.AspNetCore;

/// <summary>Every library error becomes an RFC 7807 problem with a status, a stable code and, where there are any, the diagnostics.</summary>
public class DoorbraakProblemsTests
{
    private static readonly DateOnly Peildatum = new(2026, 3, 1);

    private static Exception Caught(Action act)
    {
        try { act(); }
        catch (Exception ex) { return ex; }
        throw new InvalidOperationException("Expected an exception.");
    }

    private static IReadOnlyList<Dictionary<string, object?>> Diagnostics(ProblemDetails p) =>
        (IReadOnlyList<Dictionary<string, object?>>)p.Extensions[DoorbraakProblems.DiagnosticsExtension]!;

    [Fact]
    public void A_pack_that_does_not_load_is_422_pack_load_with_every_diagnostic_and_its_place()
    {
        var ex = Caught(() => MiniPack.Load(MiniPack.Rules.Replace("pw.norm.gehuwden * 0.5", "pw.norm.gehuwden *")));
        ex.Should().BeOfType<PackLoadException>();
        var p = DoorbraakProblems.ToProblemDetails(ex);
        p.Status.Should().Be(422);
        p.Extensions["code"].Should().Be("pack-load");
        p.Type.Should().Be("urn:doorbraak:problem:pack-load");
        // The mini pack is format 1: its DBR1100 warning comes along; the error is the first diagnostic of severity error.
        var d = Diagnostics(p).Should().NotBeEmpty().And.Subject.First(x => (string?)x["severity"] == "error");
        ((string)d["code"]!).Should().StartWith("DBR");
        ((string)d["file"]!).Should().EndWith("rules.yaml");
        ((int)d["line"]!).Should().BePositive();
    }

    [Fact]
    public void A_household_that_is_not_yaml_is_400_and_one_that_does_not_fit_the_packs_is_422()
    {
        var engine = new DoorbraakEngine(MiniPack.Load());
        var malformed = DoorbraakProblems.ToProblemDetails(Caught(() => engine.ReadHousehold("leden: [ {")));
        malformed.Status.Should().Be(400);
        malformed.Extensions["code"].Should().Be("malformed-household");
        Diagnostics(malformed).Should().Contain(d => (string?)d["code"] == "DBR1001" || (string?)d["code"] == "DBR1002");

        var unknownFact = DoorbraakProblems.ToProblemDetails(Caught(() => engine.ReadHousehold("leden:\n  - id: a\n    geen_bekend_feit: 3\n")));
        unknownFact.Status.Should().Be(422);
        unknownFact.Extensions["code"].Should().Be("invalid-household");
        unknownFact.Detail.Should().Contain("geen_bekend_feit");
        Diagnostics(unknownFact).Should().NotBeEmpty();
    }

    [Fact]
    public void A_refused_decision_is_422_with_its_code()
    {
        var engine = new DoorbraakEngine(MiniPack.Load());
        var result = engine.Evaluate(MiniPack.S1(), Peildatum);
        var request = new DecisionRequest("afw.kostendelersnorm-tijdelijk", DecisionOutcome.Accepted, "C. Onsulent", "consulent", "Sem dreigt dakloos te raken.");
        var p = DoorbraakProblems.ToProblemDetails(Caught(() => new DoorbraakPlanner(engine).Decide(MiniPack.S1(), result, request)));
        p.Status.Should().Be(422);
        p.Extensions["code"].Should().Be("mandate");
        p.Title.Should().Be("The decision was refused.");
        var diagnostic = ((IEnumerable<Dictionary<string, object?>>)p.Extensions["diagnostics"]!).Should().ContainSingle().Subject;
        diagnostic["code"].Should().Be("DBR4005", "the refusal's catalogue code travels with the problem");
        diagnostic.Should().NotContainKey("file", "a decision has no place in a file");
    }

    [Fact]
    public void An_unknown_deviation_id_is_422_unknown_id_without_the_parameter_name()
    {
        var engine = new DoorbraakEngine(MiniPack.Load());
        var p = DoorbraakProblems.ToProblemDetails(Caught(() => engine.WhatIf(MiniPack.S1(), Peildatum, ["afw.bestaat-niet"])), "https://example.org/problems/");
        p.Status.Should().Be(422);
        p.Extensions["code"].Should().Be("unknown-id");
        p.Type.Should().Be("https://example.org/problems/unknown-id");
        p.Detail.Should().Contain("afw.bestaat-niet").And.NotContain("(Parameter");
    }

    [Fact]
    public void Malformed_json_is_400_and_names_the_place_not_the_values()
    {
        var ex = Caught(() => ResultJson.Deserialize("{\"collisions\": [ 12345"));
        var p = DoorbraakProblems.ToProblemDetails(ex);
        p.Status.Should().Be(400);
        p.Extensions["code"].Should().Be("malformed-input");
        p.Detail.Should().Contain("line").And.NotContain("12345");
        DoorbraakProblems.ToProblemDetails(new FormatException("x")).Status.Should().Be(400);
        DoorbraakProblems.ToProblemDetails(new InvalidDataException("x")).Status.Should().Be(400);
    }

    [Fact]
    public void Anything_else_is_500_without_the_message()
    {
        var p = DoorbraakProblems.ToProblemDetails(new InvalidOperationException("Sem verdient 1401.50"));
        p.Status.Should().Be(500);
        p.Extensions["code"].Should().Be("unexpected");
        p.Detail.Should().NotContain("Sem").And.NotContain("1401");
        DoorbraakProblems.ToProblemDetails(new ArgumentNullException("household")).Status.Should().Be(500, "a null argument is a bug in the host");
        DoorbraakProblems.IsClientError(new ArgumentNullException("household")).Should().BeFalse();
        DoorbraakProblems.IsClientError(new DecisionException(DecisionRefusalCode.Limits, "x")).Should().BeTrue();
    }

    [Fact]
    public void The_problem_serializes_as_rfc_7807_json_with_code_and_diagnostics()
    {
        var ex = Caught(() => MiniPack.Load(MiniPack.Rules.Replace("pw.norm.gehuwden * 0.5", "pw.norm.gehuwden *")));
        var json = JsonSerializer.Serialize(DoorbraakProblems.ToProblemDetails(ex), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var root = JsonDocument.Parse(json).RootElement;
        root.GetProperty("status").GetInt32().Should().Be(422);
        root.GetProperty("title").GetString().Should().NotBeNullOrWhiteSpace();
        root.GetProperty("code").GetString().Should().Be("pack-load");
        root.GetProperty("diagnostics").EnumerateArray().First(d => d.GetProperty("severity").GetString() == "error")
            .GetProperty("file").GetString().Should().EndWith("rules.yaml");
    }
}

public class DoorbraakExceptionHandlerTests
{
    [Fact]
    public async Task A_library_client_error_is_written_as_problem_json_and_anything_else_is_left_to_the_next_handler()
    {
        var handler = new DoorbraakExceptionHandler("https://example.org/problems/");
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        (await handler.TryHandleAsync(context, new DecisionException(DecisionRefusalCode.Limits, "Zes maanden is het maximum."), CancellationToken.None)).Should().BeTrue();
        context.Response.StatusCode.Should().Be(422);
        context.Response.ContentType.Should().StartWith("application/problem+json");
        context.Response.Body.Position = 0;
        var root = (await JsonDocument.ParseAsync(context.Response.Body)).RootElement;
        root.GetProperty("code").GetString().Should().Be("limits");
        root.GetProperty("type").GetString().Should().Be("https://example.org/problems/limits");

        var other = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        (await new DoorbraakExceptionHandler().TryHandleAsync(other, new InvalidOperationException("x"), CancellationToken.None)).Should().BeFalse();
        other.Response.StatusCode.Should().Be(200);
    }
}

/// <summary>Issue #20 item 4: hostile JSON inputs are client errors (400/422), never a 500.</summary>
public sealed class HostileInputProblemsTests
{
    [Fact]
    public void Invalid_utf8_in_a_json_body_is_400_malformed_input()
    {
        var bytes = "{\"household\": \"x\u00ff\"}"u8.ToArray();
        bytes[^3] = 0xFF; // an invalid UTF-8 byte inside the string
        var ex = Record.Exception(() => System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(bytes));
        ex.Should().NotBeNull();
        Doorbraak.Rules.AspNetCore.DoorbraakProblems.StatusCodeOf(ex!).Should().Be(400, ex!.GetType().FullName);
        Doorbraak.Rules.AspNetCore.DoorbraakProblems.StatusCodeOf(new System.Text.DecoderFallbackException("bad byte")).Should().Be(400);
    }

    [Fact]
    public void A_null_deviation_id_for_what_if_is_422()
    {
        var engine = new DoorbraakEngine(PackSet.LoadDirectories(System.IO.Path.Combine(RepoRoot.Path, "policypacks", "nl-sociaal-domein")));
        var household = engine.ReadHousehold(File.ReadAllText(System.IO.Path.Combine(RepoRoot.Path, "samples", "households", "s1-kostendelersnorm.yaml")));
        var ex = Record.Exception(() => engine.WhatIf(household, new DateOnly(2026, 3, 1), [null!]));
        ex.Should().BeOfType<ArgumentException>().Which.Message.Should().StartWith("A deviation id is empty or null");
        Doorbraak.Rules.AspNetCore.DoorbraakProblems.StatusCodeOf(ex!).Should().Be(422);
    }

    [Fact]
    public void An_unknown_goal_is_refused_when_the_household_is_read_with_its_place()
    {
        var engine = new DoorbraakEngine(PackSet.LoadDirectories(System.IO.Path.Combine(RepoRoot.Path, "policypacks", "nl-sociaal-domein")));
        var ex = Record.Exception(() => engine.ReadHousehold("{\"leden\": [{\"id\": \"a\", \"rol\": \"aanvrager\"}], \"doelen\": [\"doel.bestaat-niet\"]}", "h.json"));
        var h = ex.Should().BeOfType<HouseholdException>().Subject;
        h.Diagnostics.Should().ContainSingle().Which.ToString().Should().StartWith("h.json:1:57: error DBR3007");
        Doorbraak.Rules.AspNetCore.DoorbraakProblems.StatusCodeOf(h).Should().Be(422);
    }

    [Fact]
    public void A_plan_json_with_a_duplicate_key_or_a_missing_part_is_a_JsonException()
    {
        Record.Exception(() => PlanExport.FromJson("{\"a\": 1}")).Should().BeAssignableTo<System.Text.Json.JsonException>();
        Record.Exception(() => PlanExport.FromJson("{\"caseReference\": \"x\", \"caseReference\": \"y\"}")).Should().BeAssignableTo<System.Text.Json.JsonException>();
    }
}

/// <summary>Issue #20 item 8: values that cannot be are refused with DBR3160.</summary>
public sealed class ImpossibleValuesTests
{
    private static readonly Lazy<DoorbraakEngine> Engine = new(() =>
        new DoorbraakEngine(PackSet.LoadDirectories(System.IO.Path.Combine(RepoRoot.Path, "policypacks", "nl-sociaal-domein"))));

    [Theory]
    [InlineData("{\"huur\": -780.00, \"leden\": [{\"id\": \"a\", \"rol\": \"aanvrager\"}]}", "h.json:1:10: error DBR3160: 'huur' is -780.00; an amount of a household cannot be negative")]
    [InlineData("{\"leden\": [{\"id\": \"a\", \"rol\": \"aanvrager\", \"inkomen\": -1.00}]}", "h.json:1:55: error DBR3160: 'inkomen' is -1.00")]
    [InlineData("{\"leden\": [{\"id\": \"a\", \"rol\": \"baas\"}]}", "h.json:1:31: error DBR3160: The role 'baas' does not exist")]
    public void Impossible_values_are_refused_where_they_are_written(string json, string expected)
    {
        var ex = Record.Exception(() => Engine.Value.ReadHousehold(json, "h.json"));
        ex.Should().BeOfType<HouseholdException>().Which.Diagnostics.Should().ContainSingle().Which.ToString().Should().StartWith(expected);
    }

    [Fact]
    public void A_birth_date_after_the_reference_date_is_refused_instead_of_a_negative_age()
    {
        var household = Engine.Value.ReadHousehold("{\"leden\": [{\"id\": \"a\", \"rol\": \"aanvrager\", \"geboren\": \"2026-06-01\"}]}", "h.json");
        var ex = Record.Exception(() => Engine.Value.Evaluate(household, new DateOnly(2026, 3, 1)));
        ex.Should().BeOfType<HouseholdException>().Which.Diagnostics.Should().ContainSingle()
            .Which.Message.Should().StartWith("The member 'a' is born on 2026-06-01, after the reference date 2026-03-01");
    }
}
