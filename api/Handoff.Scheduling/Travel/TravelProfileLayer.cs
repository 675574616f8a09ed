using Handoff.Scheduling.Org;
using NodaTime;

namespace Handoff.Scheduling.Travel;

/// <summary>What a travel profile applies to, from the broadest to the most specific.</summary>
public enum TravelScope
{
    /// <summary>The whole org: replaces the built-in default.</summary>
    Org,
    /// <summary>A region such as "US-IL": where the trip ends.</summary>
    Region,
    /// <summary>A territory (by id): where the trip ends.</summary>
    Territory,
}

/// <summary>
/// Travel conditions an admin set for the org, a region or a territory. Every value is optional: a layer sets
/// only what differs ("Chicago: 45 km/h, 20 min in the lobby") and the rest comes from the layers below it.
/// </summary>
/// <param name="Key">"org", a region code ("US-IL"), or a territory id.</param>
/// <param name="Name">How people know it: "the org", "region US-IL", "territory Central".</param>
public sealed record TravelProfileLayer(
    TravelScope Scope,
    string Key,
    string Name,
    double? AverageSpeedKmh = null,
    Duration? BufferBefore = null,
    Duration? BufferAfter = null,
    Duration? LobbyWait = null,
    Duration? LongestDrive = null)
{
    public bool IsEmpty => AverageSpeedKmh is null && BufferBefore is null && BufferAfter is null && LobbyWait is null && LongestDrive is null;

    /// <summary>"45 km/h, 20 min lobby wait": what this layer sets, for warnings.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (AverageSpeedKmh is { } speed) { parts.Add($"{speed:0.#} km/h"); }
        if (BufferBefore is { } before) { parts.Add($"{Time.Formats.Span(before)} buffer before"); }
        if (BufferAfter is { } after) { parts.Add($"{Time.Formats.Span(after)} buffer after"); }
        if (LobbyWait is { } lobby) { parts.Add($"{Time.Formats.Span(lobby)} lobby wait"); }
        if (LongestDrive is { } drive) { parts.Add($"drives up to {Time.Formats.Span(drive)}"); }
        return string.Join(", ", parts);
    }

    public TravelProfile ApplyTo(TravelProfile profile) => new(
        AverageSpeedKmh ?? profile.AverageSpeedKmh,
        BufferBefore ?? profile.BufferBefore,
        BufferAfter ?? profile.BufferAfter,
        LongestDrive ?? profile.LongestDrive,
        LobbyWait ?? profile.LobbyWait);
}

/// <summary>The profile that applies to one trip and which layers shaped it (most specific last).</summary>
public sealed record EffectiveTravelProfile(TravelProfile Profile, IReadOnlyList<TravelProfileLayer> Layers, bool RsmOwn)
{
    /// <summary>"territory Central: 45 km/h, 20 min lobby wait; Dana Ruiz's own settings": empty when only the built-in default applies.</summary>
    public string Reasoning(string rsmName)
    {
        var parts = Layers.Select(l => $"{l.Name}: {l.Describe()}").ToList();
        if (RsmOwn)
        {
            parts.Add($"{rsmName}'s own speed and buffers");
        }
        return string.Join("; ", parts);
    }
}
