using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Frameworks;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Readiness;

/// <summary>The versions of CQC's framework held, and which one the provider's readiness pages, challenges and documents use.</summary>
public sealed record GetFrameworkChoiceQuery : IQuery<FrameworkChoiceVm>;

/// <summary>The provider admin's choice: a held version, or none to follow whichever is current.</summary>
public sealed record ChooseFrameworkCommand(string? Version) : ICommand<Outcome>;

public sealed record FrameworkChoiceVm(string? Chosen, string InUse, IReadOnlyList<FrameworkVersionVm> Versions);

public sealed record FrameworkVersionVm(string Version, string Name, FrameworkStatus Status, string Judges, int Items, int KeyQuestions, string? Note, string? CrosswalkFrom);

internal sealed class FrameworkChoiceHandler : IQueryHandler<GetFrameworkChoiceQuery, FrameworkChoiceVm>, ICommandHandler<ChooseFrameworkCommand, Outcome>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;

    public FrameworkChoiceHandler(VeriviusDbContext db, SiteAccess access)
    {
        _db = db;
        _access = access;
    }

    public async ValueTask<FrameworkChoiceVm> Handle(GetFrameworkChoiceQuery query, CancellationToken cancellationToken)
    {
        var providerId = await _access.AdministeredProviderAsync(cancellationToken);
        var chosen = await _db.Providers.Where(p => p.Id == providerId).Select(p => p.FrameworkVersion).SingleAsync(cancellationToken);
        var inUse = await FrameworkInUse.LoadAsync(_db, providerId, cancellationToken);
        var frameworks = await _db.Frameworks.AsNoTracking().Include(f => f.Items).ToListAsync(cancellationToken);
        var crosswalks = await _db.FrameworkCrosswalk.AsNoTracking().Select(l => new { l.FromVersion, l.ToVersion }).Distinct().ToListAsync(cancellationToken);
        return new FrameworkChoiceVm(
            chosen,
            inUse.Framework.Version,
            [.. frameworks.OrderBy(f => f.Status).ThenByDescending(f => f.Version, StringComparer.Ordinal).Select(f => new FrameworkVersionVm(
                f.Version, f.Name, f.Status, f.Judges == FrameworkItemKind.LineOfEnquiry ? "key lines of enquiry" : "quality statements",
                f.Judged.Count(), f.KeyQuestions.Count, f.Note, crosswalks.FirstOrDefault(c => c.ToVersion == f.Version)?.FromVersion))]);
    }

    public async ValueTask<Outcome> Handle(ChooseFrameworkCommand command, CancellationToken cancellationToken)
    {
        var providerId = await _access.AdministeredProviderAsync(cancellationToken);
        var version = string.IsNullOrWhiteSpace(command.Version) ? null : command.Version.Trim();
        if (version is not null)
        {
            var status = await _db.Frameworks.Where(f => f.Version == version).Select(f => (FrameworkStatus?)f.Status).SingleOrDefaultAsync(cancellationToken);
            if (status is null or FrameworkStatus.Retired)
            {
                return Outcome.Refused("Version", status is null
                    ? $"There is no framework version {version}; choose one of those listed."
                    : $"Version {version} is retired; choose the current version or a draft.");
            }
        }

        var provider = await _db.Providers.SingleAsync(p => p.Id == providerId, cancellationToken);
        provider.UseFramework(version);
        await _db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
