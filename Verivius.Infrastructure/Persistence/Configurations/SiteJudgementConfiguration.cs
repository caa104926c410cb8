using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verivius.Domain.Challenges;
using Verivius.Domain.Sites;

namespace Verivius.Infrastructure.Persistence.Configurations;

internal sealed class SiteJudgementConfiguration : IEntityTypeConfiguration<SiteJudgement>
{
    public void Configure(EntityTypeBuilder<SiteJudgement> builder)
    {
        builder.ToTable("SiteJudgements");
        builder.HasKey(j => j.SiteId);
        builder.Property(j => j.ProviderContext).HasMaxLength(64);
        builder.HasOne<Site>().WithMany().HasForeignKey(j => j.SiteId).OnDelete(DeleteBehavior.Cascade);
    }
}
