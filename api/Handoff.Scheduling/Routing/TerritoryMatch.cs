using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using NodaTime;

namespace Handoff.Scheduling.Routing;

/// <summary>Which rule placed a location in a territory, most specific first.</summary>
public enum ResolvedBy
{
    None,
    PostalPrefix,
    Radius,
    Region,
    Country,
}

/// <summary>
/// Who owns a place. <see cref="Owner"/> is the territory's first active assignment (lowest priority number; the
/// vertical specialist wins a tie); <see cref="Specialist"/> is another RSM who specialises in the requested
/// vertical when the owner does not. <see cref="Zone"/> is the place's zone, else the territory's default.
/// </summary>
public sealed record TerritoryMatch(
    Place? Place,
    Territory? Territory,
    RsmProfile? Owner,
    RsmProfile? Specialist,
    ResolvedBy ResolvedBy,
    string Explanation,
    DateTimeZone? Zone)
{
    /// <summary>
    /// The territory's mode at work: who it picked and why (<see cref="Owner"/> is then the picked RSM). Null in
    /// priority mode, where the owner is the first by priority as always.
    /// </summary>
    public Modes.PoolPick? Pick { get; init; }

    /// <summary>The explanation to quote mid-sentence: "region US-CA in territory West" (acronyms such as ZIP kept).</summary>
    public string ExplanationInSentence =>
        Explanation.Length > 1 && char.IsUpper(Explanation[0]) && !char.IsUpper(Explanation[1])
            ? char.ToLowerInvariant(Explanation[0]) + Explanation[1..]
            : Explanation;

    public static TerritoryMatch Nowhere(string explanation) => new(null, null, null, null, ResolvedBy.None, explanation, null);
}
