using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Domain.Frameworks;
using Verivius.Domain.Readiness;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.SiteRecords;

/// <summary>
/// The version of CQC's framework a provider works to (its own choice, else the current one), with the
/// record kinds that evidence each judged item for it (its own mapping, else the framework's default).
/// Readiness pages, the evidence mapping and the overconfidence rule all read it from here.
/// </summary>
public sealed record FrameworkInUse(AssessmentFramework Framework, IReadOnlyDictionary<string, IReadOnlySet<RecordKind>> KindsByCode)
{
    public bool ByLinesOfEnquiry => Framework.Judges == FrameworkItemKind.LineOfEnquiry;

    public IReadOnlyList<StatementEvidence> Statements => ByLinesOfEnquiry ? [] : [.. Framework.Judged.Select(s => new StatementEvidence(s.Code, s.Title, KindsByCode[s.Code]))];

    public IReadOnlyList<LineOfEnquiryEvidence> LinesOfEnquiry => ByLinesOfEnquiry ? [.. Framework.Judged.Select(l => new LineOfEnquiryEvidence(l, KindsByCode[l.Code]))] : [];

    /// <summary>The provider's framework, or none when no framework has been loaded at all.</summary>
    public static async Task<FrameworkInUse?> FindAsync(VeriviusDbContext db, Guid providerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var chosen = await db.Providers.Where(p => p.Id == providerId).Select(p => p.FrameworkVersion).SingleOrDefaultAsync(cancellationToken);
        var version = chosen ?? await db.Frameworks.Where(f => f.Status == FrameworkStatus.Current).Select(f => f.Version).SingleOrDefaultAsync(cancellationToken);
        return version is null ? null : await OfVersionAsync(db, providerId, version, cancellationToken);
    }

    /// <summary>A held version as the provider would evidence it, whether or not it uses that version; none when the version is not held.</summary>
    public static async Task<FrameworkInUse?> OfVersionAsync(VeriviusDbContext db, Guid providerId, string version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var framework = await db.Frameworks.AsNoTracking().Include(f => f.Items).SingleOrDefaultAsync(f => f.Version == version, cancellationToken);
        if (framework is null)
        {
            return null;
        }

        var own = await db.ReadinessMappings.AsNoTracking().Where(m => m.ProviderId == providerId).ToDictionaryAsync(m => m.StatementCode, m => m.RecordKinds, cancellationToken);
        return new FrameworkInUse(framework, framework.Judged.ToDictionary(i => i.Code, i => RecordKindList.Read(own.GetValueOrDefault(i.Code) ?? i.RecordKinds)));
    }

    /// <summary>The provider's framework; a page that needs one says plainly that none is loaded.</summary>
    public static async Task<FrameworkInUse> LoadAsync(VeriviusDbContext db, Guid providerId, CancellationToken cancellationToken) =>
        await FindAsync(db, providerId, cancellationToken)
            ?? throw new Common.NotFoundException("No assessment framework has been loaded yet; an operator loads one with the load-framework command.");
}
