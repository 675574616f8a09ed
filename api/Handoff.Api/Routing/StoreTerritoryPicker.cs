using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Routing;
using Handoff.Scheduling.Routing.Modes;
using Handoff.Scheduling.Suggestions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Handoff.Api.Routing;

/// <summary>
/// The territory's mode at work for checks, suggestions and the owner endpoint: loads the pool's inputs from the store
/// and calendars (<see cref="PoolInputsLoader"/>), adds each RSM's earliest feasible slot for first available (the
/// suggestion search, every check rule and travel included), and picks (<see cref="PoolPicker"/>). A store or calendar
/// failure leaves the match as priority made it (logged), so a check never fails because routing could not load.
/// </summary>
public sealed class StoreTerritoryPicker(IServiceScopeFactory scopes, IServiceProvider services, IClock clock, IOptions<RoutingOptions> options, ILogger<StoreTerritoryPicker> log)
    : ITerritoryPicker
{
    public async ValueTask<TerritoryMatch> ApplyAsync(TerritoryMatch match, string? vertical, OrgSnapshot org, PickUse use, string? handoffKey, CancellationToken cancellationToken)
    {
        if (match.Territory is not { } territory || territory.RoutingOrDefault.Mode == AssignmentMode.Priority ||
            (use == PickUse.Check && territory.RoutingOrDefault.Mode == AssignmentMode.FirstAvailable))
        {
            return match;
        }
        try
        {
            var (pick, _) = await PickAsync(territory, match.Place, vertical, org, cancellationToken, handoffKey);
            return match.WithPick(pick, org);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not apply the {Mode} mode of territory {Territory}; the owner is picked by priority.", territory.RoutingOrDefault.Mode, territory.Name);
            return match;
        }
    }

    /// <summary>The pick and the inputs behind it (the admin view shows both).</summary>
    /// <param name="handoffKey">The invite being checked: its own handoff is left out of the counts.</param>
    public async Task<(PoolPick Pick, PoolInput Input)> PickAsync(Territory territory, Place? place, string? vertical, OrgSnapshot org, CancellationToken ct, string? handoffKey = null)
    {
        await using var scope = scopes.CreateAsyncScope();
        var loader = scope.ServiceProvider.GetRequiredService<PoolInputsLoader>();
        var input = await loader.LoadAsync(territory, vertical, org, clock.GetCurrentInstant(), handoffKey, ct);
        if (input.Settings.Mode == AssignmentMode.FirstAvailable)
        {
            input = input with { Pool = await WithEarliestSlotsAsync(input, place, vertical, ct) };
        }
        return (PoolPicker.Pick(input), input);
    }

    /// <summary>Each available RSM's earliest check-confirmed slot over the next business days (one suggestion search each).</summary>
    private async Task<IReadOnlyList<PoolMember>> WithEarliestSlotsAsync(PoolInput input, Place? place, string? vertical, CancellationToken ct)
    {
        // Resolved lazily: the suggestion service itself asks this picker (for round robin and performance only).
        var suggestions = services.GetRequiredService<SuggestionService>();
        var now = clock.GetCurrentInstant();
        var length = Duration.FromMinutes(options.Value.FirstAvailableMinutes);
        var pool = new List<PoolMember>(input.Pool.Count);
        foreach (var member in input.Pool)
        {
            if (!member.InPoolAt(now) || member.AbsenceAt(now) is not null)
            {
                pool.Add(member);
                continue;
            }
            var draft = new MeetingRequest(new Interval(now, now + length), input.OrgZone, [member.Email], Location: place?.Label, Vertical: vertical);
            var result = await suggestions.SuggestAsync(
                new SuggestionQuery(draft, BusinessDays: options.Value.FirstAvailableBusinessDays, MaxResults: SuggestionQuery.MaxMaxResults, IncludeAlternatives: false), ct);
            var earliest = result.Suggestions.Where(s => EmailAddress.Same(s.Rsm.Email, member.Email))
                .Select(s => (Instant?)s.Slot.Start).Min();
            pool.Add(member with { EarliestSlot = earliest });
        }
        return pool;
    }
}
