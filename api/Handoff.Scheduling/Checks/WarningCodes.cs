namespace Handoff.Scheduling.Checks;

/// <summary>The stable machine codes of warnings. Never rename one: add-ins and reports key on them.</summary>
public static class WarningCodes
{
    public const string InThePast = "IN_THE_PAST";
    public const string NoRsmAttendee = "NO_RSM_ATTENDEE";
    public const string ProspectOutsideBusinessHours = "PROSPECT_OUTSIDE_BUSINESS_HOURS";
    public const string ProspectTimeZoneUnknown = "PROSPECT_TIME_ZONE_UNKNOWN";
    public const string ProspectTimeZoneAssumed = "PROSPECT_TIME_ZONE_ASSUMED";
    public const string ProspectPlaceAmbiguous = "PROSPECT_PLACE_AMBIGUOUS";
    public const string RsmOutsideWorkingHours = "RSM_OUTSIDE_WORKING_HOURS";
    public const string RsmBusy = "RSM_BUSY";
    public const string RsmOutOfOffice = "RSM_OUT_OF_OFFICE";
    public const string RsmTentative = "RSM_TENTATIVE";
    public const string RsmWorkingElsewhere = "RSM_WORKING_ELSEWHERE";
    public const string RsmCalendarUnavailable = "RSM_CALENDAR_UNAVAILABLE";
    public const string CalendarUnavailable = "CALENDAR_UNAVAILABLE";
    public const string DifferentDay = "DIFFERENT_DAY";
    public const string DstShift = "DST_SHIFT";
    public const string TravelTimeBefore = "TRAVEL_TIME_BEFORE";
    public const string TravelTimeAfter = "TRAVEL_TIME_AFTER";
    public const string LocationUnknown = "LOCATION_UNKNOWN";
    public const string FieldPlanElsewhere = "FIELD_PLAN_ELSEWHERE";
    public const string OutsideTerritory = "OUTSIDE_TERRITORY";
    public const string TerritoryPick = "TERRITORY_PICK";
    public const string VerticalSpecialist = "VERTICAL_SPECIALIST";
    public const string HandoffNotQualified = "HANDOFF_NOT_QUALIFIED";
    public const string CheckIncomplete = "CHECK_INCOMPLETE";
    public const string PublicHoliday = "PUBLIC_HOLIDAY";
}
