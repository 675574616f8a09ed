using Handoff.Graph.Fake;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using static Handoff.Graph.Tests.Samples;

namespace Handoff.Graph.Tests;

/// <summary>
/// Checks that read the same cached days get the same calendar instance, so the core's per-calendar work (itinerary,
/// sorted items) is done once per read, not once per check; anything new in the cache makes a new one.
/// </summary>
public class AssembledCalendarTests
{
    [Test]
    public async Task SameWindow_FromTheCache_IsTheSameCalendar()
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West, m => m.Add(At("2026-03-10T17:00:00Z"), At("2026-03-10T18:00:00Z"), subject: "Plant visit"));

        var first = (await harness.ReadAsync(Tuesday, West)).Single().Calendar!;
        var second = (await harness.ReadAsync(Tuesday, West)).Single().Calendar!;

        Assert.That(second, Is.SameAs(first));
        Assert.That(second.Items.Single().Subject, Is.EqualTo("Plant visit"));
    }

    [Test]
    public async Task AnotherWindow_OrAnotherRsm_IsItsOwnCalendar()
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West, m => m.Add(At("2026-03-10T17:00:00Z"), At("2026-03-10T18:00:00Z"), subject: "Plant visit"));
        harness.Graph.AddMailbox(East);
        var tuesday = (await harness.ReadAsync(Tuesday, West, East)).Select(l => l.Calendar!).ToArray();

        var wider = (await harness.ReadAsync(WindowAround("2026-03-10T17:00:00Z", "2026-03-11T18:00:00Z"), West)).Single().Calendar!;

        Assert.That(tuesday[1], Is.Not.SameAs(tuesday[0]));
        Assert.That(wider, Is.Not.SameAs(tuesday[0]));
        Assert.That(tuesday[1].Items, Is.Empty);
    }

    [Test]
    public async Task AfterTheTtl_TheReReadDaysMakeANewCalendar()
    {
        await using var harness = await GraphHarness.StartAsync(s => s["Graph:CacheTtl"] = "00:00:00.2");
        harness.Graph.AddMailbox(West, m => m.Add(At("2026-03-10T17:00:00Z"), At("2026-03-10T18:00:00Z"), subject: "Plant visit"));
        var before = (await harness.ReadAsync(Tuesday, West)).Single().Calendar!;

        harness.Graph.FindMailbox(West)!.Add(At("2026-03-10T19:00:00Z"), At("2026-03-10T20:00:00Z"), subject: "Booked since");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var after = (await harness.ReadAsync(Tuesday, West)).Single().Calendar!;

        Assert.That(harness.Graph.ScheduleCalls, Is.EqualTo(2));
        Assert.That(after, Is.Not.SameAs(before));
        Assert.That(after.Items.Select(i => i.Subject), Is.EqualTo(new[] { "Plant visit", "Booked since" }));
    }

    [Test]
    public async Task PrivateItems_StayWithoutSubject_InTheReusedCalendar()
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West, m => m
            .Add(At("2026-03-10T17:00:00Z"), At("2026-03-10T18:00:00Z"), "busy", "Plant visit", "Fresno, CA")
            .Add(At("2026-03-10T19:00:00Z"), At("2026-03-10T20:00:00Z"), "busy", "Doctor", "Clinic", isPrivate: true));
        await harness.ReadAsync(Tuesday, West);

        var items = (await harness.ReadAsync(Tuesday, West)).Single().Calendar!.Items;

        Assert.That(items.Select(i => (i.Subject, i.Location, i.IsPrivate)), Is.EqualTo(new[]
        {
            ((string?)"Plant visit", (string?)"Fresno, CA", false),
            (null, null, true),
        }));
    }
}

/// <summary>A calendar still within the TTL of its oldest day is served without asking the schedule cache again.</summary>
public class FreshCalendarTests
{
    [Test]
    public async Task WithinTheTtl_TheSecondCheck_MakesNoCacheLookups()
    {
        CountingDays? counting = null;
        await using var harness = await GraphHarness.StartAsync(extra: s => s.AddSingleton<IScheduleDayCache>(sp => counting = new CountingDays(IScheduleDayCache.For(sp))));
        harness.Graph.AddMailbox(West, m => m.Add(At("2026-03-10T17:00:00Z"), At("2026-03-10T18:00:00Z"), subject: "Plant visit"));
        var first = (await harness.ReadAsync(Tuesday, West)).Single().Calendar!;
        var lookups = counting!.Lookups;

        var second = (await harness.ReadAsync(Tuesday, West)).Single().Calendar!;

        Assert.That(lookups, Is.GreaterThan(0), "the first check looked in the cache");
        Assert.That(counting.Lookups, Is.EqualTo(lookups));
        Assert.That(second, Is.SameAs(first));
        Assert.That(harness.Graph.ScheduleCalls, Is.EqualTo(1));
    }

    /// <summary>The day cache the host would choose, counting the lookups made through it.</summary>
    private sealed class CountingDays(IScheduleDayCache inner) : IScheduleDayCache
    {
        public int Lookups { get; private set; }

        public ValueTask<CachedDay?> PeekAsync(string key, CancellationToken token)
        {
            Lookups++;
            return inner.PeekAsync(key, token);
        }

        public ValueTask StoreAsync(string key, CachedDay day, TimeSpan ttl) => inner.StoreAsync(key, day, ttl);
    }
}
