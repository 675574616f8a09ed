// The Graph-budget run: how many Graph requests a check costs, cold and warm, and what the check adds to Graph's
// latency. bench/graph-budget.sh builds the API (Release) and runs this; see docs/benchmarks.md.
//   dotnet run -c Release --project bench/GraphBudget -- --api PATH/Handoff.Api.dll [--latency 100] [--samples 20] [--smoke]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Handoff.Bench.GraphBudget;
using Handoff.Graph.Fake;
using NodaTime;

BudgetOptions options;
try
{
    options = BudgetOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

// Fixed instants: the API's clock stops on Monday 2026-11-23; drafts fall on later days, ColdSpacing UTC days apart, so
// each cold check reads days no earlier check has cached: a check's read also covers the days its suggestions would
// search if it were blocked (10 business days from the meeting's day), so the next cold day must lie beyond them.
const int ColdSpacing = 21;
var now = Instant.FromUtc(2026, 11, 23, 14, 0);
var firstDay = new LocalDate(2026, 11, 30);
var days = ColdSpacing * (options.WarmUpChecks + options.RsmCounts.Length * options.Samples) + 4;
var graph = new FakeGraph { Latency = TimeSpan.FromMilliseconds(options.LatencyMs) };
FakeCalendars.Fill(graph, options.RsmCounts.Max(), firstDay.PlusDays(-1), firstDay.PlusDays(days + 1), options.ItemsPerDay);
var served = new ServiceTimes();
await using var fake = await FakeGraphServer.StartLoopbackAsync(graph, extend: app => served.Record(app));

await using var api = await ApiProcess.StartAsync(options.ApiDll, new Dictionary<string, string>
{
    ["ASPNETCORE_ENVIRONMENT"] = "Production",
    ["Logging__LogLevel__Default"] = "Warning",
    ["Bench__Enabled"] = "true",
    ["Bench__Rsms"] = options.RsmCounts.Max().ToString(CultureInfo.InvariantCulture),
    ["Clock__FixedInstant"] = now.ToString(),
    ["Graph__BaseUrl"] = fake.BaseUrl,
    ["Graph__AccessToken"] = "graph-budget",
    ["ConnectionStrings__Handoff"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"handoff-graph-budget-{Environment.ProcessId}.db")}",
}, options.ApiLog);
using var client = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
Console.WriteLine($"Graph fake at {fake.BaseUrl} with {options.LatencyMs} ms added latency; API at {api.BaseAddress} (Release, Bench:Rsms={options.RsmCounts.Max()}, Graph:CacheTtl default 60 s)");

var day = 0;
async Task<(double Ms, int GraphCalls, double FakeMs)> Check(int rsms, LocalDate date, int minute)
{
    var start = date.At(new LocalTime(18, minute)).InUtc().ToInstant();
    var body = new
    {
        start = start.ToString(),
        end = (start + Duration.FromMinutes(30)).ToString(),
        organizerTimeZone = "Eastern Standard Time",
        organizerEmail = "sdr@example.com",
        attendees = Enumerable.Range(1, rsms).Select(i => $"bench.rsm{i:00}@example.com").Append("cfo@acme-metals.example").ToArray(),
        location = "Acme Metals, 2200 E Jensen Ave, Fresno, CA 93706",
    };
    var calls = graph.ScheduleCalls;
    var fakeBefore = served.TotalMs;
    var clock = Stopwatch.StartNew();
    using var response = await client.PostAsJsonAsync("/api/v1/meetings/check", body);
    var text = await response.Content.ReadAsStringAsync();
    var ms = clock.Elapsed.TotalMilliseconds;
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"The check answered {(int)response.StatusCode}: {text}");
    }
    // A check that could not read Graph is fast for the wrong reason: refuse to count it.
    var answer = JsonNode.Parse(text)!;
    var codes = answer["warnings"]!.AsArray().Select(w => w!["code"]!.GetValue<string>()).ToArray();
    if (codes.Any(c => c.Contains("CALENDAR_UNAVAILABLE", StringComparison.Ordinal)))
    {
        throw new InvalidOperationException($"Graph could not be read during the run: {text}");
    }
    // A blocked check also searches for suggestions (a second, wider calendar read): another path, not measured here.
    if (answer["verdict"]!.GetValue<string>() == "blocked")
    {
        throw new InvalidOperationException($"A measured draft was blocked: {text}");
    }
    return (ms, graph.ScheduleCalls - calls, served.TotalMs - fakeBefore);
}

// Warm-up: the API's first checks pay for JIT (tiered, with dynamic PGO: see BudgetOptions.DefaultWarmUp) and connection
// set-up; not measured. The rows measure the server as it runs for hours, not its first minute.
for (var i = 0; i < options.WarmUpChecks; i++)
{
    await Check(options.RsmCounts.Max(), firstDay.PlusDays(day), 0);
    await Check(options.RsmCounts.Max(), firstDay.PlusDays(day), 15);
    day += ColdSpacing;
}

Console.WriteLine();
Console.WriteLine($"{"RSMs",4} | {"Graph req/check cold",20} | {"warm",5} | {"p50 cold",9} | {"p50 cold - added latency",24} | {"p50 cold - fake's time",22} | {"p90 cold - added",16} | {"p50 warm",9}");
var verdicts = new List<string>();
foreach (var rsms in options.RsmCounts)
{
    var cold = new List<(double Ms, int Calls, double FakeMs)>();
    var warm = new List<(double Ms, int Calls, double FakeMs)>();
    for (var s = 0; s < options.Samples; s++, day += ColdSpacing)
    {
        var date = firstDay.PlusDays(day);
        cold.Add(await Check(rsms, date, 0));
        // The SDR nudges the time within the same day: the schedule is cached per RSM and UTC day.
        for (var w = 1; w <= options.WarmPerCold; w++)
        {
            warm.Add(await Check(rsms, date, (w * 10) % 60));
        }
    }
    double P(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Clamp(Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
    var coldCalls = cold.Average(c => c.Calls);
    var warmCalls = warm.Count == 0 ? 0 : warm.Average(c => c.Calls);
    var p50 = P(cold.Select(c => c.Ms), 0.5);
    var overAdded = p50 - options.LatencyMs;
    var overFake = P(cold.Select(c => c.Ms - c.FakeMs), 0.5);
    Console.WriteLine($"{rsms,4} | {coldCalls,20:0.##} | {warmCalls,5:0.##} | {p50,6:0.0} ms | {overAdded,21:0.0} ms | {overFake,19:0.0} ms | {P(cold.Select(c => c.Ms), 0.9) - options.LatencyMs,13:0.0} ms | {(warm.Count == 0 ? 0 : P(warm.Select(c => c.Ms), 0.5)),6:0.0} ms");
    verdicts.Add($"{rsms} RSMs: {coldCalls:0.##} cold / {warmCalls:0.##} warm requests, +{overAdded:0.0} ms");
}
Console.WriteLine();
Console.WriteLine($"Targets: 1 Graph request per cold check, 0 warm (within Graph:CacheTtl); p50 cold check - {options.LatencyMs} ms added latency <= 15 ms.");
Console.WriteLine($"graph-budget: {string.Join("; ", verdicts)}");
return 0;

/// <summary>How long the fake took to answer each Graph request (its added latency included), measured inside it.</summary>
internal sealed class ServiceTimes
{
    private long _ticks;

    public double TotalMs => TimeSpan.FromTicks(Interlocked.Read(ref _ticks)).TotalMilliseconds;

    public void Record(Microsoft.AspNetCore.Builder.WebApplication app) => Microsoft.AspNetCore.Builder.UseExtensions.Use(app, async (context, next) =>
    {
        var started = Stopwatch.GetTimestamp();
        await next(context);
        Interlocked.Add(ref _ticks, Stopwatch.GetElapsedTime(started).Ticks);
    });
}
