using System.ComponentModel.DataAnnotations;
using Handoff.Api.Infrastructure;
using Handoff.Api.Leads;
using Handoff.Storage;
using NodaTime;
using NodaTime.Text;

namespace Handoff.Api.Handoffs;

/// <summary>A lead as it was at send, with the line the pane showed.</summary>
public sealed record HandoffLeadDto(string Email, string Summary, LeadData Context);

/// <summary>The latest brief delivery of the handoff: whether the RSM got it, or why not.</summary>
public sealed record DeliveryStateDto(int Version, DeliveryStatus Status, int Attempts, string? LastError, string? SentAt);

/// <summary>A handoff as recorded at send. <see cref="SentAnyway"/> are the warning codes the SDR sent despite.</summary>
public sealed record HandoffResponse(
    string Key, int Version, string Sdr, string? SdrEmail, IReadOnlyList<RsmData> Rsms, IReadOnlyList<string> Prospects,
    string Start, string End, string OrganizerTimeZone, string? Location, string? Territory, string? Vertical,
    string Verdict, IReadOnlyList<WarningData> Warnings, IReadOnlyList<string> SentAnyway, IReadOnlyList<HandoffTimeDto> Times,
    IReadOnlyList<TravelLegData> Travel, IReadOnlyList<HandoffLeadDto> Leads, HandoffNotesData Notes,
    IReadOnlyList<string> TalkingPoints, string? ProductMessaging, string RecordedFrom, [property: DataType(DataType.DateTime)] string CreatedAt, [property: DataType(DataType.DateTime)] string UpdatedAt,
    DeliveryStateDto? Delivery)
{
    public static HandoffResponse From(HandoffEntity e, DeliveryStateDto? delivery, Instant? now = null)
    {
        var r = e.Record;
        var at = now ?? e.UpdatedAt;
        return new HandoffResponse(e.Key, e.Version, r.SdrName, r.SdrEmail, r.Rsms, r.Prospects, r.Start, r.End, r.OrganizerTimeZone, r.Location,
            e.Territory, r.Vertical, r.Verdict, r.Warnings, r.SentAnyway, HandoffTimeDto.All(r.Times), r.Travel,
            r.Leads.Select(l => new HandoffLeadDto(l.Email, LeadSummary.Of(l.Lead, at), l.Lead)).ToArray(), r.Notes,
            r.TalkingPoints, r.ProductMessaging, r.RecordedFrom, Instants.Format(e.CreatedAt), Instants.Format(e.UpdatedAt), delivery);
    }
}

/// <summary>A party's time as recorded at send (<see cref="PartyTimeData"/>), with the words to show it in.</summary>
/// <param name="Name">Who: the RSM's name, "prospect", or the SDR's name.</param>
/// <param name="Phrases">"7:00 AM Pacific", "Thursday, December 3", "7:00–8:00 AM": what the brief page shows.</param>
public sealed record HandoffTimeDto(
    string Party, string? Email, string Name, string TimeZone, string TimeZoneName, string LocalStart, string LocalEnd, string UtcOffset,
    Meetings.TimePhrases Phrases)
{
    public static HandoffTimeDto[] All(IReadOnlyList<PartyTimeData> times)
    {
        // The record keeps its own ISO strings (Formats.LocalIso); they are read back here, once, on the server.
        static LocalDateTime Local(string iso) => LocalDateTimePattern.GeneralIso.Parse(iso).GetValueOrThrow();
        LocalDate? organizer = times.FirstOrDefault(t => t.Party == "organizer") is { } o ? Local(o.LocalStart).Date : null;
        return times.Select(t => new HandoffTimeDto(t.Party, t.Email, t.Name, t.TimeZone, t.TimeZoneName, t.LocalStart, t.LocalEnd, t.UtcOffset,
            Meetings.TimePhrases.Of(Local(t.LocalStart), Local(t.LocalEnd), t.TimeZoneName, organizer))).ToArray();
    }
}

/// <summary>A row of GET /api/v1/handoffs.</summary>
public sealed record HandoffListItem(
    string Key, int Version, string Sdr, IReadOnlyList<string> Rsms, IReadOnlyList<string> Prospects, string Start, string? Territory,
    string Verdict, IReadOnlyList<string> SentAnyway, [property: DataType(DataType.DateTime)] string UpdatedAt)
{
    public static HandoffListItem From(HandoffEntity e) => new(e.Key, e.Version, e.Record.SdrName, e.Record.Rsms.Select(r => r.Email).ToArray(),
        e.Record.Prospects, e.Record.Start, e.Territory, e.Record.Verdict, e.Record.SentAnyway, Instants.Format(e.UpdatedAt));
}

/// <summary>One outbox row: what was (or would be) mailed to the RSM for one version, and how it went.</summary>
/// <param name="Mailer">How it is sent ("Graph sendMail app-only as …"); null when no mailer is configured and the brief stays in the outbox.</param>
public sealed record DeliveryResponse(
    Guid Id, int Version, DeliveryStatus Status, IReadOnlyList<string> To, string Subject, int Attempts, string? NextAttemptAt,
    string? LastError, string? SentAt, [property: DataType(DataType.DateTime)] string CreatedAt, string? Mailer, string BodyText, string BodyHtml)
{
    public static DeliveryResponse From(BriefDeliveryEntity d, string? mailer) => new(
        d.Id, d.HandoffVersion, d.Status, d.To.Split(';', StringSplitOptions.RemoveEmptyEntries), d.Subject, d.Attempts,
        d.Status is DeliveryStatus.Pending or DeliveryStatus.Sending ? Instants.Format(d.NextAttemptAt) : null,
        d.LastError, d.SentAt is { } s ? Instants.Format(s) : null, Instants.Format(d.CreatedAt), mailer, d.BodyText, d.BodyHtml);
}
