using FluentValidation;
using Handoff.Api.Admin.Common;
using Handoff.Scheduling.Handoffs;
using Handoff.Storage;

namespace Handoff.Api.Admin.HandoffSettings;

/// <summary>The org's one message and its handoff bar.</summary>
/// <param name="TalkingPoints">Short points per vertical the SDR sees while drafting and the RSM's brief repeats (≤ 50 verticals, ≤ 5 points of ≤ 300 characters).</param>
/// <param name="ProductMessaging">The current product message, one paragraph (≤ 2000).</param>
/// <param name="Bar">The handoff bar agreed with marketing; null for none.</param>
public sealed record HandoffSettingsRequest(
    IReadOnlyList<TalkingPointsDto>? TalkingPoints = null,
    string? ProductMessaging = null,
    HandoffBarDto? Bar = null);

public sealed record TalkingPointsDto(string? Vertical, IReadOnlyList<string>? Points);

/// <param name="MinLifecycleStage">A lead at this stage or later qualifies (e.g. marketingqualifiedlead).</param>
/// <param name="MinScore">A lead with at least this score qualifies (either condition is enough when both are set).</param>
/// <param name="RequiredNotes">Handoff notes the SDR must write: whyNow, pain, nextStep.</param>
public sealed record HandoffBarDto(string? MinLifecycleStage = null, int? MinScore = null, IReadOnlyList<string>? RequiredNotes = null);

public sealed record HandoffSettingsResponse(int Version, IReadOnlyList<TalkingPointsData> TalkingPoints, string? ProductMessaging, HandoffBarData? Bar)
{
    public static HandoffSettingsResponse From(HandoffSettingsEntity? e) =>
        e is null ? new(0, [], null, null) : new(e.Version, e.TalkingPoints, e.ProductMessaging, e.Bar);
}

public sealed class HandoffSettingsRequestValidator : AbstractValidator<HandoffSettingsRequest>
{
    public HandoffSettingsRequestValidator()
    {
        RuleFor(s => s.TalkingPoints).Must(t => t is null || t.Count <= 50).WithMessage("At most 50 verticals.")
            .NoDuplicates(t => t.Vertical?.Trim().ToLowerInvariant(), ".vertical");
        RuleForEach(s => s.TalkingPoints).ChildRules(t =>
        {
            t.RuleFor(x => x.Vertical).NotEmpty().WithMessage("'vertical' is required, e.g. metals-recycling.").MaximumLength(100)
                .Matches("^[A-Za-z0-9][A-Za-z0-9_-]*$").WithMessage("'{PropertyValue}' is not a tag such as metals-recycling.");
            t.RuleFor(x => x.Points).NotEmpty().WithMessage("Give 1–5 points.").Must(p => p is null || p.Count <= 5).WithMessage("At most 5 points: keep them short.");
            t.RuleForEach(x => x.Points).NotEmpty().WithMessage("A point cannot be empty.").MaximumLength(300);
        });
        RuleFor(s => s.ProductMessaging).MaximumLength(2000);
        RuleFor(s => s.Bar!.MinLifecycleStage).Must(LifecycleStages.IsKnown)
            .WithMessage($"'{{PropertyValue}}' is not a lifecycle stage: one of {string.Join(", ", LifecycleStages.Ordered)}.")
            .When(s => s.Bar?.MinLifecycleStage is not null).OverridePropertyName("bar.minLifecycleStage");
        RuleFor(s => s.Bar!.MinScore).InclusiveBetween(0, 1000).When(s => s.Bar?.MinScore is not null)
            .WithMessage("'minScore' must be 0–1000.").OverridePropertyName("bar.minScore");
        RuleForEach(s => s.Bar!.RequiredNotes).Must(n => HandoffNotes.Kinds.Contains(n))
            .WithMessage($"'{{PropertyValue}}' is not a note: one of {string.Join(", ", HandoffNotes.Kinds)}.")
            .When(s => s.Bar?.RequiredNotes is not null).OverridePropertyName("bar.requiredNotes");
    }
}
