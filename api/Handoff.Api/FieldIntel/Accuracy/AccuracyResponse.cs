using Handoff.Api.Admin.FieldPlans;
using Handoff.Scheduling.Field;
using Handoff.Scheduling.Places;

namespace Handoff.Api.FieldIntel.Accuracy;

/// <param name="Rate">Share of judged plans that came true (0–1); null when none could be judged.</param>
/// <param name="NoEvidence">Plans with no located in-person item on any of their days: not judged.</param>
public sealed record TallyDto(int Judged, int CameTrue, int NoEvidence, double? Rate, double MeanStatedConfidence)
{
    public static TallyDto From(AccuracyTally t) =>
        new(t.Judged, t.CameTrue, t.NoEvidence, t.Rate is { } r ? Math.Round(r, 3) : null, Math.Round(t.MeanStatedConfidence, 1));
}

public sealed record RsmAccuracyDto(string Email, string Name, TallyDto Plans, int UnplannedTrips);

public sealed record PeriodDto(string From, string To, TallyDto Plans);

/// <param name="Stated">The confidence range, "61–80 %".</param>
public sealed record CalibrationDto(string Stated, int From, int To, TallyDto Plans);

/// <param name="Verdict">cameTrue, didNotHappen or noEvidence.</param>
public sealed record PlanOutcomeDto(Guid Id, string RsmEmail, string From, string To, string Place, int Confidence, string Verdict, int DaysThere, int DaysElsewhere, int DaysWithoutEvidence);

public sealed record UnplannedDto(string RsmEmail, string Date, string Place);

/// <param name="Summary">"Field plans came true 7 times out of 10 (70 %); stated confidence averaged 78 %."</param>
/// <param name="BrierScore">Mean squared gap between stated confidence and outcome: 0 is perfect, 0.25 is a coin toss at 50 %.</param>
public sealed record AccuracyResponse(
    string From, string To, string Summary, TallyDto Org, double? BrierScore, IReadOnlyList<RsmAccuracyDto> Rsms, IReadOnlyList<PeriodDto> OverTime,
    IReadOnlyList<CalibrationDto> Calibration, IReadOnlyList<PlanOutcomeDto> Plans, IReadOnlyList<UnplannedDto> UnplannedTrips,
    IReadOnlyList<UnavailableCalendar> UnavailableCalendars)
{
    public static AccuracyResponse Of(AccuracyReport r, IReadOnlyList<UnavailableCalendar> unavailable) => new(
        Dates.Format(r.Dates.Start), Dates.Format(r.Dates.End), Summarise(r.Org), TallyDto.From(r.Org),
        r.BrierScore is { } b ? Math.Round(b, 3) : null,
        r.Rsms.Select(x => new RsmAccuracyDto(x.RsmEmail, x.Name, TallyDto.From(x.Tally), x.UnplannedTrips)).ToArray(),
        r.OverTime.Select(p => new PeriodDto(Dates.Format(p.Start), Dates.Format(p.End), TallyDto.From(p.Tally))).ToArray(),
        r.Calibration.Select(c => new CalibrationDto($"{c.From}–{c.To} %", c.From, c.To, TallyDto.From(c.Tally))).ToArray(),
        r.Plans.Select(p => new PlanOutcomeDto(p.Plan.Id, p.Plan.RsmEmail, Dates.Format(p.Plan.Dates.Start), Dates.Format(p.Plan.Dates.End),
            PlaceNames.Short(p.Plan.Place), p.Plan.ConfidencePercent, Verdict(p.Verdict), p.DaysThere, p.DaysElsewhere, p.DaysWithoutEvidence)).ToArray(),
        r.Unplanned.Select(u => new UnplannedDto(u.RsmEmail, Dates.Format(u.Date), PlaceNames.Short(u.Place))).ToArray(),
        unavailable);

    private static string Summarise(AccuracyTally t) => t.Rate is not { } rate
        ? "No field plan in this range can be judged yet: none had a located in-person item on its days."
        : $"Field plans came true {t.CameTrue} times out of {t.Judged} ({Math.Round(rate * 100):0} %); stated confidence averaged {Math.Round(t.MeanStatedConfidence):0} %.";

    private static string Verdict(PlanVerdict v) => v switch
    {
        PlanVerdict.CameTrue => "cameTrue",
        PlanVerdict.DidNotHappen => "didNotHappen",
        _ => "noEvidence",
    };
}
