using FluentValidation;
using Handoff.Api.Admin.Common;
using Handoff.Api.Infrastructure;
using Handoff.Api.Meetings;
using Handoff.Scheduling.Org;
using Handoff.Storage;
using NodaTime;

namespace Handoff.Api.Admin.Rsms;

/// <summary>An RSM as an admin creates or replaces them (PUT replaces every field: omitted optional fields are cleared).</summary>
/// <param name="Email">The RSM's mailbox, their identity in Microsoft Graph; unique ignoring case.</param>
/// <param name="TimeZone">Overrides the zone the calendar reports (IANA or Windows id).</param>
/// <param name="HomeBase">Where the RSM starts their trips: an address or ZIP, coordinates, or both.</param>
/// <param name="WorkingHours">Overrides the calendar's working hours, per weekday; an omitted day is not a working day.</param>
/// <param name="Verticals">Industry tags the RSM specialises in, e.g. "metals-recycling".</param>
/// <param name="Travel">How the RSM travels; omitted values take the defaults (70 km/h, 10 min buffers, 4 h longest drive).</param>
/// <param name="Active">Inactive RSMs are kept but no longer recognised on invites. Default true.</param>
public sealed record RsmRequest(
    string? Email,
    string? DisplayName,
    string? TimeZone = null,
    PlaceDto? HomeBase = null,
    WorkingHoursDto? WorkingHours = null,
    IReadOnlyList<string>? Verticals = null,
    TravelDto? Travel = null,
    bool? Active = null) : IParsedRequest<ParsedRsm>
{
    /// <summary>Reads the zones (the RSM's, the home base's) and the working hours once; the rest is checked as given.</summary>
    public ParsedRsm Parse(FieldReader read) => new(
        Email, DisplayName, read.Zone("timeZone", TimeZone, required: false), HomeBase?.Parse(read.Under("homeBase")),
        WorkingHours?.Parse(read.Under("workingHours")), Verticals, Travel, Active);
}

/// <summary>An <see cref="RsmRequest"/> with its zones and hours read (null: absent, or could not be read and already reported).</summary>
public sealed record ParsedRsm(
    string? Email, string? DisplayName, DateTimeZone? TimeZone, ParsedPlace? HomeBase, ParsedWorkingHours? WorkingHours,
    IReadOnlyList<string>? Verticals, TravelDto? Travel, bool? Active);

/// <param name="Start">Local time "HH:mm", e.g. "08:30".</param>
/// <param name="End">Local time "HH:mm" after the start; "24:00" for the end of the day.</param>
public sealed record DayHoursDto(string? Start, string? End);

public sealed record WorkingHoursDto(
    DayHoursDto? Monday = null,
    DayHoursDto? Tuesday = null,
    DayHoursDto? Wednesday = null,
    DayHoursDto? Thursday = null,
    DayHoursDto? Friday = null,
    DayHoursDto? Saturday = null,
    DayHoursDto? Sunday = null) : IParsedRequest<ParsedWorkingHours>
{
    public static WorkingHoursDto From(WorkingHoursData d) =>
        new(Dto(d.Monday), Dto(d.Tuesday), Dto(d.Wednesday), Dto(d.Thursday), Dto(d.Friday), Dto(d.Saturday), Dto(d.Sunday));

    /// <summary>
    /// Reads each given day's times once, under "monday.start" and so on. The days are read here rather than by
    /// <see cref="DayHoursDto"/> itself so its schema stays as it was (a day's times are required only when the day is given).
    /// </summary>
    public ParsedWorkingHours Parse(FieldReader read) => new(
        Day(read, "monday", Monday), Day(read, "tuesday", Tuesday), Day(read, "wednesday", Wednesday), Day(read, "thursday", Thursday),
        Day(read, "friday", Friday), Day(read, "saturday", Saturday), Day(read, "sunday", Sunday));

    private static ParsedDayHours? Day(FieldReader read, string name, DayHoursDto? day)
    {
        if (day is null)
        {
            return null;
        }
        var at = read.Under(name);
        return new ParsedDayHours(
            at.ClockTime("start", day.Start, endOfDay: false, text => $"'{text}' is not a time such as 08:30."),
            at.ClockTime("end", day.End, endOfDay: true, text => $"'{text}' is not a time such as 17:00 (or 24:00 for the end of the day)."));
    }

    private static DayHoursDto? Dto(DayHoursData? d) => d is null ? null : new DayHoursDto(d.Start, d.End);
}

/// <summary>A <see cref="WorkingHoursDto"/> with its times read; a day left out is not a working day.</summary>
public sealed record ParsedWorkingHours(
    ParsedDayHours? Monday, ParsedDayHours? Tuesday, ParsedDayHours? Wednesday, ParsedDayHours? Thursday,
    ParsedDayHours? Friday, ParsedDayHours? Saturday, ParsedDayHours? Sunday)
{
    public IEnumerable<ParsedDayHours?> Days() => [Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday];

    /// <summary>What is stored ("08:30", "24:00"): only for hours that passed validation.</summary>
    public WorkingHoursData ToData() => new(Day(Monday), Day(Tuesday), Day(Wednesday), Day(Thursday), Day(Friday), Day(Saturday), Day(Sunday));

    // Formatted from the parsed times ("8:30" would be "08:30"), so equal hours compare equal in the audit diff.
    private static DayHoursData? Day(ParsedDayHours? d) => d is null ? null
        : new DayHoursData(OrgMapping.FormatTime(d.Start!.Value, false), OrgMapping.FormatTime(d.End!.Value, true));
}

/// <summary>A day's hours read; <see cref="End"/> is midnight for "24:00" (the end of the day).</summary>
public sealed record ParsedDayHours(LocalTime? Start, LocalTime? End);

/// <param name="AverageSpeedKmh">Door-to-door driving speed, 5–200 km/h.</param>
/// <param name="BufferBeforeMinutes">Minutes kept free before an in-person meeting, 0–240.</param>
/// <param name="BufferAfterMinutes">Minutes kept free after an in-person meeting, 0–240.</param>
/// <param name="LongestDriveMinutes">The longest drive the RSM accepts before flying instead, 1–1440.</param>
public sealed record TravelDto(double? AverageSpeedKmh = null, int? BufferBeforeMinutes = null, int? BufferAfterMinutes = null, int? LongestDriveMinutes = null)
{
    public const double MinSpeedKmh = 5;
    public const double MaxSpeedKmh = 200;

    public TravelData ToData()
    {
        var d = TravelProfile.Default.ToData();
        return new TravelData(AverageSpeedKmh ?? d.AverageSpeedKmh, BufferBeforeMinutes ?? d.BufferBeforeMinutes,
            BufferAfterMinutes ?? d.BufferAfterMinutes, LongestDriveMinutes ?? d.LongestDriveMinutes);
    }

    public static TravelDto From(TravelData t) => new(t.AverageSpeedKmh, t.BufferBeforeMinutes, t.BufferAfterMinutes, t.LongestDriveMinutes);
}

public sealed class ParsedRsmValidator : AbstractValidator<ParsedRsm>
{
    public ParsedRsmValidator()
    {
        RuleFor(r => r.Email).MustBeEmail();
        RuleFor(r => r.DisplayName).NotEmpty().WithMessage("'displayName' is required.").MaximumLength(200).MustBeCleanText();
        RuleFor(r => r.HomeBase!).SetValidator(new ParsedPlaceValidator()).When(r => r.HomeBase is not null);
        RuleFor(r => r.WorkingHours).Must(w => w is null || w.Days().Any(d => d is not null))
            .WithMessage("Give at least one working day (e.g. \"monday\": { \"start\": \"08:00\", \"end\": \"17:00\" }), or leave out 'workingHours' to use the calendar's.");
        RuleFor(r => r.WorkingHours!).SetValidator(new ParsedWorkingHoursValidator()).When(r => r.WorkingHours is not null);
        this.TagList(r => r.Verticals);
        RuleFor(r => r.Travel!).SetValidator(new TravelDtoValidator()).When(r => r.Travel is not null);
    }
}

public sealed class ParsedWorkingHoursValidator : AbstractValidator<ParsedWorkingHours>
{
    public ParsedWorkingHoursValidator()
    {
        var day = new ParsedDayHoursValidator();
        RuleFor(w => w.Monday!).SetValidator(day).When(w => w.Monday is not null);
        RuleFor(w => w.Tuesday!).SetValidator(day).When(w => w.Tuesday is not null);
        RuleFor(w => w.Wednesday!).SetValidator(day).When(w => w.Wednesday is not null);
        RuleFor(w => w.Thursday!).SetValidator(day).When(w => w.Thursday is not null);
        RuleFor(w => w.Friday!).SetValidator(day).When(w => w.Friday is not null);
        RuleFor(w => w.Saturday!).SetValidator(day).When(w => w.Saturday is not null);
        RuleFor(w => w.Sunday!).SetValidator(day).When(w => w.Sunday is not null);
    }
}

/// <summary>The times are read (<see cref="WorkingHoursDto.Parse"/>); what is left is their order.</summary>
public sealed class ParsedDayHoursValidator : AbstractValidator<ParsedDayHours>
{
    public ParsedDayHoursValidator()
    {
        RuleFor(d => d.End)
            .Must((d, end) => end == LocalTime.Midnight || end > d.Start)
            .WithMessage(d => $"The day must end after it starts ({OrgMapping.FormatTime(d.Start!.Value, false)}).")
            .When(d => d.Start is not null && d.End is not null);
    }
}

public sealed class TravelDtoValidator : AbstractValidator<TravelDto>
{
    public TravelDtoValidator()
    {
        // Below walking-in-traffic speed a drive time becomes years (1e-10 km/h overflows every duration).
        RuleFor(t => t.AverageSpeedKmh)
            .InclusiveBetween(TravelDto.MinSpeedKmh, TravelDto.MaxSpeedKmh)
            .WithMessage($"'averageSpeedKmh' must be between {TravelDto.MinSpeedKmh} and {TravelDto.MaxSpeedKmh} km/h.")
            .When(t => t.AverageSpeedKmh is not null);
        RuleFor(t => t.BufferBeforeMinutes).InclusiveBetween(0, 240).WithMessage("'bufferBeforeMinutes' must be 0–240 minutes.");
        RuleFor(t => t.BufferAfterMinutes).InclusiveBetween(0, 240).WithMessage("'bufferAfterMinutes' must be 0–240 minutes.");
        RuleFor(t => t.LongestDriveMinutes).InclusiveBetween(1, 1440).WithMessage("'longestDriveMinutes' must be 1–1440 minutes.");
    }
}
