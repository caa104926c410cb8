using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verivius.Domain.Common;

namespace Verivius.Infrastructure.Persistence.Configurations;

internal static class EntityStamps
{
    public const int ActorLength = 256;

    /// <summary>The key and the who-and-when columns every entity shares.</summary>
    public static void ConfigureStamps<T>(this EntityTypeBuilder<T> builder)
        where T : Entity
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.CreatedBy).HasMaxLength(ActorLength);
        builder.Property(e => e.UpdatedBy).HasMaxLength(ActorLength);
    }
}
