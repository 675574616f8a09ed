using Handoff.Api.Infrastructure;
using Handoff.Storage;
using NodaTime;

namespace Handoff.Api.Outcomes;

/// <summary>A handoff's outcome (newStart/newEnd: the meeting's time once rescheduled, kept through later outcomes). <see cref="State"/> is the outcome, or for none: upcoming, awaitingOutcome, noOutcomeYet.</summary>
public sealed record OutcomeResponse(
    string Key, string State, string? Outcome, string? NewStart, string? NewEnd, string? CanceledBy, decimal? Amount, string? Currency,
    string? Note, string? RecordedBy, string? Source, int? HandoffVersion, string? RecordedAt, int Version)
{
    /// <summary>With <paramref name="grace"/>, a rescheduled meeting's state is that of its new time (upcoming, awaitingOutcome, noOutcomeYet).</summary>
    public static OutcomeResponse From(HandoffOutcomeEntity o, Instant now, Duration? grace = null) => new(
        o.HandoffKey,
        o is { Kind: OutcomeKind.Rescheduled, NewStart: { } ns, NewEnd: { } ne } && grace is { } g ? OutcomeStates.Pending(ns, ne, now, g) : OutcomeRequest.NameOf(o.Kind),
        OutcomeRequest.NameOf(o.Kind),
        o.NewStart is { } s ? Instants.Format(s) : null, o.NewEnd is { } e ? Instants.Format(e) : null, o.CanceledBy, o.Amount, o.Currency, o.Note,
        o.RecordedBy, o.Source, o.HandoffVersion, Instants.Format(o.RecordedAt), o.Version);

    /// <summary>No outcome recorded: upcoming, awaiting one (within the grace period) or "no outcome yet" (past it).</summary>
    public static OutcomeResponse None(HandoffEntity h, Instant now, Duration grace) =>
        new(h.Key, OutcomeStates.Pending(h.Start, h.End, now, grace), null, null, null, null, null, null, null, null, null, null, null, 0);
}

/// <summary>What a meeting without an outcome is: never silently held.</summary>
public static class OutcomeStates
{
    public const string Upcoming = "upcoming";
    public const string Awaiting = "awaitingOutcome";
    public const string NoOutcomeYet = "noOutcomeYet";

    public static string Pending(Instant start, Instant end, Instant now, Duration grace) =>
        start > now ? Upcoming : end + grace <= now ? NoOutcomeYet : Awaiting;
}
