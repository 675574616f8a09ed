using Handoff.Scheduling.Suggestions;
using Handoff.Scheduling.Time;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Handoff.Api.Outcomes.Reports;

/// <summary>
/// The suggestion ranking's held rates: held and no-show meetings of the last 180 days by the prospect's weekday and
/// hour (org-wide and per vertical and region), built from the store and kept for <see cref="CacheFor"/> per instance (outcomes trickle in; a suggestion must
/// not wait on a scan). Below Outcomes:MinSample a cell changes nothing.
/// </summary>
public sealed class StoreHeldRates(IServiceScopeFactory scopes, IClock clock, IOptions<OutcomeOptions> options, ILogger<StoreHeldRates> log) : IHeldRatesSource
{
    public static readonly Duration CacheFor = Duration.FromMinutes(10);
    public static readonly Duration Window = Duration.FromDays(180);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (HeldRateSlices Rates, Instant At)? _cached;

    public async ValueTask<HeldRateSlices> GetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        if (_cached is { } c && now - c.At < CacheFor)
        {
            return c.Rates;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && now - again.At < CacheFor)
            {
                return again.Rates;
            }
            var rates = await LoadAsync(now, cancellationToken);
            _cached = (rates, now);
            return rates;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The store is down: suggest without held rates rather than fail the suggestion.
            log.LogWarning(e, "Could not read held rates; suggestions rank without them.");
            return HeldRateSlices.None;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _cached = null;

    private async Task<HeldRateSlices> LoadAsync(Instant now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var since = now - Window;
        var rows = await db.Handoffs.AsNoTracking()
            .Where(h => h.Start >= since && h.ProspectZone != null
                && (h.Outcome == OutcomeKind.Held || h.Outcome == OutcomeKind.OpportunityCreated || h.Outcome == OutcomeKind.NoShow))
            .Select(h => new { h.Start, NewStart = h.OutcomeStart, h.ProspectZone, Kind = h.Outcome, h.Vertical, h.Territory }).ToListAsync(ct);
        return HeldRateSlices.From(rows
            .Where(r => TimeZoneIds.TryResolve(r.ProspectZone, out _))
            .Select(r => ((r.NewStart ?? r.Start).InZone(TimeZoneIds.Resolve(r.ProspectZone!)).LocalDateTime, r.Kind != OutcomeKind.NoShow, r.Vertical, r.Territory))
            .ToArray(), options.Value.MinSample);
    }
}
