using Handoff.Graph.Fake;
using Handoff.Scheduling.Calendars;
using static Handoff.Graph.Tests.Samples;

namespace Handoff.Graph.Tests;

/// <summary>One getSchedule call per 20 RSMs; per-mailbox errors stay with their mailbox.</summary>
public class BatchingAndErrorsTests
{
    [Test]
    public async Task UnknownMailbox_AmongKnownOnes_FailsAlone()
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West, m => m.Add(At("2026-03-10T17:00:00Z"), At("2026-03-10T18:00:00Z")));
        harness.Graph.AddMailbox(East, m => m.Add(At("2026-03-10T19:00:00Z"), At("2026-03-10T20:00:00Z")));

        var lookups = await harness.ReadAsync(Tuesday, West, Ghost, East);

        Assert.That(lookups.Select(l => l.Email), Is.EqualTo(new[] { West, Ghost, East }));
        Assert.That(lookups[0].Calendar!.Items, Has.Count.EqualTo(1));
        Assert.That(lookups[1].Problem, Is.EqualTo(new CalendarProblem("Microsoft 365 does not know this address", Outage: false)));
        Assert.That(lookups[2].Calendar!.Items, Has.Count.EqualTo(1));
        Assert.That(harness.Graph.ScheduleCalls, Is.EqualTo(1));
    }

    [Test]
    public async Task OtherScheduleError_CarriesGraphsMessage()
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West, m => m.Error = new FakeScheduleError("5011", "The mailbox is on hold."));

        var problem = (await harness.ReadAsync(Tuesday, West)).Single().Problem!;

        Assert.That((problem.Outage, problem.Reason), Is.EqualTo((false, "Microsoft Graph: The mailbox is on hold")));
    }

    [Test]
    public async Task TwentyOneRsms_TakeTwoCalls_OfTwentyAndOne()
    {
        await using var harness = await GraphHarness.StartAsync();
        var rsms = Enumerable.Range(1, 21).Select(i => $"rsm{i:00}@example.com").ToArray();
        foreach (var rsm in rsms)
        {
            harness.Graph.AddMailbox(rsm, m => m.Add(At("2026-03-10T17:00:00Z"), At("2026-03-10T18:00:00Z"), subject: $"Meeting of {rsm}"));
        }

        var lookups = await harness.ReadAsync(Tuesday, rsms);

        Assert.That(harness.Graph.ScheduleCalls, Is.EqualTo(2));
        Assert.That(harness.Graph.Requests.Select(r => r.Schedules.Count).Order(), Is.EqualTo(new[] { 1, 20 }));
        Assert.That(harness.Graph.Requests.SelectMany(r => r.Schedules).Order(), Is.EqualTo(rsms));
        Assert.That(lookups.Select(l => l.Calendar!.Items.Single().Subject), Is.EqualTo(rsms.Select(r => $"Meeting of {r}")));
    }

    [Test]
    public async Task TwentyRsms_TakeOneCall()
    {
        await using var harness = await GraphHarness.StartAsync();
        var rsms = Enumerable.Range(1, 20).Select(i => $"rsm{i:00}@example.com").ToArray();
        foreach (var rsm in rsms)
        {
            harness.Graph.AddMailbox(rsm);
        }

        await harness.ReadAsync(Tuesday, rsms);

        Assert.That(harness.Graph.ScheduleCalls, Is.EqualTo(1));
    }

    [Test]
    public async Task NoEmails_NoCall()
    {
        await using var harness = await GraphHarness.StartAsync();

        Assert.That(await harness.ReadAsync(Tuesday), Is.Empty);
        Assert.That(harness.Graph.ScheduleCalls, Is.Zero);
    }

    [Test]
    public async Task SameRsmTwice_DifferentCase_AskedOnce_AnsweredForEach()
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West);

        var lookups = await harness.ReadAsync(Tuesday, West, West.ToUpperInvariant());

        Assert.That(lookups.Select(l => l.Email), Is.EqualTo(new[] { West, West.ToUpperInvariant() }));
        Assert.That(lookups.Select(l => l.Calendar), Is.All.Not.Null);
        Assert.That(harness.Graph.Requests.Single().Schedules, Is.EqualTo(new[] { West }));
    }
}
