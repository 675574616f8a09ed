namespace Handoff.Scheduling.Org;

/// <summary>
/// The org's directory at one moment: RSMs, territories, field plans and which e-mail domains are internal.
/// Immutable, so a check reads it without locks; adapters rebuild it when the org changes.
/// </summary>
public sealed class OrgSnapshot
{
    private readonly Dictionary<EmailAddress, RsmProfile> _rsms;
    private readonly HashSet<string> _internalDomains;
    private readonly ILookup<EmailAddress, FieldPlan> _plans;

    public OrgSnapshot(
        IEnumerable<RsmProfile> rsms,
        IEnumerable<Territory>? territories = null,
        IEnumerable<FieldPlan>? fieldPlans = null,
        IEnumerable<string>? internalDomains = null)
    {
        _rsms = rsms.ToDictionary(r => r.Address);
        Territories = territories?.ToArray() ?? [];
        FieldPlans = fieldPlans?.ToArray() ?? [];
        _plans = FieldPlans.ToLookup(p => new EmailAddress(p.RsmEmail));
        _internalDomains = new HashSet<string>(internalDomains ?? [], StringComparer.OrdinalIgnoreCase);
    }

    public static OrgSnapshot Empty { get; } = new([]);

    public IReadOnlyCollection<RsmProfile> Rsms => _rsms.Values;

    public IReadOnlyList<Territory> Territories { get; }

    public IReadOnlyList<FieldPlan> FieldPlans { get; }

    public IReadOnlyCollection<string> InternalDomains => _internalDomains;

    public RsmProfile? FindRsm(string email) => FindRsm(new EmailAddress(email));

    public RsmProfile? FindRsm(EmailAddress email) => _rsms.GetValueOrDefault(email);

    /// <summary>True when the address belongs to the org (by configured domain or the organizer's domain).</summary>
    public bool IsInternal(string email, string? organizerEmail) =>
        IsInternal(new EmailAddress(email), organizerEmail is null ? null : new EmailAddress(organizerEmail));

    public bool IsInternal(EmailAddress email, EmailAddress? organizer) =>
        email.Domain is { } domain && (_internalDomains.Contains(domain) || domain == organizer?.Domain);

    /// <summary>The RSM's field plans (indexed once per snapshot).</summary>
    public IEnumerable<FieldPlan> PlansOf(EmailAddress rsm) => _plans[rsm];

    public IEnumerable<FieldPlan> PlansFor(string rsmEmail, NodaTime.LocalDate date) => PlansOf(new EmailAddress(rsmEmail)).Where(p => p.Dates.Contains(date));
}
