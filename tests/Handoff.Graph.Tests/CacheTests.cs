using Handoff.Graph.Fake;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using static Handoff.Graph.Tests.Samples;

namespace Handoff.Graph.Tests;

/// <summary>Schedules are cached per RSM and UTC day for Graph:CacheTtl; failures are not.</summary>
public class CacheTests
{
    [Test]
    public async Task SecondIdenticalCheck_WithinTheTtl_CostsNoGraphRequest()
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West, m => m.Add(At("2026-03-10T17:00:00Z"), At("2026-03-10T18:00:00Z"), subject: "Plant visit"));
        var first = await harness.ReadAsync(Tuesday, West);
        harness.Graph.ClearRequests();

        var second = await harness.ReadAsync(Tuesday, West);

        Assert.That(harness.Graph.Requests, Is.Empty);
        Assert.That(second.Single().Calendar!.Items, Is.EqualTo(first.Single().Calendar!.Items));
        Assert.That(second.Single().Calendar!.WorkingHours, Is.Not.Null);
    }

    [Test]
    public async Task NudgedMeetingTime_SameDays_CostsNoGraphRequest()
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West);
        await harness.ReadAsync(WindowAround("2026-03-10T17:00:00Z", "2026-03-10T18:00:00Z"), West);
        harness.Graph.ClearRequests();

        await harness.ReadAsync(WindowAround("2026-03-10T17:30:00Z", "2026-03-10T18:30:00Z"), West);

        Assert.That(harness.Graph.Requests, Is.Empty);
    }

    [Test]
    public async Task CheckForAAndB_AfterA_FetchesOnlyB()
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West);
        harness.Graph.AddMailbox(East);
        await harness.ReadAsync(Tuesday, West);
        harness.Graph.ClearRequests();

        var lookups = await harness.ReadAsync(Tuesday, West, East);

        Assert.That(harness.Graph.Requests.Single().Schedules, Is.EqualTo(new[] { East }));
        Assert.That(lookups.Select(l => l.Calendar), Is.All.Not.Null);
    }

    [Test]
    public async Task NextDay_FetchesOnlyTheMissingDay_AndAnOvernightItemAppearsOnce()
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West, m => m
            .Add(At("2026-03-11T22:00:00Z"), At("2026-03-12T02:00:00Z"), "oof", "Overnight flight")
            .Add(At("2026-03-12T18:00:00Z"), At("2026-03-12T19:00:00Z"), "busy", "Thursday meeting"));
        await harness.ReadAsync(WindowAround("2026-03-10T17:00:00Z", "2026-03-10T18:00:00Z"), West); // 10th–11th
        harness.Graph.ClearRequests();

        var window = WindowAround("2026-03-11T17:00:00Z", "2026-03-11T18:00:00Z"); // 11th–12th
        var items = (await harness.ReadAsync(window, West)).Single().Calendar!.Items;

        var request = harness.Graph.Requests.Single();
        Assert.That((request.StartTime, request.EndTime), Is.EqualTo(("2026-03-12T00:00:00", "2026-03-13T00:00:00")));
        Assert.That(items.Select(i => i.Subject), Is.EqualTo(new[] { "Overnight flight", "Thursday meeting" }));
    }

    [Test]
    public async Task Outage_IsNotCached_TheNextCheckAsksAgain()
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West);
        harness.Graph.Enqueue(FakeFault.Unauthorized());
        var failed = await harness.ReadAsync(Tuesday, West);

        var retried = await harness.ReadAsync(Tuesday, West);

        Assert.That(failed.Single().Problem, Is.Not.Null);
        Assert.That(retried.Single().Calendar, Is.Not.Null);
        Assert.That(harness.Graph.ScheduleCalls, Is.EqualTo(2));
    }

    [Test]
    public async Task UnknownMailbox_IsNotCached_OnlyItIsAskedAgain()
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West);
        await harness.ReadAsync(Tuesday, West, Ghost);
        harness.Graph.AddMailbox(Ghost); // the admin fixed the address
        harness.Graph.ClearRequests();

        var lookups = await harness.ReadAsync(Tuesday, West, Ghost);

        Assert.That(harness.Graph.Requests.Single().Schedules, Is.EqualTo(new[] { Ghost }));
        Assert.That(lookups.Select(l => l.Calendar), Is.All.Not.Null);
    }

    [Test]
    public async Task AfterTheTtl_GraphIsAskedAgain()
    {
        await using var harness = await GraphHarness.StartAsync(s => s["Graph:CacheTtl"] = "00:00:00.2");
        harness.Graph.AddMailbox(West);
        await harness.ReadAsync(Tuesday, West);

        await Task.Delay(TimeSpan.FromSeconds(1));
        await harness.ReadAsync(Tuesday, West);

        Assert.That(harness.Graph.ScheduleCalls, Is.EqualTo(2));
    }

    [Test]
    public async Task ZeroTtl_TurnsTheCacheOff()
    {
        await using var harness = await GraphHarness.StartAsync(s => s["Graph:CacheTtl"] = "00:00:00");
        harness.Graph.AddMailbox(West);

        await harness.ReadAsync(Tuesday, West);
        await harness.ReadAsync(Tuesday, West);

        Assert.That(harness.Graph.ScheduleCalls, Is.EqualTo(2));
    }

    [Test]
    public async Task SharedCache_AnotherInstance_ReadsWhatTheFirstFetched()
    {
        // Two API instances sharing a distributed cache (Redis in production): the second costs no Graph request,
        // and the schedule survives the trip through HybridCache's serializer intact.
        var shared = new OutOfProcessCache();
        var graph = new FakeGraph();
        graph.AddMailbox(West, m =>
        {
            m.WorkingHours = FakeWorkingHours.Weekdays("08:00", "17:00", FakeZone.Custom(480, 11, 1, "sunday", "02:00", 3, 2, "sunday", "02:00"));
            m.Add(At("2026-03-10T17:00:00Z"), At("2026-03-10T18:00:00Z"), "tentative", "Plant visit", "Fresno, CA");
            m.Add(At("2026-03-10T19:00:00Z"), At("2026-03-10T20:00:00Z"), "busy", "Doctor", "Clinic", isPrivate: true);
        });
        await using var first = await GraphHarness.StartAsync(graph: graph, sharedCache: shared);
        await using var second = await GraphHarness.StartAsync(graph: graph, sharedCache: shared);

        var fetched = (await first.ReadAsync(Tuesday, West)).Single().Calendar!;
        var shared2 = (await second.ReadAsync(Tuesday, West)).Single().Calendar!;

        Assert.That(graph.ScheduleCalls, Is.EqualTo(1));
        Assert.That(shared2.Items, Is.EqualTo(fetched.Items));
        Assert.That(shared2.Zone!.GetUtcOffset(At("2026-03-10T12:00:00Z")), Is.EqualTo(Offset.FromHours(-7)));
        Assert.That(shared2.WorkingHours!.Days, Is.EqualTo(fetched.WorkingHours!.Days));
    }

    [Test]
    public async Task CachedCalendar_KeepsTheCustomZone()
    {
        await using var harness = await GraphHarness.StartAsync();
        harness.Graph.AddMailbox(West, m => m.WorkingHours = FakeWorkingHours.Weekdays("08:00", "17:00",
            FakeZone.Custom(480, 11, 1, "sunday", "02:00", 3, 2, "sunday", "02:00")));
        await harness.ReadAsync(Tuesday, West);

        var zone = (await harness.ReadAsync(Tuesday, West)).Single().Calendar!.Zone!;

        Assert.That(harness.Graph.ScheduleCalls, Is.EqualTo(1));
        Assert.That(zone.GetUtcOffset(At("2026-03-10T12:00:00Z")), Is.EqualTo(Offset.FromHours(-7)));
    }

    [Test]
    public async Task WithoutASharedCache_DaysAreKeptInProcess_AsTheSameInstances()
    {
        var serializer = new CountingSerializer();
        await using var harness = await GraphHarness.StartAsync(extra: s => s.AddHybridCache().AddSerializer<CachedDay>(serializer));
        harness.Graph.AddMailbox(West, m => m.Add(At("2026-03-10T17:00:00Z"), At("2026-03-10T18:00:00Z"), subject: "Plant visit"));
        await harness.ReadAsync(Tuesday, West);
        var days = harness.Get<IScheduleDayCache>();
        var key = ScheduleDays.Key(GraphHarness.ScheduleMailbox, West, new Interval(At("2026-03-10T00:00:00Z"), At("2026-03-11T00:00:00Z")));

        var once = await days.PeekAsync(key, CancellationToken.None);
        var again = await days.PeekAsync(key, CancellationToken.None);

        Assert.That(days, Is.TypeOf<LocalScheduleDays>());
        Assert.That(once, Is.Not.Null.And.SameAs(again));
        Assert.That(once!.Items.Single().Subject, Is.EqualTo("Plant visit"));
        Assert.That(serializer.Calls, Is.Zero, "a day kept in process only is never serialised");
    }

    [Test]
    public async Task WithASharedCache_DaysGoThroughHybridCache_AndItsSerializer()
    {
        var serializer = new CountingSerializer();
        await using var harness = await GraphHarness.StartAsync(sharedCache: new OutOfProcessCache(), extra: s => s.AddHybridCache().AddSerializer<CachedDay>(serializer));
        harness.Graph.AddMailbox(West, m => m.Add(At("2026-03-10T17:00:00Z"), At("2026-03-10T18:00:00Z"), subject: "Plant visit"));

        await harness.ReadAsync(Tuesday, West);

        Assert.That(harness.Get<IScheduleDayCache>(), Is.TypeOf<SharedScheduleDays>());
        Assert.That(serializer.Calls, Is.GreaterThan(0), "days bound for the shared cache are serialised");
    }

    [Test]
    public async Task TheInMemoryDistributedCache_IsNotASharedOne()
    {
        // HybridCache ignores it as a second level for the same reason: it is this process's memory.
        await using var harness = await GraphHarness.StartAsync(sharedCache: new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())));

        Assert.That(harness.Get<IScheduleDayCache>(), Is.TypeOf<LocalScheduleDays>());
    }

    [Test]
    public async Task InProcessDays_FitAMemoryCacheWithASizeLimit()
    {
        // An IMemoryCache with a SizeLimit refuses entries that do not say their size.
        await using var harness = await GraphHarness.StartAsync(extra: s => s.AddSingleton<IMemoryCache>(new MemoryCache(Options.Create(new MemoryCacheOptions { SizeLimit = 10_000 }))));
        harness.Graph.AddMailbox(West, m => m.Add(At("2026-03-10T17:00:00Z"), At("2026-03-10T18:00:00Z"), subject: "Plant visit"));
        await harness.ReadAsync(Tuesday, West);

        await harness.ReadAsync(Tuesday, West);

        Assert.That(harness.Graph.ScheduleCalls, Is.EqualTo(1));
    }

    /// <summary>The days' own serializer, counting the days it writes.</summary>
    private sealed class CountingSerializer : IHybridCacheSerializer<CachedDay>
    {
        private readonly CachedDaySerializer _inner = new();

        public int Calls { get; private set; }

        public CachedDay Deserialize(System.Buffers.ReadOnlySequence<byte> source) => _inner.Deserialize(source);

        public void Serialize(CachedDay value, System.Buffers.IBufferWriter<byte> target)
        {
            Calls++;
            _inner.Serialize(value, target);
        }
    }

    /// <summary>
    /// Stands in for Redis. HybridCache ignores a plain MemoryDistributedCache as its second level (it would
    /// duplicate the first), so this delegates to one under another type.
    /// </summary>
    private sealed class OutOfProcessCache : IDistributedCache
    {
        private readonly MemoryDistributedCache _store = new(Options.Create(new MemoryDistributedCacheOptions()));

        public byte[]? Get(string key) => _store.Get(key);

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => _store.GetAsync(key, token);

        public void Refresh(string key) => _store.Refresh(key);

        public Task RefreshAsync(string key, CancellationToken token = default) => _store.RefreshAsync(key, token);

        public void Remove(string key) => _store.Remove(key);

        public Task RemoveAsync(string key, CancellationToken token = default) => _store.RemoveAsync(key, token);

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => _store.Set(key, value, options);

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) => _store.SetAsync(key, value, options, token);
    }
}
