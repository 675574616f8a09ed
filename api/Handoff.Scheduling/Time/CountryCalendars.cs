using System.Globalization;
using Handoff.Scheduling.Calendars;
using NodaTime;

namespace Handoff.Scheduling.Time;

/// <summary>
/// Each country's working week (CLDR weekData: Fri–Sat weekends in Saudi Arabia, Sat in Iran, Sun in India) and
/// public holidays (date-holidays, 2024–2036), from the generated tables in Time/Data.
/// </summary>
public static class CountryCalendars
{
    private static readonly Lazy<Dictionary<string, IsoDayOfWeek[]>> Weekends = new(LoadWeekends);
    private static readonly Lazy<Dictionary<(string Region, LocalDate Date), string>> Holidays = new(LoadHolidays);

    /// <summary>The weekend days of a country (ISO code); the world default (Saturday and Sunday) when unknown.</summary>
    public static IReadOnlyList<IsoDayOfWeek> WeekendOf(string? country) =>
        Weekends.Value.GetValueOrDefault(country?.ToUpperInvariant() ?? "001") ?? Weekends.Value["001"];

    /// <summary>
    /// The hours moved onto the country's working days: each working day takes the hours of the configured day it
    /// replaces, or the first configured day's. Unchanged when the country's weekend is Saturday–Sunday.
    /// </summary>
    public static WorkingHours ForCountry(WorkingHours hours, string? country)
    {
        var weekend = WeekendOf(country);
        if (weekend.Count == 2 && weekend.Contains(IsoDayOfWeek.Saturday) && weekend.Contains(IsoDayOfWeek.Sunday))
        {
            return hours;
        }
        var configured = hours.Days.ToArray();
        if (configured.Length == 0)
        {
            return hours;
        }
        var typical = configured[0].Value;
        var days = Enumerable.Range(1, 7).Select(d => (IsoDayOfWeek)d).Where(d => !weekend.Contains(d));
        return new WorkingHours(days.Select(d => KeyValuePair.Create(d, hours.On(d) ?? typical)));
    }

    /// <summary>The public holiday on a local date in a country or its region ("US-TX"), if any.</summary>
    public static string? HolidayOn(LocalDate date, string? country, string? region = null)
    {
        if (country is not { Length: 2 })
        {
            return null;
        }
        var c = country.ToUpperInvariant();
        if (region is { Length: > 0 } && Holidays.Value.TryGetValue((Region(c, region), date), out var regional))
        {
            return regional;
        }
        return Holidays.Value.GetValueOrDefault((c, date));
    }

    /// <summary>"the US", "the UK", "Germany".</summary>
    public static string CountryName(string country)
    {
        var c = country.ToUpperInvariant();
        if (c is "US" or "GB" or "AE")
        {
            return c switch { "US" => "the US", "GB" => "the UK", _ => "the UAE" };
        }
        try
        {
            var name = new RegionInfo(c).EnglishName;
            return name.StartsWith("United ", StringComparison.Ordinal) || name.EndsWith(" Islands", StringComparison.Ordinal) ? $"the {name}" : name;
        }
        catch (ArgumentException)
        {
            return c;
        }
    }

    /// <summary>"US-CA" as given, or "CA" with country "US" → "US-CA".</summary>
    private static string Region(string country, string region) =>
        region.Contains('-') ? region.ToUpperInvariant() : $"{country}-{region.ToUpperInvariant()}";

    private static Dictionary<string, IsoDayOfWeek[]> LoadWeekends()
    {
        var map = new Dictionary<string, IsoDayOfWeek[]>(StringComparer.Ordinal);
        foreach (var f in TimeData.Rows("week-data.tsv"))
        {
            var (start, end) = (Day(f[2]), Day(f[3]));
            var days = new List<IsoDayOfWeek> { start };
            for (var d = start; d != end; d = (IsoDayOfWeek)((int)d % 7 + 1))
            {
                days.Add((IsoDayOfWeek)((int)d % 7 + 1));
            }
            map[f[0]] = [.. days];
        }
        return map;
    }

    private static Dictionary<(string, LocalDate), string> LoadHolidays()
    {
        var map = new Dictionary<(string, LocalDate), string>();
        foreach (var f in TimeData.Rows("holidays.tsv.gz"))
        {
            var date = LocalDate.FromDateTime(DateTime.ParseExact(f[1], "yyyy-MM-dd", CultureInfo.InvariantCulture));
            map.TryAdd((f[0], date), f[2]);
        }
        return map;
    }

    private static IsoDayOfWeek Day(string cldr) => cldr switch
    {
        "mon" => IsoDayOfWeek.Monday,
        "tue" => IsoDayOfWeek.Tuesday,
        "wed" => IsoDayOfWeek.Wednesday,
        "thu" => IsoDayOfWeek.Thursday,
        "fri" => IsoDayOfWeek.Friday,
        "sat" => IsoDayOfWeek.Saturday,
        _ => IsoDayOfWeek.Sunday,
    };
}
