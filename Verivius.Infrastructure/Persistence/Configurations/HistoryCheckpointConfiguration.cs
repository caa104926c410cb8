using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verivius.Domain.History;

namespace Verivius.Infrastructure.Persistence.Configurations;

internal sealed class HistoryCheckpointConfiguration : IEntityTypeConfiguration<HistoryCheckpoint>
{
    public void Configure(EntityTypeBuilder<HistoryCheckpoint> builder)
    {
        builder.ToTable("HistoryCheckpoints");
        builder.HasKey(c => c.Sequence);
        builder.Property(c => c.Sequence).ValueGeneratedNever();
        builder.Property(c => c.EntryHash).HasMaxLength(64).IsRequired();
        builder.Property(c => c.Signature).HasMaxLength(64).IsRequired();
        builder.Ignore(c => c.Reference);
    }
}
