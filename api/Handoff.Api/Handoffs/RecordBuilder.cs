using Handoff.Api.Admin.HandoffSettings;
using Handoff.Api.Infrastructure;
using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Handoffs;
using Handoff.Scheduling.Time;
using Handoff.Scheduling.Travel;
using Handoff.Storage;

namespace Handoff.Api.Handoffs;

/// <summary>Turns a checked invite into the stored snapshot: what Handoff knew and said at send.</summary>
public static class RecordBuilder
{
    public static HandoffRecordData Build(
        HandoffRequest request, CheckResult result, Caller sdr, IReadOnlyList<LeadEntity> leads, HandoffSettingsCache.Snapshot settings, TripEstimator travel)
    {
        var draft = result.Draft;
        var vertical = string.IsNullOrWhiteSpace(request.Vertical)
            ? leads.Select(l => l.Data.Vertical).FirstOrDefault(v => v is not null)
            : request.Vertical.Trim().ToLowerInvariant();
        var names = draft.Rsms.ToDictionary(r => r.Profile.Email, r => r.Name, StringComparer.OrdinalIgnoreCase);
        var notes = (request.Notes ?? new HandoffNotesDto()).ToNotes();
        return new HandoffRecordData(
            sdr.Name,
            sdr.Email ?? request.OrganizerEmail,
            Instants.Format(draft.Meeting.Start),
            Instants.Format(draft.Meeting.End),
            draft.OrganizerZone.Id,
            draft.Location,
            vertical,
            draft.Rsms.Select(r => new RsmData(r.Profile.Email, r.Name, r.Zone.Id)).ToArray(),
            draft.Prospect.Emails.ToArray(),
            result.Verdict.ToString().ToLowerInvariant(),
            result.Warnings.Select(w => new WarningData(w.Code, w.Severity.ToString().ToLowerInvariant(), w.Party.Kind.ToString().ToLowerInvariant(), w.Party.Email, w.Message)).ToArray(),
            // Sending with a warning or blocker on screen is overriding it; infos are not worth a mention.
            result.Warnings.Where(w => w.Severity >= Severity.Warning).Select(w => w.Code).Distinct().ToArray(),
            result.Times.Select(t => new PartyTimeData(
                t.Party.Kind.ToString().ToLowerInvariant(), t.Party.Email,
                t.Party.Kind switch { PartyKind.Rsm => names.GetValueOrDefault(t.Party.Email ?? "") ?? t.Party.Email ?? "RSM", PartyKind.Prospect => "prospect", _ => sdr.Name },
                t.Zone.Id, ZoneNames.Friendly(t.Zone), Formats.LocalIso(t.LocalStart), Formats.LocalIso(t.LocalEnd), Formats.Offset(t.UtcOffset))).ToArray(),
            TravelLegs.For(draft, travel).Select(l => new TravelLegData(l.RsmEmail, l.Direction, l.Stop, l.Place, l.StopTime, l.DistanceKm,
                l.Needed is { } n ? (int)Math.Ceiling(n.TotalMinutes) : null, (int)Math.Floor(l.Available.TotalMinutes), l.Mode?.ToString().ToLowerInvariant())).ToArray(),
            leads.Select(l => new LeadSnapshotData(l.Email, l.Data)).ToArray(),
            new HandoffNotesData(notes.WhyNow, notes.Pain, notes.NextStep),
            settings.PointsFor(vertical),
            settings.ProductMessaging,
            request.RecordedFrom ?? "send");
    }
}
