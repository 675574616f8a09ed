using System.Globalization;
using System.Security.Cryptography;
using Handoff.Api.Handoffs;
using Handoff.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Handoff.Api.Outcomes;

/// <summary>
/// The brief's one-click outcome links. Each token is ASP.NET Core Data Protection's authenticated encryption of
/// (handoff key, handoff version, outcome, expiry), so it cannot be forged or altered, and it only ever records the one
/// outcome it names, for the one handoff version the brief was about, until LinkLifetime after the meeting ends.
/// Expiry is checked against the app's IClock (not the time-limited protector's wall clock) so it is testable.
/// Several instances must share the Data Protection key ring, as for any ASP.NET Core app behind a load balancer.
/// </summary>
public sealed class OutcomeLinks(IDataProtectionProvider protection, IClock clock, IOptions<OutcomeOptions> options)
{
    /// <summary>The outcomes a brief offers as links, with the labels shown; canceled means canceled by the prospect.</summary>
    public static readonly (OutcomeKind Kind, string Label)[] Offered =
    [
        (OutcomeKind.Held, "Held"), (OutcomeKind.NoShow, "No-show"), (OutcomeKind.Canceled, "Canceled by the prospect"),
        (OutcomeKind.OpportunityCreated, "Held, opportunity created"),
    ];

    private readonly IDataProtector _protector = protection.CreateProtector("Handoff.Outcomes.Link.v1");

    public sealed record Claim(string Key, int Version, OutcomeKind Kind, Instant Expires);

    /// <summary>Why a link was refused: a stable code, the HTTP status, and a sentence for the RSM.</summary>
    public sealed record Refusal(string Code, int Status, string Title, string Detail);

    public string Token(string key, int version, OutcomeKind kind, Instant meetingEnd)
    {
        var expires = meetingEnd + Duration.FromTimeSpan(options.Value.LinkLifetime);
        return _protector.Protect(string.Join('\n', key, version.ToString(CultureInfo.InvariantCulture), OutcomeRequest.NameOf(kind),
            expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>The links for a brief of <paramref name="key"/> at <paramref name="version"/>, under the brief page's origin.</summary>
    public IReadOnlyList<(string Label, string Url)> For(string briefUrl, string key, int version, Instant meetingEnd) =>
        Offered.Select(o => (o.Label, $"{briefUrl}/outcome?o={OutcomeRequest.NameOf(o.Kind)}&t={Token(key, version, o.Kind, meetingEnd)}")).ToArray();

    /// <summary>Reads a token presented at the URL of <paramref name="key"/> for <paramref name="outcome"/>; refused unless all three agree and it has not expired.</summary>
    public (Claim? Claim, Refusal? Refusal) Verify(string key, string? outcome, string? token)
    {
        Claim claim;
        try
        {
            var parts = _protector.Unprotect(token ?? "").Split('\n');
            claim = new Claim(parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture), OutcomeRequest.Names[parts[2]],
                Instant.FromUnixTimeSeconds(long.Parse(parts[3], CultureInfo.InvariantCulture)));
        }
        catch (Exception e) when (e is CryptographicException or FormatException or IndexOutOfRangeException or KeyNotFoundException)
        {
            return (null, new Refusal("OUTCOME_LINK_INVALID", 400, "This outcome link is damaged.",
                "The link was changed or cut short (some mail apps wrap long links). Open the brief again and use its link, or record the outcome in Handoff."));
        }
        if (claim.Key != key)
        {
            return (null, new Refusal("OUTCOME_LINK_WRONG_HANDOFF", 400, "This link belongs to another handoff.",
                $"The link was issued for handoff {claim.Key}, not {key}. Use the link in that meeting's brief."));
        }
        if (outcome is null || !OutcomeRequest.Names.TryGetValue(outcome, out var asked) || asked != claim.Kind)
        {
            return (null, new Refusal("OUTCOME_LINK_WRONG_OUTCOME", 400, "This link records another outcome.",
                $"The link records '{OutcomeRequest.NameOf(claim.Kind)}', not '{outcome}'. Use the brief's link for the outcome you mean."));
        }
        if (clock.GetCurrentInstant() >= claim.Expires)
        {
            return (null, new Refusal("OUTCOME_LINK_EXPIRED", 410, "This outcome link has expired.",
                $"Outcome links work until {options.Value.LinkLifetime.TotalDays:0} days after the meeting. Record the outcome in Handoff instead."));
        }
        return (claim, null);
    }

    /// <summary>Records the claim's outcome: idempotent for the same outcome; never overwrites a different one or a changed meeting.</summary>
    public async Task<(HandoffOutcomeEntity? Outcome, bool Changed, Refusal? Refusal)> RedeemAsync(
        Claim claim, HandoffDbContext db, OutcomeWriter writer, CancellationToken ct)
    {
        var handoff = await db.Handoffs.AsNoTracking().FirstOrDefaultAsync(h => h.Key == claim.Key, ct);
        if (handoff is null)
        {
            return (null, false, new Refusal("OUTCOME_LINK_UNKNOWN_HANDOFF", 404, "No such handoff.", $"Handoff {claim.Key} no longer exists."));
        }
        if (handoff.Version != claim.Version)
        {
            return (null, false, new Refusal("OUTCOME_LINK_STALE", 409, "The meeting changed since this brief.",
                $"This brief was for version {claim.Version}; the handoff is now at version {handoff.Version}. Use the links in the updated brief."));
        }
        var current = await db.HandoffOutcomes.AsNoTracking().FirstOrDefaultAsync(o => o.HandoffId == handoff.Id, ct);
        if (current is not null && current.Kind != claim.Kind)
        {
            return (null, false, new Refusal("OUTCOME_ALREADY_RECORDED", 409, "Another outcome is already recorded.",
                $"This meeting is recorded as '{OutcomeRequest.NameOf(current.Kind)}' (by {current.RecordedBy}). A link only records its own outcome; change it in Handoff."));
        }
        if (current is not null)
        {
            return (current, false, null); // the same outcome again: a second click or a mail scanner's replay changes nothing
        }
        var rsm = Codes.Split(handoff.RsmKeys).FirstOrDefault() ?? "rsm";
        var caller = new OutcomeCaller(new Caller($"link:{rsm}", rsm, $"{rsm} (brief link)", false), false);
        // A signed link names its outcome: nothing to read, so the parsed outcome is built directly.
        var request = new ParsedOutcome(claim.Kind, null, null, claim.Kind == OutcomeKind.Canceled ? "prospect" : null, null, null, null);
        var applied = await writer.RecordAsync(handoff, request, caller, "link", ct);
        return applied.Error is { } error
            ? (null, false, new Refusal("OUTCOME_NOT_YET", 409, "Not yet.", error))
            : (applied.Outcome, applied.Changed, null);
    }
}
