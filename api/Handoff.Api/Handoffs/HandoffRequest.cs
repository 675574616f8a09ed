using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FluentValidation;
using Handoff.Api.Infrastructure;
using Handoff.Api.Meetings;
using Handoff.Scheduling.Handoffs;

namespace Handoff.Api.Handoffs;

/// <summary>The SDR's notes for the RSM. Each at most 1000 characters.</summary>
/// <param name="WhyNow">Why the prospect wants to talk now.</param>
/// <param name="Pain">The pain they described.</param>
/// <param name="NextStep">The next step agreed on the call.</param>
public sealed record HandoffNotesDto(string? WhyNow = null, string? Pain = null, string? NextStep = null)
{
    public HandoffNotes ToNotes() => new(Clean(WhyNow), Clean(Pain), Clean(NextStep));

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed class HandoffNotesValidator : AbstractValidator<HandoffNotesDto>
{
    public const int MaxLength = 1000;

    public HandoffNotesValidator()
    {
        RuleFor(n => n.WhyNow).MaximumLength(MaxLength);
        RuleFor(n => n.Pain).MaximumLength(MaxLength);
        RuleFor(n => n.NextStep).MaximumLength(MaxLength);
    }
}

/// <summary>
/// A handoff as the add-in records it at send: the invite (as for a check) with the SDR's notes. The server runs the
/// check itself, so the verdict, warnings, times and travel on the record are Handoff's, not the client's word.
/// </summary>
/// <param name="RecordedFrom">"send" (the OnAppointmentSend handler) or "pane" (the pane's action); not part of the content.</param>
public sealed record HandoffRequest(
    string? Start,
    string? End,
    string? OrganizerTimeZone,
    IReadOnlyList<string>? Attendees,
    string? OrganizerEmail = null,
    string? Location = null,
    string? ProspectTimeZone = null,
    string? Vertical = null,
    HandoffNotesDto? Notes = null,
    [property: AllowedValues("send", "pane")] string? RecordedFrom = null)
    : CheckRequest(Start, End, OrganizerTimeZone, Attendees, OrganizerEmail, Location, ProspectTimeZone, Vertical, Notes), IParsedRequest<ParsedHandoff>
{
    private static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web);

    /// <summary>Reads each field once, as for a check.</summary>
    public new ParsedHandoff Parse(FieldReader read) => Read<ParsedHandoff>(read) with { RecordedFrom = RecordedFrom };

    /// <summary>
    /// SHA-256 of what the SDR sent, normalised (instants, attendee case and order, blank notes), without
    /// <see cref="RecordedFrom"/>: the send handler and the pane action recording the same invite match.
    /// The instants come from <paramref name="parsed"/> (read once); the rest is hashed as sent, as before.
    /// </summary>
    public string ContentHash(ParsedHandoff parsed)
    {
        var notes = (Notes ?? new HandoffNotesDto()).ToNotes();
        var content = new
        {
            start = Instants.Format(parsed.Start!.Value),
            end = Instants.Format(parsed.End!.Value),
            zone = OrganizerTimeZone!.Trim(),
            attendees = (Attendees ?? []).Select(a => a.Trim().ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).ToArray(),
            organizer = OrganizerEmail?.Trim().ToLowerInvariant(),
            location = string.IsNullOrWhiteSpace(Location) ? null : Location.Trim(),
            prospectZone = string.IsNullOrWhiteSpace(ProspectTimeZone) ? null : ProspectTimeZone.Trim(),
            vertical = string.IsNullOrWhiteSpace(Vertical) ? null : Vertical.Trim().ToLowerInvariant(),
            notes.WhyNow,
            notes.Pain,
            notes.NextStep,
        };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(content, Canonical))));
    }
}

/// <summary>A <see cref="HandoffRequest"/> read at the edge.</summary>
public sealed record ParsedHandoff : ParsedCheck
{
    public string? RecordedFrom { get; init; }
}

public sealed class ParsedHandoffValidator : AbstractValidator<ParsedHandoff>
{
    public ParsedHandoffValidator()
    {
        Include(new ParsedCheckValidator());
        RuleFor(r => r.RecordedFrom).Must(f => f is null or "send" or "pane").WithMessage("'recordedFrom' is send or pane.");
    }
}

/// <summary>Handoff keys: what the add-in keeps in the item's custom properties.</summary>
public static class HandoffKeys
{
    public static bool IsValid(string? key) =>
        key is { Length: >= 8 and <= 100 } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    public const string Rule = "A handoff key is 8–100 letters, digits, '-', '_' or '.' (the add-in makes one per invite).";
}
