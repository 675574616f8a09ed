using Handoff.Places;
using Handoff.Scheduling.Places;

namespace Handoff.Api.Places;

public static class PlacesSetup
{
    /// <summary>
    /// Meeting locations, calendar item locations and SDR look-ups resolve through the offline gazetteer
    /// (US ZIPs, Canadian FSAs, cities). It loads once, in the background as the app starts, so no SDR's
    /// check pays the ~0.6 s load (a check arriving earlier waits for the same load; see docs/places.md). Answers are
    /// remembered per text (<see cref="RememberedPlaces"/>).
    /// </summary>
    public static WebApplicationBuilder AddPlaces(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IPlaceResolver>(_ => new RememberedPlaces(new GazetteerPlaceResolver(Gazetteer.Default)));
        builder.Services.AddHostedService<GazetteerWarmUp>();
        return builder;
    }

    private sealed class GazetteerWarmUp : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() => _ = Gazetteer.Default, stoppingToken);
    }
}
