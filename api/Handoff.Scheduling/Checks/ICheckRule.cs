using NodaTime;

namespace Handoff.Scheduling.Checks;

/// <summary>
/// One family of checks. Rules are pure: they read the draft and the current instant and add warnings.
/// </summary>
public interface ICheckRule
{
    void Evaluate(MeetingDraft draft, Instant now, ICollection<Warning> warnings);
}
