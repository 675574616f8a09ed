namespace Handoff.Scheduling.Checks;

public enum Severity
{
    Info,
    Warning,
    Blocker,
}

public enum Verdict
{
    /// <summary>Nothing above info: the time is safe.</summary>
    Ok,
    /// <summary>Warnings the SDR should read before sending.</summary>
    Review,
    /// <summary>A blocker: this time does not work.</summary>
    Blocked,
}

public enum PartyKind
{
    Organizer,
    Prospect,
    Rsm,
}

/// <summary>Who a warning or a local time concerns.</summary>
public sealed record PartyRef(PartyKind Kind, string? Email = null)
{
    public static PartyRef Organizer { get; } = new(PartyKind.Organizer);
}

/// <summary>
/// One finding: a stable machine <see cref="Code"/> (see <see cref="WarningCodes"/>), how serious it is,
/// whom it concerns, and one sentence in the SDR's terms.
/// </summary>
public sealed record Warning(string Code, Severity Severity, PartyRef Party, string Message);
