using Microsoft.EntityFrameworkCore;

namespace Handoff.Storage;

/// <summary>The outcome tables (outcomes, the draft check log, targets), kept apart from the baton's to ease merges.</summary>
internal static class OutcomeModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<HandoffEntity>(e =>
        {
            // The report reads these columns of every handoff in a period instead of the whole JSON record.
            e.Property(h => h.Vertical).HasMaxLength(100);
            e.Property(h => h.SentAnyway).HasMaxLength(1000);
            e.Property(h => h.ProspectZone).HasMaxLength(100);
            // Copies of the outcome and the check log (HandoffReportColumns): the report is one range scan of this table.
            e.Property(h => h.Outcome).HasConversion<string>().HasMaxLength(30);
            e.Property(h => h.OutcomeAmount).HasPrecision(18, 2);
            e.Property(h => h.CheckedCodes).HasMaxLength(1000);
        });
        model.Entity<HandoffOutcomeEntity>(e =>
        {
            e.ToTable("HandoffOutcomes");
            HandoffDbContext.Versioned(e);
            e.HasIndex(o => o.HandoffId).IsUnique();
            e.Property(o => o.HandoffKey).HasMaxLength(100);
            e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(o => o.CanceledBy).HasMaxLength(20);
            e.Property(o => o.Amount).HasPrecision(18, 2);
            e.Property(o => o.Currency).HasMaxLength(3);
            e.Property(o => o.Note).HasMaxLength(1000);
            e.Property(o => o.RecordedBy).HasMaxLength(254);
            e.Property(o => o.Source).HasMaxLength(20);
            e.HasOne<HandoffEntity>().WithOne().HasForeignKey<HandoffOutcomeEntity>(o => o.HandoffId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<DraftCheckLogEntity>(e =>
        {
            e.ToTable("DraftCheckLogs");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.Property(c => c.HandoffKey).HasMaxLength(100);
            e.HasIndex(c => c.HandoffKey).IsUnique();
            e.Property(c => c.SdrKey).HasMaxLength(254);
            e.Property(c => c.FirstVerdict).HasMaxLength(20);
            e.Property(c => c.LastVerdict).HasMaxLength(20);
            e.Property(c => c.FirstCodes).HasMaxLength(1000);
            e.Property(c => c.LastCodes).HasMaxLength(1000);
            e.Property(c => c.SeenCodes).HasMaxLength(1000);
        });
        model.Entity<HandoffTargetEntity>(e =>
        {
            e.ToTable("HandoffTargets");
            HandoffDbContext.Versioned(e);
            e.Property(t => t.Scope).HasConversion<string>().HasMaxLength(20);
            e.Property(t => t.Subject).HasMaxLength(254);
            e.Property(t => t.SubjectKey).HasMaxLength(254);
            e.Property(t => t.Members).HasMaxLength(4000);
            e.HasIndex(t => new { t.Month, t.Scope, t.SubjectKey }).IsUnique();
        });
    }
}
