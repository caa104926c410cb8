using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verivius.Domain.Providers;

namespace Verivius.Infrastructure.Persistence.Configurations;

internal sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> builder)
    {
        builder.ConfigureStamps();
        builder.Property(p => p.Name).HasMaxLength(Provider.MaxNameLength);
        builder.Property(p => p.DocumentApproverId).HasMaxLength(450);
        builder.Property(p => p.FrameworkVersion).HasMaxLength(40);

        // Operators name providers on the command line, so a name must find exactly one.
        builder.HasIndex(p => p.Name).IsUnique();
    }
}
