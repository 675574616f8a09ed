using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Handoff.Scheduling.Suggestions;
using NodaTime;
using NodaTime.Text;

namespace Handoff.Api.Meetings;

/// <summary>
/// The draft invite (the check's fields: its duration is the slot length, its attendees and location say who and
/// where) and the search window. With no RSM on the invite, Handoff searches the territory's and vertical's RSMs.
/// </summary>
/// <param name="WindowStart">First date to search, ISO ("2026-12-03"), in the organizer's zone; default today.</param>
/// <param name="BusinessDays">How many Monday–Friday dates to search, 1–20 (default 10).</param>
/// <param name="MaxResults">How many suggestions to return, 1–50 (default 10).</param>
/// <param name="IncludeAlternatives">Also suggest the territory owner and vertical specialists (default true).</param>
public sealed record SuggestionsRequest(
    string? Start,
    string? End,
    string? OrganizerTimeZone,
    IReadOnlyList<string>? Attendees,
    string? OrganizerEmail = null,
    string? Location = null,
    string? ProspectTimeZone = null,
    string? Vertical = null,
    [property: DataType(DataType.Date)] string? WindowStart = null,
    int? BusinessDays = null,
    int? MaxResults = null,
    bool? IncludeAlternatives = null)
    : CheckRequest(Start, End, OrganizerTimeZone, Attendees, OrganizerEmail, Location, ProspectTimeZone, Vertical)
{
    public const int DefaultBusinessDays = 10;
    public const int DefaultMaxResults = 10;

    /// <summary>The core's query; call only after validation.</summary>
    public SuggestionQuery ToQuery() => new(
        ToMeetingRequest(),
        string.IsNullOrWhiteSpace(WindowStart) ? null : LocalDatePattern.Iso.Parse(WindowStart.Trim()).Value,
        BusinessDays ?? DefaultBusinessDays,
        MaxResults ?? DefaultMaxResults,
        IncludeAlternatives ?? true);
}

public sealed class SuggestionsRequestValidator : AbstractValidator<SuggestionsRequest>
{
    /// <summary>How far ahead a search may start: beyond that, calendars and field plans mean little.</summary>
    public static readonly Duration MaxLeadTime = Duration.FromDays(366);

    public SuggestionsRequestValidator(IClock clock)
    {
        Include(new CheckRequestValidator());
        RuleFor(r => r.WindowStart)
            .Cascade(CascadeMode.Stop)
            .Must(v => LocalDatePattern.Iso.Parse(v!.Trim()).Success)
            .WithMessage((_, v) => $"'{v}' is not an ISO date such as 2026-12-03.")
            .Must(v => InRange(LocalDatePattern.Iso.Parse(v!.Trim()).GetValueOrThrow(), clock))
            .WithMessage("'windowStart' must be today or later, and within a year.")
            .When(r => !string.IsNullOrWhiteSpace(r.WindowStart), ApplyConditionTo.AllValidators);
        RuleFor(r => r.BusinessDays).InclusiveBetween(1, SuggestionQuery.MaxBusinessDays).When(r => r.BusinessDays is not null);
        RuleFor(r => r.MaxResults).InclusiveBetween(1, SuggestionQuery.MaxMaxResults).When(r => r.MaxResults is not null);
    }

    private static bool InRange(LocalDate date, IClock clock)
    {
        // Zones differ by up to a day from UTC; the organizer's "today" lies within a day of UTC's.
        var utcToday = clock.GetCurrentInstant().InUtc().Date;
        return date >= utcToday.PlusDays(-1) && date <= utcToday.PlusDays((int)MaxLeadTime.TotalDays);
    }
}
