using System.Globalization;
using Handoff.Scheduling.Checks;
using Handoff.Scheduling.Org;
using Handoff.Scheduling.Places;
using NodaTime;

namespace Handoff.Scheduling.Travel;

/// <summary>
/// An RSM whose field plans for the meeting day all put them farther than <see cref="TravelOptions.FieldPlanRadiusKm"/>
/// from an in-person meeting: they plan to be elsewhere (a warning, with how sure the plan is).
/// </summary>
public sealed class FieldPlanRule(TravelOptions options) : ICheckRule
{
    public void Evaluate(MeetingDraft draft, Instant now, ICollection<Warning> warnings)
    {
        if (draft.Place is not { } place)
        {
            return;
        }
        foreach (var rsm in draft.Rsms)
        {
            var day = draft.Meeting.Start.InZone(rsm.Zone).Date;
            if (Elsewhere(draft.Org, rsm.Profile.Email, day, place, options) is not { } plan)
            {
                continue;
            }
            var km = plan.Place.Point.DistanceKm(place.Point);
            var note = plan.Note is { Length: > 0 } n ? $"{n}, " : "";
            warnings.Add(new Warning(WarningCodes.FieldPlanElsewhere, Severity.Warning, new PartyRef(PartyKind.Rsm, rsm.Profile.Email),
                $"{rsm.Name} plans to be in {PlaceNames.Short(plan.Place)} on {day.ToString("dddd, MMM d", CultureInfo.InvariantCulture)} ({note}{plan.ConfidencePercent} % likely), " +
                $"about {Math.Round(km):0} km from {PlaceNames.Short(place)}."));
        }
    }

    /// <summary>The most confident plan for the day when every plan that day is far from the place; null otherwise.</summary>
    public static FieldPlan? Elsewhere(OrgSnapshot org, string rsmEmail, LocalDate day, Place place, TravelOptions options)
    {
        FieldPlan? far = null;
        foreach (var plan in org.PlansFor(rsmEmail, day))
        {
            if (plan.Place.Point.DistanceKm(place.Point) <= options.FieldPlanRadiusKm)
            {
                return null;
            }
            if (far is null || plan.ConfidencePercent > far.ConfidencePercent)
            {
                far = plan;
            }
        }
        return far;
    }

    /// <summary>A plan for the day that puts the RSM near the place, if any.</summary>
    public static FieldPlan? Near(OrgSnapshot org, string rsmEmail, LocalDate day, Place place, TravelOptions options) =>
        org.PlansFor(rsmEmail, day)
            .Where(p => p.Place.Point.DistanceKm(place.Point) <= options.FieldPlanRadiusKm)
            .MaxBy(p => p.ConfidencePercent);
}
