using Handoff.Storage;
using Npgsql;

namespace Handoff.Benchmarks;

/// <summary>A throwaway store for a benchmark: a temporary SQLite file, or a new database on the PostgreSQL server HANDOFF_TEST_POSTGRES names.</summary>
public sealed class BenchDatabase : IDisposable
{
    public const string PostgresVariable = "HANDOFF_TEST_POSTGRES";
    private readonly string? _file;
    private readonly string? _server;
    private readonly string? _name;

    private BenchDatabase(string connectionString, string? file, string? server, string? name)
    {
        ConnectionString = connectionString;
        (_file, _server, _name) = (file, server, name);
    }

    public string ConnectionString { get; }

    public static BenchDatabase Create(DatabaseProvider provider, string purpose)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"handoff-{purpose}-bench-{Guid.NewGuid():N}.db");
            return new BenchDatabase($"Data Source={file};Pooling=True", file, null, null);
        }
        var server = Environment.GetEnvironmentVariable(PostgresVariable)
            ?? throw new InvalidOperationException($"{PostgresVariable} is not set: no PostgreSQL server to benchmark against.");
        var name = $"handoff_{purpose}_bench_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            create.ExecuteNonQuery();
        }
        return new BenchDatabase(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, null, server, name);
    }

    public void Dispose()
    {
        if (_file is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
            {
                File.Delete(f);
            }
        }
        if (_server is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(_server);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
    }
}
