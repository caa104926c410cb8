using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verivius.Domain.Frameworks;
using Verivius.Domain.Providers;

namespace Verivius.Infrastructure.Persistence.Configurations;

internal sealed class AssessmentFrameworkConfiguration : IEntityTypeConfiguration<AssessmentFramework>
{
    public void Configure(EntityTypeBuilder<AssessmentFramework> builder)
    {
        builder.ToTable("AssessmentFrameworks");
        builder.ConfigureStamps();
        builder.HasIndex(f => f.Version).IsUnique();
        builder.Property(f => f.Version).HasMaxLength(40);
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.Property(f => f.KeyQuestion).HasMaxLength(60);
        builder.Property(f => f.Note).HasMaxLength(2000);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasMany(f => f.Items).WithOne().HasForeignKey(i => i.FrameworkId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(f => f.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(f => f.Judged);
        builder.Ignore(f => f.Judges);
        builder.Ignore(f => f.KeyQuestions);
        builder.Ignore(f => f.IsCurrent);
    }
}

internal sealed class FrameworkItemConfiguration : IEntityTypeConfiguration<FrameworkItem>
{
    public void Configure(EntityTypeBuilder<FrameworkItem> builder)
    {
        builder.ToTable("FrameworkItems");
        builder.ConfigureStamps();
        builder.HasIndex(i => new { i.FrameworkId, i.Kind, i.Code }).IsUnique();
        builder.Property(i => i.Code).HasMaxLength(40);
        builder.Property(i => i.Title).HasMaxLength(400);
        builder.Property(i => i.Description).HasMaxLength(2000);
        builder.Property(i => i.RecordKinds).HasMaxLength(400);
        builder.Property(i => i.KeyQuestion).HasMaxLength(60);
        builder.Property(i => i.ScopeTopics).HasMaxLength(2000);
        builder.Property(i => i.Outstanding).HasMaxLength(2000);
        builder.Property(i => i.Good).HasMaxLength(2000);
        builder.Property(i => i.RequiresImprovement).HasMaxLength(2000);
        builder.Property(i => i.Inadequate).HasMaxLength(2000);
        builder.Property(i => i.ChallengeCodes).HasMaxLength(600);
        builder.Ignore(i => i.Topics);
        builder.Ignore(i => i.Characteristics);
        builder.Ignore(i => i.BearingCodes);
    }
}

internal sealed class FrameworkCrosswalkLinkConfiguration : IEntityTypeConfiguration<FrameworkCrosswalkLink>
{
    public void Configure(EntityTypeBuilder<FrameworkCrosswalkLink> builder)
    {
        builder.ToTable("FrameworkCrosswalk");
        builder.ConfigureStamps();
        builder.HasIndex(l => new { l.FromVersion, l.ToVersion, l.FromCode }).IsUnique();
        builder.Property(l => l.FromVersion).HasMaxLength(40);
        builder.Property(l => l.ToVersion).HasMaxLength(40);
        builder.Property(l => l.FromCode).HasMaxLength(40);
        builder.Property(l => l.ToCode).HasMaxLength(40);
        builder.Property(l => l.Note).HasMaxLength(1000);
    }
}

internal sealed class ReadinessMappingConfiguration : IEntityTypeConfiguration<ReadinessMapping>
{
    public void Configure(EntityTypeBuilder<ReadinessMapping> builder)
    {
        builder.ToTable("ReadinessMappings");
        builder.ConfigureStamps();
        builder.HasOne<Provider>().WithMany().HasForeignKey(m => m.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.ProviderId, m.StatementCode }).IsUnique();
        builder.Property(m => m.StatementCode).HasMaxLength(40);
        builder.Property(m => m.RecordKinds).HasMaxLength(400);
    }
}
