using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verivius.Domain.History;

namespace Verivius.Infrastructure.Persistence.Configurations;

internal sealed class ChangeLogEntryConfiguration : IEntityTypeConfiguration<ChangeLogEntry>
{
    public const string TableName = "ChangeLog";

    public void Configure(EntityTypeBuilder<ChangeLogEntry> builder)
    {
        builder.ToTable(TableName);

        // The sequence is the key and is assigned by the chain, not the database: two writers that both
        // try to append entry N collide here instead of forking the chain.
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.Actor).HasMaxLength(EntityStamps.ActorLength);
        builder.Property(e => e.Entity).HasMaxLength(200);
        builder.Property(e => e.EntityKey).HasMaxLength(400);
        builder.Property(e => e.Operation).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(e => new { e.Entity, e.EntityKey });
    }
}
