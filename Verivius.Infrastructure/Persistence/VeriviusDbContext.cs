using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Domain.History;
using Verivius.Domain.Providers;
using Verivius.Domain.Sites;
using Verivius.Infrastructure.Identity;

namespace Verivius.Infrastructure.Persistence;

/// <summary>
/// The model of everything Verivius keeps. It is bound to a database provider by one of its two
/// subclasses, each of which owns a migration set generated from this same model.
/// </summary>
public abstract class VeriviusDbContext : IdentityDbContext<VeriviusUser>, IDataProtectionKeyContext
{
    protected VeriviusDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Provider> Providers => Set<Provider>();

    public DbSet<Site> Sites => Set<Site>();

    public DbSet<SiteAssignment> SiteAssignments => Set<SiteAssignment>();

    public DbSet<ChangeLogEntry> ChangeLog => Set<ChangeLogEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(VeriviusDbContext).Assembly);
    }
}
