using Handoff.Storage;
using Npgsql;

namespace Handoff.Api.Tests.Support;

/// <summary>The providers every store and API fixture runs against.</summary>
public static class Providers
{
    public static readonly DatabaseProvider[] All = [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];
}

/// <summary>
/// A fresh, empty database: a temporary SQLite file, or a new database on the PostgreSQL server named by
/// HANDOFF_TEST_POSTGRES (tools/test.sh starts one). Without that server the PostgreSQL tests fail under CI
/// (CI=true) and are ignored locally, with the reason.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "HANDOFF_TEST_POSTGRES";

    private readonly string? _file;
    private readonly string? _serverConnectionString;
    private readonly string? _name;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? file, string? server, string? name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _file = file;
        _serverConnectionString = server;
        _name = name;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"handoff-test-{Guid.NewGuid():N}.db");
            return new TestDatabase(provider, $"Data Source={file};Pooling=False", file, null, null);
        }
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            const string reason = $"{PostgresVariable} is not set: no PostgreSQL server to test against (tools/test.sh starts one).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(reason);
            }
            Assert.Ignore(reason);
        }
        var name = $"handoff_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(provider, builder.ConnectionString, null, server, name);
    }

    public HandoffDbContext OpenContext() => HandoffDb.Create(Provider, ConnectionString);

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
            {
                File.Delete(f);
            }
        }
        if (_serverConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_serverConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
