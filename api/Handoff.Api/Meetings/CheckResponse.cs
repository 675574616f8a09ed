using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Time;
using NodaTime;

namespace Handoff.Api.Meetings;

/// <summary>The answer to a check: one verdict, everybody's local time, and what is wrong in the SDR's terms.</summary>
/// <param name="Suggestions">When the verdict is blocked: the top suggestions near the time that failed.</param>
/// <param name="CalendarAccess">
/// When calendars are read on the SDR's behalf and that failed: what the SDR (sign in again) or an admin (consent)
/// must do. The check still answers, with CALENDAR_UNAVAILABLE saying why.
/// </param>
public sealed record CheckResponse(
    Verdict Verdict,
    IReadOnlyList<PartyTimeDto> Times,
    IReadOnlyList<WarningDto> Warnings,
    IReadOnlyList<RsmDto> Rsms,
    ProspectDto Prospect,
    IReadOnlyList<SuggestionDto>? Suggestions = null,
    Graph.OnBehalfOf.CalendarAccessDto? CalendarAccess = null)
{
    public static CheckResponse From(CheckResult result) => new(
        result.Verdict,
        PartyTimeDto.All(result.Times),
        result.Warnings.Select(WarningDto.From).ToArray(),
        result.Draft.Rsms.Select(r => RsmDto.From(r.Profile, r.Zone.Id)).ToArray(),
        ProspectDto.From(result.Draft.Prospect));
}

/// <param name="LocalStart">Local wall-clock start, ISO 8601 without offset.</param>
/// <param name="UtcOffset">The party's offset from UTC at the start, e.g. "-08:00".</param>
/// <param name="Phrases">The same time in words ("7:00 AM Pacific", "Thu, Dec 3", "next day"): what to show.</param>
public sealed record PartyTimeDto(
    PartyKind Party, string? Email, string TimeZone, string TimeZoneName, string LocalStart, string LocalEnd, string UtcOffset, TimePhrases Phrases)
{
    /// <summary>Every party's time; day shifts are against the organizer's date.</summary>
    public static PartyTimeDto[] All(IReadOnlyList<PartyTime> times)
    {
        LocalDate? organizer = times.FirstOrDefault(t => t.Party.Kind == PartyKind.Organizer)?.LocalStart.Date;
        return times.Select(t => From(t, organizer)).ToArray();
    }

    public static PartyTimeDto From(PartyTime t, LocalDate? organizerDate)
    {
        var zoneName = ZoneNames.Friendly(t.Zone);
        return new(t.Party.Kind, t.Party.Email, t.Zone.Id, zoneName, Formats.LocalIso(t.LocalStart), Formats.LocalIso(t.LocalEnd),
            Formats.Offset(t.UtcOffset), TimePhrases.Of(t.LocalStart, t.LocalEnd, zoneName, organizerDate));
    }
}

/// <param name="Code">Stable machine code, e.g. PROSPECT_OUTSIDE_BUSINESS_HOURS.</param>
public sealed record WarningDto(string Code, Severity Severity, PartyKind Party, string? Email, string Message)
{
    public static WarningDto From(Warning w) => new(w.Code, w.Severity, w.Party.Kind, w.Party.Email, w.Message);
}

public sealed record RsmDto(string Email, string Name, string TimeZone)
{
    public static RsmDto From(RsmProfile rsm, string zone) => new(rsm.Email, rsm.DisplayName, zone);
}

/// <param name="Source">Where the zone came from: request, location, territory, emailDomain, or unknown.</param>
/// <param name="Detail">How, in words, e.g. "inferred from 'Fresno, CA 93706'".</param>
/// <param name="Assumed">True when the zone is a guess (an ambiguous place, a territory default, an e-mail domain):
/// the check then carries PROSPECT_TIME_ZONE_ASSUMED or PROSPECT_PLACE_AMBIGUOUS and is not ok until the SDR
/// confirms a zone (sent back as prospectTimeZone, it counts as given).</param>
/// <param name="Place">The place the zone came from, e.g. "London, United Kingdom".</param>
/// <param name="Alternatives">Other places the prospect may be in, most likely first, each with its zone: one-click choices.</param>
public sealed record ProspectDto(
    string? TimeZone,
    ZoneSource Source,
    string? Detail,
    bool Assumed = false,
    string? TimeZoneName = null,
    string? Place = null,
    IReadOnlyList<PlaceChoiceDto>? Alternatives = null)
{
    public static ProspectDto From(ProspectContext p) => new(
        p.Zone?.Id, p.Source, p.SourceDetail, p.Assumed, p.Zone is null ? null : ZoneNames.Friendly(p.Zone), p.Place?.Label,
        p.Alternatives.Select(PlaceChoiceDto.From).OfType<PlaceChoiceDto>().ToArray());
}

/// <param name="Label">"London, ON".</param>
/// <param name="TimeZone">The place's IANA zone, to send back as prospectTimeZone when the SDR picks it.</param>
/// <param name="TimeZoneName">"Eastern Time".</param>
public sealed record PlaceChoiceDto(string Label, string TimeZone, string TimeZoneName, string? Country)
{
    public static PlaceChoiceDto? From(Handoff.Scheduling.Places.Place place) =>
        place.Zone is { } zone ? new(place.Label, zone.Id, ZoneNames.Friendly(zone), place.Country) : null;
}
