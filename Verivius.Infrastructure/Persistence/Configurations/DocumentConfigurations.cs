using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verivius.Domain.Documents;
using Verivius.Domain.Providers;
using Verivius.Domain.Sites;

namespace Verivius.Infrastructure.Persistence.Configurations;

internal sealed class GovernanceDocumentConfiguration : IEntityTypeConfiguration<GovernanceDocument>
{
    public void Configure(EntityTypeBuilder<GovernanceDocument> builder)
    {
        builder.ToTable("GovernanceDocuments");
        builder.ConfigureStamps();
        builder.HasOne<Provider>().WithMany().HasForeignKey(d => d.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Site>().WithMany().HasForeignKey(d => d.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Verivius.Domain.Oversight.OversightMeeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Restrict);

        // The schedule's guarantee: one document per (provider, kind, month, scope), whichever instance
        // or restart gets there first. Documents asked for by a person have no slot and may repeat.
        builder.HasIndex(d => d.ScheduleSlot).IsUnique().HasFilter("ScheduleSlot IS NOT NULL");
        builder.HasIndex(d => new { d.ProviderId, d.Kind, d.Period });

        // Two people asking again for the same month at once cannot both write revision 2.
        builder.HasIndex(d => new { d.Series, d.Revision }).IsUnique();
        builder.Property(d => d.Series).HasMaxLength(200);
        builder.Property(d => d.Commentary).HasMaxLength(GovernanceDocument.MaxCommentaryLength);
        builder.Property(d => d.ReviewedBy).HasMaxLength(EntityStamps.ActorLength);
        builder.Property(d => d.WithdrawnReason).HasMaxLength(GovernanceDocument.MaxReasonLength);
        builder.Property(d => d.DraftStoredName).HasMaxLength(32);
        builder.Property(d => d.ContentStoredName).HasMaxLength(32);
        builder.Property(d => d.PdfStoredName).HasMaxLength(32);
        builder.Ignore(d => d.WantsPdf);
        builder.HasIndex(d => d.CommissionerId);
        builder.Property(d => d.ScheduleSlot).HasMaxLength(200);
        builder.Property(d => d.CommissionerId).HasMaxLength(450);
        builder.Property(d => d.ScopeName).HasMaxLength(GovernanceDocument.MaxScopeLength);
        builder.Property(d => d.Title).HasMaxLength(400);
        builder.Property(d => d.RequestedBy).HasMaxLength(EntityStamps.ActorLength);
        builder.Property(d => d.Stage).HasMaxLength(200);
        builder.Property(d => d.FailureReason).HasMaxLength(1000);
        builder.Property(d => d.StoredName).HasMaxLength(32);
        builder.Property(d => d.FileName).HasMaxLength(255);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Ignore(d => d.IsScheduled);
    }
}

internal sealed class DocumentScheduleConfiguration : IEntityTypeConfiguration<DocumentSchedule>
{
    public void Configure(EntityTypeBuilder<DocumentSchedule> builder)
    {
        builder.ToTable("DocumentSchedules");
        builder.ConfigureStamps();
        builder.HasOne<Provider>().WithMany().HasForeignKey(s => s.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ProviderId, s.Kind }).IsUnique();
        builder.Property(s => s.Cron).HasMaxLength(DocumentSchedule.MaxCronLength);
    }
}
