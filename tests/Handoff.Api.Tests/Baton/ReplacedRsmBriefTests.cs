using System.Net;
using Handoff.Api.Tests.Support;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using static Handoff.Api.Tests.Baton.BatonSamples;

namespace Handoff.Api.Tests.Baton;

/// <summary>
/// "With Alex instead" in the pane replaces the RSM on the invite; the re-send records the new RSM, and the brief goes to
/// the RSM who will actually attend and says whom they replace.
/// </summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class ReplacedRsmBriefTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Key = "hk-0002-replace";
    private const string Alex = "alex.chen@example.com";

    [SetUp]
    public async Task OrgAsync()
    {
        await CreateAsync("rsms", Samples.Rsm());
        await CreateAsync("rsms", Samples.Rsm(Alex, "Alex Chen"));
        await CreateAsync("territories", Samples.Territory());
        await (await Client.PutJsonAsync($"/api/v1/leads/{Prospect}", Lead(), null)).JsonAsync(HttpStatusCode.Created);
    }

    [Test]
    public async Task After_a_replace_the_record_and_the_brief_go_to_the_new_rsm()
    {
        await (await Client.PutJsonAsync($"/api/v1/handoffs/{Key}", Invite(), null)).JsonAsync(HttpStatusCode.Created);
        var replaced = Invite();
        replaced["attendees"] = new[] { Prospect, Alex }; // the pane's replace: Jo off the required attendees, Alex on

        var record = await (await Client.PutJsonAsync($"/api/v1/handoffs/{Key}", replaced, "\"1\"")).JsonAsync(HttpStatusCode.OK);

        Assert.That(record["rsms"]!.AsArray().Select(r => r!["email"]!.GetValue<string>()), Is.EqualTo(new[] { Alex }));
        await using var db = Db.OpenContext();
        var handoff = await db.Handoffs.AsNoTracking().SingleAsync(h => h.Key == Key);
        Assert.That(handoff.RsmKeys, Is.EqualTo($"|{Alex}|"), "the report counts the handoff for the RSM who attends");
        var deliveries = await db.BriefDeliveries.AsNoTracking().Where(d => d.HandoffKey == Key).OrderBy(d => d.HandoffVersion).ToListAsync();
        Assert.That(deliveries.Select(d => d.To), Is.EqualTo(new[] { "jo.field@example.com", Alex }));
        var brief = deliveries[1];
        Assert.Multiple(() =>
        {
            Assert.That(brief.BodyText, Does.Contain("Alex Chen attends in place of Jo Field"));
            Assert.That(brief.BodyText, Does.Contain("Alex Chen: Thursday, Dec 3"), "the meeting in the attending RSM's time");
            Assert.That(brief.BodyText, Does.Not.Contain("Jo Field:"));
            Assert.That(deliveries[0].BodyText, Does.Not.Contain("in place of"), "the first brief replaced nobody");
        });
    }
}
