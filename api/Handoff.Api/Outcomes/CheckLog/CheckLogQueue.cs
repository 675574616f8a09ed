using System.Threading.Channels;
using Handoff.Api.Handoffs;
using Handoff.Api.Meetings;
using Handoff.Scheduling.Checks;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Handoff.Api.Outcomes.CheckLog;

/// <summary>One check of a draft: its verdict and its warning and blocker codes ("|A|B|").</summary>
public sealed record CheckLogEntry(string HandoffKey, string SdrKey, string Verdict, string Codes, Instant At);

/// <summary>
/// Checks waiting to be logged. The check answers first: an entry is only put in memory (never awaited), and the
/// writer stores them in batches. Full (10,000 waiting: the store is down or slow), new entries are dropped and
/// counted, because the log is for the report and must never slow or fail a check.
/// </summary>
public sealed class CheckLogQueue
{
    public const int Capacity = 10_000;

    private readonly Channel<CheckLogEntry> _channel = Channel.CreateBounded<CheckLogEntry>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private long _dropped;

    public long Dropped => Interlocked.Read(ref _dropped);

    public ChannelReader<CheckLogEntry> Reader => _channel.Reader;

    public void Add(CheckLogEntry entry)
    {
        if (!_channel.Writer.TryWrite(entry))
        {
            Interlocked.Increment(ref _dropped);
        }
    }
}

/// <summary>On POST /api/v1/meetings/check with a handoff key: queues what the check answered.</summary>
public sealed class CheckLogFilter(CheckLogQueue queue, IClock clock) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (result is Ok<CheckResponse> { Value: { } response } && context.Arguments.OfType<CheckRequest>().FirstOrDefault()?.HandoffKey is { } key)
        {
            var codes = Codes.Join(response.Warnings.Where(w => w.Severity >= Severity.Warning).Select(w => w.Code));
            queue.Add(new CheckLogEntry(key, Caller.From(context.HttpContext.User).Key, response.Verdict.ToString().ToLowerInvariant(), codes,
                clock.GetCurrentInstant()));
        }
        return result;
    }
}
