using Handoff.Api.Infrastructure;
using NodaTime;

namespace Handoff.Api.Demo;

/// <summary>
/// The OpenAPI document's example per operation: the README's and docs/admin.md's requests, naming records the demo
/// seeds (<see cref="DemoIds"/>), so "Try it out" on the embedded default answers 2xx (tests: SwaggerExamplesTests).
/// Times are next Thursday's, from the clock, like the README's GNU date lines.
/// </summary>
public static class DemoExamples
{
    private const string Dana = "rsm.west@example.com";
    private const string Version1 = "\"1\"";

    private static readonly Guid SanJoaquinValley = DemoOrg.Territories.Single(t => t.Name == "San Joaquin Valley").Id;
    private static readonly Guid LasVegasMetro = DemoOrg.Territories.Single(t => t.Name == "Las Vegas metro").Id;
    private static readonly Guid TradeShowPlan = Guid.Parse("6a1f0c52-0000-4000-8000-000000000001");
    private static readonly Guid DairyWeekPlan = Guid.Parse("6a1f0c52-0000-4000-8000-000000000002");

    /// <summary>Next Thursday (UTC date) at the given UTC hour, as the README's <c>date -u -d "next thursday 15:00"</c>.</summary>
    public static string NextThursday(Instant now, int hourUtc) =>
        Instants.Format(now.InUtc().Date.Next(IsoDayOfWeek.Thursday).AtMidnight().PlusHours(hourUtc).InUtc().ToInstant());

    private static string Day(Instant now, int days) => now.InUtc().Date.PlusDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Id(Guid id, bool ifMatch = false) =>
        ifMatch ? new() { ["id"] = id.ToString(), ["If-Match"] = Version1 } : new() { ["id"] = id.ToString() };

    public static IReadOnlyDictionary<string, OperationExample> All { get; } = new Dictionary<string, OperationExample>
    {
        ["CheckMeeting"] = new(now => new
        {
            start = NextThursday(now, 15), end = NextThursday(now, 16), organizerTimeZone = "Eastern Standard Time",
            attendees = new[] { Dana, "cfo@acme-metals.example" }, location = "Acme Metals, Fresno, CA 93706", prospectTimeZone = "America/Los_Angeles",
        }),
        ["SuggestMeetingTimes"] = new(now => new
        {
            start = NextThursday(now, 18), end = NextThursday(now, 19), organizerTimeZone = "Eastern Standard Time",
            attendees = new[] { Dana, "cfo@valleyscrap.example" }, location = "Valley Scrap Metals, Sacramento, CA 95811",
            vertical = "metals-recycling", maxResults = 5,
        }),
        ["GetTerritoryOwner"] = new(null, new Dictionary<string, string> { ["location"] = "93706", ["vertical"] = "metals-recycling" }),

        ["ListRsms"] = new(null, new Dictionary<string, string> { ["active"] = "true", ["vertical"] = "metals-recycling", ["q"] = "Dana", ["page"] = "1", ["pageSize"] = "50" }),
        ["GetRsm"] = new(null, Id(DemoIds.DanaRuiz)),
        ["CreateRsm"] = new(_ => new
        {
            email = "jo.field@example.com", displayName = "Jo Field", timeZone = "Pacific Standard Time",
            homeBase = new { text = "Bakersfield, CA 93301" }, verticals = new[] { "metals-recycling" },
        }),
        ["ReplaceRsm"] = new(_ => new
        {
            email = Dana, displayName = "Dana Ruiz", timeZone = "America/Los_Angeles", homeBase = new { text = "Fresno, CA 93706" },
            workingHours = Weekdays("08:00", "17:00"), verticals = new[] { "metals-recycling" },
            travel = new { averageSpeedKmh = 80, bufferBeforeMinutes = 15, bufferAfterMinutes = 10, longestDriveMinutes = 240 },
        }, Id(DemoIds.DanaRuiz, ifMatch: true)),
        // Every demo RSM covers a territory, so this answers 409 naming them (set active: false instead).
        ["DeleteRsm"] = new(null, Id(DemoIds.Rsm(DemoOrg.East.Email), ifMatch: true)),

        ["ListTerritories"] = new(null, new Dictionary<string, string> { ["rsm"] = Dana, ["q"] = "valley" }),
        ["GetTerritory"] = new(null, Id(SanJoaquinValley)),
        ["CreateTerritory"] = new(_ => new
        {
            name = "Northern Nevada", rules = new { postalPrefixes = new[] { "894", "895" } },
            assignments = new[] { new { rsmEmail = Dana, priority = 1, weight = 1.0 } }, verticals = new[] { "metals-recycling" },
            defaultProspectTimeZone = "America/Los_Angeles", routing = new { mode = "priority", period = "month", creditBack = true },
        }),
        ["ReplaceTerritory"] = new(_ => new
        {
            name = "San Joaquin Valley", rules = new { postalPrefixes = new[] { "932", "933", "936", "937", "952", "953" } },
            // Round robin: Dana takes two leads for every one of Mountain's, canceled and no-show handoffs credited back.
            assignments = new[] { new { rsmEmail = Dana, priority = 1, weight = 2.0 }, new { rsmEmail = DemoOrg.Mountain.Email, priority = 2, weight = 1.0 } },
            verticals = new[] { "metals-recycling" }, defaultProspectTimeZone = "America/Los_Angeles",
            routing = new { mode = "roundRobin", period = "month", creditBack = true },
        }, Id(SanJoaquinValley, ifMatch: true)),
        ["DeleteTerritory"] = new(null, Id(LasVegasMetro, ifMatch: true)),
        ["GetTerritoryRouting"] = new(null, new Dictionary<string, string> { ["id"] = SanJoaquinValley.ToString(), ["vertical"] = "metals-recycling" }),
        ["ExportTerritories"] = new(null, new Dictionary<string, string> { ["format"] = "csv" }),
        ["ImportTerritories"] = new(null, new Dictionary<string, string> { ["mode"] = "upsert" }),

        ["ListFieldPlans"] = new(null, new Dictionary<string, string> { ["rsm"] = Dana }),
        ["GetFieldPlan"] = new(null, Id(TradeShowPlan)),
        ["CreateFieldPlan"] = new(now => new
        {
            rsmEmail = Dana, from = Day(now, 21), to = Day(now, 22), place = new { text = "Stockton, CA 95202" },
            confidence = 70, note = "Two yard visits in Stockton",
        }),
        ["ReplaceFieldPlan"] = new(now => new
        {
            rsmEmail = Dana, from = Day(now, 14), to = Day(now, 15), place = new { text = "Sacramento, CA 95814" },
            confidence = 90, note = "Trade show at the convention center (booth confirmed)",
        }, Id(TradeShowPlan, ifMatch: true)),
        ["DeleteFieldPlan"] = new(null, Id(DairyWeekPlan, ifMatch: true)),

        ["ListTravelProfiles"] = new(null),
        ["GetTravelProfile"] = new(null, Id(DemoIds.TravelProfile(0))),
        ["CreateTravelProfile"] = new(_ => new
        {
            scope = "region", region = "US-NY", averageSpeedKmh = 30, bufferBeforeMinutes = 20, lobbyWaitMinutes = 15,
            note = "Manhattan: trains and walking; lobbies check ID",
        }),
        ["ReplaceTravelProfile"] = new(_ => new
        {
            scope = "region", region = "US-IL", averageSpeedKmh = 40, lobbyWaitMinutes = 20, note = "Chicago traffic; front desks sign visitors in",
        }, Id(DemoIds.TravelProfile(0), ifMatch: true)),
        ["DeleteTravelProfile"] = new(null, Id(DemoIds.TravelProfile(1), ifMatch: true)),

        ["ReportTrip"] = new(now => new
        {
            rsmEmail = Dana, from = new { text = "Fresno, CA 93706" }, to = new { text = "Sacramento, CA 95814" },
            departed = Instants.Format(now - Duration.FromHours(26)), arrived = Instants.Format(now - Duration.FromHours(26) + Duration.FromMinutes(175)),
            note = "Roadworks on CA-99 near Lodi",
        }),
        ["ListFieldReports"] = new(null, new Dictionary<string, string> { ["rsm"] = Dana }),
        ["DeleteFieldReport"] = new(null, Id(DemoIds.FieldReport(0))),
        ["FieldPlanAccuracy"] = new(null, new Dictionary<string, string> { ["rsm"] = Dana }),
        ["DownTheStreet"] = new(null, new Dictionary<string, string> { ["rsm"] = Dana, ["radiusKm"] = "50" }),
        ["Planner"] = new(null, new Dictionary<string, string> { ["format"] = "json" }),

        ["RecordHandoff"] = new(now => new
        {
            start = NextThursday(now, 21), end = NextThursday(now, 22), organizerTimeZone = "Eastern Standard Time",
            organizerEmail = "sdr@example.com", attendees = new[] { Dana, "cfo@acme-metals.example" }, location = "Microsoft Teams Meeting",
            prospectTimeZone = "America/Los_Angeles", vertical = "metals-recycling",
            notes = new { whyNow = "Two break-ins at the Fresno yard this quarter", pain = "Insurer wants camera coverage by March", nextStep = "Site walk with the yard manager" },
            recordedFrom = "pane",
        }, new Dictionary<string, string> { ["key"] = "demo-acme-metals-0001" }),
        ["GetHandoff"] = new(null, new Dictionary<string, string> { ["key"] = "demo-acme-metals-0001" }),
        ["ListHandoffDeliveries"] = new(null, new Dictionary<string, string> { ["key"] = "demo-acme-metals-0001" }),
        ["ListHandoffs"] = new(null, new Dictionary<string, string> { ["rsm"] = Dana }),

        // Outcomes and targets (docs/outcomes.md): on the handoff RecordHandoff's example records.
        ["RecordOutcome"] = new(now => new { outcome = "rescheduled", newStart = NextThursday(now, 22) },
            new Dictionary<string, string> { ["key"] = "demo-acme-metals-0001" }),
        ["GetOutcome"] = new(null, new Dictionary<string, string> { ["key"] = "demo-acme-metals-0001" }),
        ["ImportOutcomes"] = new(_ => new[] { new { key = "demo-acme-metals-0001", outcome = "canceled", canceledBy = "prospect" } }),
        // A link's token is made for one brief; a made-up one shows the refusal (400 OUTCOME_LINK_INVALID).
        ["RecordOutcomeFromLink"] = new(null, new Dictionary<string, string> { ["key"] = "demo-acme-metals-0001", ["o"] = "held", ["t"] = "CfDJ8-example" }),
        ["PutTarget"] = new(now => new { month = Outcomes.Targets.TargetsApi.NextMonth(now), scope = "sdr", subject = "sdr@example.com", handoffs = 40, held = 25 }),
        // No target is seeded: the example id answers 404 (set one with PutTarget, then delete it by the id it answers).
        ["DeleteTarget"] = new(null, new Dictionary<string, string> { ["id"] = "7a1d0c2e-0000-4000-8000-0000000000f1" }),

        ["GetLeadContext"] = new(null, new Dictionary<string, string> { ["email"] = "cfo@acme-metals.example", ["vertical"] = "metals-recycling" }),
        ["GetLead"] = new(null, new Dictionary<string, string> { ["email"] = "cfo@acme-metals.example" }),
        ["UpsertLead"] = new(now => new
        {
            source = "trade-show", campaign = "Scrap yard security", score = 72, lifecycleStage = "marketingqualifiedlead",
            cameInAt = Instants.Format(now - Duration.FromDays(2)), company = "Sierra Steel", place = "Fresno, CA 93725", vertical = "metals-recycling",
            activities = new[] { new { at = Instants.Format(now - Duration.FromDays(2)), kind = "download", title = "Downloaded the access-control checklist" } },
        }, new Dictionary<string, string> { ["email"] = "ops@sierra-steel.example" }),
        ["ImportLeads"] = new(now => new[]
        {
            new { email = "gm@kern-recycling.example", source = "webinar", score = 55, lifecycleStage = "lead", company = "Kern Recycling", place = "Bakersfield, CA 93308", vertical = "metals-recycling" },
        }),
        // A web form's lead in Sacramento: Dana Ruiz owns it (San Joaquin Valley), with her earliest slots and the alternatives.
        ["RouteLead"] = new(_ => new
        {
            email = "cfo@valleyscrap.example", externalId = "form-2026-0042", place = "Valley Scrap Metals, 1200 Richards Blvd, Sacramento, CA 95811",
            vertical = "metals-recycling", score = 72, company = "Valley Scrap Metals", name = "Pat Rivera", context = "Asked for a quote for 3 yards",
        }),
        ["ReplaceHandoffSettings"] = new(_ => new
        {
            talkingPoints = new[] { new { vertical = "metals-recycling", points = new[] { "Copper theft: yards lose stock overnight; our access control logs every gate and scale-house entry." } } },
            productMessaging = "Handoff Security's cloud access control: one console for every site, installed by local partners in a day.",
            bar = new { minLifecycleStage = "marketingqualifiedlead", requiredNotes = new[] { "whyNow" } },
        }, new Dictionary<string, string> { ["If-Match"] = Version1 }),
        ["ListAudit"] = new(null, new Dictionary<string, string> { ["resource"] = "territory" }),
    };

    private static object Weekdays(string start, string end) => new
    {
        monday = new { start, end }, tuesday = new { start, end }, wednesday = new { start, end }, thursday = new { start, end }, friday = new { start, end },
    };
}
