using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Handoff.Api.Infrastructure;
using Handoff.Scheduling.Suggestions;
using NodaTime;

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
    : CheckRequest(Start, End, OrganizerTimeZone, Attendees, OrganizerEmail, Location, ProspectTimeZone, Vertical), IParsedRequest<ParsedSuggestions>
{
    public const int DefaultBusinessDays = 10;
    public const int DefaultMaxResults = 10;

    /// <summary>Reads each field once, the check's and the window's.</summary>
    public new ParsedSuggestions Parse(FieldReader read) => Read<ParsedSuggestions>(read) with
    {
        WindowStart = read.Date("windowStart", WindowStart),
        BusinessDays = BusinessDays ?? DefaultBusinessDays,
        MaxResults = MaxResults ?? DefaultMaxResults,
        IncludeAlternatives = IncludeAlternatives ?? true,
    };
}

/// <summary>A <see cref="SuggestionsRequest"/> read at the edge, defaults applied.</summary>
public sealed record ParsedSuggestions : ParsedCheck
{
    /// <summary>In the organizer's zone; null for today.</summary>
    public LocalDate? WindowStart { get; init; }
    public int BusinessDays { get; init; } = SuggestionsRequest.DefaultBusinessDays;
    public int MaxResults { get; init; } = SuggestionsRequest.DefaultMaxResults;
    public bool IncludeAlternatives { get; init; } = true;

    /// <summary>The core's query; only for parsed suggestions that passed validation.</summary>
    public SuggestionQuery ToQuery() => new(ToMeetingRequest(), WindowStart, BusinessDays, MaxResults, IncludeAlternatives);
}

public sealed class ParsedSuggestionsValidator : AbstractValidator<ParsedSuggestions>
{
    /// <summary>How far ahead a search may start: beyond that, calendars and field plans mean little.</summary>
    public static readonly Duration MaxLeadTime = Duration.FromDays(366);

    public ParsedSuggestionsValidator(IClock clock)
    {
        Include(new ParsedCheckValidator());
        RuleFor(s => s.WindowStart)
            .Must(date => InRange(date!.Value, clock))
            .WithMessage("'windowStart' must be today or later, and within a year.")
            .When(s => s.WindowStart is not null);
        RuleFor(s => s.BusinessDays).InclusiveBetween(1, SuggestionQuery.MaxBusinessDays);
        RuleFor(s => s.MaxResults).InclusiveBetween(1, SuggestionQuery.MaxMaxResults);
    }

    private static bool InRange(LocalDate date, IClock clock)
    {
        // Zones differ by up to a day from UTC; the organizer's "today" lies within a day of UTC's.
        var utcToday = clock.GetCurrentInstant().InUtc().Date;
        return date >= utcToday.PlusDays(-1) && date <= utcToday.PlusDays((int)MaxLeadTime.TotalDays);
    }
}
