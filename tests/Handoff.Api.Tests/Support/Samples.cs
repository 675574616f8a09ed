namespace Handoff.Api.Tests.Support;

/// <summary>Request bodies as an admin would send them.</summary>
public static class Samples
{
    public static object Rsm(string email = "jo.field@example.com", string name = "Jo Field", bool active = true, string[]? verticals = null) => new
    {
        email,
        displayName = name,
        timeZone = "America/Los_Angeles",
        homeBase = new { text = "Fresno, CA 93706", latitude = 36.7378, longitude = -119.7871 },
        workingHours = new
        {
            monday = new { start = "08:00", end = "17:00" },
            tuesday = new { start = "08:00", end = "17:00" },
            friday = new { start = "08:00", end = "12:00" },
        },
        verticals = verticals ?? ["metals-recycling"],
        travel = new { averageSpeedKmh = 80, bufferBeforeMinutes = 15, bufferAfterMinutes = 10, longestDriveMinutes = 240 },
        active,
    };

    public static object Territory(string name = "Central Valley", string? rsmEmail = "jo.field@example.com", string[]? prefixes = null) => new
    {
        name,
        rules = new
        {
            countries = Array.Empty<string>(),
            regions = new[] { "US-NV" },
            postalPrefixes = prefixes ?? ["936", "937"],
            radii = new[] { new { center = new { text = "Fresno, CA", latitude = 36.7378, longitude = -119.7871 }, radiusKm = 80.5 } },
        },
        assignments = rsmEmail is null ? [] : new[] { new { rsmEmail, priority = 1 } },
        verticals = new[] { "metals-recycling" },
        defaultProspectTimeZone = "America/Los_Angeles",
    };

    public static object FieldPlan(string rsmEmail = "jo.field@example.com", string from = "2026-12-07", string to = "2026-12-09", int confidence = 80) => new
    {
        rsmEmail,
        from,
        to,
        place = new { text = "Sacramento, CA 95814", latitude = 38.5816, longitude = -121.4944 },
        confidence,
        note = "Trade show",
    };
}
