using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Handoff.Scheduling.Routing.Modes;
using NodaTime;

namespace Handoff.Storage;

/// <summary>
/// The org store. One subclass per provider (<see cref="SqliteHandoffDbContext"/>, <see cref="PostgresHandoffDbContext"/>)
/// so each has its own migrations; the model is the same and lives here.
/// </summary>
public abstract partial class HandoffDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<RsmEntity> Rsms => Set<RsmEntity>();
    public DbSet<TerritoryEntity> Territories => Set<TerritoryEntity>();
    public DbSet<TerritoryAssignmentEntity> TerritoryAssignments => Set<TerritoryAssignmentEntity>();
    public DbSet<FieldPlanEntity> FieldPlans => Set<FieldPlanEntity>();
    public DbSet<AuditEntryEntity> AuditEntries => Set<AuditEntryEntity>();
    public DbSet<TravelProfileEntity> TravelProfiles => Set<TravelProfileEntity>();
    public DbSet<FieldReportEntity> FieldReports => Set<FieldReportEntity>();
    public DbSet<LeadEntity> Leads => Set<LeadEntity>();
    public DbSet<HandoffEntity> Handoffs => Set<HandoffEntity>();
    public DbSet<BriefDeliveryEntity> BriefDeliveries => Set<BriefDeliveryEntity>();
    public DbSet<HandoffSettingsEntity> HandoffSettings => Set<HandoffSettingsEntity>();
    public DbSet<HandoffOutcomeEntity> HandoffOutcomes => Set<HandoffOutcomeEntity>();
    public DbSet<DraftCheckLogEntity> DraftCheckLogs => Set<DraftCheckLogEntity>();
    public DbSet<HandoffTargetEntity> HandoffTargets => Set<HandoffTargetEntity>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Instants as UTC timestamps (timestamptz on PostgreSQL, ISO text on SQLite); dates as dates.
        builder.Properties<Instant>().HaveConversion<InstantConverter>();
        builder.Properties<LocalDate>().HaveConversion<LocalDateConverter>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<RsmEntity>(e =>
        {
            e.ToTable("Rsms");
            Versioned(e);
            e.Property(r => r.Email).HasMaxLength(254);
            e.Property(r => r.EmailKey).HasMaxLength(254);
            e.HasIndex(r => r.EmailKey).IsUnique();
            e.Property(r => r.DisplayName).HasMaxLength(200);
            e.Property(r => r.TimeZone).HasMaxLength(100);
            e.Property(r => r.Verticals).HasMaxLength(4000);
            Json(e.Property(r => r.HomeBase));
            Json(e.Property(r => r.WorkingHours));
            Json(e.Property(r => r.Travel));
        });
        model.Entity<TerritoryEntity>(e =>
        {
            e.ToTable("Territories");
            Versioned(e);
            e.Property(t => t.Name).HasMaxLength(200);
            e.Property(t => t.NameKey).HasMaxLength(200);
            e.HasIndex(t => t.NameKey).IsUnique();
            e.Property(t => t.Verticals).HasMaxLength(4000);
            e.Property(t => t.DefaultProspectTimeZone).HasMaxLength(100);
            // The column defaults fill rows written before modes existed; the sentinels are values no row has, so EF
            // always writes the real value (a sentinel equal to a real value would let the default overwrite it).
            e.Property(t => t.RoutingMode).HasConversion<string>().HasMaxLength(20)
                .HasDefaultValue(AssignmentMode.Priority).HasSentinel((AssignmentMode)(-1));
            e.Property(t => t.RoutingPeriod).HasConversion<string>().HasMaxLength(20)
                .HasDefaultValue(RoutingPeriod.Month).HasSentinel((RoutingPeriod)(-1));
            Json(e.Property(t => t.Rules));
            e.HasMany(t => t.Assignments).WithOne().HasForeignKey(a => a.TerritoryId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<TerritoryAssignmentEntity>(e =>
        {
            e.ToTable("TerritoryAssignments");
            e.HasKey(a => new { a.TerritoryId, a.RsmId });
            e.HasIndex(a => a.RsmId);
            // An RSM who covers a territory cannot be deleted until the territory lets go of them.
            e.HasOne(a => a.Rsm).WithMany().HasForeignKey(a => a.RsmId).OnDelete(DeleteBehavior.Restrict);
            // Assignments made before weights existed weigh 1 (sentinel: see RoutingMode above).
            e.Property(a => a.Weight).HasDefaultValue(1.0).HasSentinel(-1.0);
        });
        model.Entity<FieldPlanEntity>(e =>
        {
            e.ToTable("FieldPlans");
            Versioned(e);
            e.HasIndex(p => new { p.RsmId, p.From });
            e.HasIndex(p => p.To);
            e.Property(p => p.Note).HasMaxLength(1000);
            Json(e.Property(p => p.Place));
            // A field plan means nothing without its RSM.
            e.HasOne(p => p.Rsm).WithMany().HasForeignKey(p => p.RsmId).OnDelete(DeleteBehavior.Cascade);
        });
        FieldIntelModel.Configure(model);
        model.Entity<AuditEntryEntity>(e =>
        {
            e.ToTable("AuditEntries");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedOnAdd();
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.Resource, a.ResourceId });
            e.Property(a => a.Actor).HasMaxLength(200);
            e.Property(a => a.ActorId).HasMaxLength(200);
            e.Property(a => a.Resource).HasMaxLength(50);
            e.Property(a => a.ResourceId).HasMaxLength(100);
            e.Property(a => a.Action).HasMaxLength(50);
        });
        HandoffModel.Configure(model);
        OutcomeModel.Configure(model);
    }

    internal static void Versioned<T>(EntityTypeBuilder<T> e) where T : class, IVersioned
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Version).IsConcurrencyToken();
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    internal static void Json<T>(PropertyBuilder<T> property)
    {
        var converter = new ValueConverter<T, string>(
            v => JsonSerializer.Serialize(v, JsonOptions),
            s => JsonSerializer.Deserialize<T>(s, JsonOptions)!);
        var comparer = new ValueComparer<T>(
            (a, b) => JsonSerializer.Serialize(a, JsonOptions) == JsonSerializer.Serialize(b, JsonOptions),
            v => JsonSerializer.Serialize(v, JsonOptions).GetHashCode(StringComparison.Ordinal),
            v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, JsonOptions), JsonOptions)!);
        property.HasConversion(converter, comparer);
    }
}

internal sealed class InstantConverter() : ValueConverter<Instant, DateTime>(
    i => i.ToDateTimeUtc(),
    d => Instant.FromDateTimeUtc(DateTime.SpecifyKind(d, DateTimeKind.Utc)));

internal sealed class LocalDateConverter() : ValueConverter<LocalDate, DateOnly>(
    d => d.ToDateOnly(),
    d => LocalDate.FromDateOnly(d));

public sealed class SqliteHandoffDbContext(DbContextOptions<SqliteHandoffDbContext> options) : HandoffDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        // The handoff report reads a range of meeting starts and only these columns. Each row also carries its ~1.3 KB
        // JSON record, so on SQLite a range scan of the table reads every page of it (724 ms for 100,000 rows); an
        // index holding the report's columns is a covering index SQLite scans instead (~60 bytes a row). PostgreSQL
        // does not get it: its index entries are capped at ~2.7 KB, which a long RSM list could pass, and its scan is
        // already well under a second (docs/benchmarks.md, "The handoff report").
        model.Entity<HandoffEntity>().HasIndex(h => new
        {
            h.Start, h.End, h.SdrKey, h.RsmKeys, h.Territory, h.Vertical, h.CreatedAt, h.LeadInAt, h.SentAnyway, h.ProspectZone,
            h.Outcome, h.OutcomeStart, h.OutcomeEnd, h.OutcomeAmount, h.CheckedCodes,
        }, "IX_Handoffs_Report");
    }
}

public sealed class PostgresHandoffDbContext(DbContextOptions<PostgresHandoffDbContext> options) : HandoffDbContext(options);
