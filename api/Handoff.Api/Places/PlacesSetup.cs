using Handoff.Places;
using Handoff.Scheduling.Places;

namespace Handoff.Api.Places;

public static class PlacesSetup
{
    /// <summary>
    /// Meeting locations, calendar item locations and SDR look-ups resolve through the offline gazetteer
    /// (US ZIPs, Canadian FSAs, cities). It loads once, on first use (see docs/places.md).
    /// </summary>
    public static WebApplicationBuilder AddPlaces(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IPlaceResolver>(_ => new GazetteerPlaceResolver(Gazetteer.Default));
        return builder;
    }
}
