using NodaTime;

namespace Handoff.Storage;

/// <summary>
/// Travel conditions for the org, a region or a territory. <see cref="Scope"/> is "org", "region" or "territory";
/// <see cref="ScopeKey"/> is "ORG", the region code ("US-IL") or the territory id: unique together. Every value
/// is optional: null means "as the layer below".
/// </summary>
public sealed class TravelProfileEntity : IVersioned
{
    public Guid Id { get; set; }
    public string Scope { get; set; } = "";
    public string ScopeKey { get; set; } = "";
    /// <summary>Set for territory profiles: the profile goes when its territory goes.</summary>
    public Guid? TerritoryId { get; set; }
    public TerritoryEntity? Territory { get; set; }
    public double? AverageSpeedKmh { get; set; }
    public int? BufferBeforeMinutes { get; set; }
    public int? BufferAfterMinutes { get; set; }
    public int? LobbyWaitMinutes { get; set; }
    public int? LongestDriveMinutes { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant UpdatedAt { get; set; }
}

/// <summary>A trip an RSM made, door to door, as reported by them or an integration. Reports are facts: written once, deleted, never edited.</summary>
public sealed class FieldReportEntity
{
    public Guid Id { get; set; }
    public Guid RsmId { get; set; }
    public RsmEntity? Rsm { get; set; }
    public PlaceData From { get; set; } = new("", 0, 0);
    public PlaceData To { get; set; } = new("", 0, 0);
    public Instant Departed { get; set; }
    public Instant Arrived { get; set; }
    public string? Note { get; set; }
    /// <summary>Who sent the report (the signed-in name; an integration's client).</summary>
    public string ReportedBy { get; set; } = "";
    public Instant CreatedAt { get; set; }
}
