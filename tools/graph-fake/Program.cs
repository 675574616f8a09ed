// A Graph-shaped server on 127.0.0.1 for local trials of the API with real Graph settings:
//   dotnet run --project tools/graph-fake -- [--port 5099] [--calendars path/to/calendars.json]
//   Graph__BaseUrl=http://127.0.0.1:5099/v1.0 Graph__AccessToken=anything dotnet run --project api/Handoff.Api
// Steer it while it runs: GET /fake/requests, POST /fake/faults {"status":429,"retryAfter":30}, POST /fake/reset.
using Handoff.Graph.Fake;
using NodaTime;

var port = 5099;
var calendars = Path.Combine(AppContext.BaseDirectory, "calendars.json");
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--port": port = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--calendars": calendars = args[i + 1]; break;
        default: Console.Error.WriteLine($"Unknown option {args[i]}; use --port N and --calendars FILE."); return 2;
    }
}

var graph = new FakeGraph();
// A tool's composition root, like Program.cs of the API: the one place that reads the wall clock.
FakeSeed.Load(graph, File.ReadAllText(calendars), SystemClock.Instance.GetCurrentInstant());
await using var server = await FakeGraphServer.StartLoopbackAsync(graph, port, app => app.MapFakeControl(graph));
Console.WriteLine($"Graph fake: {server.BaseUrl} with {graph.Mailboxes.Count} mailboxes from {calendars}");
Console.WriteLine($"Try: Graph__BaseUrl={server.BaseUrl} Graph__AccessToken=local-trial dotnet run --project api/Handoff.Api");
Console.WriteLine("Press Ctrl+C to stop.");
await server.WaitForShutdownAsync();
return 0;
