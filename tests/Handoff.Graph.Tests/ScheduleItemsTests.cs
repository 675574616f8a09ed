using Handoff.Graph.Fake;
using Handoff.Scheduling.Calendars;
using static Handoff.Graph.Tests.Samples;

namespace Handoff.Graph.Tests;

/// <summary>What Graph's scheduleItems become: status, times, location when shared, private items redacted.</summary>
public class ScheduleItemsTests
{
    [Test]
    public async Task Statuses_AllOfGraphs_MapToTheCoresStatuses()
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West, m => m
            .Add(At("2026-03-10T15:00:00Z"), At("2026-03-10T16:00:00Z"), "busy", "Pipeline review", "Room 4")
            .Add(At("2026-03-10T16:00:00Z"), At("2026-03-10T16:30:00Z"), "tentative", "Prospect call (hold)", "Phone")
            .Add(At("2026-03-10T17:00:00Z"), At("2026-03-10T18:00:00Z"), "oof", "Dentist")
            .Add(At("2026-03-10T18:00:00Z"), At("2026-03-10T20:00:00Z"), "workingElsewhere", "Regional office", "Fresno, CA")
            .Add(At("2026-03-10T20:00:00Z"), At("2026-03-10T20:30:00Z"), "free", "Focus time")
            .Add(At("2026-03-10T21:00:00Z"), At("2026-03-10T21:30:00Z"), "unknown"));

        var lookups = await harness.ReadAsync(Tuesday, West);

        var calendar = lookups.Single().Calendar!;
        Assert.That(calendar.Items.Select(i => i.Status), Is.EqualTo(new[]
        {
            BusyStatus.Busy, BusyStatus.Tentative, BusyStatus.OutOfOffice, BusyStatus.WorkingElsewhere, BusyStatus.Free, BusyStatus.Unknown,
        }));
        var busy = calendar.Items[0];
        Assert.That(busy.Interval.Start, Is.EqualTo(At("2026-03-10T15:00:00Z")));
        Assert.That(busy.Interval.End, Is.EqualTo(At("2026-03-10T16:00:00Z")));
        Assert.That(busy.Subject, Is.EqualTo("Pipeline review"));
        Assert.That(busy.Location, Is.EqualTo("Room 4"));
        Assert.That(calendar.Items[3].Location, Is.EqualTo("Fresno, CA"));
    }

    [Test]
    public async Task PrivateItem_KeepsTheBlock_DropsSubjectAndLocation()
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West, m => m.Add(At("2026-03-10T19:00:00Z"), At("2026-03-10T20:00:00Z"), "busy", "Oncology follow-up", "St. Mary's Hospital", isPrivate: true));

        var item = (await harness.ReadAsync(Tuesday, West)).Single().Calendar!.Items.Single();

        Assert.That(item.IsPrivate, Is.True);
        Assert.That(item.Status, Is.EqualTo(BusyStatus.Busy));
        Assert.That(item.Interval, Is.EqualTo(new NodaTime.Interval(At("2026-03-10T19:00:00Z"), At("2026-03-10T20:00:00Z"))));
        Assert.That(item.Subject, Is.Null);
        Assert.That(item.Location, Is.Null);
    }

    [Test]
    public async Task FreeBusyOnlySharing_ItemsHaveNoSubjectOrLocation()
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West, m =>
        {
            m.SharesDetails = false;
            m.Add(At("2026-03-10T19:00:00Z"), At("2026-03-10T20:00:00Z"), "busy", "Customer meeting", "Sacramento");
        });

        var item = (await harness.ReadAsync(Tuesday, West)).Single().Calendar!.Items.Single();

        Assert.That((item.Status, item.Subject, item.Location), Is.EqualTo((BusyStatus.Busy, (string?)null, (string?)null)));
    }

    [Test]
    public async Task Items_OutsideTheWindow_AreNotReturned_AndOnesSpanningItsEdgeAre()
    {
        await using var harness = await GraphHarness.StartAsync();
        var window = Tuesday;
        harness.Graph.AddMailbox(West, m => m
            .Add(window.Start - NodaTime.Duration.FromHours(3), window.Start + NodaTime.Duration.FromHours(2), "oof", "Red-eye flight")
            .Add(window.End + NodaTime.Duration.FromHours(1), window.End + NodaTime.Duration.FromHours(2), "busy", "Next week"));

        var items = (await harness.ReadAsync(window, West)).Single().Calendar!.Items;

        Assert.That(items.Select(i => i.Subject), Is.EqualTo(new[] { "Red-eye flight" }));
        Assert.That(items[0].Interval.Start, Is.EqualTo(window.Start - NodaTime.Duration.FromHours(3)), "an item keeps its real start, not the window's");
    }

    [Test]
    public async Task Request_IsOneGetSchedule_ForTheWholeWindow_InUtc()
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West);
        harness.Graph.AddMailbox(East);

        await harness.ReadAsync(Tuesday, West, East);

        var request = harness.Graph.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("POST"));
            Assert.That(request.Path, Is.EqualTo($"/v1.0/users/{GraphHarness.ScheduleMailbox}/calendar/getSchedule"));
            Assert.That(request.Schedules, Is.EqualTo(new[] { West, East }));
            Assert.That(request.StartTime, Is.EqualTo("2026-03-10T00:00:00"));
            Assert.That(request.EndTime, Is.EqualTo("2026-03-12T00:00:00"));
            Assert.That(request.AvailabilityViewInterval, Is.InRange(5, 1440));
            Assert.That(request.Prefer, Does.Contain("outlook.timezone=\"UTC\""));
            Assert.That(request.Authorization, Is.EqualTo($"Bearer {GraphHarness.FakeCredential.Token}"));
        });
    }
}
