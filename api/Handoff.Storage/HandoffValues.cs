namespace Handoff.Storage;

// Stored as JSON text (see StoredValues.cs): read and written whole. Add members, don't rename.
// Instants are ISO 8601 UTC strings ("2026-12-03T15:00:00Z"): the stored JSON has no NodaTime converters.

public sealed record LeadActivityData(string At, string Kind, string Title, string? Url);

public sealed record LeadData(
    string? Source,
    string? Campaign,
    int? Score,
    string? LifecycleStage,
    string? CameInAt,
    string? Company,
    string? Place,
    string? Vertical,
    IReadOnlyList<LeadActivityData> Activities,
    IReadOnlyDictionary<string, string> CustomFields)
{
    public static LeadData Empty { get; } = new(null, null, null, null, null, null, null, null, [], new Dictionary<string, string>());
}

public sealed record TalkingPointsData(string Vertical, IReadOnlyList<string> Points);

/// <summary>The bar a draft must clear: a minimum lifecycle stage or score (either suffices), and notes required.</summary>
public sealed record HandoffBarData(string? MinLifecycleStage, int? MinScore, IReadOnlyList<string> RequiredNotes);

public sealed record HandoffNotesData(string? WhyNow, string? Pain, string? NextStep);

public sealed record PartyTimeData(string Party, string? Email, string Name, string TimeZone, string TimeZoneName, string LocalStart, string LocalEnd, string UtcOffset);

public sealed record WarningData(string Code, string Severity, string Party, string? Email, string Message);

/// <summary>One travel leg Handoff computed for an RSM: from the previous stop, or on to the next one. Private items have no subject or place.</summary>
public sealed record TravelLegData(string RsmEmail, string Direction, string Stop, string? Place, string StopTime, double? DistanceKm, int? MinutesNeeded, int MinutesAvailable, string? Mode);

public sealed record RsmData(string Email, string Name, string TimeZone);

public sealed record LeadSnapshotData(string Email, LeadData Lead);

/// <summary>The handoff as it was at send: the draft, what the check said, what the SDR overrode, the lead, the notes.</summary>
public sealed record HandoffRecordData(
    string SdrName,
    string? SdrEmail,
    string Start,
    string End,
    string OrganizerTimeZone,
    string? Location,
    string? Vertical,
    IReadOnlyList<RsmData> Rsms,
    IReadOnlyList<string> Prospects,
    string Verdict,
    IReadOnlyList<WarningData> Warnings,
    IReadOnlyList<string> SentAnyway,
    IReadOnlyList<PartyTimeData> Times,
    IReadOnlyList<TravelLegData> Travel,
    IReadOnlyList<LeadSnapshotData> Leads,
    HandoffNotesData Notes,
    IReadOnlyList<string> TalkingPoints,
    string? ProductMessaging,
    string RecordedFrom)
{
    public static HandoffRecordData Empty { get; } = new("", null, "", "", "UTC", null, null, [], [], "ok", [], [], [], [], [], new(null, null, null), [], null, "send");
}
