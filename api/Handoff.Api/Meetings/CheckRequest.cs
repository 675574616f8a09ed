using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Handoff.Api.Infrastructure;
using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Time;
using NodaTime;

namespace Handoff.Api.Meetings;

/// <summary>The draft invite as the add-in reads it from Outlook (extended by <see cref="SuggestionsRequest"/>).</summary>
/// <param name="Start">ISO 8601 instant, e.g. "2026-12-03T15:00:00Z" (Office.js gives UTC).</param>
/// <param name="End">ISO 8601 instant after <paramref name="Start"/>; at most 24 hours later.</param>
/// <param name="OrganizerTimeZone">The SDR's zone: IANA ("America/New_York") or Windows ("Eastern Standard Time").</param>
/// <param name="OrganizerEmail">The SDR's address; attendees in the same domain are colleagues, not prospects.</param>
/// <param name="Attendees">Required and optional attendees' addresses (at most 50).</param>
/// <param name="Location">The meeting location as typed in the invite.</param>
/// <param name="ProspectTimeZone">The prospect's zone when the SDR knows it (IANA or Windows id).</param>
/// <param name="Vertical">The prospect's industry tag, e.g. "metals-recycling".</param>
/// <param name="Notes">The SDR's handoff notes for the RSM (never the invite body); the handoff bar may require some.</param>
/// <param name="HandoffKey">The invite's handoff key (the add-in's, as later recorded at send): its checks are logged so the report can count slips prevented.</param>
public record CheckRequest(
    [property: Required, DataType(DataType.DateTime)] string? Start,
    [property: Required, DataType(DataType.DateTime)] string? End,
    [property: Required] string? OrganizerTimeZone,
    IReadOnlyList<string>? Attendees,
    string? OrganizerEmail = null,
    string? Location = null,
    string? ProspectTimeZone = null,
    string? Vertical = null,
    Handoffs.HandoffNotesDto? Notes = null,
    string? HandoffKey = null)
{
    /// <summary>The core's request; call only after validation.</summary>
    public MeetingRequest ToMeetingRequest() => new(
        new Interval(Instants.Parse(Start!), Instants.Parse(End!)),
        TimeZoneIds.Resolve(OrganizerTimeZone!),
        Attendees ?? [],
        OrganizerEmail,
        string.IsNullOrWhiteSpace(Location) ? null : Location.Trim(),
        string.IsNullOrWhiteSpace(ProspectTimeZone) ? null : TimeZoneIds.Resolve(ProspectTimeZone),
        string.IsNullOrWhiteSpace(Vertical) ? null : Vertical.Trim(),
        HandoffKey);
}

public sealed class CheckRequestValidator : AbstractValidator<CheckRequest>
{
    public const int MaxAttendees = 50;
    public static readonly Duration MaxDuration = Duration.FromHours(24);

    public CheckRequestValidator()
    {
        RuleFor(r => r.Start).MustBeInstant();
        RuleFor(r => r.End).MustBeInstant();
        RuleFor(r => r.End)
            .Must((r, end) => Instants.Parse(end!) > Instants.Parse(r.Start!))
            .WithMessage("'end' must be after 'start'.")
            .Must((r, end) => Instants.Parse(end!) - Instants.Parse(r.Start!) <= MaxDuration)
            .WithMessage("A meeting can last at most 24 hours.")
            .When(r => Instants.TryParse(r.Start, out _) && Instants.TryParse(r.End, out _));
        RuleFor(r => r.OrganizerTimeZone).MustBeTimeZone(required: true);
        RuleFor(r => r.ProspectTimeZone).MustBeTimeZone(required: false);
        RuleFor(r => r.OrganizerEmail).EmailAddress().WithMessage("'organizerEmail' is not a valid e-mail address.")
            .When(r => r.OrganizerEmail is not null);
        RuleFor(r => r.Attendees).NotNull().WithMessage("'attendees' is required (an empty list is fine).")
            .Must(a => a!.Count <= MaxAttendees).WithMessage($"At most {MaxAttendees} attendees can be checked at once.")
            .When(r => r.Attendees is not null, ApplyConditionTo.CurrentValidator);
        // Past the cap the list is refused whole: validating 300,000 addresses one by one only costs CPU.
        RuleForEach(r => r.Attendees).NotEmpty().EmailAddress().WithMessage("'{PropertyValue}' is not a valid e-mail address.")
            .When(r => r.Attendees is null || r.Attendees.Count <= MaxAttendees);
        RuleFor(r => r.Location).MaximumLength(1000).MustBeCleanText();
        RuleFor(r => r.Vertical).MaximumLength(100).MustBeCleanText();
        RuleFor(r => r.Notes!).SetValidator(new Handoffs.HandoffNotesValidator()).When(r => r.Notes is not null);
        RuleFor(r => r.HandoffKey).Must(Handoffs.HandoffKeys.IsValid).WithMessage(Handoffs.HandoffKeys.Rule).When(r => r.HandoffKey is not null);
    }
}

public static class HandoffRules
{
    public static IRuleBuilderOptions<T, string?> MustBeInstant<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => Instants.TryParse(v, out _))
            .WithMessage((_, v) => string.IsNullOrWhiteSpace(v)
                ? "'{PropertyName}' is required: an ISO 8601 instant such as 2026-12-03T15:00:00Z."
                : $"'{v}' is not an ISO 8601 instant such as 2026-12-03T15:00:00Z.")
            // Past the tz database's reach (and near NodaTime's year 9999 limit, where a +14:00 local date would not
            // exist) a meeting time means nothing: refuse it here rather than fail in a rule.
            .Must(v => !Instants.TryParse(v, out var at) || Instants.InRange(at))
            .WithMessage($"'{{PropertyName}}' must be between {Instants.Earliest} and {Instants.Latest} (UTC).");

    public static IRuleBuilderOptions<T, string?> MustBeTimeZone<T>(this IRuleBuilder<T, string?> rule, bool required) =>
        rule.Must(v => (!required && v is null) || TimeZoneIds.IsValid(v))
            .WithMessage((_, v) => string.IsNullOrWhiteSpace(v)
                ? "'{PropertyName}' is required: an IANA or Windows time zone id such as America/New_York or Eastern Standard Time."
                : $"'{v}' is not a known IANA or Windows time zone id.");
}
