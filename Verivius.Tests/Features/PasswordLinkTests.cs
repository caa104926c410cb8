using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Mail;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;

namespace Verivius.Tests.Features;

/// <summary>
/// With mail on, a person chooses their own password from an e-mailed link, received here by a real
/// SMTP server: the link signs them in once and then no longer works; a forgotten password is
/// answered the same for any address, and an address is sent only so many links an hour.
/// </summary>
public partial class PasswordLinkTests : IClassFixture<MailTests.MailPortal>
{
    private const string Chosen = "a password of my very own";

    private readonly MailTests.MailPortal _factory;

    public PasswordLinkTests(MailTests.MailPortal factory) => _factory = factory;

    [Fact]
    public async Task AnInvitedUser_ChoosesTheirPasswordFromTheLink_IsSignedIn_AndTheLinkThenNoLongerWorks()
    {
        var world = await TestWorlds.CreateAsync(_factory);
        using var admin = await PortalSession.SignInAsync(_factory, world.Admin);
        var email = $"invited-rm-{world.Tag}@test.example";

        using var created = await admin.SubmitAsync("/admin/users/new", "/admin/users/new", new()
        {
            ["Email"] = email,
            ["DisplayName"] = "Invited Manager",
            ["Roles"] = "RegisteredManager",
            ["Sites"] = world.SiteCodes[1],
        });
        var page = await created.Content.ReadAsStringAsync();
        Assert.Contains($"A link is on its way to {email}", page, StringComparison.Ordinal);
        Assert.DoesNotContain("One-time password\">", page, StringComparison.Ordinal);

        var invitation = Assert.Single(await _factory.Smtp.ToAsync(email, 1));
        Assert.Equal("Choose your password for Verivius", invitation.Subject);
        Assert.Contains($"{world.ProviderName} has given you an account on Verivius", invitation.TextBody, StringComparison.Ordinal);
        Assert.Contains("It works once, for 3 days.", invitation.TextBody, StringComparison.Ordinal);
        var link = LinkIn(invitation.TextBody);
        Assert.Contains(WebUtility.HtmlEncode(link.ToString()), invitation.HtmlBody, StringComparison.Ordinal);

        using var person = PortalSession.Anonymous(_factory);
        var (opened, form) = await person.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, opened);
        Assert.Contains("Choose password and sign in", form, StringComparison.Ordinal);

        using var mismatched = await ChooseAsync(person, link, Chosen, "something else entirely");
        Assert.Contains("The two new passwords are not the same.", await mismatched.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var chosen = await ChooseAsync(person, link, Chosen, Chosen);
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        var (status, sites) = await person.GetAsync("/sites");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(world.SiteName(1), sites, StringComparison.Ordinal);

        // Spent: the link now says so, and posting it again changes nothing.
        using var stranger = PortalSession.Anonymous(_factory);
        var (_, spent) = await stranger.GetAsync(link.PathAndQuery);
        Assert.Contains("This link has been used or has expired", spent, StringComparison.Ordinal);
        using var again = await ChooseAsync(stranger, link, "another password entirely", "another password entirely", "/account/login");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("This link has been used or has expired", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var signedIn = await PortalSession.SignInAsync(_factory, email, Chosen);
        var (_, home) = await signedIn.GetAsync("/sites");
        Assert.Contains(world.SiteName(1), home, StringComparison.Ordinal);

        // The outbox keeps no working link once the message has gone.
        var kept = await ScalarAsync(db => db.Outbox.SingleAsync(m => m.Recipient == email));
        Assert.Equal((MailStatus.Sent, MailKinds.Invitation, OutboundMail.SentLinkRemoved), (kept.Status, kept.Kind, kept.TextBody));
    }

    [Fact]
    public async Task AForgottenPassword_GetsTheSameAnswerForAnyAddress_ALinkOnlyForAnAccount_AndNoMoreThanThreeAnHour()
    {
        var world = await TestWorlds.CreateAsync(_factory);
        var unknown = $"nobody-{world.Tag}@test.example";
        using var anyone = PortalSession.Anonymous(_factory);

        var answers = new List<string>();
        foreach (var email in new[] { unknown, world.RegisteredManager, world.RegisteredManager, world.RegisteredManager, world.RegisteredManager })
        {
            using var asked = await anyone.SubmitAsync("/account/forgot-password", "/account/forgot-password", new() { ["Email"] = email });
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
            answers.Add((await asked.Content.ReadAsStringAsync()).Replace(WebUtility.HtmlEncode(email), "ADDRESS", StringComparison.Ordinal));
        }

        Assert.Single(answers.Distinct());
        Assert.Contains("If <strong>ADDRESS</strong> is the address of an account here, a link to choose a new password is on its way", answers[0], StringComparison.Ordinal);
        var links = await _factory.Smtp.ToAsync(world.RegisteredManager, 3);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(3, (await _factory.Smtp.ToAsync(world.RegisteredManager, 3)).Count);
        Assert.Empty(await _factory.Smtp.ToAsync(unknown, 0));
        Assert.Equal(3, await ScalarAsync(db => db.Outbox.CountAsync(m => m.Recipient == world.RegisteredManager && m.Kind == MailKinds.PasswordReset)));
        Assert.All(links, message => Assert.Equal("A link to choose a new Verivius password", message.Subject));
        Assert.Contains("It works once, for 2 hours.", links[0].TextBody, StringComparison.Ordinal);

        // The newest link works; choosing with it ends the old password and spends the others.
        using var person = PortalSession.Anonymous(_factory);
        using var chosen = await ChooseAsync(person, LinkIn(links[^1].TextBody), Chosen, Chosen);
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => PortalSession.SignInAsync(_factory, world.RegisteredManager));
        var (_, older) = await PortalSession.Anonymous(_factory).GetAsync(LinkIn(links[0].TextBody).PathAndQuery);
        Assert.Contains("This link has been used or has expired", older, StringComparison.Ordinal);
        using var signedIn = await PortalSession.SignInAsync(_factory, world.RegisteredManager, Chosen);
    }

    /// <param name="formPage">Where the antiforgery token comes from: the link's own page, or (once it shows no form) any other.</param>
    private static async Task<HttpResponseMessage> ChooseAsync(PortalSession session, Uri link, string password, string again, string? formPage = null)
    {
        var query = QueryHelpers.ParseQuery(link.Query);
        return await session.SubmitAsync(formPage ?? link.PathAndQuery, "/account/choose-password", new()
        {
            ["UserId"] = query["user"]!,
            ["For"] = query["for"]!,
            ["Token"] = query["token"]!,
            ["NewPassword"] = password,
            ["ConfirmPassword"] = again,
        });
    }

    private static Uri LinkIn(string? text) =>
        new(ChoosePasswordLink().Match(text ?? "") is { Success: true } found ? found.Value : throw new InvalidOperationException("The message carries no link to choose a password:\n" + text));

    private async Task<T> ScalarAsync<T>(Func<VeriviusDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<VeriviusDbContext>());
    }

    [GeneratedRegex(@"https://localhost/account/choose-password\?\S+")]
    private static partial Regex ChoosePasswordLink();
}
