using Handoff.Api.Infrastructure;
using Handoff.Scheduling.Checks;
using Handoff.Storage;

namespace Handoff.Api.Outcomes;

/// <summary>Copies what the report groups and measures by out of the JSON record into columns, at record time.</summary>
public static class ReportColumns
{
    public static void Fill(HandoffEntity entity, HandoffRecordData record, MeetingDraft draft)
    {
        entity.Vertical = record.Vertical is { Length: > 0 } v ? (v.Length > 100 ? v[..100] : v) : null;
        entity.SentAnyway = Codes.Join(record.SentAnyway);
        entity.ProspectZone = draft.Prospect.Zone?.Id;
        // The earliest time any of the prospects came in: the clock speed to lead runs on.
        entity.LeadInAt = record.Leads
            .Select(l => l.Lead.CameInAt is { } at && Instants.TryParse(at, out var i) ? i : (NodaTime.Instant?)null)
            .Where(i => i is not null).Min();
    }
}

/// <summary>Code lists stored as "|A|B|", so "has code X" is a substring test on every provider.</summary>
public static class Codes
{
    public static string Join(IEnumerable<string> codes)
    {
        var list = codes.Distinct().Order(StringComparer.Ordinal).ToArray();
        var joined = list.Length == 0 ? "" : "|" + string.Join('|', list) + "|";
        return joined.Length > 1000 ? joined[..joined.LastIndexOf('|', 999)] + "|" : joined;
    }

    public static string[] Split(string? joined) => string.IsNullOrEmpty(joined) ? [] : joined.Split('|', StringSplitOptions.RemoveEmptyEntries);
}
