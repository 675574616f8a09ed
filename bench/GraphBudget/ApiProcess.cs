using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Handoff.Bench.GraphBudget;

/// <summary>The published API as its own process on a free loopback port, pinned to core 0 when taskset exists.</summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ApiProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<ApiProcess> StartAsync(string apiDll, IReadOnlyDictionary<string, string> settings, string? logFile = null)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var pinned = File.Exists("/usr/bin/taskset");
        var start = new ProcessStartInfo(pinned ? "/usr/bin/taskset" : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in (pinned ? new[] { "-c", "0", "dotnet" } : []).Concat([apiDll, "--urls", url]))
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the API.");
        var log = new System.Text.StringBuilder();
        var file = logFile is null ? null : new StreamWriter(logFile) { AutoFlush = true };
        void Write(string? line)
        {
            lock (log)
            {
                log.AppendLine(line);
                file?.WriteLine(line);
            }
        }
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var api = new ApiProcess(process, new Uri(url));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 60; attempt++)
        {
            if (process.HasExited)
            {
                break;
            }
            try
            {
                if ((await http.GetAsync(new Uri(api.BaseAddress, "/healthz"))).IsSuccessStatusCode)
                {
                    return api;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        await api.DisposeAsync();
        lock (log)
        {
            throw new InvalidOperationException($"The API did not start:\n{log}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
