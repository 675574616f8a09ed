using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Handoff.Api.Infrastructure;
using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
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
    string? HandoffKey = null) : IParsedRequest<ParsedCheck>
{
    public const int MaxAttendees = 50;

    /// <summary>Reads each field once (the validation filter calls this; see <see cref="ParsedCheck"/>).</summary>
    public ParsedCheck Parse(FieldReader read) => Read<ParsedCheck>(read);

    /// <summary>The check's fields, read into <typeparamref name="T"/> (a request that extends the check adds its own).</summary>
    protected T Read<T>(FieldReader read) where T : ParsedCheck, new() => new()
    {
        Start = read.Instant("start", Start),
        End = read.Instant("end", End),
        OrganizerTimeZone = read.Zone("organizerTimeZone", OrganizerTimeZone, required: true),
        Attendees = read.Emails("attendees", Attendees, MaxAttendees, $"At most {MaxAttendees} attendees can be checked at once."),
        OrganizerEmail = read.Email("organizerEmail", OrganizerEmail),
        Location = FieldReader.Text(Location),
        ProspectTimeZone = read.Zone("prospectTimeZone", ProspectTimeZone, required: false),
        Vertical = FieldReader.Text(Vertical),
        Notes = Notes,
        HandoffKey = HandoffKey,
    };
}

/// <summary>
/// A <see cref="CheckRequest"/> read at the edge: every field in its type, read once. A null required field is one
/// that could not be read (its message is already listed), so the validator skips it; an endpoint only ever gets a
/// parsed check that passed validation, where none is null.
/// </summary>
public record ParsedCheck
{
    public Instant? Start { get; init; }
    public Instant? End { get; init; }
    public DateTimeZone? OrganizerTimeZone { get; init; }
    public IReadOnlyList<EmailAddress>? Attendees { get; init; }
    public EmailAddress? OrganizerEmail { get; init; }

    /// <summary>Trimmed; null when blank.</summary>
    public string? Location { get; init; }

    public DateTimeZone? ProspectTimeZone { get; init; }

    /// <summary>Trimmed; null when blank.</summary>
    public string? Vertical { get; init; }

    public Handoffs.HandoffNotesDto? Notes { get; init; }
    public string? HandoffKey { get; init; }

    /// <summary>The core's request; only for a parsed check that passed validation.</summary>
    public MeetingRequest ToMeetingRequest() => new(
        new Interval(Start!.Value, End!.Value),
        OrganizerTimeZone!,
        Attendees!.Select(a => a.Value).ToArray(),
        OrganizerEmail?.Value,
        Location,
        ProspectTimeZone,
        Vertical,
        HandoffKey);
}

/// <summary>Ranges and relations of a parsed check; the text was read once by <see cref="CheckRequest.Parse"/>.</summary>
public sealed class ParsedCheckValidator : AbstractValidator<ParsedCheck>
{
    public static readonly Duration MaxDuration = Duration.FromHours(24);

    public ParsedCheckValidator()
    {
        RuleFor(c => c.Start).MustBeMeetingTime();
        RuleFor(c => c.End).MustBeMeetingTime();
        RuleFor(c => c.End)
            .Must((c, end) => end > c.Start).WithMessage("'end' must be after 'start'.")
            .Must((c, end) => end - c.Start <= MaxDuration).WithMessage("A meeting can last at most 24 hours.")
            .When(c => c.Start is not null && c.End is not null);
        RuleFor(c => c.Location).MaximumLength(1000).MustBeCleanText();
        RuleFor(c => c.Vertical).MaximumLength(100).MustBeCleanText();
        RuleFor(c => c.Notes!).SetValidator(new Handoffs.HandoffNotesValidator()).When(c => c.Notes is not null);
        RuleFor(c => c.HandoffKey).Must(Handoffs.HandoffKeys.IsValid).WithMessage(Handoffs.HandoffKeys.Rule).When(c => c.HandoffKey is not null);
    }
}

public static class HandoffRules
{
    /// <summary>
    /// Past the tz database's reach (and near NodaTime's year 9999 limit, where a +14:00 local date would not exist) a
    /// meeting time means nothing: refuse it here rather than fail in a rule. Skips a value that could not be read.
    /// </summary>
    public static IRuleBuilderOptions<T, Instant?> MustBeMeetingTime<T>(this IRuleBuilder<T, Instant?> rule) =>
        rule.Must(at => at is not { } instant || Instants.InRange(instant))
            .WithMessage($"'{{PropertyName}}' must be between {Instants.Earliest} and {Instants.Latest} (UTC).");
}
