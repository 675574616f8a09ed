using Microsoft.EntityFrameworkCore;

namespace Handoff.Storage;

/// <summary>The field-intel tables: travel profiles and field reports (kept apart from the org model to ease merges).</summary>
internal static class FieldIntelModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<TravelProfileEntity>(e =>
        {
            e.ToTable("TravelProfiles");
            HandoffDbContext.Versioned(e);
            e.Property(p => p.Scope).HasMaxLength(20);
            e.Property(p => p.ScopeKey).HasMaxLength(100);
            e.HasIndex(p => new { p.Scope, p.ScopeKey }).IsUnique();
            e.Property(p => p.Note).HasMaxLength(1000);
            e.HasOne(p => p.Territory).WithMany().HasForeignKey(p => p.TerritoryId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<FieldReportEntity>(e =>
        {
            e.ToTable("FieldReports");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.HasIndex(r => new { r.RsmId, r.Departed });
            e.HasIndex(r => r.Departed);
            e.Property(r => r.Note).HasMaxLength(500);
            e.Property(r => r.ReportedBy).HasMaxLength(200);
            HandoffDbContext.Json(e.Property(r => r.From));
            HandoffDbContext.Json(e.Property(r => r.To));
            // A report means nothing without its RSM.
            e.HasOne(r => r.Rsm).WithMany().HasForeignKey(r => r.RsmId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
