using System.Net;
using Verivius.Tests.Support;

namespace Verivius.Tests.Web;

public sealed class SessionLimitTests : IDisposable
{
    private readonly ClockedFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ASession_EndsAfterThirtyIdleMinutes()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        using var session = await PortalSession.SignInAsync(_factory, world.NominatedIndividual);

        _factory.Hands.Advance(TimeSpan.FromMinutes(29));
        var stillIn = (await session.GetAsync("/provider")).Status;
        _factory.Hands.Advance(TimeSpan.FromMinutes(31));
        var idledOut = (await session.GetAsync("/provider")).Status;

        Assert.Equal(HttpStatusCode.OK, stillIn);
        Assert.Equal(HttpStatusCode.Redirect, idledOut);
    }

    [Fact]
    public async Task ABusySession_StillEndsTwelveHoursAfterSignIn()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        using var session = await PortalSession.SignInAsync(_factory, world.NominatedIndividual);
        var elapsed = TimeSpan.Zero;

        // Active every 20 minutes, so the idle limit never bites, up to 11h40m.
        while (elapsed < TimeSpan.FromHours(11.5))
        {
            _factory.Hands.Advance(TimeSpan.FromMinutes(20));
            elapsed += TimeSpan.FromMinutes(20);
            Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/provider")).Status);
        }

        _factory.Hands.Advance(TimeSpan.FromMinutes(21));
        var afterTwelveHours = (await session.GetAsync("/provider")).Status;

        Assert.Equal(HttpStatusCode.Redirect, afterTwelveHours);
    }

    private sealed class ClockedFactory : PortalFactory
    {
        public ManualClock Hands { get; } = new();

        protected override TimeProvider Clock => Hands;
    }
}
