using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Access;
using Verivius.Domain.Challenges;
using Verivius.Domain.Documents;
using Verivius.Domain.Evidence;
using Verivius.Domain.Oversight;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;

namespace Verivius.Tests.Web;

/// <summary>
/// Every controller action, found by reflection (so a new one is covered without touching this file),
/// asked for by every role about another provider's records: it answers 403 or 404 and shows none of
/// their data; and asked for anonymously, it sends the visitor to sign in. The API's actions answer 401
/// to anyone without a token (a signed-in browser too), and 404 to a token asking about a site not its own.
/// </summary>
public partial class AccessMatrixTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _factory;

    public AccessMatrixTests(PortalFactory factory) => _factory = factory;

    [Fact]
    public async Task AnonymousRequests_ToEveryActionButTheOpenOnes_AreSentToSignIn()
    {
        var foreign = await ForeignRecordsAsync(await TestWorlds.CreateAsync(_factory));
        using var anonymous = PortalSession.Anonymous(_factory);
        var actions = Actions().Where(a => !a.IsAnonymous).ToList();

        foreach (var action in actions)
        {
            using var response = await SendAsync(anonymous, action, foreign.Fill(action.Template), token: "");

            Assert.True(
                action.IsApi
                    ? response.StatusCode == HttpStatusCode.Unauthorized
                    : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/account/login", StringComparison.Ordinal),
                $"{action} answered an anonymous visitor with {(int)response.StatusCode} instead of {(action.IsApi ? "401" : "sending them to sign in")}.");
        }

        Assert.True(actions.Count >= 25, $"Only {actions.Count} actions were found; the reflection is not finding the controllers.");
    }

    [Fact]
    public async Task EveryRole_AskingForAnotherProvidersRecords_GetsForbiddenOrNotFound_AndNoneOfTheirData()
    {
        var ours = await TestWorlds.CreateAsync(_factory);
        var theirs = await TestWorlds.CreateAsync(_factory);
        var foreign = await ForeignRecordsAsync(theirs);
        var roles = new[] { ours.Admin, ours.NominatedIndividual, ours.RegisteredManager, ours.Commissioner };
        var withParameters = Actions().Where(a => a.HasParameters && !a.IsAnonymous).ToList();
        var lists = Actions().Where(a => !a.HasParameters && !a.IsAnonymous && a.Method == "GET").ToList();

        foreach (var email in roles)
        {
            using var session = await PortalSession.SignInAsync(_factory, email);
            var token = await session.TokenFromAsync("/account/change-password");
            foreach (var action in withParameters)
            {
                using var response = await SendAsync(session, action, foreign.Fill(action.Template), token);
                var body = await response.Content.ReadAsStringAsync();

                Assert.True(
                    action.IsApi ? response.StatusCode == HttpStatusCode.Unauthorized : response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound,
                    $"{email} got {(int)response.StatusCode} from {action} about another provider's record.");
                foreign.AssertAbsentFrom(body, $"{action} as {email}");
            }

            foreach (var action in lists)
            {
                using var response = await SendAsync(session, action, action.Template, token);
                foreign.AssertAbsentFrom(await response.Content.ReadAsStringAsync(), $"{action} as {email}");
            }
        }
    }

    [Fact]
    public async Task AnApiTokenWithEveryPermission_AskingAboutAnotherProvidersSite_OrASiteNotItsOwn_GetsNotFound_AndNoneOfTheirData()
    {
        var ours = await TestWorlds.CreateAsync(_factory, sites: 2);
        var foreign = await ForeignRecordsAsync(await TestWorlds.CreateAsync(_factory));
        var secret = await TestWorlds.IssueApiTokenAsync(_factory, ours, "Matrix probe", ApiPermissions.SendPacks | ApiPermissions.ReadRecovery, ours.SiteCodes[0]);
        using var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        var api = Actions().Where(a => a.IsApi).ToList();

        foreach (var action in api)
        {
            foreach (var path in new[] { foreign.Fill(action.Template), action.Template.Replace("{siteCode}", ours.SiteCodes[1], StringComparison.Ordinal) })
            {
                var site = path.Split('/')[4];
                using var request = new HttpRequestMessage(new HttpMethod(action.Method), new Uri(path, UriKind.Relative));
                if (action.Method == "POST")
                {
                    request.Content = new MultipartFormDataContent { { new ByteArrayContent(new PackWorkbook(site).Build()), "workbook", "pack.xlsx" } };
                }

                using var response = await client.SendAsync(request);

                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"The token got {(int)response.StatusCode} from {action} for {path}.");
                foreign.AssertAbsentFrom(await response.Content.ReadAsStringAsync(), $"{action} with a token");
            }
        }

        Assert.Equal(2, api.Count);
    }

    [Fact]
    public async Task WithinOneProvider_ManagersAndCommissioners_SeeOnlyTheirOwnSites()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 3);
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        using var commissioner = await PortalSession.SignInAsync(_factory, world.Commissioner);
        using var ni = await PortalSession.SignInAsync(_factory, world.NominatedIndividual);

        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/sites/{world.SiteCodes[0]}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/sites/{world.SiteCodes[1]}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await commissioner.GetAsync($"/sites/{world.SiteCodes[2]}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await commissioner.GetAsync($"/sites/{world.SiteCodes[0]}")).Status);
        Assert.All(world.SiteCodes, code => Assert.Contains(code, ni.GetAsync("/sites").Result.Body, StringComparison.Ordinal));
    }

    private async Task<ForeignRecords> ForeignRecordsAsync(ProviderWorld world)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var userId = await db.Users.Where(u => u.Email == world.RegisteredManager).Select(u => u.Id).SingleAsync();
        var grantId = await db.SiteAssignments
            .Where(a => a.Kind == SiteAssignmentKind.Commissions && db.Users.Any(u => u.Id == a.UserId && u.Email == world.Commissioner))
            .Select(a => a.Id).SingleAsync();

        // A challenge, an oversight meeting and a site pack of theirs, for the routes that name one.
        var site = await db.Sites.SingleAsync(s => s.Code == world.SiteCodes[0]);
        var challenge = Challenge.RaiseManual(site.Id, new SubjectRef(RecordKind.Actions, "A-1"), ChallengeSeverity.High, $"A finding about {world.SiteName(0)}", "Answer it", new DateOnly(2026, 11, 1));
        var meeting = new OversightMeeting(site.ProviderId, new DateOnly(2026, 12, 1), "Their oversight meeting");
        var document = new GovernanceDocument(site.ProviderId, DocumentKind.SitePack, new DateOnly(2026, 10, 1), DocumentScope.Site(site.Id, site.Name), $"Site governance pack: {site.Name}", new DateOnly(2026, 10, 31), world.RegisteredManager);
        db.AddRange(challenge, meeting, document);
        await db.SaveChangesAsync();
        await TestWorlds.IssueApiTokenAsync(_factory, world, $"Their system {world.Tag}", ApiPermissions.SendPacks, world.SiteCodes[0]);
        var tokenId = await db.ApiTokens.Where(t => t.Name == $"Their system {world.Tag}").Select(t => t.Id).SingleAsync();
        return new ForeignRecords(world, userId, grantId, challenge.Id, meeting.Id, document.Id, tokenId);
    }

    private static async Task<HttpResponseMessage> SendAsync(PortalSession session, RoutedAction action, string path, string token)
    {
        if (action.Method == "GET")
        {
            return await session.Client.GetAsync(new Uri(path, UriKind.Relative));
        }

        // Plausible fields for every form, so a request gets past form validation to the access check.
        return await session.PostAsync(path, new Dictionary<string, string>
        {
            ["Name"] = "Probe",
            ["ServiceType"] = "CareHome",
            ["Code"] = "1-000000001",
            ["Email"] = "probe@test.example",
            ["Roles"] = Roles.RegisteredManager,
            ["commissionerEmail"] = "probe@test.example",
            ["siteCode"] = "1-000000001",
            ["answer"] = "Probe answer",
            ["note"] = "Probe note",
            ["Subject"] = "Actions:A-1",
            ["Finding"] = "Probe finding",
            ["Resolution"] = "Probe resolution",
            ["heldOn"] = "2026-12-01",
            ["__RequestVerificationToken"] = token,
        });
    }

    private List<RoutedAction> Actions() =>
        _factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<ControllerActionDescriptor>()
            .Select(a => new RoutedAction(
                "/" + a.AttributeRouteInfo!.Template!.TrimStart('/'),
                a.ActionConstraints?.OfType<HttpMethodActionConstraint>().SelectMany(c => c.HttpMethods).FirstOrDefault() ?? "GET",
                a.EndpointMetadata.OfType<IAllowAnonymous>().Any(),
                a.DisplayName ?? a.ActionName))
            .ToList();

    private sealed partial record RoutedAction(string Template, string Method, bool IsAnonymous, string Name)
    {
        public bool HasParameters => Parameter().IsMatch(Template);

        /// <summary>The care systems' API, which takes a token and never a browser's session.</summary>
        public bool IsApi => Template.StartsWith("/api/", StringComparison.Ordinal);

        public override string ToString() => $"{Method} {Template} ({Name})";

        [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
        public static partial Regex Parameter();
    }

    /// <summary>Another provider's records, and how to put them into any route of the portal.</summary>
    private sealed record ForeignRecords(ProviderWorld World, string UserId, Guid GrantId, Guid ChallengeId, Guid MeetingId, Guid DocumentId, Guid TokenId)
    {
        public string Fill(string template) => RoutedAction.Parameter().Replace(template, match => match.Groups[1].Value switch
        {
            "siteCode" => World.SiteCodes[0],
            "userId" => UserId,
            "grantId" => GrantId.ToString(),
            "tokenId" => TokenId.ToString(),
            "status" => "404",
            "period" => "2026-10",
            "number" => "1",
            "kind" => "incidents",
            "reference" => "INC-1",
            "challengeId" => ChallengeId.ToString(),
            "meetingId" => MeetingId.ToString(),
            "decision" => "accept",
            "id" => DocumentId.ToString(),
            var unknown => throw new InvalidOperationException(
                $"The route {template} has a parameter {{{unknown}}} that the access matrix does not know; add another provider's value for it here."),
        });

        public void AssertAbsentFrom(string body, string where)
        {
            foreach (var secret in World.SiteCodes.Select((_, i) => World.SiteName(i)).Append(World.ProviderName).Append(World.RegisteredManager))
            {
                Assert.False(body.Contains(secret, StringComparison.Ordinal), $"{where} showed \"{secret}\" of another provider.");
            }
        }
    }
}
