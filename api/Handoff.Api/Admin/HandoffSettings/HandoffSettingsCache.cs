using Handoff.Api.Storage;
using Handoff.Scheduling.Handoffs;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Handoff.Api.Admin.HandoffSettings;

/// <summary>The handoff settings as every check reads them: kept in memory and re-read as often as the org directory
/// (Org:RefreshInterval), so a check costs no query for them; a save on this instance is seen at once.</summary>
public sealed class HandoffSettingsCache(IServiceScopeFactory scopes, IClock clock, IOptions<OrgOptions> org)
{
    private volatile Loaded? _loaded;

    public sealed record Snapshot(IReadOnlyList<TalkingPointsData> TalkingPoints, string? ProductMessaging, QualificationBar? Bar)
    {
        public static Snapshot Empty { get; } = new([], null, null);

        public IReadOnlyList<string> PointsFor(string? vertical) =>
            vertical is null ? [] : TalkingPoints.FirstOrDefault(t => t.Vertical == vertical.Trim().ToLowerInvariant())?.Points ?? [];
    }

    private sealed record Loaded(Snapshot Value, Instant At);

    public void Invalidate() => _loaded = null;

    public async ValueTask<Snapshot> GetAsync(CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        if (_loaded is { } loaded && now - loaded.At < Duration.FromTimeSpan(org.Value.RefreshInterval))
        {
            return loaded.Value;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var row = await db.HandoffSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == HandoffSettingsEntity.SingletonId, ct);
        var value = row is null
            ? Snapshot.Empty
            : new Snapshot(row.TalkingPoints, row.ProductMessaging,
                row.Bar is { } b ? new QualificationBar(b.MinLifecycleStage, b.MinScore, b.RequiredNotes) : null);
        _loaded = new Loaded(value, now);
        return value;
    }
}
