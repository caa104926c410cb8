using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verivius.Domain.Mail;

namespace Verivius.Infrastructure.Persistence.Configurations;

internal sealed class OutboundMailConfiguration : IEntityTypeConfiguration<OutboundMail>
{
    public void Configure(EntityTypeBuilder<OutboundMail> builder)
    {
        builder.ToTable("Outbox");
        builder.ConfigureStamps();
        builder.HasOne<Verivius.Domain.Providers.Provider>().WithMany().HasForeignKey(m => m.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.Kind).HasMaxLength(50);
        builder.Property(m => m.Recipient).HasMaxLength(256);
        builder.Property(m => m.Subject).HasMaxLength(OutboundMail.MaxSubjectLength);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.LastError).HasMaxLength(OutboundMail.MaxErrorLength);
        builder.Property(m => m.OnceKey).HasMaxLength(200);
        builder.Property(m => m.UnsubscribeLink).HasMaxLength(1000);

        // The delivery job's question: what is waiting and due.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });

        // A reminder asked for twice (by two instances, or a rerun) is one message.
        builder.HasIndex(m => m.OnceKey).IsUnique().HasFilter("OnceKey IS NOT NULL");
    }
}

internal sealed class MailChoicesConfiguration : IEntityTypeConfiguration<MailChoices>
{
    public void Configure(EntityTypeBuilder<MailChoices> builder)
    {
        builder.ToTable("MailChoices");
        builder.ConfigureStamps();
        builder.HasOne<Identity.VeriviusUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.UserId).IsUnique();
        builder.Property(c => c.DeclinedKinds).HasMaxLength(500);
        builder.Ignore(c => c.Declined);
    }
}

internal sealed class MailScheduleConfiguration : IEntityTypeConfiguration<MailSchedule>
{
    public void Configure(EntityTypeBuilder<MailSchedule> builder)
    {
        builder.ToTable("MailSchedules");
        builder.ConfigureStamps();
        builder.HasOne<Verivius.Domain.Providers.Provider>().WithMany().HasForeignKey(s => s.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.ProviderId).IsUnique();
    }
}
