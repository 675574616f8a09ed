using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Handoff.Storage;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class HandoffDb
{
    /// <summary>Options for the provider's own context; migrations live beside it in this assembly.</summary>
    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        _ = provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString),
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };
    }

    /// <summary>A context outside DI: for tests and tools.</summary>
    public static HandoffDbContext Create(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteHandoffDbContext(
            new DbContextOptionsBuilder<SqliteHandoffDbContext>().UseSqlite(connectionString).Options),
        DatabaseProvider.Postgres => new PostgresHandoffDbContext(
            new DbContextOptionsBuilder<PostgresHandoffDbContext>().UseNpgsql(connectionString).Options),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    };
}

// Design-time factories: `dotnet ef migrations add X --project api/Handoff.Storage --context SqliteHandoffDbContext
// --output-dir Migrations/Sqlite` works without starting the web host. No database is opened to add a migration.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteHandoffDbContext>
{
    public SqliteHandoffDbContext CreateDbContext(string[] args) =>
        (SqliteHandoffDbContext)HandoffDb.Create(DatabaseProvider.Sqlite, "Data Source=design.db");
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresHandoffDbContext>
{
    public PostgresHandoffDbContext CreateDbContext(string[] args) =>
        (PostgresHandoffDbContext)HandoffDb.Create(DatabaseProvider.Postgres, "Host=localhost;Database=handoff_design");
}
