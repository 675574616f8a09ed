using Handoff.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Testing;

namespace Handoff.Api.Tests.Support;

/// <summary>
/// The real API in memory on a given database, with a fake clock. Demo sign-in and no demo seed unless the
/// settings say otherwise, so each test starts from an empty store.
/// </summary>
public sealed class HandoffApp(
    TestDatabase database, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 15, 0);

    public FakeClock Clock { get; } = new(Now);

    /// <summary>The statuses each operation answered (checked against the OpenAPI document by <see cref="ApiTest"/>).</summary>
    public StatusRecorder Statuses { get; } = new();

    public TestDatabase Database => database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var all = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:Handoff"] = database.ConnectionString,
            ["Auth:Mode"] = "Demo",
            ["Demo:Seed"] = "false",
            ["Org:InternalDomains:0"] = "example.com",
            ["Logging:LogLevel:Default"] = "Warning",
            // EF logs its probe of a not-yet-created migrations table as an error; it is expected on an empty database.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        foreach (var (key, value) in all)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(s =>
        {
            s.RemoveAll<IClock>();
            s.AddSingleton<IClock>(Clock);
            s.AddSingleton(Statuses);
            s.AddTransient<IStartupFilter, RecordStatusesStartupFilter>();
            services?.Invoke(s);
        });
    }

    public HandoffDbContext OpenContext() => database.OpenContext();
}
