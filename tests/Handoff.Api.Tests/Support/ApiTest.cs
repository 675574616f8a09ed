using Handoff.Api.Storage;
using Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Handoff.Api.Tests.Support;

/// <summary>
/// Each fixture gets a fresh database on its provider and the API on top of it; each test starts from an empty
/// store (rows deleted, directory reloaded), which is much cheaper than a new host per test.
/// </summary>
public abstract class ApiTest(DatabaseProvider provider)
{
    protected DatabaseProvider Provider { get; } = provider;
    protected TestDatabase Db { get; private set; } = null!;
    protected HandoffApp App { get; private set; } = null!;
    protected HttpClient Client { get; private set; } = null!;

    /// <summary>Extra settings for the app under test (e.g. Auth:Mode).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Services to add or swap in the app under test.</summary>
    protected virtual Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? Services => null;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Db = await TestDatabase.CreateAsync(Provider);
        App = new HandoffApp(Db, Settings, Services);
        Client = App.CreateClient();
    }

    [SetUp]
    public async Task EmptyStoreAsync()
    {
        await using (var db = Db.OpenContext())
        {
            await db.HandoffOutcomes.ExecuteDeleteAsync();
            await db.DraftCheckLogs.ExecuteDeleteAsync();
            await db.HandoffTargets.ExecuteDeleteAsync();
            await db.BriefDeliveries.ExecuteDeleteAsync();
            await db.Handoffs.ExecuteDeleteAsync();
            await db.Leads.ExecuteDeleteAsync();
            await db.HandoffSettings.ExecuteDeleteAsync();
            await db.AuditEntries.ExecuteDeleteAsync();
            await db.FieldReports.ExecuteDeleteAsync();
            await db.TravelProfiles.ExecuteDeleteAsync();
            await db.TerritoryAssignments.ExecuteDeleteAsync();
            await db.Territories.ExecuteDeleteAsync();
            await db.FieldPlans.ExecuteDeleteAsync();
            await db.Rsms.ExecuteDeleteAsync();
        }
        await App.Services.GetRequiredService<StoreOrgDirectory>().RefreshAsync(CancellationToken.None);
        await App.Services.GetRequiredService<Handoff.Api.FieldIntel.StoreFieldIntel>().RefreshAsync(CancellationToken.None);
        App.Services.GetRequiredService<Handoff.Api.Admin.HandoffSettings.HandoffSettingsCache>().Invalidate();
        App.Clock.Reset(HandoffApp.Now);
        Client.DefaultRequestHeaders.Authorization = null;
    }

    private System.Text.Json.Nodes.JsonNode? _document;

    /// <summary>Fails the test when the API answered a status the OpenAPI document does not declare for that operation.</summary>
    [TearDown]
    public async Task EveryStatusIsDeclaredAsync()
    {
        var seen = App.Statuses.Drain();
        if (seen.Count == 0 || TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            return;
        }
        using var anonymous = App.CreateClient();
        _document ??= System.Text.Json.Nodes.JsonNode.Parse(await anonymous.GetStringAsync("/swagger/v1/swagger.json"))!;
        Assert.That(StatusRecorder.Undeclared(_document, seen), Is.Empty, "statuses answered but not declared in the OpenAPI document");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        Client?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        if (Db is not null)
        {
            await Db.DisposeAsync();
        }
    }

    protected async Task<System.Text.Json.Nodes.JsonNode> CreateAsync(string resource, object body) =>
        await (await Client.PostJsonAsync($"/api/v1/admin/{resource}", body)).JsonAsync(System.Net.HttpStatusCode.Created);
}
