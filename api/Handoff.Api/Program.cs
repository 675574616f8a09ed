using Handoff.Api.Adapters;
using Handoff.Api.Admin;
using Handoff.Api.Auth;
using Handoff.Api.Bench;
using Handoff.Api.Demo;
using Handoff.Api.FieldIntel;
using Handoff.Api.FieldIntel.Profiles;
using Handoff.Api.Graph;
using Handoff.Api.Handoffs;
using Handoff.Api.Infrastructure;
using Handoff.Api.Meetings;
using Handoff.Api.Observability;
using Handoff.Api.Outcomes;
using Handoff.Api.Places;
using Handoff.Api.Routing;
using Handoff.Api.Scale;
using Handoff.Api.Storage;
using Handoff.Api.Territories;
using NodaTime;

StartupRefusals.ExitCleanly(); // a refused setting is one message and exit code 1, not a stack trace
var builder = WebApplication.CreateBuilder(args);
builder.AddHandoffObservability(); // log levels fit for production; OpenTelemetry when an OTLP endpoint is set

// Configure time: the one place that reads the wall clock (Clock:FixedInstant stops it, for load tests).
builder.Services.AddSingleton<IClock>(ClockSetup.FixedFrom(builder.Configuration) ?? SystemClock.Instance);

// Configure HTTP plumbing: JSON, problem details for every error, validation, OpenAPI.
builder.Services.AddHandoffJson();
builder.Services.AddHandoffProblemDetails();
builder.AddRequestLimits(); // 414/431 as problem+json below Kestrel's own (bodiless) limits
builder.Services.AddHandoffValidation();
builder.Services.AddHandoffOpenApi();
builder.Services.AddHealthChecks();
builder.Services.AddHostedService<StartupBanner>(); // the URLs to open, once listening

// Configure the scheduling core and its adapters.
builder.AddScheduling();
builder.AddAdapters(); // which calendar, directory and gate serve the core: Calendar:Source, Directory:Source (Adapters/AdapterChoice)
builder.AddDemoOrg();
builder.AddGraphCalendars(); // with a Graph section (docs/graph.md)
builder.AddPlaces();
builder.AddScaleOut(); // with Cache:Redis, a shared cache, gate and org-change channel (docs/scale-out.md)

// Configure sign-in and roles, the org store (EF Core) and the admin API.
builder.AddHandoffAuth();
builder.AddStorage();
builder.AddAdmin();
builder.AddFieldIntel(); // travel profiles, field reports, plan accuracy, the planner (after the store)
builder.AddHandoffs(); // lead context, handoff records, the brief outbox (docs/handoffs.md)
builder.AddOutcomes(); // outcomes, signed outcome links, the check log, the handoff report (docs/outcomes.md)
builder.AddRoutingModes(); // round robin, first available, performance per territory (docs/routing.md)
builder.AddBench(); // off unless Bench:Enabled: synthetic org and calendars for load tests (docs/benchmarks.md)

var app = builder.Build().ValidateSettings();

app.UseHandoffRequestLog();
app.UseHandoffProblemDetails();
app.UseRequestLimits();
app.UseHandoffOpenApi();
app.UseHandoffAuth();

app.MapHealthChecks("/healthz");
app.MapMeetings().MapBenchBaseline(); // POST /api/v1/meetings/echo with Bench:Enabled only
app.MapTerritories();
app.MapAdmin().MapTravelProfiles();
app.MapFieldIntel();
app.MapBaton();
app.MapOutcomesAndReports();
app.MapClientConfig();
app.MapAddIn();

app.Run();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
