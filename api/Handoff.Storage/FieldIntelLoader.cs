using Handoff.Scheduling.Org;
using Handoff.Scheduling.Travel;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Handoff.Storage;

public static class FieldIntelLoader
{
    /// <summary>Travel profiles and the reported trips since <paramref name="reportsSince"/> (older trips describe roads that may have changed).</summary>
    public static async Task<FieldIntel> LoadFieldIntelAsync(this HandoffDbContext db, Instant reportsSince, CancellationToken cancellationToken)
    {
        var profiles = await db.TravelProfiles.AsNoTracking().Include(p => p.Territory).ToListAsync(cancellationToken);
        var reports = await db.FieldReports.AsNoTracking().Include(r => r.Rsm)
            .Where(r => r.Departed >= reportsSince).OrderBy(r => r.Departed).ToListAsync(cancellationToken);
        return new FieldIntel(profiles.Select(p => p.ToLayer()), reports.Select(r => r.ToTrip()));
    }

    public static TravelProfileLayer ToLayer(this TravelProfileEntity p) => new(
        ParseScope(p.Scope),
        p.ScopeKey,
        p.Scope switch
        {
            "org" => "the org",
            "region" => $"region {p.ScopeKey}",
            _ => $"territory {p.Territory?.Name ?? p.ScopeKey}",
        },
        p.AverageSpeedKmh,
        Minutes(p.BufferBeforeMinutes),
        Minutes(p.BufferAfterMinutes),
        Minutes(p.LobbyWaitMinutes),
        Minutes(p.LongestDriveMinutes));

    /// <summary>Needs <see cref="FieldReportEntity.Rsm"/> loaded.</summary>
    public static ReportedTrip ToTrip(this FieldReportEntity r) =>
        new(r.Id, r.Rsm!.Email, r.From.ToPlace(), r.To.ToPlace(), r.Departed, r.Arrived, r.Note);

    public static TravelScope ParseScope(string scope) => scope switch
    {
        "org" => TravelScope.Org,
        "region" => TravelScope.Region,
        "territory" => TravelScope.Territory,
        _ => throw new FormatException($"Unknown travel profile scope '{scope}'."),
    };

    private static Duration? Minutes(int? minutes) => minutes is { } m ? Duration.FromMinutes(m) : null;
}
