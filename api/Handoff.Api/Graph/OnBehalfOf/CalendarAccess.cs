using Handoff.Graph;

namespace Handoff.Api.Graph.OnBehalfOf;

/// <summary>What the SDR's pane should offer when Graph could not be read on their behalf.</summary>
public enum CalendarAccessState
{
    /// <summary>"Sign in again": the session expired, or MFA / Conditional Access wants the SDR.</summary>
    SignInAgain,
    /// <summary>"Your admin must consent": nobody granted Handoff the Graph permission.</summary>
    AdminConsent,
    /// <summary>Neither: Entra could not be reached or refused the app itself (the admin reads the log).</summary>
    Unavailable,
}

/// <param name="Claims">Entra's claims challenge (Conditional Access) to pass to the next interactive sign-in.</param>
public sealed record CalendarAccessDto(CalendarAccessState State, string Message, string? Claims);

/// <summary>Per request: the first delegated-access problem met while reading calendars, for the check's answer.</summary>
public sealed class CalendarAccess
{
    public CalendarAccessDto? Problem { get; private set; }

    public void Report(DelegatedAccessException e) => Problem ??= e.Problem switch
    {
        DelegatedAccessProblem.SignInAgain => new(CalendarAccessState.SignInAgain, "Sign in to Handoff again so it can read the RSMs' calendars for you.", e.Claims),
        DelegatedAccessProblem.AdminConsent => new(CalendarAccessState.AdminConsent, "Your Microsoft 365 admin must consent to Handoff reading calendars (Calendars.ReadBasic) before it can check them.", null),
        _ => new(CalendarAccessState.Unavailable, "Handoff could not get access to Microsoft 365 for you; your Handoff admin can see why in the API's log.", null),
    };
}
