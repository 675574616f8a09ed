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
    string? Note = null)
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

    public OutcomeKind Kind => Names[Outcome!.Trim()];
}

public sealed partial class OutcomeRequestValidator : AbstractValidator<OutcomeRequest>
{
    public const decimal MaxAmount = 1_000_000_000_000m;

    public OutcomeRequestValidator()
    {
        RuleFor(r => r.Outcome).Must(o => o is not null && OutcomeRequest.Names.ContainsKey(o.Trim()))
            .WithMessage(r => $"'outcome' must be one of {string.Join(", ", OutcomeRequest.Names.Keys)} (it is '{r.Outcome}').");
        When(r => Is(r, OutcomeKind.Rescheduled), () =>
        {
            RuleFor(r => r.NewStart).NotEmpty().WithMessage("A rescheduled meeting needs 'newStart' (ISO 8601 instant).").MustBeInstant();
            RuleFor(r => r.NewEnd).MustBeInstant().When(r => r.NewEnd is not null);
            RuleFor(r => r.NewEnd)
                .Must((r, end) => Instants.Parse(end!) > Instants.Parse(r.NewStart!) && Instants.Parse(end!) - Instants.Parse(r.NewStart!) <= NodaTime.Duration.FromHours(24))
                .WithMessage("'newEnd' must be after 'newStart', at most 24 hours later.")
                .When(r => Instants.TryParse(r.NewStart, out _) && Instants.TryParse(r.NewEnd, out _));
        }).Otherwise(() =>
        {
            RuleFor(r => r.NewStart).Null().WithMessage("'newStart' only goes with outcome rescheduled.");
            RuleFor(r => r.NewEnd).Null().WithMessage("'newEnd' only goes with outcome rescheduled.");
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

    private static bool Is(OutcomeRequest r, OutcomeKind kind) =>
        r.Outcome is not null && OutcomeRequest.Names.TryGetValue(r.Outcome.Trim(), out var k) && k == kind;

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}
