using Handoff.Api.Auth;
using Handoff.Api.Infrastructure;
using Handoff.Scheduling.Org;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;

namespace Handoff.Api.Storage;

public static class StorageSetup
{
    public const string ConnectionStringName = "Handoff";
    public const string DefaultSqliteFile = "handoff.db";

    /// <summary>
    /// The org store (EF Core: SQLite file by default, PostgreSQL when configured), migrated at start-up, and the
    /// in-memory directory the check reads, rebuilt after every admin write and refreshed periodically.
    /// </summary>
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        var provider = ProviderFrom(builder.Configuration);
        var connectionString = ConnectionStringFrom(builder, provider);
        _ = provider switch
        {
            DatabaseProvider.Sqlite => builder.Services.AddDbContext<HandoffDbContext, SqliteHandoffDbContext>(o => HandoffDb.Configure(o, provider, connectionString)),
            _ => builder.Services.AddDbContext<HandoffDbContext, PostgresHandoffDbContext>(o => HandoffDb.Configure(o, provider, connectionString)),
        };

        builder.Services.AddOptions<OrgOptions>().BindConfiguration(OrgOptions.Section)
            .Validate(o => o.RefreshInterval > TimeSpan.Zero, "Org:RefreshInterval must be positive, e.g. 00:00:30.")
            .ValidateOnStart();
        builder.Services.AddOptions<DemoSeedOptions>().Configure<IConfiguration>((o, config) =>
            o.Seed = config.GetValue<bool?>("Demo:Seed") ?? AuthSetup.ModeFrom(config) == AuthMode.Demo);

        builder.Services.AddSingleton<StoreOrgDirectory>();
        builder.Services.AddKeyedSingleton<IOrgDirectory>(nameof(Adapters.DirectorySourceKind.Store), (sp, _) => sp.GetRequiredService<StoreOrgDirectory>());
        builder.Services.AddHostedService<StoreStartup>();
        builder.Services.AddHostedService<OrgSnapshotRefresher>();
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        return builder;
    }

    public static DatabaseProvider ProviderFrom(IConfiguration config)
    {
        var text = config["Database:Provider"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return DatabaseProvider.Sqlite;
        }
        return Enum.TryParse<DatabaseProvider>(text, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new StartupRefusedException($"Database:Provider must be 'Sqlite' or 'Postgres' (it is '{text}').");
    }

    private static string ConnectionStringFrom(WebApplicationBuilder builder, DatabaseProvider provider)
    {
        var configured = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        if (provider == DatabaseProvider.Postgres)
        {
            throw new StartupRefusedException(
                "Database:Provider is Postgres but ConnectionStrings:Handoff is not set " +
                "(e.g. \"Host=db;Database=handoff;Username=handoff;Password=...\").");
        }
        // The embedded default: a file beside the app (the content root), created and migrated on first run.
        return $"Data Source={Path.Combine(builder.Environment.ContentRootPath, DefaultSqliteFile)}";
    }
}

/// <summary>Settings under "Org".</summary>
public sealed class OrgOptions
{
    public const string Section = "Org";

    /// <summary>E-mail domains of the org itself: attendees there are colleagues, not prospects.</summary>
    public List<string> InternalDomains { get; set; } = [];

    /// <summary>How often each instance re-reads the store, so several instances converge on other instances' edits.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>"Demo:Seed": put the demo org into an empty store. Defaults to on in Demo sign-in mode.</summary>
public sealed class DemoSeedOptions
{
    public bool Seed { get; set; }
}
