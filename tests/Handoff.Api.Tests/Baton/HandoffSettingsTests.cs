using System.Net;
using Handoff.Api.Tests.Support;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using static Handoff.Api.Tests.Baton.BatonSamples;

namespace Handoff.Api.Tests.Baton;

/// <summary>The org's talking points, product messaging and handoff bar: one admin resource, If-Match, validated, audited.</summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.All))]
public sealed class HandoffSettingsTests(DatabaseProvider provider) : ApiTest(provider)
{
    [Test]
    public async Task Settings_need_if_match_are_validated_and_audited()
    {
        var empty = await Client.GetAsync("/api/v1/admin/handoff-settings");
        Assert.That(empty.ETag(), Is.EqualTo("\"0\""));
        await (await Client.PutJsonAsync("/api/v1/admin/handoff-settings", Settings(), null)).ProblemAsync(HttpStatusCode.PreconditionRequired);

        var errors = await (await Client.PutJsonAsync("/api/v1/admin/handoff-settings", new
        {
            talkingPoints = new object[] { new { vertical = "metals recycling", points = Array.Empty<string>() }, new { vertical = "mining", points = new[] { new string('x', 301) } } },
            bar = new { minLifecycleStage = "hot", minScore = 2000, requiredNotes = new[] { "budget" } },
        }, "\"0\"")).ErrorsAsync();
        Assert.That(errors.Keys, Is.SupersetOf(new[] { "talkingPoints[0].vertical", "talkingPoints[0].points", "talkingPoints[1].points[0]", "bar.minLifecycleStage", "bar.minScore", "bar.requiredNotes[0]" }));

        var saved = await Client.PutJsonAsync("/api/v1/admin/handoff-settings", Settings(new { minLifecycleStage = "MQL", requiredNotes = new[] { "pain" } }), "\"0\"");
        var body = await saved.JsonAsync(HttpStatusCode.OK);
        Assert.That(body["bar"]!["minLifecycleStage"]!.GetValue<string>(), Is.EqualTo("marketingqualifiedlead"));
        await (await Client.PutJsonAsync("/api/v1/admin/handoff-settings", Settings(), "\"0\"")).ProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await Client.PutJsonAsync("/api/v1/admin/handoff-settings", Settings(), "\"1\"")).JsonAsync(HttpStatusCode.OK);

        await using var db = Db.OpenContext();
        Assert.That(await db.AuditEntries.Where(a => a.Resource == "handoff-settings").Select(a => a.Action).ToListAsync(), Is.EquivalentTo(new[] { "create", "update" }));
    }
}
