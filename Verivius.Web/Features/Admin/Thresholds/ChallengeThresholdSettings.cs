using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Challenges;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Admin.Thresholds;

/// <summary>The provider's challenge thresholds as the settings page shows them, each beside its default.</summary>
public sealed record GetThresholdsQuery : IQuery<ThresholdsVm>;

/// <summary>New values for the provider's thresholds, as typed, by setting name.</summary>
public sealed record SaveThresholdsCommand(IReadOnlyDictionary<string, string?> Values) : ICommand<Outcome>;

public sealed record ThresholdsVm(IReadOnlyList<ThresholdRowVm> Rows);

public sealed record ThresholdRowVm(ThresholdSetting Setting, string Value);

internal sealed class ThresholdSettingsHandler : IQueryHandler<GetThresholdsQuery, ThresholdsVm>, ICommandHandler<SaveThresholdsCommand, Outcome>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;

    public ThresholdSettingsHandler(VeriviusDbContext db, SiteAccess access)
    {
        _db = db;
        _access = access;
    }


    public async ValueTask<ThresholdsVm> Handle(GetThresholdsQuery query, CancellationToken cancellationToken)
    {
        var providerId = await _access.AdministeredProviderAsync(cancellationToken);
        var settings = await _db.ChallengeSettings.AsNoTracking().FirstOrDefaultAsync(s => s.ProviderId == providerId, cancellationToken);
        return ThresholdForm.Of(settings?.Thresholds ?? ChallengeThresholds.Defaults);
    }

    public async ValueTask<Outcome> Handle(SaveThresholdsCommand command, CancellationToken cancellationToken)
    {
        var providerId = await _access.AdministeredProviderAsync(cancellationToken);
        var problems = new List<FieldProblem>();
        var thresholds = ChallengeThresholds.Defaults;
        foreach (var setting in ChallengeThresholds.Settings)
        {
            var typed = command.Values.TryGetValue(setting.Name, out var value) ? value?.Trim() : null;
            if (!int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                problems.Add(new FieldProblem(setting.Name, $"{setting.Label}: enter a whole number of {setting.Unit} (the default is {setting.Default})."));
                continue;
            }

            thresholds = setting.Write(thresholds, number);
        }

        // Every problem at once: a value out of range is reported beside one that is not a number.
        problems.AddRange(thresholds.Problems().Where(p => problems.TrueForAll(known => known.Field != p.Setting)).Select(p => new FieldProblem(p.Setting, p.Problem)));

        if (problems.Count > 0)
        {
            return Outcome.Refused(problems);
        }

        var settings = await _db.ChallengeSettings.FirstOrDefaultAsync(s => s.ProviderId == providerId, cancellationToken)
            ?? _db.ChallengeSettings.Add(new ChallengeSettings(providerId)).Entity;
        settings.Change(thresholds);
        await _db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}

/// <summary>The thresholds form: each setting beside its default, with what was typed kept when a save is refused.</summary>
public static class ThresholdForm
{
    public static ThresholdsVm Of(ChallengeThresholds thresholds, IReadOnlyDictionary<string, string?>? typed = null) =>
        new([.. ChallengeThresholds.Settings.Select(s => new ThresholdRowVm(
            s, typed is not null && typed.TryGetValue(s.Name, out var value) ? value ?? "" : s.Read(thresholds).ToString(CultureInfo.InvariantCulture)))]);
}
