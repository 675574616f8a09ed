using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Handoff.Api.Admin.Common;
using Handoff.Api.Infrastructure;
using Handoff.Api.Meetings;
using Handoff.Scheduling.Handoffs;
using Handoff.Storage;
using NodaTime;

namespace Handoff.Api.Leads;

/// <summary>What marketing automation or the CRM knows about a lead. Every field is optional; sizes are bounded.</summary>
/// <param name="Source">Where the lead came from: "webinar", "paid-search", "trade-show" (≤ 100).</param>
/// <param name="Campaign">The campaign's name: "Scrap yard security" (≤ 200).</param>
/// <param name="Score">Lead score, 0–1000.</param>
/// <param name="LifecycleStage">subscriber, lead, marketingqualifiedlead (or MQL), salesqualifiedlead (SQL), opportunity, customer, evangelist.</param>
/// <param name="CameInAt">When the lead came in (ISO 8601 instant), for speed-to-lead.</param>
/// <param name="Vertical">Industry tag, e.g. "metals-recycling": picks the talking points.</param>
/// <param name="Activities">Recent activities, newest first (≤ 20).</param>
/// <param name="CustomFields">Free fields (≤ 20; names ≤ 50 letters, digits, . _ -; values ≤ 500).</param>
public record LeadRequest(
    string? Source = null,
    string? Campaign = null,
    int? Score = null,
    string? LifecycleStage = null,
    [property: DataType(DataType.DateTime)] string? CameInAt = null,
    string? Company = null,
    string? Place = null,
    string? Vertical = null,
    IReadOnlyList<LeadActivityDto>? Activities = null,
    IReadOnlyDictionary<string, string?>? CustomFields = null) : IParsedRequest<ParsedLead>
{
    /// <summary>Reads the instants once (when the lead came in, each activity's time); the rest is text, checked as such.</summary>
    public ParsedLead Parse(FieldReader read) => new(
        Source, Campaign, Score, LifecycleStage, CameInAt is null ? null : read.Instant("cameInAt", CameInAt), Company, Place, Vertical,
        Activities?.Select((a, i) => a?.Parse(read.Under($"activities[{i}]"))).ToArray(), CustomFields);
}

/// <summary>A <see cref="LeadRequest"/> with its instants read (null: absent, or could not be read and already reported).</summary>
public sealed record ParsedLead(
    string? Source, string? Campaign, int? Score, string? LifecycleStage, Instant? CameInAt, string? Company, string? Place, string? Vertical,
    IReadOnlyList<ParsedActivity?>? Activities, IReadOnlyDictionary<string, string?>? CustomFields)
{
    /// <summary>What is stored; only for a parsed lead that passed validation.</summary>
    public LeadData ToData() => new(
        Trim(Source), Trim(Campaign), Score, LifecycleStage is null ? null : LifecycleStages.Normalise(LifecycleStage),
        CameInAt is { } at ? Instants.Format(at) : null, Trim(Company), Trim(Place), Vertical?.Trim().ToLowerInvariant(),
        (Activities ?? []).Select(a => new LeadActivityData(Instants.Format(a!.At!.Value), a.Kind!.Trim().ToLowerInvariant(), a.Title!.Trim(), Trim(a.Url))).ToArray(),
        (CustomFields ?? new Dictionary<string, string?>()).Where(p => p.Value is not null)
            .OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key.Trim(), p => p.Value!.Trim()));

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A <see cref="LeadActivityDto"/> with its time read.</summary>
public sealed record ParsedActivity(Instant? At, string? Kind, string? Title, string? Url);

/// <param name="At">ISO 8601 instant.</param>
/// <param name="Kind">"webinar", "download", "page-view", "email-click", "form" … (letters, digits, dashes; ≤ 50).</param>
/// <param name="Title">"Downloaded the access-control checklist" (≤ 200).</param>
/// <param name="Url">An http(s) link (≤ 2000).</param>
public sealed record LeadActivityDto([property: Required, DataType(DataType.DateTime)] string? At, string? Kind, string? Title, string? Url = null)
    : IParsedRequest<ParsedActivity>
{
    public ParsedActivity Parse(FieldReader read) => new(read.Instant("at", At), Kind, Title, Url);
}

public sealed class ParsedLeadValidator : AbstractValidator<ParsedLead>
{
    public const int MaxActivities = 20;
    public const int MaxCustomFields = 20;

    public ParsedLeadValidator()
    {
        RuleFor(l => l.Source).MaximumLength(100);
        RuleFor(l => l.Campaign).MaximumLength(200);
        RuleFor(l => l.Company).MaximumLength(200);
        RuleFor(l => l.Place).MaximumLength(300);
        RuleFor(l => l.Score).InclusiveBetween(0, 1000).WithMessage("'score' must be 0–1000.");
        RuleFor(l => l.LifecycleStage).Must(LifecycleStages.IsKnown)
            .WithMessage($"'{{PropertyValue}}' is not a lifecycle stage: one of {string.Join(", ", LifecycleStages.Ordered)} (MQL and SQL are understood).")
            .When(l => l.LifecycleStage is not null);
        RuleFor(l => l.CameInAt).MustBeMeetingTime();
        RuleFor(l => l.Vertical).MaximumLength(100)
            .Matches("^[A-Za-z0-9][A-Za-z0-9_-]*$").WithMessage("'{PropertyValue}' is not a tag such as metals-recycling (letters, digits, dashes).");
        RuleFor(l => l.Activities).Must(a => a is null || a.Count <= MaxActivities).WithMessage($"At most {MaxActivities} activities (the most recent).");
        RuleForEach(l => l.Activities).NotNull().WithMessage("An activity cannot be null: give {\"at\": …, \"kind\": …, \"title\": …}.")
            .SetValidator(new ParsedActivityValidator()!);
        RuleFor(l => l.CustomFields).Must(c => c is null || c.Count <= MaxCustomFields).WithMessage($"At most {MaxCustomFields} custom fields.");
        RuleForEach(l => l.CustomFields).Custom((pair, context) =>
        {
            if (pair.Key.Length is 0 or > 50 || !pair.Key.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                context.AddFailure($"customFields.{pair.Key}", $"'{pair.Key}' is not a field name (1–50 letters, digits, '.', '_', '-').");
            }
            else if (pair.Value is { Length: > 500 })
            {
                context.AddFailure($"customFields.{pair.Key}", "A custom field's value is at most 500 characters.");
            }
        });
    }
}

public sealed class ParsedActivityValidator : AbstractValidator<ParsedActivity>
{
    public ParsedActivityValidator()
    {
        RuleFor(a => a.At).MustBeMeetingTime();
        RuleFor(a => a.Kind).NotEmpty().WithMessage("'kind' is required, e.g. webinar or download.").MaximumLength(50)
            .Matches("^[A-Za-z0-9][A-Za-z0-9_-]*$").WithMessage("'{PropertyValue}' is not a kind such as webinar or page-view.");
        RuleFor(a => a.Title).NotEmpty().WithMessage("'title' is required.").MaximumLength(200);
        RuleFor(a => a.Url).MaximumLength(2000)
            .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            .WithMessage("'{PropertyValue}' is not an http(s) link.").When(a => a.Url is not null);
    }
}

/// <summary>A lead as the API returns it.</summary>
public sealed record LeadResponse(
    Guid Id, string Email, int Version, string? Source, string? Campaign, int? Score, string? LifecycleStage, string? CameInAt,
    string? Company, string? Place, string? Vertical, IReadOnlyList<LeadActivityData> Activities, IReadOnlyDictionary<string, string> CustomFields,
    [property: DataType(DataType.DateTime)] string CreatedAt, [property: DataType(DataType.DateTime)] string UpdatedAt)
{
    public static LeadResponse From(LeadEntity e)
    {
        var d = e.Data;
        return new LeadResponse(e.Id, e.Email, e.Version, d.Source, d.Campaign, d.Score, d.LifecycleStage, d.CameInAt, d.Company, d.Place,
            d.Vertical, d.Activities, d.CustomFields, Instants.Format(e.CreatedAt), Instants.Format(e.UpdatedAt));
    }
}
