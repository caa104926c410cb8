using Verivius.Tests;

namespace Verivius.Benchmarks;

/// <summary>The heavy month every upload benchmark sends: October 2026, a fifth each of incidents, actions, feedback, complaints and training rows.</summary>
internal static class LargePacks
{
    /// <param name="revised">A second version of the month: every feedback theme changed and a tenth of the training matrix left out.</param>
    public static byte[] Of(int rows, string site = "1-123456789", bool revised = false)
    {
        var pack = new PackWorkbook(site).Clear("Incidents").Clear("Actions").Clear("Feedback").Clear("Complaints").Clear("Training")
            .Clear("Decisions").Clear("Recovery").Clear("Inspection").Clear("Assurance");
        var day = new DateOnly(2026, 10, 1);
        for (var i = 0; i < rows / 5; i++)
        {
            pack.Row("Actions", ("ActionRef", $"ACT-{i}"), ("Title", "Review the care plan after the fall"), ("Source", "Incident"), ("SourceRef", $"INC-{i}"), ("Owner", "Deputy manager"), ("RaisedOn", day.AddDays(i % 28)), ("DueOn", day.AddDays(30)), ("Status", "Open"), ("Area", "Safeguarding"));
            pack.Row("Incidents", ("IncidentRef", $"INC-{i}"), ("OccurredOn", day.AddDays(i % 28)), ("Category", "Fall"), ("Severity", "Low"), ("CqcNotifiable", "N"), ("CandourApplies", "N"), ("ActionRef", $"ACT-{i}"), ("Status", "Open"));
            pack.Row("Feedback", ("FeedbackRef", $"FB-{i}"), ("ReceivedOn", day.AddDays(i % 28)), ("From", "Family"), ("Sentiment", "Positive"), ("Theme", revised ? "Meals" : "Activities"));
            pack.Row("Complaints", ("ComplaintRef", $"CMP-{i}"), ("ReceivedOn", day.AddDays(i % 28)), ("Theme", "Laundry"), ("Outcome", "Open"));
            if (revised && i % 10 == 0)
            {
                continue;
            }

            pack.Row("Training", ("StaffRef", $"ST-{i / 12}"), ("Role", "Care assistant"), ("Course", $"Course {i % 12}"), ("Mandatory", "Y"), ("CompletedOn", day.AddDays(-200)), ("ExpiresOn", day.AddDays(165)));
        }

        return pack.Build();
    }
}
