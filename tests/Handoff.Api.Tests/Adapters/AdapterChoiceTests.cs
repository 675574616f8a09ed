using Handoff.Api.Adapters;
using Handoff.Api.Bench;
using Handoff.Api.Demo;
using Handoff.Api.FieldIntel;
using Handoff.Api.Graph;
using Handoff.Api.Infrastructure;
using Handoff.Api.Meetings;
using Handoff.Api.Scale;
using Handoff.Api.Storage;
using Handoff.Api.Tests.Support;
using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Travel;
using Handoff.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Handoff.Api.Tests.Adapters;

/// <summary>
/// Which adapter serves each port is decided by configuration in one place (AdapterChoice), not by the order of the
/// setup calls in Program.cs; a bad choice stops start-up naming the setting.
/// </summary>
public sealed class AdapterChoiceTests
{
    private static readonly Dictionary<string, string?> GraphSection = new()
    {
        ["Graph:BaseUrl"] = "http://127.0.0.1:9/v1.0",
        ["Graph:AccessToken"] = "not used: nothing is read",
    };

    private static readonly Dictionary<string, string?> BenchFixtures = new()
    {
        ["Bench:Enabled"] = "true",
        ["Bench:Rsms"] = "20",
        ["Bench:EventsPerRsm"] = "10",
    };

    /// <summary>Program.cs's adapter-related setup calls, to be shuffled.</summary>
    private static readonly (string Name, Action<WebApplicationBuilder> Add)[] Setups =
    [
        ("AddScheduling", b => b.AddScheduling()),
        ("AddAdapters", b => b.AddAdapters()),
        ("AddDemoOrg", b => b.AddDemoOrg()),
        ("AddGraphCalendars", b => b.AddGraphCalendars()),
        ("AddScaleOut", b => b.AddScaleOut()),
        ("AddStorage", b => b.AddStorage()),
        ("AddFieldIntel", b => b.AddFieldIntel()),
        ("AddBench", b => b.AddBench()),
    ];

    [TestCase("none", "DemoCalendarSource", "StoreOrgDirectory")]
    [TestCase("graph", "GraphCalendarSource", "StoreOrgDirectory")]
    [TestCase("bench", "BenchCalendarSource", "BenchOrgDirectory")]
    public void ShufflingTheSetupCalls_CannotChangeWhichAdapterRuns(string settings, string calendar, string directory)
    {
        var random = new Random(16);
        for (var round = 0; round < 12; round++)
        {
            var order = round == 0 ? Setups : Setups.OrderBy(_ => random.Next()).ToArray();
            var builder = Builder(settings switch { "graph" => GraphSection, "bench" => BenchFixtures, _ => [] });
            foreach (var (_, add) in order)
            {
                add(builder);
            }
            var because = string.Join(", ", order.Select(o => o.Name));

            foreach (var port in new[] { typeof(ICalendarSource), typeof(IOrgDirectory), typeof(IFieldIntelSource) })
            {
                Assert.That(builder.Services.Count(d => d.ServiceType == port && !d.IsKeyedService), Is.EqualTo(1), $"{port.Name} bound once; order: {because}");
            }
            using var app = builder.Build();
            Assert.That(app.Services.GetRequiredService<ICalendarSource>().GetType().Name, Is.EqualTo(calendar), because);
            Assert.That(app.Services.GetRequiredService<IOrgDirectory>().GetType().Name, Is.EqualTo(directory), because);
            Assert.That(app.Services.GetRequiredService<IFieldIntelSource>(), Is.InstanceOf<StoreFieldIntel>(), because);
        }
    }

    [Test]
    public void AnExplicitChoice_WinsOverWhatIsConfigured()
    {
        var config = Config(new Dictionary<string, string?>(GraphSection) { [AdapterChoice.CalendarSetting] = "demo" });

        Assert.That(AdapterChoice.From(config), Is.EqualTo(new AdapterChoice(CalendarSourceKind.Demo, DirectorySourceKind.Store, MailboxGateKind.Local)));
        Assert.That(AdapterChoice.From(Config(new() { [ScaleOutSetup.RedisSetting] = "127.0.0.1:6379" })).Gate, Is.EqualTo(MailboxGateKind.Redis));
    }

    [TestCase("Calendar:Source", "Outlook", "Calendar:Source must be Demo, Graph or Bench (it is 'Outlook')")]
    [TestCase("Calendar:Source", "1", "Calendar:Source must be Demo, Graph or Bench (it is '1')")]
    [TestCase("Calendar:Source", "Graph", "Calendar:Source=Graph needs the Graph section")]
    [TestCase("Calendar:Source", "Bench", "Calendar:Source=Bench needs Bench:Enabled=true and Bench:EventsPerRsm > 0")]
    [TestCase("Directory:Source", "Ldap", "Directory:Source must be Store or Bench (it is 'Ldap')")]
    [TestCase("Directory:Source", "Bench", "Directory:Source=Bench needs Bench:Enabled=true and Bench:Rsms > 0")]
    public void ABadChoice_IsRefusedNamingTheSetting(string key, string value, string message)
    {
        var error = Assert.Throws<StartupRefusedException>(() => AdapterChoice.From(Config(new() { [key] = value })));

        Assert.That(error!.Message, Does.StartWith(message));
    }

    [Test]
    public void BenchFixtures_WithAnotherChoice_AreRefused()
    {
        var config = Config(new Dictionary<string, string?>(BenchFixtures) { [AdapterChoice.CalendarSetting] = "Demo" });

        var error = Assert.Throws<StartupRefusedException>(() => AdapterChoice.From(config));

        Assert.That(error!.Message, Does.Contain("Bench:EventsPerRsm").And.Contain("Calendar:Source is Demo"));
    }

    [Test]
    public async Task TheApp_DoesNotStart_WithAnUnknownCalendarSource()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new HandoffApp(db, new Dictionary<string, string?> { [AdapterChoice.CalendarSetting] = "Exchange2010" });

        var error = Assert.Catch(() => app.CreateClient());

        Assert.That(error!.ToString(), Does.Contain("Calendar:Source must be Demo, Graph or Bench (it is 'Exchange2010')"));
    }

    private static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static WebApplicationBuilder Builder(Dictionary<string, string?> values)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = Path.GetTempPath() });
        builder.Configuration.AddInMemoryCollection(values);
        builder.Services.AddSingleton<IClock>(SystemClock.Instance);
        return builder;
    }
}
