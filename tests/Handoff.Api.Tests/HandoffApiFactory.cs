using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Testing;

namespace Handoff.Api.Tests;

/// <summary>
/// The API on its embedded default (demo org seeded into its own SQLite file), with the clock fixed at Sunday
/// 2026-11-22 12:00 UTC.
/// </summary>
public class HandoffApiFactory : WebApplicationFactory<Program>
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"handoff-test-{Guid.NewGuid():N}.db");

    public static readonly Instant Now = Instant.FromUtc(2026, 11, 22, 12, 0);

    public FakeClock Clock { get; } = new(Now);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Handoff", $"Data Source={_database};Pooling=False");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IClock>();
            services.AddSingleton<IClock>(Clock);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }
}
