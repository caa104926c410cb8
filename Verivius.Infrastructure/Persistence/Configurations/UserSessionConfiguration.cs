using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verivius.Domain.Access;
using Verivius.Infrastructure.Identity;

namespace Verivius.Infrastructure.Persistence.Configurations;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("UserSessions");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Device).HasMaxLength(200);
        builder.Property(s => s.Address).HasMaxLength(64);
        builder.Property(s => s.EndedBecause).HasMaxLength(100);
        builder.Ignore(s => s.IsLive);
        builder.HasIndex(s => new { s.UserId, s.EndedAt });
        builder.HasOne<VeriviusUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
