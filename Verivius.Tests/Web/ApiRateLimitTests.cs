using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Verivius.Domain.Access;
using Verivius.Tests.Support;

namespace Verivius.Tests.Web;

/// <summary>Each token has its own allowance of calls a minute; one care system's loop does not stop another's.</summary>
public class ApiRateLimitTests : IClassFixture<ApiRateLimitTests.StrictFactory>
{
    private readonly StrictFactory _factory;

    public ApiRateLimitTests(StrictFactory factory) => _factory = factory;

    [Fact]
    public async Task ATokenOverItsAllowance_Is429_WithRetryAfter_WhileAnotherTokenIsStillServed()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        var site = world.SiteCodes[0];
        using var busy = Client(await TestWorlds.IssueApiTokenAsync(_factory, world, "Busy system", ApiPermissions.ReadRecovery, site));
        using var quiet = Client(await TestWorlds.IssueApiTokenAsync(_factory, world, "Quiet system", ApiPermissions.ReadRecovery, site));
        var recovery = new Uri($"/api/v1/sites/{site}/recovery", UriKind.Relative);

        var answers = new List<HttpResponseMessage>();
        for (var call = 0; call < 8; call++)
        {
            answers.Add(await busy.GetAsync(recovery));
        }

        using var other = await quiet.GetAsync(recovery);

        var limited = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, $"Unexpected {a.StatusCode}."));
        Assert.True(answers.Count(a => a.StatusCode == HttpStatusCode.OK) <= 6, "At most two windows' worth of calls get through.");
        Assert.True(limited[0].Headers.RetryAfter?.Delta > TimeSpan.Zero, "A refused call says when to try again.");
        Assert.Equal("application/problem+json", limited[0].Content.Headers.ContentType?.MediaType);
        Assert.Contains("3 calls a minute", await limited[0].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        answers.ForEach(a => a.Dispose());
    }

    private HttpClient Client(string token)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public sealed class StrictFactory : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings =>
            new Dictionary<string, string?> { ["Security:ApiCallsPerMinute"] = "3" };
    }
}
