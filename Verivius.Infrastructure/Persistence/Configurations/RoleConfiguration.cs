using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verivius.Domain.Access;

namespace Verivius.Infrastructure.Persistence.Configurations;

/// <summary>The four roles exist from the first migration on, with fixed keys, so every database agrees.</summary>
internal sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder) =>
        builder.HasData(Roles.All.Select(role => new IdentityRole(role)
        {
            Id = "role-" + role,
            NormalizedName = role.ToUpperInvariant(),
            ConcurrencyStamp = "role-" + role,
        }));
}
