using System.Text.Json.Nodes;
using Handoff.Graph.Fake;
using NodaTime;
using static Handoff.Graph.Tests.Samples;

namespace Handoff.Graph.Tests;

/// <summary>
/// Graph's working hours with each kind of zone Graph sends, read on both sides of a DST change: the same
/// local 08:00–17:00 must move by an hour in UTC.
/// </summary>
public class WorkingHoursZoneTests
{
    private static IEnumerable<TestCaseData> PacificZones()
    {
        yield return new TestCaseData(FakeZone.Named("Pacific Standard Time")).SetName("Windows name");
        yield return new TestCaseData(FakeZone.Named("America/Los_Angeles")).SetName("IANA name");
        yield return new TestCaseData(FakeZone.Custom(480, 11, 1, "sunday", "02:00", 3, 2, "sunday", "02:00")).SetName("customTimeZone");
    }

    [TestCaseSource(nameof(PacificZones))]
    public async Task PacificHours_AcrossTheMarchChange_ShiftInUtc(JsonObject zone)
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West, m => m.WorkingHours = FakeWorkingHours.Weekdays("08:00", "17:00", zone));

        // US daylight time starts on Sunday 2026-03-08 at 02:00 local.
        var before = (await harness.ReadAsync(WindowAround("2026-03-03T17:00:00Z", "2026-03-03T18:00:00Z"), West)).Single().Calendar!;
        var after = (await harness.ReadAsync(WindowAround("2026-03-10T17:00:00Z", "2026-03-10T18:00:00Z"), West)).Single().Calendar!;

        Assert.Multiple(() =>
        {
            Assert.That(before.Zone!.GetUtcOffset(At("2026-03-03T16:00:00Z")), Is.EqualTo(Offset.FromHours(-8)));
            Assert.That(after.Zone!.GetUtcOffset(At("2026-03-10T16:00:00Z")), Is.EqualTo(Offset.FromHours(-7)));
            // 08:00 local is 16:00 UTC in winter and 15:00 UTC in summer.
            Assert.That(before.WorkingHours!.Contains(Meeting("2026-03-03T16:00:00Z"), before.Zone), Is.True);
            Assert.That(before.WorkingHours!.Contains(Meeting("2026-03-03T15:00:00Z"), before.Zone), Is.False);
            Assert.That(after.WorkingHours!.Contains(Meeting("2026-03-10T15:00:00Z"), after.Zone), Is.True);
            Assert.That(after.WorkingHours!.Contains(Meeting("2026-03-10T00:30:00Z"), after.Zone), Is.False, "17:30 local is after hours");
            Assert.That(after.WorkingHours!.On(IsoDayOfWeek.Saturday), Is.Null);
            Assert.That(after.WorkingHours!.On(IsoDayOfWeek.Monday)!.Value.Start, Is.EqualTo(new LocalTime(8, 0)));
        });
    }

    [Test]
    public async Task CustomZone_SouthernHemisphere_FollowsItsOwnRules()
    {
        await using var harness = await GraphHarness.StartAsync();
        // Sydney: UTC+10, daylight time (+11) from the first Sunday of October to the first Sunday of April.
        harness.Graph.AddMailbox(West, m => m.WorkingHours = FakeWorkingHours.Weekdays("09:00", "17:00",
            FakeZone.Custom(-600, 4, 1, "sunday", "03:00", 10, 1, "sunday", "02:00")));

        var zone = (await harness.ReadAsync(Tuesday, West)).Single().Calendar!.Zone!;

        Assert.That(zone.GetUtcOffset(At("2026-03-10T00:00:00Z")), Is.EqualTo(Offset.FromHours(11)));
        Assert.That(zone.GetUtcOffset(At("2026-06-10T00:00:00Z")), Is.EqualTo(Offset.FromHours(10)));
    }

    [Test]
    public async Task CustomZone_WithoutDaylightTime_IsAFixedOffset()
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West, m => m.WorkingHours = FakeWorkingHours.Weekdays("09:30", "18:30", FakeZone.CustomFixed(-330)));

        var calendar = (await harness.ReadAsync(Tuesday, West)).Single().Calendar!;

        Assert.That(calendar.Zone!.GetUtcOffset(At("2026-01-10T00:00:00Z")), Is.EqualTo(Offset.FromHoursAndMinutes(5, 30)));
        Assert.That(calendar.Zone!.GetUtcOffset(At("2026-07-10T00:00:00Z")), Is.EqualTo(Offset.FromHoursAndMinutes(5, 30)));
        Assert.That(calendar.WorkingHours!.Contains(Meeting("2026-03-10T04:00:00Z"), calendar.Zone), Is.True, "09:30 India time");
    }

    [Test]
    public async Task UnknownZoneName_LeavesTheZoneToTheCoresFallback()
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West, m => m.WorkingHours = FakeWorkingHours.Weekdays("08:00", "17:00", FakeZone.Named("Mars Standard Time")));

        var calendar = (await harness.ReadAsync(Tuesday, West)).Single().Calendar!;

        Assert.That(calendar.Zone, Is.Null);
        Assert.That(calendar.WorkingHours, Is.Not.Null);
    }

    [Test]
    public async Task NoWorkingHours_GivesNeitherHoursNorZone()
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West, m => m.WorkingHours = null);

        var calendar = (await harness.ReadAsync(Tuesday, West)).Single().Calendar!;

        Assert.That((calendar.WorkingHours, calendar.Zone), Is.EqualTo(((Handoff.Scheduling.Calendars.WorkingHours?)null, (DateTimeZone?)null)));
    }

    private static Interval Meeting(string start) => new(At(start), At(start) + Duration.FromHours(1));
}
