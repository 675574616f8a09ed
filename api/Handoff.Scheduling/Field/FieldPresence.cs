using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using Handoff.Scheduling.Routing;
using NodaTime;

namespace Handoff.Scheduling.Field;

/// <summary>A place cluster: everything within the cluster radius of its leading place (the most confident plan, then the first meeting).</summary>
public sealed record PlaceCluster(string Id, string Name, Place Center, IReadOnlyList<string> Territories);

/// <summary>A booked in-person meeting the planner shows (subject only when it is not private; private items never get here).</summary>
public sealed record PresenceMeeting(Interval When, string Subject, Place Place);

/// <summary>One RSM in one cluster in one week.</summary>
public sealed record RsmPresence(
    string RsmEmail,
    string Name,
    DateTimeZone Zone,
    IReadOnlyList<LocalDate> Days,
    IReadOnlyList<FieldPlan> Plans,
    IReadOnlyList<PresenceMeeting> Meetings,
    Duration OpenTime)
{
    /// <summary>"Dana Ruiz is in Sacramento Wed–Thu, 6 open hours" ("Mon, Wed–Thu" when the days are not consecutive).</summary>
    public string Summary(string clusterName)
    {
        var hours = Math.Round(OpenTime.TotalHours, 1);
        return $"{Name} is in {clusterName} {DayRanges(Days)}, {hours:0.#} open hour{(hours == 1 ? "" : "s")}";
    }

    public static string DayRanges(IReadOnlyList<LocalDate> days)
    {
        var parts = new List<string>();
        for (var i = 0; i < days.Count;)
        {
            var j = i;
            while (j + 1 < days.Count && days[j + 1] == days[j].PlusDays(1))
            {
                j++;
            }
            parts.Add(i == j ? Short(days[i]) : $"{Short(days[i])}–{Short(days[j])}");
            i = j + 1;
        }
        return string.Join(", ", parts);
    }

    private static string Short(LocalDate date) => date.DayOfWeek.ToString()[..3];
}

public sealed record ClusterWeek(PlaceCluster Cluster, IReadOnlyList<RsmPresence> Rsms)
{
    public Duration OpenTime => Rsms.Aggregate(Duration.Zero, (sum, r) => sum + r.OpenTime);
}

/// <summary>A week (Monday to Sunday, in each RSM's own zone) and the clusters RSMs will be in.</summary>
public sealed record PlannerWeek(LocalDate Monday, IReadOnlyList<ClusterWeek> Clusters);

public sealed record PlannerReport(DateInterval Dates, IReadOnlyList<PlaceCluster> Clusters, IReadOnlyList<PlannerWeek> Weeks);

/// <summary>
/// Where the RSMs will be, week by week and place by place. An RSM is somewhere on a day when the calendar has
/// a located in-person meeting there, or (with no meeting that day) a field plan puts them there. Places are
/// grouped greedily: the most confident plans lead, each place joins the first cluster within
/// <paramref name="clusterKm"/>. A day's open in-person hours (working hours not taken by any item, in the RSM's
/// zone) count toward the cluster of that day's first meeting, else its most confident plan, so no hour counts twice.
/// </summary>
public static class FieldPresence
{
    private sealed record Sighting(RsmCalendarView Calendar, LocalDate Date, Place Place, FieldPlan? Plan, PresenceMeeting? Meeting);

    public static PlannerReport Build(IReadOnlyList<FieldPlan> plans, IReadOnlyList<RsmCalendarView> calendars, DateInterval dates, OrgSnapshot org, double clusterKm)
    {
        var sightings = new List<Sighting>();
        foreach (var calendar in calendars)
        {
            var own = plans.Where(p => EmailAddress.Same(p.RsmEmail, calendar.Rsm.Email)).ToArray();
            foreach (var date in dates)
            {
                var meetings = calendar.LocatedStopsOn(date).Select(s => new PresenceMeeting(s.Interval, s.Item.Subject ?? "In-person meeting", s.Place!)).ToArray();
                foreach (var m in meetings)
                {
                    sightings.Add(new Sighting(calendar, date, m.Place, null, m));
                }
                foreach (var plan in own.Where(p => p.Dates.Contains(date)))
                {
                    sightings.Add(new Sighting(calendar, date, plan.Place, plan, null));
                }
            }
        }

        var clusters = new List<(PlaceCluster Cluster, List<Sighting> Members)>();
        var leaders = sightings
            .OrderByDescending(s => s.Plan?.ConfidencePercent ?? -1)
            .ThenBy(s => s.Date).ThenBy(s => s.Calendar.Rsm.Email, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Place.Label, StringComparer.Ordinal);
        var territories = TerritoryResolver.For(org);
        foreach (var s in leaders)
        {
            var home = clusters.FirstOrDefault(c => c.Cluster.Center.Point.DistanceKm(s.Place.Point) <= clusterKm);
            if (home.Cluster is null)
            {
                var name = NameOf(s.Place);
                home = (new PlaceCluster(IdOf(name, clusters.Count), name, s.Place, []), []);
                clusters.Add(home);
            }
            home.Members.Add(s);
        }
        var named = clusters.Select(c => c with
        {
            Cluster = c.Cluster with
            {
                Territories = c.Members.Select(m => territories.Resolve(m.Place, null).Territory?.Name).Concat([territories.Resolve(c.Cluster.Center, null).Territory?.Name])
                    .OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToArray(),
            },
        }).ToArray();
        var clusterOf = named.SelectMany(c => c.Members.Select(m => (m, c.Cluster))).ToDictionary(x => x.m, x => x.Cluster);

        // The one cluster each RSM-day's open hours count toward.
        var primary = sightings.GroupBy(s => (s.Calendar.Rsm.Email, s.Date))
            .ToDictionary(g => g.Key, g => clusterOf[g.OrderBy(s => s.Meeting is null ? 1 : 0).ThenBy(s => s.Meeting?.When.Start ?? Instant.MinValue)
                .ThenByDescending(s => s.Plan?.ConfidencePercent ?? 0).First()].Id);

        var weeks = new List<PlannerWeek>();
        for (var monday = Monday(dates.Start); monday <= dates.End; monday = monday.PlusWeeks(1))
        {
            var sunday = monday.PlusDays(6);
            var inWeek = sightings.Where(s => s.Date >= monday && s.Date <= sunday).ToArray();
            var clusterWeeks = named.Select(c => c.Cluster)
                .Select(cluster => new ClusterWeek(cluster, inWeek.Where(s => clusterOf[s].Id == cluster.Id)
                    .GroupBy(s => s.Calendar.Rsm.Email, EmailAddress.Comparer)
                    .Select(g => Presence(g.ToArray(), cluster, primary))
                    .OrderBy(r => r.Name, StringComparer.Ordinal).ToArray()))
                .Where(cw => cw.Rsms.Count > 0)
                .OrderByDescending(cw => cw.Rsms.Count).ThenBy(cw => cw.Cluster.Name, StringComparer.Ordinal).ToArray();
            weeks.Add(new PlannerWeek(monday, clusterWeeks));
        }
        return new PlannerReport(dates, named.Select(c => c.Cluster).ToArray(), weeks);
    }

    public static LocalDate Monday(LocalDate date) => date.DayOfWeek == IsoDayOfWeek.Monday ? date : date.Previous(IsoDayOfWeek.Monday);

    private static RsmPresence Presence(Sighting[] sightings, PlaceCluster cluster, Dictionary<(string, LocalDate), string> primary)
    {
        var calendar = sightings[0].Calendar;
        var days = sightings.Select(s => s.Date).Distinct().Order().ToArray();
        var open = days.Where(d => primary[(calendar.Rsm.Email, d)] == cluster.Id)
            .Aggregate(Duration.Zero, (sum, d) => sum + calendar.OpenTimeOn(d));
        return new RsmPresence(calendar.Rsm.Email, calendar.Rsm.DisplayName, calendar.Zone, days,
            sightings.Select(s => s.Plan).OfType<FieldPlan>().Distinct().ToArray(),
            sightings.Select(s => s.Meeting).OfType<PresenceMeeting>().OrderBy(m => m.When.Start).ToArray(), open);
    }

    private static string NameOf(Place place)
    {
        var region = place.Region is { Length: > 0 } r ? (r.Contains('-') ? r[(r.IndexOf('-') + 1)..] : r) : null;
        var city = place.City is { Length: > 0 } c ? c : PlaceNames.Short(place);
        return region is null ? city : $"{city}, {region}";
    }

    private static string IdOf(string name, int index) =>
        new string(name.ToLowerInvariant().Select(ch => char.IsLetterOrDigit(ch) ? ch : '-').ToArray()).Trim('-') + "-" + index;
}
