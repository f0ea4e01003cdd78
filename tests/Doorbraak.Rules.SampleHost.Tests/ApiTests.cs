using System.Net;
using System.Text;
using System.Text.Json;
using FluentAssertions;

namespace Doorbraak.Rules.SampleHost.Tests;

public sealed class ApiTests(SampleHostFactory factory) : IClassFixture<SampleHostFactory>
{
    private readonly HttpClient _client = factory.ApiClient("teamleider");

    // The decider and the mandate are not part of the request: they come from the API key's identity.
    private static object Decision(string outcome = "accepted", int? duration = null) => new
    {
        proposalId = Scenario.Proposal, outcome,
        motivation = "Zoon dreigt dakloos te raken; plan voor eigen inkomen en woonruimte; 6 maanden is evenredig.",
        durationMonths = duration,
    };

    private static async Task<JsonElement> Body(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status, string? code)
    {
        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var body = await Body(response);
        body.GetProperty("status").GetInt32().Should().Be((int)status);
        body.GetProperty("title").GetString().Should().NotBeNullOrWhiteSpace();
        if (code is not null) body.GetProperty("code").GetString().Should().Be(code);
        return body;
    }

    [Fact]
    public async Task A_malformed_json_household_is_a_json_problem_and_an_empty_one_is_a_problem_too()
    {
        var json = await _client.PostAsync("/api/evaluate", SampleHostFactory.Json(new { household = "{ \"huur\": 780, \"leden\": [ { \"id\": \"a\" }, ] }", date = Scenario.Date }));
        var problem = await Problem(json, HttpStatusCode.BadRequest, "malformed-household");
        problem.GetProperty("detail").GetString().Should().Contain("not valid JSON").And.NotContain("YAML");

        var empty = await _client.PostAsync("/api/evaluate", SampleHostFactory.Json(new { household = "  ", date = Scenario.Date }));
        (await Problem(empty, HttpStatusCode.BadRequest, "malformed-household")).GetProperty("problems").GetArrayLength().Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Evaluate_yaml_text_finds_the_collision_and_the_proposal_with_basis_mandate_limits_and_cost()
    {
        var response = await _client.PostAsync("/api/evaluate", SampleHostFactory.Json(new { household = Scenario.S1Yaml, date = Scenario.Date }));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await Body(response);
        var collision = body.GetProperty("collisions").EnumerateArray().Single(c => c.GetProperty("id").GetString() == Scenario.Collision);
        collision.GetProperty("explanation").GetString().Should().Contain("kostendelersnorm");
        var proposal = body.GetProperty("proposals").EnumerateArray().Single(p => p.GetProperty("id").GetString() == Scenario.Proposal);
        proposal.GetProperty("mandate").GetString().Should().Be("teamleider");
        proposal.GetProperty("basis")[0].GetProperty("citation").GetString().Should().Be("Participatiewet art. 18 lid 1");
        proposal.GetProperty("limits").GetProperty("durationMonths").GetInt32().Should().Be(6);
        proposal.GetProperty("cost").GetProperty("currentRoute").GetDecimal().Should().BeGreaterThan(proposal.GetProperty("cost").GetProperty("proposalRoute").GetDecimal());
        proposal.GetProperty("motivation").GetString().Should().NotBeNullOrWhiteSpace();
        body.GetProperty("audit").GetProperty("referenceDate").GetString().Should().Be(Scenario.Date);
    }

    [Fact]
    public async Task Evaluate_accepts_the_household_as_a_json_object_and_reports_missing_facts_as_questions()
    {
        var household = new { leden = new object[] { new { id = "moeder", rol = "aanvrager", geboren = "1971-01-10", heeft_bijstand = true }, new { id = "zoon", rol = "kind", geboren = "1997-09-14", inkomen = 0 } } };
        var response = await _client.PostAsync("/api/evaluate", SampleHostFactory.Json(new { household, date = Scenario.Date }));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var missing = (await Body(response)).GetProperty("missingFacts").EnumerateArray().ToList();
        missing.Should().NotBeEmpty();
        missing.Should().OnlyContain(m => !string.IsNullOrWhiteSpace(m.GetProperty("question").GetString()));
        missing.Select(m => m.GetProperty("path").GetString()).Should().Contain("leden[zoon].student");
    }

    [Fact]
    public async Task WhatIf_reports_what_the_deviation_resolves()
    {
        var response = await _client.PostAsync("/api/what-if", SampleHostFactory.Json(new { household = Scenario.S1Object, date = Scenario.Date, deviations = new[] { Scenario.Proposal } }));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await Body(response);
        body.GetProperty("resolves").EnumerateArray().Select(e => e.GetString()).Should().Contain(Scenario.Collision);
        body.GetProperty("summary").GetString().Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task WhatIf_with_an_unknown_deviation_is_422()
    {
        var response = await _client.PostAsync("/api/what-if", SampleHostFactory.Json(new { household = Scenario.S1Object, date = Scenario.Date, deviations = new[] { "afw.bestaat-niet" } }));
        await Problem(response, HttpStatusCode.UnprocessableEntity, "unknown-deviation");
    }

    [Fact]
    public async Task Decide_beyond_the_mandate_is_refused_and_within_it_is_recorded()
    {
        var refused = await factory.ApiClient("consulent").PostAsync("/api/decide", SampleHostFactory.Json(new { household = Scenario.S1Object, date = Scenario.Date, decision = Decision() }));
        var problem = await Problem(refused, HttpStatusCode.UnprocessableEntity, "mandate");
        problem.GetProperty("detail").GetString().Should().Contain("teamleider");

        var accepted = await _client.PostAsync("/api/decide", SampleHostFactory.Json(new { household = Scenario.S1Object, date = Scenario.Date, decision = Decision() }));
        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await Body(accepted);
        body.GetProperty("decidedBy").GetString().Should().Be("api-teamleider-demo");
        body.GetProperty("mandate").GetString().Should().Be("teamleider");
        body.GetProperty("outcome").GetString().Should().Be("accepted");
        body.GetProperty("requiredMandate").GetString().Should().Be("teamleider");
        body.GetProperty("endDate").GetString().Should().Be("2026-08-31");
    }

    [Fact]
    public async Task Decide_beyond_the_limits_is_refused()
    {
        var response = await _client.PostAsync("/api/decide", SampleHostFactory.Json(new { household = Scenario.S1Object, date = Scenario.Date, decision = Decision("changed", 12) }));
        var problem = await Problem(response, HttpStatusCode.UnprocessableEntity, "limits");
        problem.GetProperty("detail").GetString().Should().Contain("6 maanden");
    }

    [Fact]
    public async Task Decide_with_an_unknown_outcome_is_422()
    {
        var response = await _client.PostAsync("/api/decide", SampleHostFactory.Json(new { household = Scenario.S1Object, date = Scenario.Date, decision = Decision("misschien") }));
        await Problem(response, HttpStatusCode.UnprocessableEntity, "outcome");
    }

    [Theory]
    [InlineData("json", "application/json")]
    [InlineData("markdown", "text/markdown")]
    [InlineData("html", "text/html")]
    public async Task Plan_comes_back_in_each_format_with_the_decision_and_its_basis(string format, string mediaType)
    {
        var response = await _client.PostAsync("/api/plan", SampleHostFactory.Json(new
        {
            household = Scenario.S1Object, date = Scenario.Date, decisions = new[] { Decision() },
            caseReference = "ZAAK-API-1", regisseur = "regisseur", format,
        }));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(mediaType);
        SecurityTests.HasSecurityHeaders(response, $"plan as {format}");
        var text = await response.Content.ReadAsStringAsync();
        text.Should().Contain("ZAAK-API-1").And.Contain("Participatiewet art. 18 lid 1").And.Contain("teamleider");
        if (format == "json")
        {
            var plan = JsonDocument.Parse(text).RootElement;
            plan.GetProperty("decisions")[0].GetProperty("outcome").GetString().Should().Be("accepted");
            plan.GetProperty("audit").GetProperty("packs").GetArrayLength().Should().BeGreaterThan(0);
        }
    }

    [Fact]
    public async Task Plan_with_a_decision_beyond_the_mandate_is_refused()
    {
        var response = await factory.ApiClient("consulent").PostAsync("/api/plan", SampleHostFactory.Json(new
        {
            household = Scenario.S1Object, date = Scenario.Date, decisions = new[] { Decision() }, caseReference = "ZAAK-API-2",
        }));
        await Problem(response, HttpStatusCode.UnprocessableEntity, "mandate");
    }

    [Fact]
    public async Task Malformed_household_yaml_is_400()
    {
        var response = await _client.PostAsync("/api/evaluate", SampleHostFactory.Json(new { household = "leden:\n  - { id: moeder, rol: [aanvrager\n", date = Scenario.Date }));
        var problem = await Problem(response, HttpStatusCode.BadRequest, "malformed-household");
        problem.GetProperty("problems").GetArrayLength().Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Malformed_json_body_is_400()
    {
        var response = await _client.PostAsync("/api/evaluate", new StringContent("{\"household\": {\"huur\": 780,", Encoding.UTF8, "application/json"));
        await Problem(response, HttpStatusCode.BadRequest, "malformed-json");
    }

    [Fact]
    public async Task Unknown_fact_is_422_and_names_the_fact()
    {
        var household = new { leden = new object[] { new { id = "moeder", rol = "aanvrager", lievelingskleur = "blauw" } } };
        var response = await _client.PostAsync("/api/evaluate", SampleHostFactory.Json(new { household, date = Scenario.Date }));
        var problem = await Problem(response, HttpStatusCode.UnprocessableEntity, "unknown-fact");
        problem.GetProperty("detail").GetString().Should().Contain("lievelingskleur");
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026-13-01")]
    [InlineData("1-3-2026")]
    public async Task Impossible_date_is_400_with_the_field_named(string date)
    {
        var response = await _client.PostAsync("/api/evaluate", SampleHostFactory.Json(new { household = Scenario.S1Object, date }));
        var problem = await Problem(response, HttpStatusCode.BadRequest, "validation");
        problem.GetProperty("errors").GetProperty("date")[0].GetString().Should().Contain(date);
    }

    [Fact]
    public async Task Missing_household_is_400()
    {
        var response = await _client.PostAsync("/api/evaluate", SampleHostFactory.Json(new { date = Scenario.Date }));
        var problem = await Problem(response, HttpStatusCode.BadRequest, "validation");
        problem.GetProperty("errors").TryGetProperty("household", out _).Should().BeTrue();
    }

    [Fact]
    public async Task A_request_key_written_twice_is_400_not_silently_the_last_one()
    {
        // Issue #20: '"date"' twice was accepted, the last value winning; a request must mean one thing.
        var household = JsonSerializer.Serialize(Scenario.S1Object);
        var body = $"{{\"household\": {household}, \"date\": \"{Scenario.Date}\", \"date\": \"2020-01-01\"}}";
        var response = await _client.PostAsync("/api/evaluate", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await Problem(response, HttpStatusCode.BadRequest, "malformed-json");
        problem.GetProperty("detail").GetString().Should().Contain("twee keer").And.NotContain("2020-01-01");

        var once = $"{{\"household\": {household}, \"date\": \"{Scenario.Date}\"}}";
        (await _client.PostAsync("/api/evaluate", new StringContent(once, Encoding.UTF8, "application/json"))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_key_written_twice_inside_the_household_is_400()
    {
        var body = $"{{\"household\": {{\"huur\": 780, \"huur\": 1, \"leden\": []}}, \"date\": \"{Scenario.Date}\"}}";
        var response = await _client.PostAsync("/api/evaluate", new StringContent(body, Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Unknown_request_field_is_400()
    {
        var response = await _client.PostAsync("/api/evaluate", SampleHostFactory.Json(new { household = Scenario.S1Object, date = Scenario.Date, bsn = "123456789" }));
        await Problem(response, HttpStatusCode.BadRequest, "malformed-json");
    }

    [Fact]
    public async Task Oversized_body_is_413()
    {
        var padding = new string('x', 300 * 1024);
        var response = await _client.PostAsync("/api/evaluate", SampleHostFactory.Json(new { household = "# " + padding + "\nhuur: 780\n", date = Scenario.Date }));
        await Problem(response, HttpStatusCode.RequestEntityTooLarge, "too-large");
    }

    [Fact]
    public async Task Oversized_body_without_content_length_is_413()
    {
        var padding = new string('x', 300 * 1024);
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"household\":\"# " + padding + "\",\"date\":\"2026-03-01\"}")));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/evaluate") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var response = await _client.SendAsync(request);
        await Problem(response, HttpStatusCode.RequestEntityTooLarge, "too-large");
    }

    [Fact]
    public async Task Wrong_content_type_is_415()
    {
        var response = await _client.PostAsync("/api/evaluate", new StringContent(Scenario.S1Yaml, Encoding.UTF8, "text/plain"));
        // Refused by routing (the endpoints accept application/json only), still as problem details.
        await Problem(response, HttpStatusCode.UnsupportedMediaType, null);
    }

    [Fact]
    public async Task OpenApi_document_describes_the_four_steps_and_their_problems()
    {
        var response = await _client.GetAsync("/openapi/v1.json");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var doc = await Body(response);
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/evaluate", "/api/what-if", "/api/decide", "/api/plan" })
        {
            var post = paths.GetProperty(path).GetProperty("post");
            post.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _).Should().BeTrue(path);
            var responses = post.GetProperty("responses");
            foreach (var status in new[] { "200", "400", "413", "422" }) responses.TryGetProperty(status, out _).Should().BeTrue($"{path} {status}");
        }
        paths.TryGetProperty("/", out _).Should().BeFalse("the pages are not part of the API");
    }

    [Fact]
    public async Task No_household_value_reaches_the_logs()
    {
        const string marker = "privacymarker4711";
        var household = new { huur = 987.65m, leden = new object[] { new { id = marker, rol = "aanvrager", geboren = "1971-01-10", heeft_bijstand = true, inkomen = 1234.56m } } };
        (await _client.PostAsync("/api/evaluate", SampleHostFactory.Json(new { household, date = Scenario.Date }))).StatusCode.Should().Be(HttpStatusCode.OK);
        await _client.PostAsync("/api/evaluate", SampleHostFactory.Json(new { household = new { leden = new object[] { new { id = marker, onbekend_feit = marker } } }, date = Scenario.Date }));
        await _client.PostAsync("/api/decide", SampleHostFactory.Json(new { household, date = Scenario.Date, decision = new { proposalId = marker, outcome = "accepted", motivation = marker } }));
        var session = await factory.SignInAsync("regisseur");
        var form = new Dictionary<string, string> { ["peildatum"] = Scenario.Date, ["lid1.id"] = marker, ["lid1.inkomen"] = "1234,56", ["huur"] = "987,65" };
        (await session.PostAsync("/beoordeel", form)).StatusCode.Should().Be(HttpStatusCode.OK);

        factory.Logs.Lines.Should().NotBeEmpty("logging is captured at Trace level");
        factory.Logs.Lines.Should().NotContain(l => l.Contains(marker, StringComparison.Ordinal) || l.Contains("1234.56", StringComparison.Ordinal)
                                                    || l.Contains("1234,56", StringComparison.Ordinal) || l.Contains("987.65", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Null_deviations_and_null_decisions_are_400_not_500()
    {
        var whatIf = await _client.PostAsync("/api/what-if", new StringContent(
            "{\"household\":" + JsonSerializer.Serialize(Scenario.S1Object) + ",\"date\":\"2026-03-01\",\"deviations\":[null]}", Encoding.UTF8, "application/json"));
        (await Problem(whatIf, HttpStatusCode.BadRequest, "validation")).GetProperty("errors").TryGetProperty("deviations", out _).Should().BeTrue();

        var plan = await _client.PostAsync("/api/plan", new StringContent(
            "{\"household\":" + JsonSerializer.Serialize(Scenario.S1Object) + ",\"date\":\"2026-03-01\",\"caseReference\":\"Z-1\",\"decisions\":[null]}", Encoding.UTF8, "application/json"));
        (await Problem(plan, HttpStatusCode.BadRequest, "validation")).GetProperty("errors").TryGetProperty("decisions", out _).Should().BeTrue();
    }
}
