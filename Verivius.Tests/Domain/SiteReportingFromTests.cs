using Verivius.Domain.Common;
using Verivius.Domain.Sites;

namespace Verivius.Tests.Domain;

public class SiteReportingFromTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    [Fact]
    public void ANewSite_ReportsFromTheMonthItIsAdded_AndTheAdminMayMoveItUpToAYearAhead()
    {
        var site = new Site(Guid.NewGuid(), "1-101000001", "Beech House", ServiceType.CareHome, Today);
        var added = site.ReportingFrom;

        site.ReportFrom(new DateOnly(2025, 4, 17), Today);
        var backdated = site.ReportingFrom;
        site.ReportFrom(new DateOnly(2027, 12, 31), Today);
        var refused = Assert.Throws<DomainException>(() => site.ReportFrom(new DateOnly(2028, 1, 1), Today));

        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2025, 4, 1), new DateOnly(2027, 12, 1)), (added, backdated, site.ReportingFrom));
        Assert.Equal("A site can report from December 2027 at the latest: a year from this month.", refused.Message);
    }

    [Fact]
    public void APackForAnEarlierMonth_MovesTheReportingMonthBack_ALaterOneDoesNot()
    {
        var site = new Site(Guid.NewGuid(), "1-101000001", "Beech House", ServiceType.CareHome, Today);

        site.PackReceivedFor(new DateOnly(2026, 9, 1));
        var afterSeptember = site.ReportingFrom;
        site.PackReceivedFor(new DateOnly(2026, 11, 1));

        Assert.Equal((new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 1)), (afterSeptember, site.ReportingFrom));
    }
}
