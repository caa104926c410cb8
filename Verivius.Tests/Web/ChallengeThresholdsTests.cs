using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Challenges;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;

namespace Verivius.Tests.Web;

/// <summary>The provider admin's thresholds page: every setting beside its default, checked, logged, and used by the next run.</summary>
public class ChallengeThresholdsTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _factory;

    public ChallengeThresholdsTests(PortalFactory factory) => _factory = factory;

    [Fact]
    public async Task TheAdmin_SeesEverySettingWithItsDefault_ABadValueIsRefusedByName_AndAGoodOneIsLoggedAndUsed()
    {
        var (world, site) = await TestWorlds.WithImportedPackAsync(_factory);
        using var admin = await PortalSession.SignInAsync(_factory, world.Admin);
        using var ni = await PortalSession.SignInAsync(_factory, world.NominatedIndividual);
        var values = ChallengeThresholds.Settings.ToDictionary(s => s.Name, s => s.Default.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var (_, page) = await admin.GetAsync("/admin/thresholds");
        using var refused = await admin.SubmitAsync("/admin/thresholds", "/admin/thresholds", new(values) { ["MeetingGapDays"] = "two months", ["PackMissingDays"] = "400" });
        using var saved = await admin.SubmitAsync("/admin/thresholds", "/admin/thresholds", new(values) { ["SystemicRiskSites"] = "2", ["ActionOverdueDays"] = "300", ["ActionOverdueHighDays"] = "400" });
        var (niStatus, _) = await ni.GetAsync("/admin/thresholds");
        using var rerun = await ni.SubmitAsync($"/sites/{site}/challenges", $"/sites/{site}/challenges/run", []);
        var (_, register) = await ni.GetAsync($"/sites/{site}/challenges?code=ACT-OVERDUE&status=all");
        var (_, rules) = await ni.GetAsync("/challenges/rules");

        Assert.Equal(ChallengeThresholds.Settings.Count, CountOf(page, "class=\"input-group-text\""));
        Assert.Contains("Most days between governance meetings", page, StringComparison.Ordinal);
        Assert.Contains("<td>62 days</td>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problems = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Most days between governance meetings: enter a whole number of days (the default is 62).", problems, StringComparison.Ordinal);
        Assert.Contains("Days after a month&#x27;s end before its pack is missing must be between 0 and 90 days.", problems, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, niStatus);
        Assert.Contains("Closed", register, StringComparison.Ordinal);
        Assert.Contains("1 closed as condition cleared", register, StringComparison.Ordinal);
        Assert.Contains("Days past due before an action is challenged: 300 days (the default is 14)", rules, StringComparison.Ordinal);
        Assert.Contains("Most days between governance meetings: 62 days</li>", rules, StringComparison.Ordinal);

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var providerId = await db.Providers.Where(p => p.Name == world.ProviderName).Select(p => p.Id).SingleAsync();
        var stored = await db.ChallengeSettings.SingleAsync(s => s.ProviderId == providerId);
        Assert.Equal((2, 300, 62), (stored.Thresholds.SystemicRiskSites, stored.Thresholds.ActionOverdueDays, stored.Thresholds.MeetingGapDays));
        var logged = await db.ChangeLog.Where(e => e.Entity == nameof(ChallengeSettings) && e.EntityKey.Contains(stored.Id.ToString())).SingleAsync();
        Assert.Contains("\"SystemicRiskSites\":2", logged.After, StringComparison.Ordinal);
        Assert.Equal(world.Admin, logged.Actor);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
