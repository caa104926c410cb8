using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Verivius.Tests.E2E;

public static class Arrival
{
    /// <summary>
    /// Waits until the page is at an address matching <paramref name="address"/> and its document has loaded.
    /// Not Playwright's <c>WaitForURLAsync</c>: in 1.64 its <c>Frame.WaitForLoadStateAsync</c> checks the frame's
    /// load states and then subscribes to their changes without a lock, while the connection's thread adds them,
    /// so a load landing between the two is missed and the wait runs out although the page is there.
    /// </summary>
    public static async Task ArrivedAtAsync(this IPage page, Regex address)
    {
        await Assertions.Expect(page).ToHaveURLAsync(address);
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
    }
}
