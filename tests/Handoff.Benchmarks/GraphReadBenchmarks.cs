using System.Text;
using BenchmarkDotNet.Attributes;
using Handoff.Graph;
using Handoff.Graph.Fake;
using Handoff.Scheduling.Calendars;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Handoff.Benchmarks;

/// <summary>
/// What one check's calendar read costs through the real Graph reader (AddGraphCalendars: the SDK's own pipeline,
/// socket handler, JSON parsing, mapping, HybridCache) against the Graph-shaped fake on a loopback port, with no
/// added latency. Baseline: the same read answered from the warm cache (what every re-check within
/// Graph:CacheTtl costs). <see cref="ColdRead"/> asks Graph every time (cache off); <see cref="FakeAnswerOnly"/> is
/// the fake answering the same getSchedule body to a bare HttpClient, so ColdRead minus it is the reader's own cost.
/// Mailboxes have 8 items a day; the window is the check's (two UTC days).
/// </summary>
[MemoryDiagnoser]
public class GraphReadBenchmarks
{
    private static readonly Interval Window = new(Instant.FromUtc(2026, 12, 3, 0, 0), Instant.FromUtc(2026, 12, 5, 0, 0));
    private static readonly Interval SuggestionWindow = new(Window.Start, Window.Start + Duration.FromDays(15));

    private FakeGraphServer _fake = null!;
    private ServiceProvider _warmServices = null!;
    private ServiceProvider _coldServices = null!;
    private ICalendarSource _warm = null!;
    private ICalendarSource _cold = null!;
    private HttpClient _bare = null!;
    private string[] _emails = null!;
    private byte[] _body = null!;

    [Params(1, 5, 20)]
    public int Rsms { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var graph = new FakeGraph();
        var random = new Random(7);
        _emails = Enumerable.Range(1, Rsms).Select(i => $"bench.rsm{i:00}@example.com").ToArray();
        foreach (var email in _emails)
        {
            graph.AddMailbox(email, m =>
            {
                for (var day = SuggestionWindow.Start; day < SuggestionWindow.End; day += Duration.FromDays(1))
                {
                    for (var k = 0; k < 8; k++)
                    {
                        var start = day + Duration.FromMinutes(15 * random.Next(0, 90));
                        m.Add(start, start + Duration.FromMinutes(30 * random.Next(1, 4)), "busy", "Customer meeting", "Customer site, Fresno, CA 93706");
                    }
                }
            });
        }
        _fake = FakeGraphServer.StartLoopbackAsync(graph).GetAwaiter().GetResult();
        (_warmServices, _warm) = Reader("00:01:00");
        (_coldServices, _cold) = Reader("00:00:00");
        var lookups = _warm.ReadAsync(_emails, Window, CancellationToken.None).GetAwaiter().GetResult();
        var wide = _warm.ReadAsync(_emails, SuggestionWindow, CancellationToken.None).GetAwaiter().GetResult();
        if (lookups.Concat(wide).Any(l => l.Problem is not null) || graph.ScheduleCalls != 2)
        {
            throw new InvalidOperationException("The reader could not read the fake's calendars.");
        }
        _bare = new HttpClient { BaseAddress = new Uri(_fake.BaseUrl + "/") };
        _bare.DefaultRequestHeaders.Authorization = new("Bearer", "bench");
        _bare.DefaultRequestHeaders.Add("Prefer", "outlook.timezone=\"UTC\"");
        _body = Encoding.UTF8.GetBytes(graph.Requests[0].Body);
    }

    private (ServiceProvider, ICalendarSource) Reader(string cacheTtl)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Graph:BaseUrl"] = _fake.BaseUrl,
            ["Graph:AccessToken"] = "bench",
            ["Graph:CacheTtl"] = cacheTtl,
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddGraphCalendars().BuildServiceProvider();
        return (services, services.GetRequiredService<ICalendarSource>());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bare.Dispose();
        _warmServices.Dispose();
        _coldServices.Dispose();
        _fake.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public Task<IReadOnlyList<CalendarLookup>> WarmRead() => _warm.ReadAsync(_emails, Window, CancellationToken.None);

    [Benchmark]
    public Task<IReadOnlyList<CalendarLookup>> WarmSuggestionWindow() => _warm.ReadAsync(_emails, SuggestionWindow, CancellationToken.None);

    [Benchmark]
    public Task<IReadOnlyList<CalendarLookup>> ColdRead() => _cold.ReadAsync(_emails, Window, CancellationToken.None);

    [Benchmark]
    public async Task<int> FakeAnswerOnly()
    {
        using var content = new ByteArrayContent(_body);
        content.Headers.ContentType = new("application/json");
        using var response = await _bare.PostAsync("me/calendar/getSchedule", content);
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }
}
