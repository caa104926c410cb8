using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verivius.Domain.Challenges;
using Verivius.Domain.Oversight;
using Verivius.Domain.Providers;
using Verivius.Domain.Sites;

namespace Verivius.Infrastructure.Persistence.Configurations;

internal sealed class ChallengeConfiguration : IEntityTypeConfiguration<Challenge>
{
    public void Configure(EntityTypeBuilder<Challenge> builder)
    {
        builder.ToTable("Challenges");
        builder.ConfigureStamps();
        builder.HasOne<Site>().WithMany().HasForeignKey(c => c.SiteId).OnDelete(DeleteBehavior.Restrict);

        // A rule's occurrence at a site is one challenge for ever: found again, it is updated or reopened.
        builder.HasIndex(c => new { c.SiteId, c.Code, c.Key }).IsUnique();
        // With the severity, so that the views count each site's open and high challenges from the index alone: read through
        // to the rows, the high ones cost a lookup per open challenge, which grows with what a provider has outstanding.
        builder.HasIndex(c => new { c.Status, c.SiteId, c.Severity });
        builder.Property(c => c.Code).HasMaxLength(40);
        builder.Property(c => c.Key).HasMaxLength(400);
        builder.Property(c => c.Finding).HasMaxLength(Challenge.MaxTextLength);
        builder.Property(c => c.Resolution).HasMaxLength(Challenge.MaxTextLength);
        builder.Property(c => c.ClosedReason).HasMaxLength(Challenge.MaxTextLength);
        builder.Property(c => c.EscalationReason).HasMaxLength(Challenge.MaxTextLength);
        builder.HasMany(c => c.History).WithOne().HasForeignKey(e => e.ChallengeId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.Records).WithOne().HasForeignKey(s => s.ChallengeId).OnDelete(DeleteBehavior.Cascade);

        // A challenge is read with the records it is about wherever it is read, so that describing it again replaces them.
        builder.Navigation(c => c.Records).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.Ignore(c => c.SubjectRefs);
        builder.Ignore(c => c.IsManual);
    }
}

internal sealed class ChallengeEventConfiguration : IEntityTypeConfiguration<ChallengeEvent>
{
    public void Configure(EntityTypeBuilder<ChallengeEvent> builder)
    {
        builder.ToTable("ChallengeEvents");
        builder.ConfigureStamps();

        // What changed in a pack's month is read from the month's events: a register's history only grows.
        builder.HasIndex(e => e.On);
        builder.Property(e => e.Text).HasMaxLength(Challenge.MaxTextLength);
        builder.Ignore(e => e.EvidenceRefs);
    }
}

internal sealed class ChallengeSubjectConfiguration : IEntityTypeConfiguration<ChallengeSubject>
{
    public void Configure(EntityTypeBuilder<ChallengeSubject> builder)
    {
        builder.ToTable("ChallengeSubjects");
        builder.ConfigureStamps();
        builder.Property(s => s.Ref).HasMaxLength(400);
        builder.Ignore(s => s.Subject);

        // "The challenges on this record": a site's record is its kind and its reference.
        builder.HasIndex(s => new { s.SiteId, s.Kind, s.Ref });
    }
}

internal sealed class ChallengeSettingsConfiguration : IEntityTypeConfiguration<ChallengeSettings>
{
    public void Configure(EntityTypeBuilder<ChallengeSettings> builder)
    {
        builder.ToTable("ChallengeSettings");
        builder.ConfigureStamps();
        builder.HasOne<Provider>().WithMany().HasForeignKey(s => s.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.ProviderId).IsUnique();
        builder.ComplexProperty(s => s.Thresholds);
    }
}

internal sealed class OversightMeetingConfiguration : IEntityTypeConfiguration<OversightMeeting>
{
    public void Configure(EntityTypeBuilder<OversightMeeting> builder)
    {
        builder.ToTable("OversightMeetings");
        builder.ConfigureStamps();
        builder.HasOne<Provider>().WithMany().HasForeignKey(m => m.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.ProviderId, m.HeldOn });
        builder.Property(m => m.Title).HasMaxLength(OversightMeeting.MaxTitleLength);
        builder.Property(m => m.Attendees).HasMaxLength(OversightMeeting.MaxRecordLength);
        builder.Property(m => m.Apologies).HasMaxLength(OversightMeeting.MaxRecordLength);
        builder.Property(m => m.ActionsAgreed).HasMaxLength(OversightMeeting.MaxRecordLength);
        builder.Property(m => m.OtherBusiness).HasMaxLength(OversightMeeting.MaxRecordLength);
    }
}

internal sealed class OversightMinuteConfiguration : IEntityTypeConfiguration<OversightMinute>
{
    public void Configure(EntityTypeBuilder<OversightMinute> builder)
    {
        builder.ToTable("OversightMinutes");
        builder.ConfigureStamps();
        builder.HasOne<Provider>().WithMany().HasForeignKey(m => m.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OversightMeeting>().WithMany().HasForeignKey(m => m.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Challenge>().WithMany().HasForeignKey(m => m.ChallengeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Site>().WithMany().HasForeignKey(m => m.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.ProviderId, m.MeetingId, m.DecidedOn });
        builder.Property(m => m.Decision).HasMaxLength(Challenge.MaxTextLength + 400);
    }
}
