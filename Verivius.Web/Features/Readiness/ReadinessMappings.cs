using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Evidence;
using Verivius.Domain.Frameworks;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Readiness;

/// <summary>Which record kinds evidence each quality statement or key line of enquiry for the provider, beside the framework's default.</summary>
public sealed record GetReadinessMappingQuery : IQuery<ReadinessMappingVm>;

/// <summary>The provider admin's choice for every statement: the kinds ticked, by statement code.</summary>
public sealed record SaveReadinessMappingCommand(IReadOnlyDictionary<string, IReadOnlyList<string>> Kinds) : ICommand<Outcome>;

public sealed record ReadinessMappingVm(string FrameworkVersion, string ItemNoun, IReadOnlyList<MappingRowVm> Rows, IReadOnlyList<RecordKind> Kinds);

public sealed record MappingRowVm(string Code, string Title, IReadOnlySet<RecordKind> Chosen, IReadOnlySet<RecordKind> Default);

internal sealed class ReadinessMappingHandler : IQueryHandler<GetReadinessMappingQuery, ReadinessMappingVm>, ICommandHandler<SaveReadinessMappingCommand, Outcome>
{
    private static readonly RecordKind[] Evidencing = [.. Enum.GetValues<RecordKind>().Where(k => k is not (RecordKind.SelfAssessment or RecordKind.Recovery or RecordKind.Assurance))];

    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;

    public ReadinessMappingHandler(VeriviusDbContext db, SiteAccess access)
    {
        _db = db;
        _access = access;
    }

    public async ValueTask<ReadinessMappingVm> Handle(GetReadinessMappingQuery query, CancellationToken cancellationToken)
    {
        var providerId = await _access.AdministeredProviderAsync(cancellationToken);
        var inUse = await FrameworkInUse.LoadAsync(_db, providerId, cancellationToken);
        return new ReadinessMappingVm(
            inUse.Framework.Version,
            inUse.ByLinesOfEnquiry ? "key line of enquiry" : "quality statement",
            [.. inUse.Framework.Judged.Select(i => new MappingRowVm(i.Code, i.KeyQuestion is { } question ? $"{question}: {i.Title}" : i.Title, inUse.KindsByCode[i.Code], RecordKindList.Read(i.RecordKinds)))],
            Evidencing);
    }

    public async ValueTask<Outcome> Handle(SaveReadinessMappingCommand command, CancellationToken cancellationToken)
    {
        var providerId = await _access.AdministeredProviderAsync(cancellationToken);
        var framework = (await FrameworkInUse.LoadAsync(_db, providerId, cancellationToken)).Framework;
        var problems = new List<FieldProblem>();
        var chosen = new Dictionary<string, List<RecordKind>>();
        foreach (var item in framework.Judged)
        {
            var typed = command.Kinds.GetValueOrDefault(item.Code) ?? [];
            var kinds = typed.Select(k => Enum.TryParse<RecordKind>(k, out var kind) && Evidencing.Contains(kind) ? kind : (RecordKind?)null).ToList();

            // A line of enquiry that no record Verivius holds speaks to may stay unmapped; one the framework maps may not be emptied.
            if (kinds.Contains(null) || (kinds.Count == 0 && item.RecordKinds.Length > 0))
            {
                problems.Add(new FieldProblem(item.Code, $"{item.Title}: tick at least one kind of record that evidences it."));
                continue;
            }

            chosen[item.Code] = [.. kinds.OfType<RecordKind>()];
        }

        if (problems.Count > 0)
        {
            return Outcome.Refused(problems);
        }

        var saved = await _db.ReadinessMappings.Where(m => m.ProviderId == providerId).ToDictionaryAsync(m => m.StatementCode, cancellationToken);
        foreach (var (code, kinds) in chosen)
        {
            if (saved.TryGetValue(code, out var mapping))
            {
                mapping.Change(kinds);
            }
            else
            {
                _db.ReadinessMappings.Add(new ReadinessMapping(providerId, code, kinds));
            }
        }

        await _db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
