using Handoff.Scheduling.Routing.Modes;
using NodaTime;

namespace Handoff.Storage;

/// <summary>
/// Every editable row carries <see cref="Version"/>: 1 on insert, +1 on every write, checked by EF on update
/// and delete (a provider-neutral concurrency token; PostgreSQL's xmin would not work on SQLite).
/// </summary>
public interface IVersioned
{
    Guid Id { get; }
    int Version { get; set; }
    Instant CreatedAt { get; set; }
    Instant UpdatedAt { get; set; }
}

public sealed class RsmEntity : IVersioned
{
    public Guid Id { get; set; }
    public string Email { get; set; } = "";
    /// <summary>Trimmed, lower-case <see cref="Email"/>: unique, so e-mails are unique ignoring case on every provider.</summary>
    public string EmailKey { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? TimeZone { get; set; }
    public PlaceData? HomeBase { get; set; }
    public WorkingHoursData? WorkingHours { get; set; }
    /// <summary>Lower-case tags as "|metals-recycling|mining|", so a filter is a plain substring match.</summary>
    public string Verticals { get; set; } = "";
    public TravelData? Travel { get; set; }
    public bool Active { get; set; } = true;
    public int Version { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant UpdatedAt { get; set; }

    /// <summary>The unique key of an e-mail: the core's <see cref="Handoff.Scheduling.Org.EmailAddress.Key"/>.</summary>
    public static string KeyOf(string email) => new Handoff.Scheduling.Org.EmailAddress(email).Key;
}

public sealed class TerritoryEntity : IVersioned
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Trimmed, lower-case <see cref="Name"/>: unique, and the key a CSV import matches rows on.</summary>
    public string NameKey { get; set; } = "";
    public RulesData Rules { get; set; } = RulesData.Empty;
    public List<TerritoryAssignmentEntity> Assignments { get; set; } = [];
    public string Verticals { get; set; } = "";
    public string? DefaultProspectTimeZone { get; set; }
    /// <summary>How the territory picks among its RSMs; <see cref="RoutingPeriod"/> and <see cref="CreditBack"/> matter in round robin and performance modes.</summary>
    public AssignmentMode RoutingMode { get; set; } = AssignmentMode.Priority;
    public RoutingPeriod RoutingPeriod { get; set; } = RoutingPeriod.Month;
    /// <summary>Canceled and no-show handoffs do not count toward an RSM's share.</summary>
    public bool CreditBack { get; set; } = true;
    public int Version { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant UpdatedAt { get; set; }

    public static string KeyOf(string name) => name.Trim().ToLowerInvariant();
}

/// <summary>An RSM covering a territory. A row, not JSON, so "territories of this RSM" is a query and an RSM in use cannot vanish.</summary>
public sealed class TerritoryAssignmentEntity
{
    public Guid TerritoryId { get; set; }
    public Guid RsmId { get; set; }
    public RsmEntity? Rsm { get; set; }
    public int Priority { get; set; }
    /// <summary>Round-robin weight: 2 takes twice the share of 1.</summary>
    public double Weight { get; set; } = 1;
    /// <summary>When the RSM joined the territory's pool: no round-robin share accrues before it (null: before modes existed).</summary>
    public Instant? AddedAt { get; set; }
}

public sealed class FieldPlanEntity : IVersioned
{
    public Guid Id { get; set; }
    public Guid RsmId { get; set; }
    public RsmEntity? Rsm { get; set; }
    public LocalDate From { get; set; }
    public LocalDate To { get; set; }
    public PlaceData Place { get; set; } = new("", 0, 0);
    public int Confidence { get; set; }
    public string? Note { get; set; }
    /// <summary>The RSM is off these days (vacation, leave): routing skips them.</summary>
    public bool Leave { get; set; }
    public int Version { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant UpdatedAt { get; set; }
}

/// <summary>Who changed what and when. <see cref="Changes"/> is JSON: the new value, the old one, or a field-by-field diff.</summary>
public sealed class AuditEntryEntity
{
    public long Id { get; set; }
    public Instant At { get; set; }
    public string Actor { get; set; } = "";
    public string? ActorId { get; set; }
    public string Resource { get; set; } = "";
    public string ResourceId { get; set; } = "";
    public string Action { get; set; } = "";
    public string Changes { get; set; } = "{}";
}
