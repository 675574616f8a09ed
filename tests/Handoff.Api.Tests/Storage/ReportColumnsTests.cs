using Handoff.Api.Tests.Support;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Handoff.Api.Tests.Storage;

/// <summary>The handoff row's report copies follow the outcome and the check log, whichever is written first, on each provider.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class ReportColumnsTests(DatabaseProvider provider)
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 20, 15, 0);

    [Test]
    public async Task Outcomes_and_check_logs_are_copied_onto_the_handoff_row_in_the_same_save()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.OpenContext())
        {
            await db.Database.MigrateAsync();
            // The draft is checked before it is sent: the log exists before the handoff.
            db.DraftCheckLogs.Add(new DraftCheckLogEntity { Id = Guid.NewGuid(), HandoffKey = "hk-copies-1", SeenCodes = "|RSM_BUSY|", FirstAt = Start, LastAt = Start });
            await db.SaveChangesAsync();
            db.Handoffs.Add(new HandoffEntity
            {
                Id = Guid.NewGuid(), Key = "hk-copies-1", SdrKey = "ann@x", Start = Start, End = Start + Duration.FromHours(1), ContentHash = "x",
                Version = 1, CreatedAt = Start, UpdatedAt = Start,
            });
            await db.SaveChangesAsync();
        }
        Assert.That(await Copies(database), Is.EqualTo(((OutcomeKind?)null, (Instant?)null, (decimal?)null, "|RSM_BUSY|")));

        await using (var db = database.OpenContext())
        {
            var handoff = await db.Handoffs.AsNoTracking().SingleAsync();
            db.HandoffOutcomes.Add(new HandoffOutcomeEntity
            {
                Id = Guid.NewGuid(), HandoffId = handoff.Id, HandoffKey = handoff.Key, Kind = OutcomeKind.Rescheduled, NewStart = Start + Duration.FromDays(7),
                NewEnd = Start + Duration.FromDays(7) + Duration.FromHours(1), RecordedBy = "t", RecordedAt = Start, Version = 1, CreatedAt = Start, UpdatedAt = Start,
            });
            await db.SaveChangesAsync();
        }
        Assert.That(await Copies(database), Is.EqualTo(((OutcomeKind?)OutcomeKind.Rescheduled, (Instant?)(Start + Duration.FromDays(7)), (decimal?)null, "|RSM_BUSY|")));

        await using (var db = database.OpenContext())
        {
            var outcome = await db.HandoffOutcomes.SingleAsync();
            (outcome.Kind, outcome.Amount) = (OutcomeKind.OpportunityCreated, 12_500m);
            var log = await db.DraftCheckLogs.SingleAsync();
            log.SeenCodes = "|RSM_BUSY|TRAVEL_TIME_BEFORE|";
            await db.SaveChangesAsync();
        }
        Assert.That(await Copies(database),
            Is.EqualTo(((OutcomeKind?)OutcomeKind.OpportunityCreated, (Instant?)(Start + Duration.FromDays(7)), (decimal?)12_500m, "|RSM_BUSY|TRAVEL_TIME_BEFORE|")));

        await using (var db = database.OpenContext())
        {
            db.HandoffOutcomes.Remove(await db.HandoffOutcomes.SingleAsync());
            await db.SaveChangesAsync();
        }
        Assert.That((await Copies(database)).Outcome, Is.Null, "a removed outcome leaves no copy behind");
    }

    private static async Task<(OutcomeKind? Outcome, Instant? OutcomeStart, decimal? Amount, string? Checked)> Copies(TestDatabase database)
    {
        await using var db = database.OpenContext();
        var h = await db.Handoffs.AsNoTracking().SingleAsync();
        return (h.Outcome, h.OutcomeStart, h.OutcomeAmount, h.CheckedCodes);
    }
}
