using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Evidence;
using Verivius.Domain.Packs;
using Verivius.Infrastructure.History;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Features.Admin.Providers;
using Verivius.Web.Features.Admin.Sites;

namespace Verivius.Web.Features.Scale;

/// <summary>
/// Creates a provider with many sites and months of realistic records of every kind, with a realistic
/// share of the gaps the challenge rules look for, for scale tests and benchmarks. The same seed gives
/// the same records. Records are written in bulk (one transaction per site, no change log: see
/// <see cref="UnloggedContext"/>); the provider and sites go through the portal's own commands.
/// </summary>
public sealed record SeedScaleCommand(int Sites, int Months, int Seed, IProgress<string>? Progress = null) : ICommand<Outcome<ScaleSummary>>;

public sealed record ScaleSummary(string ProviderName, int Sites, int Months, long Records, TimeSpan Took);

internal sealed class SeedScaleHandler : ICommandHandler<SeedScaleCommand, Outcome<ScaleSummary>>
{
    private readonly IMediator _mediator;
    private readonly VeriviusDbContext _db;
    private readonly DatabaseConnection _database;
    private readonly TimeProvider _clock;

    public SeedScaleHandler(IMediator mediator, VeriviusDbContext db, DatabaseConnection database, TimeProvider clock)
    {
        _mediator = mediator;
        _db = db;
        _database = database;
        _clock = clock;
    }

    public async ValueTask<Outcome<ScaleSummary>> Handle(SeedScaleCommand command, CancellationToken cancellationToken)
    {
        if (command.Sites is < 1 or > 2000 || command.Months is < 1 or > 120 || command.Seed is < 0 or > 999)
        {
            return Outcome<ScaleSummary>.Refused("", "Choose 1 to 2,000 sites, 1 to 120 months and a seed from 0 to 999.");
        }

        var started = _clock.GetTimestamp();
        var providerName = $"Scale provider {command.Seed}";
        var created = await _mediator.Send(new CreateProviderCommand(providerName), cancellationToken);
        if (!created.Succeeded)
        {
            return Outcome<ScaleSummary>.Refused("", $"{providerName} exists already; choose another --seed or use a fresh database.");
        }

        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var firstMonth = lastMonth.AddMonths(1 - command.Months);

        // Each site reports from the first month generated for it, as it would had it sent every pack.
        var codes = Enumerable.Range(1, command.Sites).Select(i => string.Create(CultureInfo.InvariantCulture, $"1-9{command.Seed:000}{i:00000}")).ToList();
        var csv = "SiteCode,Name,ServiceType,ReportingFrom\n"
            + string.Join("\n", codes.Select((code, i) => string.Create(CultureInfo.InvariantCulture, $"{code},Scale site {i + 1:000},{(i % 10 == 9 ? "HomeCare" : "CareHome")},{firstMonth:yyyy-MM}")));
        var imported = await _mediator.Send(new ImportSitesCommand(csv, providerName), cancellationToken);
        if (!imported.Succeeded)
        {
            return Outcome<ScaleSummary>.Refused(imported.Problems);
        }

        var siteIds = await _db.Sites.Where(s => codes.Contains(s.Code)).OrderBy(s => s.Code).Select(s => s.Id).ToListAsync(cancellationToken);
        var now = _clock.GetUtcNow();
        long records = 0;
        for (var i = 0; i < siteIds.Count; i++)
        {
            await using var bulk = UnloggedContext.Create(_database);
            var site = new ScaleSite(siteIds[i], new Random((command.Seed * 100_003) + i), firstMonth, command.Months, today);
            var written = site.Generate();
            foreach (var entity in written)
            {
                entity.StampCreated("scale generator", now);
            }

            bulk.AddRange(written);
            bulk.ChangeTracker.DetectChanges();
            await using (var transaction = await bulk.Database.BeginTransactionAsync(cancellationToken))
            {
                await bulk.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            // Written past the change log, so pages that cache by the data generation are told here.
            DataGeneration.Advance();
            records += written.Count;
            if ((i + 1) % 25 == 0 || i + 1 == siteIds.Count)
            {
                command.Progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{i + 1} of {siteIds.Count} sites, {records:N0} records"));
            }
        }

        return Outcome<ScaleSummary>.Of(new ScaleSummary(providerName, siteIds.Count, command.Months, records, _clock.GetElapsedTime(started)));
    }
}
