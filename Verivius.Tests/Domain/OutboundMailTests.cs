using Verivius.Domain.Common;
using Verivius.Domain.Mail;

namespace Verivius.Tests.Domain;

public class OutboundMailTests
{
    private static readonly Guid ProviderId = Guid.NewGuid();

    private static readonly DateTimeOffset Queued = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EachFailedAttempt_WaitsLongerThanTheLast_AndTheSixthGivesUp_KeepingTheLastError()
    {
        var mail = new OutboundMail(ProviderId, MailKinds.UpdatePublished, "commissioner@test.example", "Update", "<p>x</p>", "x", Queued);
        var waits = new List<TimeSpan>();
        var at = Queued;
        for (var attempt = 1; attempt < OutboundMail.MaxAttempts; attempt++)
        {
            mail.AttemptFailed($"refused {attempt}", at);
            Assert.Equal(MailStatus.Waiting, mail.Status);
            waits.Add(mail.NextAttemptAt - at);
            at = mail.NextAttemptAt;
        }

        mail.AttemptFailed("refused at last", at);

        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6)], waits);
        Assert.Equal((MailStatus.Failed, OutboundMail.MaxAttempts, "refused at last"), (mail.Status, mail.Attempts, mail.LastError));
    }

    [Fact]
    public void AMessageWithoutAnAddress_IsRefused()
    {
        var refused = Assert.Throws<DomainException>(() => new OutboundMail(ProviderId, MailKinds.UpdatePublished, "not an address", "Update", "", "", Queued));
        Assert.Contains("not an e-mail address", refused.Message, StringComparison.Ordinal);
    }
}
