using Handoff.Scheduling.Org;
using Handoff.Scheduling.Routing;

namespace Handoff.Scheduling.Suggestions;

/// <summary>An RSM (or the invited group) to search for, and in which role.</summary>
public sealed record CandidateTeam(IReadOnlyList<RsmProfile> Members, RsmRole Role, bool IsAlternative);

/// <summary>
/// Whose calendars to search: the RSMs on the invite (together, as one team); then, when alternatives are
/// wanted or nobody is invited ("any RSM for this territory/vertical"), the owner of the meeting place's
/// territory, the vertical specialists (nearest first) and the territory's other RSMs, one team each.
/// With nobody invited the best candidate is the primary, the others alternatives.
/// </summary>
public static class CandidateRsms
{
    /// <summary>At most this many teams are searched, to bound the calendar read and the sweep.</summary>
    public const int MaxTeams = 25;

    public static IReadOnlyList<CandidateTeam> Choose(
        IReadOnlyList<RsmProfile> invited, TerritoryMatch? territory, string? vertical, OrgSnapshot org, bool includeAlternatives)
    {
        var teams = new List<CandidateTeam>();
        if (invited.Count > 0)
        {
            teams.Add(new CandidateTeam(invited, RsmRole.Invited, IsAlternative: false));
            if (!includeAlternatives)
            {
                return teams;
            }
        }

        var seen = new HashSet<string>(invited.Select(r => r.Email), StringComparer.OrdinalIgnoreCase);
        var others = new List<(RsmProfile Rsm, RsmRole Role)>();
        void Add(RsmProfile? rsm, RsmRole role)
        {
            if (rsm is { Active: true } && seen.Add(rsm.Email))
            {
                others.Add((rsm, role));
            }
        }

        Add(territory?.Owner, RsmRole.Owner);
        Add(territory?.Specialist, RsmRole.Specialist);
        if (vertical is not null)
        {
            var place = territory?.Place;
            foreach (var rsm in org.Rsms.Where(r => r.Specialises(vertical))
                         .OrderBy(r => place is not null && r.HomeBase is { } home ? home.Point.DistanceKm(place.Point) : double.MaxValue)
                         .ThenBy(r => r.Email, StringComparer.OrdinalIgnoreCase))
            {
                Add(rsm, RsmRole.Specialist);
            }
        }
        if (territory?.Territory is { } owned)
        {
            foreach (var rsm in TerritoryResolver.For(org).MembersOf(owned, vertical))
            {
                Add(rsm, rsm.Specialises(vertical) ? RsmRole.Specialist : RsmRole.TerritoryMember);
            }
        }

        foreach (var (rsm, role) in others.OrderBy(o => o.Role).Take(MaxTeams - teams.Count))
        {
            teams.Add(new CandidateTeam([rsm], role, IsAlternative: teams.Count > 0));
        }
        return teams;
    }
}
