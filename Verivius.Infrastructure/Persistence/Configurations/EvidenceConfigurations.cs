using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verivius.Domain.Evidence;
using Verivius.Domain.Sites;

namespace Verivius.Infrastructure.Persistence.Configurations;

// The evidence records are mapped alike: a table per kind, the workbook's fields as a complex type
// (columns Details_*), and the relations the import resolves. Kept together so the set reads as one.
internal sealed class ImprovementActionConfiguration : IEntityTypeConfiguration<ImprovementAction>
{
    public void Configure(EntityTypeBuilder<ImprovementAction> builder)
    {
        builder.ConfigureSiteRecord("Actions");
        builder.ComplexProperty(a => a.Details);
        builder.HasIndex(a => new { a.SiteId, a.SourceKind, a.SourceRecordId });
    }
}

internal sealed class GovernanceMeetingConfiguration : IEntityTypeConfiguration<GovernanceMeeting>
{
    public void Configure(EntityTypeBuilder<GovernanceMeeting> builder)
    {
        builder.ConfigureSiteRecord("Meetings");
        builder.ComplexProperty(m => m.Details);
        builder.HasOne<EvidenceAttachment>().WithMany().HasForeignKey(m => m.MinutesAttachmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingDecisionConfiguration : IEntityTypeConfiguration<MeetingDecision>
{
    public void Configure(EntityTypeBuilder<MeetingDecision> builder)
    {
        builder.ConfigureSiteRecord("Decisions");
        builder.ComplexProperty(d => d.Details);

        // The challenge engine reads a site's decisions of the recent year, besides the older ones still unresolved, by this.
        builder.HasIndex(d => new { d.SiteId, d.MadeOn });
        builder.HasOne<GovernanceMeeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.LinksToAction(d => d.ActionId);
    }
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ConfigureSiteRecord("Incidents");
        builder.ComplexProperty(i => i.Details);
        builder.LinksToAction(i => i.ActionId);
    }
}

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.ConfigureSiteRecord("Complaints");
        builder.ComplexProperty(c => c.Details);
        builder.LinksToAction(c => c.ActionId);
    }
}

internal sealed class AuditConfiguration : IEntityTypeConfiguration<Audit>
{
    public void Configure(EntityTypeBuilder<Audit> builder)
    {
        builder.ConfigureSiteRecord("Audits");
        builder.ComplexProperty(a => a.Details);
        builder.HasMany(a => a.Themes).WithOne().HasForeignKey(t => t.AuditId).OnDelete(DeleteBehavior.Cascade);
        // An audit is read with its themes wherever it is read: its result is the themes.
        builder.Navigation(a => a.Themes).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
    }
}

internal sealed class AuditThemeConfiguration : IEntityTypeConfiguration<AuditTheme>
{
    public void Configure(EntityTypeBuilder<AuditTheme> builder)
    {
        builder.ToTable("AuditThemes");
        builder.ConfigureStamps();
        builder.ComplexProperty(t => t.Details);
    }
}

internal sealed class StaffingWeekConfiguration : IEntityTypeConfiguration<StaffingWeek>
{
    public void Configure(EntityTypeBuilder<StaffingWeek> builder)
    {
        builder.ConfigureSiteRecord("Staffing");
        builder.ComplexProperty(s => s.Details);
    }
}

internal sealed class TrainingRecordConfiguration : IEntityTypeConfiguration<TrainingRecord>
{
    public void Configure(EntityTypeBuilder<TrainingRecord> builder)
    {
        builder.ToTable("Training");
        builder.ConfigureStamps();
        builder.ComplexProperty(t => t.Details);
        builder.HasIndex(t => new { t.SiteId, t.Period });
        builder.HasOne<Site>().WithMany().HasForeignKey(t => t.SiteId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SupervisionRecordConfiguration : IEntityTypeConfiguration<SupervisionRecord>
{
    public void Configure(EntityTypeBuilder<SupervisionRecord> builder)
    {
        builder.ToTable("Supervision");
        builder.ConfigureStamps();
        builder.ComplexProperty(s => s.Details);
        builder.HasIndex(s => new { s.SiteId, s.Period });
        builder.HasOne<Site>().WithMany().HasForeignKey(s => s.SiteId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FeedbackItemConfiguration : IEntityTypeConfiguration<FeedbackItem>
{
    public void Configure(EntityTypeBuilder<FeedbackItem> builder)
    {
        builder.ConfigureSiteRecord("Feedback");
        builder.ComplexProperty(f => f.Details);
    }
}

internal sealed class InspectionFindingConfiguration : IEntityTypeConfiguration<InspectionFinding>
{
    public void Configure(EntityTypeBuilder<InspectionFinding> builder)
    {
        builder.ConfigureSiteRecord("InspectionFindings");
        builder.ComplexProperty(f => f.Details);
        builder.LinksToAction(f => f.ActionId);
    }
}

internal sealed class AssuranceStatementConfiguration : IEntityTypeConfiguration<AssuranceStatement>
{
    public void Configure(EntityTypeBuilder<AssuranceStatement> builder)
    {
        builder.ConfigureSiteRecord("AssuranceStatements");
        builder.ComplexProperty(a => a.Details);
    }
}

internal sealed class RecoveryRiskConfiguration : IEntityTypeConfiguration<RecoveryRisk>
{
    public void Configure(EntityTypeBuilder<RecoveryRisk> builder)
    {
        builder.ConfigureSiteRecord("RecoveryRisks");
        builder.ComplexProperty(r => r.Details);
        builder.LinksToAction(r => r.CurrentActionId);
    }
}

internal sealed class SelfAssessmentConfiguration : IEntityTypeConfiguration<SelfAssessment>
{
    public void Configure(EntityTypeBuilder<SelfAssessment> builder)
    {
        builder.ConfigureSiteRecord("SelfAssessments");
        builder.ComplexProperty(s => s.Details);
    }
}

internal sealed class EvidenceAttachmentConfiguration : IEntityTypeConfiguration<EvidenceAttachment>
{
    public void Configure(EntityTypeBuilder<EvidenceAttachment> builder)
    {
        builder.ConfigureSiteRecord("Attachments");
        builder.ComplexProperty(a => a.File);
    }
}

internal sealed class EvidenceLinkConfiguration : IEntityTypeConfiguration<EvidenceLink>
{
    public void Configure(EntityTypeBuilder<EvidenceLink> builder)
    {
        builder.ToTable("EvidenceLinks");
        builder.ConfigureStamps();
        builder.Property(l => l.WrittenAs).HasMaxLength(300);
        builder.HasIndex(l => new { l.OwnerKind, l.OwnerId });
        builder.HasIndex(l => new { l.EvidenceKind, l.EvidenceId });
        builder.HasOne<Site>().WithMany().HasForeignKey(l => l.SiteId).OnDelete(DeleteBehavior.Restrict);
    }
}
