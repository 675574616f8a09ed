using System.Net;
using Handoff.Api.Tests.Support;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;

namespace Handoff.Api.Tests.Admin;

/// <summary>Two admins editing at once never lose an update: the second writer gets 412 and re-reads.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class ConcurrencyTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Url = "/api/v1/admin/rsms";

    [Test]
    public async Task Second_writer_with_the_old_etag_gets_412_then_succeeds_after_reading_again()
    {
        var id = (await CreateAsync("rsms", Samples.Rsm()))["id"]!.GetValue<Guid>();
        var etagA = (await Client.GetAsync($"{Url}/{id}")).ETag();
        var etagB = (await Client.GetAsync($"{Url}/{id}")).ETag();

        await (await Client.PutJsonAsync($"{Url}/{id}", Samples.Rsm(name: "Changed by A"), etagA)).JsonAsync(HttpStatusCode.OK);
        var problem = await (await Client.PutJsonAsync($"{Url}/{id}", Samples.Rsm(verticals: ["changed-by-b"]), etagB)).ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.That(problem["currentVersion"]!.GetValue<int>(), Is.EqualTo(2));

        var fresh = await Client.GetAsync($"{Url}/{id}");
        Assert.That((await fresh.JsonAsync(HttpStatusCode.OK))["displayName"]!.GetValue<string>(), Is.EqualTo("Changed by A"));
        var merged = await (await Client.PutJsonAsync($"{Url}/{id}", Samples.Rsm(name: "Changed by A", verticals: ["changed-by-b"]), fresh.ETag())).JsonAsync(HttpStatusCode.OK);
        Assert.That(merged["version"]!.GetValue<int>(), Is.EqualTo(3));
        await (await Client.DeleteAsync($"{Url}/{id}", etagA)).ProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Test]
    public async Task Writes_without_if_match_are_428()
    {
        var id = (await CreateAsync("rsms", Samples.Rsm()))["id"]!.GetValue<Guid>();
        await (await Client.PutJsonAsync($"{Url}/{id}", Samples.Rsm(), null)).ProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await Client.DeleteAsync($"{Url}/{id}", null)).ProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await Client.PutJsonAsync($"{Url}/{id}", Samples.Rsm(), "W/\"1\"")).ProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Test]
    public async Task Of_many_simultaneous_writers_with_the_same_etag_exactly_one_wins_and_its_edit_is_kept()
    {
        var id = (await CreateAsync("rsms", Samples.Rsm()))["id"]!.GetValue<Guid>();
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Client.PutJsonAsync($"{Url}/{id}", Samples.Rsm(name: $"Writer {i}"), "\"1\"")));
        var winners = responses.Select((r, i) => (r, i)).Where(x => x.r.StatusCode == HttpStatusCode.OK).ToArray();
        Assert.That(winners, Has.Length.EqualTo(1));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed), Is.EqualTo(7));
        var stored = await (await Client.GetAsync($"{Url}/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.That(stored["displayName"]!.GetValue<string>(), Is.EqualTo($"Writer {winners[0].i}"));
        Assert.That(stored["version"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [Test]
    public async Task The_store_rejects_a_write_based_on_a_row_changed_after_it_was_read()
    {
        var id = (await CreateAsync("rsms", Samples.Rsm()))["id"]!.GetValue<Guid>();
        await using var first = Db.OpenContext();
        await using var second = Db.OpenContext();
        var a = await first.Rsms.SingleAsync(r => r.Id == id);
        var b = await second.Rsms.SingleAsync(r => r.Id == id);
        a.DisplayName = "A";
        a.Version++;
        await first.SaveChangesAsync();
        b.DisplayName = "B";
        b.Version++;
        Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }
}
