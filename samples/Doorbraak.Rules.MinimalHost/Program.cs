using Doorbraak.Rules;
using Doorbraak.Rules.AspNetCore;
using Doorbraak.Rules.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDoorbraakRules().AddPackPackage("Doorbraak.PolicyPack.NlSociaalDomein").ValidateOnStart();
builder.Services.AddExceptionHandler<DoorbraakExceptionHandler>().AddProblemDetails();
var app = builder.Build();
app.UseExceptionHandler();

app.MapPost("/plan", (Household household, DateOnly date, IDoorbraakPlanner planner) =>
{
    var @case = planner.OpenCase(household, date, caseReference: "Z-2026-001");
    var proposal = @case.Result.Proposals[0]; // in practice: the one the regisseur chose
    var mandate = proposal.MandateFallback ?? proposal.Mandate; // mandate open, no local mandaatbesluit: the college itself
    @case.Decide(new DecisionRequest(proposal.Id, DecisionOutcome.Accepted, "College van B&W", mandate, "Besproken in het doorbraakoverleg."));
    return Results.Content(PlanExport.ToHtml(@case.Assemble()), "text/html");
});
app.Run();
