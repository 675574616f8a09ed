using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Handoff.Graph.Fake;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Handoff.Graph.Tests;

/// <summary>
/// The outbox survives the API dying mid-delivery: the real API runs as its own process (its database on each provider, Graph
/// pointed at the fake on loopback; SQLite and PostgreSQL), is killed while Graph holds its sendMail, and on restart sends the brief once.
/// </summary>
[NonParallelizable]
public sealed class OutboxRestartTests
{
    private const string Token = "restart-test-token";
    private const string Sender = "handoff@example.com";

    [TestCase(DatabaseProvider.Sqlite)]
    [TestCase(DatabaseProvider.Postgres)]
    public async Task AKilledApi_SendsTheBriefOnceAfterItRestarts(DatabaseProvider provider)
    {
        var graph = new FakeGraph { RequiredToken = Token };
        graph.AddMailbox(Sender);
        await using var server = await FakeGraphServer.StartLoopbackAsync(graph);
        await using var database = await ThrowawayDatabase.CreateAsync(provider);
        var connection = database.ConnectionString;
        {
            // Graph holds the first sendMail for a minute: the API is killed while it waits.
            graph.EnqueueMail(FakeFault.Delay(TimeSpan.FromMinutes(1)));
            using (var first = await ApiProcess.StartAsync(provider, connection, server.BaseUrl))
            {
                var start = DateTime.UtcNow.Date.AddDays(8).AddHours(18).ToString("yyyy-MM-ddTHH:mm:ssZ");
                var end = DateTime.UtcNow.Date.AddDays(8).AddHours(19).ToString("yyyy-MM-ddTHH:mm:ssZ");
                var put = await first.Client.PutAsJsonAsync("/api/v1/handoffs/restart-0001", new
                {
                    start, end, organizerTimeZone = "Eastern Standard Time", organizerEmail = "sdr@example.com",
                    attendees = new[] { "rsm.west@example.com", "cfo@acme-metals.example" }, location = "Acme Metals, Fresno, CA 93706",
                    notes = new { whyNow = "Insurer audit" },
                });
                Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Created), await put.Content.ReadAsStringAsync());
                await Until(() => graph.SendMailCalls == 1, "the worker's sendMail to reach Graph");
                first.Kill();
            }
            await Task.Delay(300);
            Assert.That(graph.Outbox.Sent, Is.Empty, "the held request died with the process: nothing was delivered");
            await using (var db = HandoffDb.Create(provider, connection))
            {
                var row = await db.BriefDeliveries.SingleAsync();
                Assert.That((row.Status, row.Attempts), Is.EqualTo((DeliveryStatus.Sending, 0)), "claimed, leased, never settled");
            }

            using (var second = await ApiProcess.StartAsync(provider, connection, server.BaseUrl))
            {
                await Until(() => graph.Outbox.Sent.Count >= 1, "the restarted worker to send the brief once its lease ran out");
                await Task.Delay(1500); // a second send would show up here
                var deliveries = await second.Client.GetFromJsonAsync<List<Dictionary<string, object>>>("/api/v1/handoffs/restart-0001/deliveries");
                Assert.That(deliveries!.Single()["status"].ToString(), Is.EqualTo("sent"));
            }
            Assert.That(graph.Outbox.Sent, Has.Count.EqualTo(1));
            Assert.That(graph.Outbox.Sent[0].Subject, Does.StartWith("Handoff brief: Acme Metals"));
            Assert.That(graph.Outbox.Sent[0].To, Is.EqualTo(new[] { "rsm.west@example.com" }));
        }
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        TestContext.Progress.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} waiting for {what}");
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(60))
            {
                Assert.Fail($"Timed out waiting for {what}.");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>A temporary SQLite file, or a new database on the server HANDOFF_TEST_POSTGRES names (tools/test.sh starts one).</summary>
    private sealed class ThrowawayDatabase : IAsyncDisposable
    {
        private readonly string? _file;
        private readonly string? _server;
        private readonly string? _name;

        private ThrowawayDatabase(string connectionString, string? file, string? server, string? name)
        {
            ConnectionString = connectionString;
            _file = file;
            _server = server;
            _name = name;
        }

        public string ConnectionString { get; }

        public static async Task<ThrowawayDatabase> CreateAsync(DatabaseProvider provider)
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                var file = Path.Combine(Path.GetTempPath(), $"handoff-restart-{Guid.NewGuid():N}.db");
                return new ThrowawayDatabase($"Data Source={file};Pooling=False", file, null, null);
            }
            var server = Environment.GetEnvironmentVariable("HANDOFF_TEST_POSTGRES");
            if (string.IsNullOrWhiteSpace(server))
            {
                const string reason = "HANDOFF_TEST_POSTGRES is not set: no PostgreSQL server to test against (tools/test.sh starts one).";
                if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                {
                    Assert.Fail(reason);
                }
                Assert.Ignore(reason);
            }
            var name = $"handoff_restart_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await create.ExecuteNonQueryAsync();
            }
            return new ThrowawayDatabase(new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString, null, server, name);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var f in _file is null ? [] : new[] { _file, _file + "-wal", _file + "-shm" })
            {
                File.Delete(f);
            }
            if (_server is not null)
            {
                await using var connection = new NpgsqlConnection(_server);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }

    /// <summary>The API's own build output run with `dotnet`, on a free loopback port.</summary>
    private sealed class ApiProcess : IDisposable
    {
        private readonly Process _process;

        private ApiProcess(Process process, HttpClient client)
        {
            _process = process;
            Client = client;
        }

        public HttpClient Client { get; }

        public static async Task<ApiProcess> StartAsync(DatabaseProvider provider, string connection, string graphBaseUrl)
        {
            var dll = ApiDll();
            var port = FreePort();
            var info = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
            {
                WorkingDirectory = Path.GetDirectoryName(dll)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            info.Environment["ConnectionStrings__Handoff"] = connection;
            info.Environment["Database__Provider"] = provider.ToString();
            info.Environment["Auth__Mode"] = "Demo";
            info.Environment["Demo__Seed"] = "true";
            info.Environment["Graph__BaseUrl"] = graphBaseUrl;
            info.Environment["Graph__AccessToken"] = Token;
            info.Environment["BriefMail__Sender"] = Sender;
            info.Environment["BriefMail__PollInterval"] = "00:00:00.200";
            info.Environment["BriefMail__Lease"] = "00:00:03";
            info.Environment["Logging__LogLevel__Default"] = "Warning";
            var process = Process.Start(info)!;
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { TestContext.Progress.WriteLine($"[api] {e.Data}"); } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { TestContext.Progress.WriteLine($"[api] {e.Data}"); } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var api = new ApiProcess(process, client);
            var watch = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    if ((await client.GetAsync("/healthz")).IsSuccessStatusCode)
                    {
                        TestContext.Progress.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} API up after {watch.Elapsed.TotalSeconds:0.0} s");
                        return api;
                    }
                }
                catch (HttpRequestException)
                {
                }
                if (process.HasExited || watch.Elapsed > TimeSpan.FromSeconds(60))
                {
                    api.Dispose();
                    Assert.Fail("The API process did not start.");
                }
                await Task.Delay(200);
            }
        }

        /// <summary>SIGKILL: no graceful shutdown, no chance to settle the delivery.</summary>
        public void Kill()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }

        public void Dispose()
        {
            Kill();
            Client.Dispose();
            _process.Dispose();
        }

        private static string ApiDll()
        {
            // tests/Handoff.Graph.Tests/bin/<Configuration>/net10.0 → api/Handoff.Api/bin/<Configuration>/net10.0
            var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = here.Name;
            var configuration = here.Parent!.Name;
            var root = here.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
            var dll = Path.Combine(root, "api", "Handoff.Api", "bin", configuration, framework, "Handoff.Api.dll");
            Assert.That(File.Exists(dll), Is.True, $"the API's build output at {dll}");
            return dll;
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
