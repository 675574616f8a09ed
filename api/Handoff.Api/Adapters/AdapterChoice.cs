using Handoff.Api.Bench;
using Handoff.Api.Infrastructure;
using Handoff.Api.Scale;
using Handoff.Graph;
using Handoff.Scheduling.Calendars;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Travel;

namespace Handoff.Api.Adapters;

/// <summary>Where RSMs' calendars come from (<c>Calendar:Source</c>).</summary>
public enum CalendarSourceKind
{
    /// <summary>The embedded demo calendars (no Azure needed).</summary>
    Demo,

    /// <summary>Microsoft Graph (the <c>Graph</c> section).</summary>
    Graph,

    /// <summary>Synthetic calendars for load tests (<c>Bench:EventsPerRsm</c>).</summary>
    Bench,
}

/// <summary>Where the org (RSMs, territories) comes from (<c>Directory:Source</c>).</summary>
public enum DirectorySourceKind
{
    /// <summary>The org store (EF Core), kept in memory as a snapshot.</summary>
    Store,

    /// <summary>A synthetic org for load tests (<c>Bench:Rsms</c>).</summary>
    Bench,
}

/// <summary>Which gate caps Graph requests in flight per mailbox.</summary>
public enum MailboxGateKind
{
    /// <summary>Per instance.</summary>
    Local,

    /// <summary>Across instances, in Redis (<c>Cache:Redis</c>).</summary>
    Redis,
}

/// <summary>
/// The one place that decides which adapter serves each port of the core, from configuration alone. Feature setups
/// register their adapters as keyed services (the key is the kind's name); only <see cref="AdapterSetup.AddAdapters"/>
/// registers the ports themselves, so the order of the setup calls in Program.cs cannot change which one runs.
/// The brief mailer is chosen by <c>BriefMail:SendAs</c> (docs/handoffs.md), field intel always comes from the store.
/// </summary>
public sealed record AdapterChoice(CalendarSourceKind Calendar, DirectorySourceKind Directory, MailboxGateKind Gate)
{
    public const string CalendarSetting = "Calendar:Source";
    public const string DirectorySetting = "Directory:Source";

    /// <summary>The key the store's field intel is registered under.</summary>
    public const string FieldIntelStore = "Store";

    /// <summary>
    /// Reads the choice. Unset settings follow what is configured (a Graph section means Graph; Bench fixtures
    /// mean Bench; otherwise the demo calendar and the store); an unknown value or a choice whose settings are
    /// missing stops start-up with a message naming the setting.
    /// </summary>
    public static AdapterChoice From(IConfiguration config)
    {
        var bench = config.GetSection(BenchOptions.Section);
        var benchOn = bench.GetValue<bool?>(nameof(BenchOptions.Enabled)) == true;
        var benchCalendars = benchOn && Positive(bench[nameof(BenchOptions.EventsPerRsm)]);
        var benchOrg = benchOn && Positive(bench[nameof(BenchOptions.Rsms)]);
        var graph = config.HasGraphSection();

        var calendar = Parse(config, CalendarSetting, graph ? CalendarSourceKind.Graph : benchCalendars ? CalendarSourceKind.Bench : CalendarSourceKind.Demo);
        if (calendar == CalendarSourceKind.Graph && !graph)
        {
            throw new StartupRefusedException($"{CalendarSetting}=Graph needs the Graph section (Graph:TenantId, Graph:ClientId and a credential; docs/graph.md).");
        }
        if (calendar == CalendarSourceKind.Bench && !benchCalendars)
        {
            throw new StartupRefusedException($"{CalendarSetting}=Bench needs Bench:Enabled=true and Bench:EventsPerRsm > 0 (docs/benchmarks.md).");
        }
        if (calendar != CalendarSourceKind.Bench && benchCalendars)
        {
            throw new StartupRefusedException($"Bench:EventsPerRsm makes synthetic calendars, but {CalendarSetting} is {calendar}: remove one of them.");
        }

        var directory = Parse(config, DirectorySetting, benchOrg ? DirectorySourceKind.Bench : DirectorySourceKind.Store);
        if (directory == DirectorySourceKind.Bench && !benchOrg)
        {
            throw new StartupRefusedException($"{DirectorySetting}=Bench needs Bench:Enabled=true and Bench:Rsms > 0 (docs/benchmarks.md).");
        }
        if (directory != DirectorySourceKind.Bench && benchOrg)
        {
            throw new StartupRefusedException($"Bench:Rsms makes a synthetic org, but {DirectorySetting} is {directory}: remove one of them.");
        }

        var gate = string.IsNullOrWhiteSpace(config[ScaleOutSetup.RedisSetting]) ? MailboxGateKind.Local : MailboxGateKind.Redis;
        return new AdapterChoice(calendar, directory, gate);
    }

    private static T Parse<T>(IConfiguration config, string setting, T whenUnset) where T : struct, Enum
    {
        var text = config[setting];
        if (string.IsNullOrWhiteSpace(text))
        {
            return whenUnset;
        }
        return Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _)
            ? kind
            : throw new StartupRefusedException($"{setting} must be {string.Join(", ", Enum.GetNames<T>()[..^1])} or {Enum.GetNames<T>()[^1]} (it is '{text}').");
    }

    private static bool Positive(string? value) => int.TryParse(value, out var n) && n > 0;
}

public static class AdapterSetup
{
    /// <summary>
    /// Registers each port of the core once, as the adapter <see cref="AdapterChoice"/> names (see there); call it
    /// anywhere in Program.cs. The adapters themselves are registered, keyed, by their features' setups.
    /// </summary>
    public static WebApplicationBuilder AddAdapters(this WebApplicationBuilder builder)
    {
        var choice = AdapterChoice.From(builder.Configuration);
        builder.Services.AddSingleton(choice);
        builder.Services.AddSingleton<ICalendarSource>(sp => sp.GetRequiredKeyedService<ICalendarSource>(choice.Calendar.ToString()));
        builder.Services.AddSingleton<IOrgDirectory>(sp => sp.GetRequiredKeyedService<IOrgDirectory>(choice.Directory.ToString()));
        builder.Services.AddSingleton<IFieldIntelSource>(sp => sp.GetRequiredKeyedService<IFieldIntelSource>(AdapterChoice.FieldIntelStore));
        // Only read when Graph is configured (the Graph reader asks for it).
        builder.Services.AddSingleton<IMailboxGate>(sp => sp.GetRequiredKeyedService<IMailboxGate>(choice.Gate.ToString()));
        return builder;
    }
}
