namespace Handoff.Api.Tests.Fuzz;

/// <summary>
/// Fuzz categories whose 500s are fixed on another branch (time-rules, issue 10: the scheduling core and the RSM /
/// field-plan validators). A 5xx from a body in one of these categories is reported, not failed.
/// LEAD: once time-rules is merged, empty <see cref="Tolerated"/> (keep the names: the mutator tags with them).
/// </summary>
public static class KnownPending
{
    public const string OffsetsFarApart = "pending:offsets-more-than-18h-apart";
    public const string NearYear9999 = "pending:instant-near-year-9999";
    public const string PlaceTextNonCharacter = "pending:U+FFFE-in-place-text";
    public const string TinySpeed = "pending:averageSpeedKmh-1e-10";

    public static readonly IReadOnlySet<string> Tolerated = new HashSet<string>
    {
        OffsetsFarApart, NearYear9999, PlaceTextNonCharacter, TinySpeed,
    };
}
