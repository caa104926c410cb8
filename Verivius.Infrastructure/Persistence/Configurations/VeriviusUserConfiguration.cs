using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verivius.Domain.Providers;
using Verivius.Infrastructure.Identity;

namespace Verivius.Infrastructure.Persistence.Configurations;

internal sealed class VeriviusUserConfiguration : IEntityTypeConfiguration<VeriviusUser>
{
    public void Configure(EntityTypeBuilder<VeriviusUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(VeriviusUser.MaxNameLength);
        builder.Property(u => u.Organisation).HasMaxLength(VeriviusUser.MaxNameLength);
        builder.HasOne<Provider>().WithMany().HasForeignKey(u => u.ProviderId).OnDelete(DeleteBehavior.Restrict);
    }
}
