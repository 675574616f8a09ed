namespace Handoff.Api.Infrastructure;

/// <summary>
/// Checks what a request refers to (an RSM by e-mail, a place by its text), which FluentValidation's shape rules
/// cannot see. <see cref="ValidationFilter{T}"/> runs these beside the shape rules, so one 400 lists every problem:
/// a malformed date and an unknown RSM e-mail in the same answer, not one after the other.
/// </summary>
public interface IReferenceRules<in T>
{
    /// <summary>Adds an error per unknown reference under its JSON path (after <paramref name="prefix"/>); skips values the shape rules refuse.</summary>
    Task CheckAsync(T request, string prefix, IDictionary<string, string[]> errors, CancellationToken ct);
}
