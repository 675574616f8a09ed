using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using FluentValidation;
using Handoff.Api.Bench;
using Handoff.Api.Infrastructure;
using Handoff.Api.Meetings;
using Handoff.Scheduling.Checks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Handoff.Benchmarks;

/// <summary>
/// Where the HTTP check's time goes, without sockets: the API's own composition (Program.cs, with the same Bench and
/// Clock settings as bench/http-ratio.sh: 5 synthetic RSMs, 200 items each) hosted in memory. Baseline: a POST to the
/// trivial echo endpoint through the same in-memory pipeline. The other rows are the check's request through that
/// pipeline, then its parts on their own: JSON in, parsing and validation, the core, the response DTOs, JSON out. The HTTP load
/// test's ratio is lower than <see cref="CheckViaPipeline"/>'s only by what Kestrel and the network add to both.
/// </summary>
[MemoryDiagnoser]
public class CheckEndpointBenchmarks
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""
        {"start":"2026-12-03T18:00:00Z","end":"2026-12-03T19:00:00Z","organizerTimeZone":"Eastern Standard Time","organizerEmail":"sdr@example.com",
         "attendees":["bench.rsm01@example.com","bench.rsm02@example.com","bench.rsm03@example.com","bench.rsm04@example.com",
                      "bench.rsm05@example.com","cfo@acme-metals.example"],
         "location":"Acme Metals, 2200 E Jensen Ave, Fresno, CA 93706"}
        """);

    // Any public type of the API assembly names its entry point; this project has a Program of its own.
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"handoff-bench-{Guid.NewGuid():N}.db");
    private WebApplicationFactory<CheckRequest> _api = null!;
    private HttpClient _client = null!;
    private JsonSerializerOptions _json = null!;
    private IValidator<ParsedCheck> _validator = null!;
    private MeetingCheckService _checks = null!;
    private CheckRequest _request = null!;
    private ParsedCheck _parsed = null!;
    private MeetingRequest _meeting = null!;
    private CheckResult _result = null!;
    private CheckResponse _response = null!;

    [GlobalSetup]
    public void Setup()
    {
        // The factory looks for the API's content root beside the current directory; any existing folder will do.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_HANDOFF_API", AppContext.BaseDirectory);
        _api = new WebApplicationFactory<CheckRequest>().WithWebHostBuilder(web => web
            .UseEnvironment("Production")
            .UseSetting("Logging:LogLevel:Default", "Warning")
            .UseSetting("ConnectionStrings:Handoff", $"Data Source={_database};Pooling=False")
            .UseSetting("Bench:Enabled", "true")
            .UseSetting("Bench:Rsms", "5")
            .UseSetting("Bench:EventsPerRsm", "200")
            .UseSetting("Clock:FixedInstant", "2026-11-23T14:00:00Z"));
        _client = _api.CreateClient();
        var services = _api.Services;
        _json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        _validator = services.GetRequiredService<IValidator<ParsedCheck>>();
        _checks = services.GetRequiredService<MeetingCheckService>();
        _request = JsonSerializer.Deserialize<CheckRequest>(Body, _json)!;
        _parsed = _request.Parse(new FieldReader());
        _meeting = _parsed.ToMeetingRequest();
        _result = _checks.CheckAsync(_meeting, CancellationToken.None).GetAwaiter().GetResult();
        _response = CheckResponse.From(_result);
        if (_result.Verdict != Verdict.Ok || _result.Draft.Rsms.Sum(r => r.Items.Count) != 5 * 200)
        {
            throw new InvalidOperationException($"Expected a clear check over 5 x 200 items, got {_result.Verdict} over {_result.Draft.Rsms.Sum(r => r.Items.Count)} items.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _api.Dispose();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Benchmark(Baseline = true)]
    public Task<int> EchoViaPipeline() => PostAsync("/api/v1/meetings/echo");

    [Benchmark]
    public Task<int> CheckViaPipeline() => PostAsync("/api/v1/meetings/check");

    [Benchmark]
    public CheckRequest? ReadJson() => JsonSerializer.Deserialize<CheckRequest>(Body, _json);

    [Benchmark]
    public bool Validate() => _validator.Validate(_request.Parse(new FieldReader())).IsValid;

    [Benchmark]
    public Task<CheckResult> CheckInCore() => _checks.CheckAsync(_parsed.ToMeetingRequest(), CancellationToken.None);

    /// <summary>The core as the endpoint calls it: ready to suggest when blocked, so it reads the suggestion window too.</summary>
    [Benchmark]
    public Task<CheckOutcome> CheckInCoreAsEndpoint() => _checks.CheckAsync(_parsed.ToMeetingRequest(), suggestWhenBlocked: true, CancellationToken.None);

    [Benchmark]
    public CheckResponse BuildResponse() => CheckResponse.From(_result);

    [Benchmark]
    public byte[] WriteJson() => JsonSerializer.SerializeToUtf8Bytes(_response, _json);

    private async Task<int> PostAsync(string path)
    {
        using var content = new ByteArrayContent(Body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _client.PostAsync(path, content);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode ? bytes.Length : throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}");
    }
}
