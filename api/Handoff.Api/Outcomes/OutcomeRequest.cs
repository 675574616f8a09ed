using System.Text.RegularExpressions;
using FluentValidation;
using Handoff.Api.Infrastructure;
using Handoff.Api.Meetings;
using Handoff.Storage;

namespace Handoff.Api.Outcomes;

/// <summary>What became of the meeting.</summary>
/// <param name="Outcome">held, noShow, rescheduled, canceled, disqualified or opportunityCreated (an opportunity implies it was held).</param>
/// <param name="NewStart">For rescheduled: the new start (ISO 8601 instant).</param>
/// <param name="NewEnd">For rescheduled: the new end; defaults to the new start plus the meeting's length.</param>
/// <param name="CanceledBy">For canceled: prospect, rsm or sdr.</param>
/// <param name="Amount">For opportunityCreated: the opportunity's amount (0 to 1,000,000,000,000), when known.</param>
/// <param name="Currency">ISO 4217 code of the amount, e.g. USD.</param>
/// <param name="Note">Up to 1000 characters.</param>
public record OutcomeRequest(
    string? Outcome, string? NewStart = null, string? NewEnd = null, string? CanceledBy = null, decimal? Amount = null, string? Currency = null,
    string? Note = null) : IParsedRequest<ParsedOutcome>
{
    public static readonly IReadOnlyDictionary<string, OutcomeKind> Names = new Dictionary<string, OutcomeKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["held"] = OutcomeKind.Held,
        ["noShow"] = OutcomeKind.NoShow,
        ["rescheduled"] = OutcomeKind.Rescheduled,
        ["canceled"] = OutcomeKind.Canceled,
        ["disqualified"] = OutcomeKind.Disqualified,
        ["opportunityCreated"] = OutcomeKind.OpportunityCreated,
    };

    public static readonly string[] CanceledByValues = ["prospect", "rsm", "sdr"];

    public static string NameOf(OutcomeKind kind) => Names.First(n => n.Value == kind).Key;

    /// <summary>
    /// Reads the outcome's name and, for a rescheduled meeting, its new times, once. The times go only with
    /// rescheduled: given with another outcome they are refused here, unread.
    /// </summary>
    public ParsedOutcome Parse(FieldReader read)
    {
        OutcomeKind? kind = Outcome is not null && Names.TryGetValue(Outcome.Trim(), out var k) ? k : null;
        if (kind is null)
        {
            read.Fail("outcome", $"'outcome' must be one of {string.Join(", ", Names.Keys)} (it is '{Outcome}').");
        }
        if (kind != OutcomeKind.Rescheduled)
        {
            if (NewStart is not null) { read.Fail("newStart", "'newStart' only goes with outcome rescheduled."); }
            if (NewEnd is not null) { read.Fail("newEnd", "'newEnd' only goes with outcome rescheduled."); }
            return new ParsedOutcome(kind, null, null, CanceledBy, Amount, Currency, Note);
        }
        if (string.IsNullOrWhiteSpace(NewStart))
        {
            read.Fail("newStart", "A rescheduled meeting needs 'newStart' (ISO 8601 instant).");
        }
        return new ParsedOutcome(kind, read.Instant("newStart", NewStart), read.Instant("newEnd", NewEnd, required: false), CanceledBy, Amount, Currency, Note);
    }
}

/// <summary>An <see cref="OutcomeRequest"/> with its kind and new times read (null: absent, or could not be read and already reported).</summary>
public sealed record ParsedOutcome(
    OutcomeKind? Kind, NodaTime.Instant? NewStart, NodaTime.Instant? NewEnd, string? CanceledBy, decimal? Amount, string? Currency, string? Note);

public sealed partial class ParsedOutcomeValidator : AbstractValidator<ParsedOutcome>
{
    public const decimal MaxAmount = 1_000_000_000_000m;

    public ParsedOutcomeValidator()
    {
        When(r => r.Kind == OutcomeKind.Rescheduled, () =>
        {
            RuleFor(r => r.NewStart).MustBeMeetingTime();
            RuleFor(r => r.NewEnd).MustBeMeetingTime();
            RuleFor(r => r.NewEnd)
                .Must((r, end) => end > r.NewStart && end - r.NewStart <= NodaTime.Duration.FromHours(24))
                .WithMessage("'newEnd' must be after 'newStart', at most 24 hours later.")
                .When(r => r.NewStart is not null && r.NewEnd is not null);
        });
        When(r => Is(r, OutcomeKind.Canceled), () =>
            RuleFor(r => r.CanceledBy).Must(c => c is not null && OutcomeRequest.CanceledByValues.Contains(c.Trim().ToLowerInvariant()))
                .WithMessage(r => $"A canceled meeting needs 'canceledBy': prospect, rsm or sdr (it is '{r.CanceledBy}')."))
            .Otherwise(() => RuleFor(r => r.CanceledBy).Null().WithMessage("'canceledBy' only goes with outcome canceled."));
        When(r => Is(r, OutcomeKind.OpportunityCreated), () =>
        {
            RuleFor(r => r.Amount).InclusiveBetween(0, MaxAmount).When(r => r.Amount is not null)
                .WithMessage("'amount' must be between 0 and 1,000,000,000,000.");
            RuleFor(r => r.Currency).Must(c => CurrencyCode().IsMatch(c!)).When(r => r.Currency is not null)
                .WithMessage(r => $"'currency' must be an ISO 4217 code such as USD (it is '{r.Currency}').");
        }).Otherwise(() =>
        {
            RuleFor(r => r.Amount).Null().WithMessage("'amount' only goes with outcome opportunityCreated.");
            RuleFor(r => r.Currency).Null().WithMessage("'currency' only goes with outcome opportunityCreated.");
        });
        RuleFor(r => r.Note).MaximumLength(1000).MustBeCleanText();
    }

    private static bool Is(ParsedOutcome r, OutcomeKind kind) => r.Kind == kind;

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}
