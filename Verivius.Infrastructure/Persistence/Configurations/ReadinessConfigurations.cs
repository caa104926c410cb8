using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verivius.Domain.Providers;
using Verivius.Domain.Readiness;

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
        builder.Property(f => f.Note).HasMaxLength(1000);
        builder.HasMany(f => f.Items).WithOne().HasForeignKey(i => i.FrameworkId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(f => f.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(f => f.Statements);
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
