using Microsoft.EntityFrameworkCore;

namespace Handoff.Storage;

/// <summary>The baton's tables: leads, handoff records, the brief outbox and the org's handoff settings.</summary>
internal static class HandoffModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<LeadEntity>(e =>
        {
            e.ToTable("Leads");
            HandoffDbContext.Versioned(e);
            e.Property(l => l.Email).HasMaxLength(254);
            e.Property(l => l.EmailKey).HasMaxLength(254);
            e.HasIndex(l => l.EmailKey).IsUnique();
            HandoffDbContext.Json(e.Property(l => l.Data));
        });
        model.Entity<HandoffEntity>(e =>
        {
            e.ToTable("Handoffs");
            HandoffDbContext.Versioned(e);
            e.Property(h => h.Key).HasMaxLength(100);
            e.HasIndex(h => h.Key).IsUnique();
            e.Property(h => h.SdrKey).HasMaxLength(254);
            e.HasIndex(h => h.SdrKey);
            e.Property(h => h.RsmKeys).HasMaxLength(4000);
            e.Property(h => h.Territory).HasMaxLength(200);
            e.HasIndex(h => h.Start);
            e.Property(h => h.ContentHash).HasMaxLength(64);
            HandoffDbContext.Json(e.Property(h => h.Record));
        });
        model.Entity<BriefDeliveryEntity>(e =>
        {
            e.ToTable("BriefDeliveries");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).ValueGeneratedNever();
            // Exactly one delivery per handoff version, whatever races: the database refuses a second.
            e.HasIndex(d => new { d.HandoffId, d.HandoffVersion }).IsUnique();
            e.HasIndex(d => new { d.Status, d.NextAttemptAt });
            e.Property(d => d.HandoffKey).HasMaxLength(100);
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.To).HasMaxLength(4000);
            e.Property(d => d.SenderHint).HasMaxLength(254);
            e.Property(d => d.Subject).HasMaxLength(400);
            e.Property(d => d.LastError).HasMaxLength(2000);
            e.Property(d => d.Stamp).IsConcurrencyToken();
            e.HasOne<HandoffEntity>().WithMany().HasForeignKey(d => d.HandoffId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<HandoffSettingsEntity>(e =>
        {
            e.ToTable("HandoffSettings");
            HandoffDbContext.Versioned(e);
            e.Property(s => s.ProductMessaging).HasMaxLength(2000);
            HandoffDbContext.Json(e.Property(s => s.TalkingPoints));
            HandoffDbContext.Json(e.Property(s => s.Bar));
        });
    }
}
