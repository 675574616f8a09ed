using Handoff.Api.Admin;
using Handoff.Api.Auth;
using Handoff.Api.Bench;
using Handoff.Api.Demo;
using Handoff.Api.FieldIntel;
using Handoff.Api.FieldIntel.Profiles;
using Handoff.Api.Graph;
using Handoff.Api.Infrastructure;
using Handoff.Api.Meetings;
using Handoff.Api.Places;
using Handoff.Api.Storage;
using Handoff.Api.Territories;
using NodaTime;

var builder = WebApplication.CreateBuilder(args);

// Configure time: the one place that reads the wall clock (Clock:FixedInstant stops it, for load tests).
builder.Services.AddSingleton<IClock>(ClockSetup.FixedFrom(builder.Configuration) ?? SystemClock.Instance);

// Configure HTTP plumbing: JSON, problem details for every error, validation, OpenAPI.
builder.Services.AddHandoffJson();
builder.Services.AddHandoffProblemDetails();
builder.Services.AddHandoffValidation();
builder.Services.AddHandoffOpenApi();
builder.Services.AddHealthChecks();

// Configure the scheduling core and its adapters.
builder.AddScheduling();
builder.AddDemoOrg();
builder.AddGraphCalendars(); // after the demo: a Graph section replaces its calendar
builder.AddPlaces();

// Configure sign-in and roles, the org store (EF Core) and the admin API.
builder.AddHandoffAuth();
builder.AddStorage();
builder.AddAdmin();
builder.AddFieldIntel(); // travel profiles, field reports, plan accuracy, the planner (after the store)
builder.AddBench(); // last, off unless Bench:Enabled: synthetic org and calendars for load tests (docs/benchmarks.md)

var app = builder.Build();

app.UseHandoffProblemDetails();
app.UseHandoffOpenApi();
app.UseHandoffAuth();

app.MapHealthChecks("/healthz");
app.MapMeetings().MapBenchBaseline(); // POST /api/v1/meetings/echo with Bench:Enabled only
app.MapTerritories();
app.MapAdmin().MapTravelProfiles();
app.MapFieldIntel();
app.MapClientConfig();
app.MapAddIn();

app.Run();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
