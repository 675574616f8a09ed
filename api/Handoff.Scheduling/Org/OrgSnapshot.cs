namespace Handoff.Scheduling.Org;

/// <summary>
/// The org's directory at one moment: RSMs, territories, field plans and which e-mail domains are internal.
/// Immutable, so a check reads it without locks; adapters rebuild it when the org changes.
/// </summary>
public sealed class OrgSnapshot
{
    private readonly Dictionary<string, RsmProfile> _rsms;
    private readonly HashSet<string> _internalDomains;

    public OrgSnapshot(
        IEnumerable<RsmProfile> rsms,
        IEnumerable<Territory>? territories = null,
        IEnumerable<FieldPlan>? fieldPlans = null,
        IEnumerable<string>? internalDomains = null)
    {
        _rsms = rsms.ToDictionary(r => r.Email, StringComparer.OrdinalIgnoreCase);
        Territories = territories?.ToArray() ?? [];
        FieldPlans = fieldPlans?.ToArray() ?? [];
        _internalDomains = new HashSet<string>(internalDomains ?? [], StringComparer.OrdinalIgnoreCase);
    }

    public static OrgSnapshot Empty { get; } = new([]);

    public IReadOnlyCollection<RsmProfile> Rsms => _rsms.Values;

    public IReadOnlyList<Territory> Territories { get; }

    public IReadOnlyList<FieldPlan> FieldPlans { get; }

    public IReadOnlyCollection<string> InternalDomains => _internalDomains;

    public RsmProfile? FindRsm(string email) => _rsms.GetValueOrDefault(email.Trim());

    /// <summary>True when the address belongs to the org (by configured domain or the organizer's domain).</summary>
    public bool IsInternal(string email, string? organizerEmail)
    {
        var domain = DomainOf(email);
        return domain is not null &&
               (_internalDomains.Contains(domain) ||
                (organizerEmail is not null && string.Equals(domain, DomainOf(organizerEmail), StringComparison.OrdinalIgnoreCase)));
    }

    public IEnumerable<FieldPlan> PlansFor(string rsmEmail, NodaTime.LocalDate date) =>
        FieldPlans.Where(p => string.Equals(p.RsmEmail, rsmEmail, StringComparison.OrdinalIgnoreCase) && p.Dates.Contains(date));

    private static string? DomainOf(string email)
    {
        var at = email.LastIndexOf('@');
        return at >= 0 && at < email.Length - 1 ? email[(at + 1)..].Trim() : null;
    }
}
