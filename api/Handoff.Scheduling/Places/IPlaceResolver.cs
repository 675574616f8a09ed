namespace Handoff.Scheduling.Places;

public enum LocationKind
{
    /// <summary>No location given.</summary>
    None,
    /// <summary>An online meeting (Teams or Zoom link, "online", "call"): no travel.</summary>
    Online,
    /// <summary>Resolved to a place.</summary>
    Place,
    /// <summary>Text that could not be placed; travel cannot be checked.</summary>
    Unknown,
}

/// <summary>What a meeting location turned out to be. <see cref="Place"/> is set only for <see cref="LocationKind.Place"/>.</summary>
public sealed record LocationMatch(LocationKind Kind, string? Text, Place? Place = null)
{
    public static LocationMatch None { get; } = new(LocationKind.None, null);
}

/// <summary>
/// Turns what SDRs type in the meeting location ("Acme Metals, 2200 E Jensen Ave Ste 4, Fresno, CA 93706",
/// "93706", "Fresno, CA", a Teams link) into a place. Lookups are in memory and cost microseconds.
/// </summary>
public interface IPlaceResolver
{
    LocationMatch Resolve(string? location);
}
