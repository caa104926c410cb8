using Verivius.Domain.Trail;

namespace Verivius.Web.Features.Trail.AuditReport;

/// <summary>What every section of a trail audit report reads: the site's name and its audit for the month.</summary>
internal sealed record TrailReportEvidence(string SiteName, TrailAuditResult Audit);
