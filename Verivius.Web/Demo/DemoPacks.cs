using Verivius.Domain.Evidence;
using Verivius.Domain.Packs;

namespace Verivius.Web.Demo;

/// <summary>
/// Twelve months of packs for the demo sites, the same every time for the same months: each site has
/// its own character, from good practice to the gaps the domain articles describe, so every screen and
/// every challenge rule has something true to show.
/// </summary>
internal static class DemoPacks
{
    private static readonly string[] Courses = ["Moving and handling", "Safeguarding adults", "Medication", "Infection control", "Fire safety"];
    private const int StaffPerSite = 20;
    private static readonly string[] IncidentCategories = ["Fall", "Fall", "Medication", "Behaviour", "PressureUlcer", "Safeguarding", "Infection"];

    /// <summary>
    /// A course's last renewal on or before <paramref name="asOf"/> and the one after it. Each staff
    /// member's course falls due on its own day of the year; how late a renewal is depends only on
    /// the site's character and which renewal it is, so every month's matrix tells the same story.
    /// </summary>
    private static (DateOnly Completed, DateOnly Next) Renewals(DemoSite site, int staff, int course, DateOnly asOf)
    {
        DateOnly Done(int year)
        {
            var due = Due(staff, course, year);
            // Every site but the too-clean one renews one course of each month's six weeks late, so
            // even a good site's matrix shows an overdue course (with a plan) at every month's end;
            // the others are late now and then besides.
            var late = !site.TooCleanMatrix && (IsMonthsLateRenewal(staff, course, due) || (!site.Exemplary && ((staff * 7) + (course * 3) + year) % 11 == 0));
            return late ? due.AddDays(42) : site.Exemplary || site.TooCleanMatrix ? due.AddDays(-14) : due;
        }

        var year = asOf.Year + 1;
        while (Done(year) > asOf)
        {
            year--;
        }

        return (Done(year), Done(year + 1));
    }

    /// <summary>Each staff member's course falls due once a year on its own day.</summary>
    private static DateOnly Due(int staff, int course, int year) => new DateOnly(year, 1, 1).AddDays(((staff * 53) + (course * 71)) % 365);

    /// <summary>
    /// Whether this is the one course, of those falling due in its month, renewed late. Overdue from
    /// a fortnight before its due day until six weeks after it, it spans its month's end, whatever
    /// the month and whatever today is.
    /// </summary>
    private static bool IsMonthsLateRenewal(int staff, int course, DateOnly due)
    {
        var sameMonth = (
            from s in Enumerable.Range(1, StaffPerSite)
            from c in Enumerable.Range(0, Courses.Length)
            where Due(s, c, due.Year) is var other && other.Month == due.Month
            select (s, c)).ToList();
        return sameMonth[((due.Year * 12) + due.Month) % sameMonth.Count] == (staff, course);
    }

    /// <summary>Supervision sessions of the twelve months to <paramref name="asOf"/>: every eight weeks at a good site, every twelve elsewhere, with a lapse for some staff.</summary>
    private static IEnumerable<DateOnly> Sessions(DemoSite site, int staff, DateOnly asOf)
    {
        var interval = site.Exemplary ? 56 : 84;
        var start = new DateOnly(2020, 1, 1).AddDays(staff * 5);
        for (var held = start; held <= asOf; held = held.AddDays(interval + (!site.Exemplary && staff % 5 == 0 && held.Month % 6 == 0 ? 50 : 0)))
        {
            if (held > asOf.AddYears(-1))
            {
                yield return held;
            }
        }
    }

    /// <summary>
    /// The last appraisal on or before <paramref name="asOf"/>: yearly, though a good site holds them
    /// every ten months, so none falls past its year before the next month's pack is due.
    /// </summary>
    private static DateOnly LastAppraisal(DemoSite site, int staff, DateOnly asOf)
    {
        var interval = site.Exemplary ? 300 : 365;
        var first = new DateOnly(2020, 1, 1).AddDays((staff * 47) % 300);
        return first.AddDays((asOf.DayNumber - first.DayNumber) / interval * interval);
    }

    /// <summary>Whether an action gets done: always at the exemplary site, never where actions pile up, four in five elsewhere.</summary>
    /// <summary>A risk's next review, set at the month's quality meeting: after the next month's pack is due, so it is never overdue on any day before that.</summary>
    private static DateOnly NextReview(PackPeriod period) => period.LastDay.AddDays(45);

    private static bool Closes(DemoSite site, string actionRef) =>
        !site.ActionsPileUp && (site.Exemplary || actionRef.Sum(c => c) % 5 > 0);

    /// <summary>The months to fill: the twelve complete months before today.</summary>
    public static IEnumerable<PackPeriod> Months(DateOnly today, int count) =>
        Enumerable.Range(1, count).Reverse().Select(back => PackPeriod.Of(today.AddMonths(-back)));

    /// <param name="carryOver">Whether to re-send last month's open actions that were closed this month (off when asked for last month's own rows).</param>
    public static Dictionary<string, List<Dictionary<string, object?>>> Rows(DemoSite site, PackPeriod period, int monthIndex, bool carryOver = true)
    {
        // The sections draw from one random stream, so they run in this order every time.
        var month = new DemoMonth(site, period, monthIndex, carryOver);
        month.CarryOverClosedActions();
        month.Governance();
        month.Incidents();
        month.Complaints();
        month.Audits();
        month.Staffing();
        month.TrainingAndSupervision();
        month.Feedback();
        month.Inspection();
        month.ClaimsAndRecovery();
        return month.Sheets;
    }

    /// <summary>One site's pack for one month, sheet by sheet, as rows of column values.</summary>
    private sealed class DemoMonth
    {
        private readonly DemoSite _site;
        private readonly PackPeriod _period;
        private readonly int _monthIndex;
        private readonly bool _carryOver;
        private readonly Random _random;
        private readonly DateOnly _first;
        private readonly string _tag;
        private readonly string _documentationAudit;

        public DemoMonth(DemoSite site, PackPeriod period, int monthIndex, bool carryOver)
        {
            _site = site;
            _period = period;
            _monthIndex = monthIndex;
            _carryOver = carryOver;

            // string.GetHashCode differs from process to process; the demo must not.
            _random = new Random(_site.Code.Aggregate(_period.Year * 12 + _period.Month, (seed, ch) => unchecked((seed * 31) + ch)));
            _first = _period.FirstDay;
            _tag = $"{_period.Year % 100:00}{_period.Month:00}";
            _documentationAudit = $"Audits:AUD-DOC-{_tag}";
        }

        public Dictionary<string, List<Dictionary<string, object?>>> Sheets { get; } = [];

        /// <summary>Actions still open at the end of last month and closed during this one come back, closed, as a real pack would send them.</summary>
        public void CarryOverClosedActions()
        {
            if (_carryOver && _monthIndex > 0)
            {
                // A random stream of its own, so last month's rows come out here exactly as they were sent.
                var closing = new Random(_period.Year * 12 + _period.Month);
                var previous = new PackPeriod(_first.AddMonths(-1).Year, _first.AddMonths(-1).Month);
                foreach (var action in Rows(_site, previous, _monthIndex - 1, carryOver: false).GetValueOrDefault("Actions", [])
                    .Where(a => (string?)a["Status"] == "Open" && Closes(_site, (string)a["ActionRef"]!)))
                {
                    var closed = ((DateOnly)action["RaisedOn"]!).AddDays(14 + closing.Next(20));
                    Add("Actions", [.. action.Select(c => (c.Key, c.Value)),
                        ("Status", "Closed"), ("ClosedOn", closed < _first ? _first : closed > _period.LastDay ? _period.LastDay : closed),
                        ("Outcome", "Done and checked at the next audit"), ("EvidenceRef", _documentationAudit)]);
                }
            }
        }

        /// <summary>Governance: a minuted meeting each month (or each quarter where governance has slipped), two decisions each; a staff meeting every third month.</summary>
        public void Governance()
        {
            if (!_site.MeetingGaps || _monthIndex % 3 == 0)
            {
                var held = _first.AddDays(5 + _random.Next(5));
                Add("Meetings", ("MeetingRef", $"GOV-{_tag}"), ("HeldOn", held), ("Type", "Governance"), ("Chair", "Registered manager"), ("Attendees", "Deputy manager; senior carers; clinical lead"));
                for (var d = 1; d <= 2; d++)
                {
                    var actionRef = $"ACT-{_tag}-D{d}";
                    var hasAction = !(_site.ActionsPileUp && d == 2);
                    Add("Decisions", ("MeetingRef", $"GOV-{_tag}"), ("DecisionRef", $"DEC-{_tag}-{d}"), ("Decision", d == 1 ? "Re-audit care plans for falls risk" : "Review the agency induction checklist"),
                        ("ActionRef", hasAction ? actionRef : null), ("Owner", hasAction ? "Deputy manager" : null), ("ReviewOn", hasAction ? held.AddDays(28) : null));
                    if (hasAction)
                    {
                        AddAction(actionRef, d == 1 ? "Re-audit falls care plans" : "Update agency induction checklist", "Meeting", $"DEC-{_tag}-{d}", held, d == 1 ? "Documentation" : "Staffing");
                    }
                }
            }

            if (_monthIndex % 3 == 1)
            {
                Add("Meetings", ("MeetingRef", $"STAFF-{_tag}"), ("HeldOn", _first.AddDays(14)), ("Type", "Staff"), ("Chair", "Deputy manager"));
            }
        }

        /// <summary>Incidents, each serious one with its notification and duty-of-candour steps.</summary>
        public void Incidents()
        {
            for (var i = 1; i <= 3 + _random.Next(4); i++)
            {
                var occurred = _first.AddDays(_random.Next(27));
                var severity = _random.Next(10) switch { < 4 => "Low", < 7 => "None", < 9 => "Moderate", _ => "Severe" };
                var category = IncidentCategories[_random.Next(IncidentCategories.Length)];
                var notifiable = severity == "Severe" || category == "Safeguarding";
                var candour = severity is "Moderate" or "Severe";
                var lateNotification = _site.NotificationGaps && _random.Next(3) == 0;
                var incidentRef = $"INC-{_tag}-{i}";
                var actionRef = candour ? $"ACT-{_tag}-I{i}" : null;
                Add("Incidents", ("IncidentRef", incidentRef), ("OccurredOn", occurred), ("Category", category), ("Severity", severity), ("CqcNotifiable", notifiable),
                    ("NotificationType", notifiable ? (category == "Safeguarding" ? "Abuse" : "SeriousInjury") : null),
                    ("NotificationSentOn", notifiable && !(_site.NotificationGaps && _random.Next(4) == 0) ? occurred.AddDays(lateNotification ? 5 : 1) : null),
                    ("CandourApplies", candour), ("CandourInPersonOn", candour ? occurred : null), ("ApologyGiven", candour ? true : null),
                    ("CandourWrittenOn", candour && !_site.NotificationGaps ? occurred.AddDays(6) : null),
                    ("ActionRef", actionRef), ("Status", "Closed"), ("ClosedOn", occurred.AddDays(10)));
                if (actionRef is not null)
                {
                    AddAction(actionRef, $"Review {category.ToLowerInvariant()} risk assessment", "Incident", incidentRef, occurred, "Safeguarding");
                }
            }
        }

        /// <summary>Complaints, and whether their learning reached the care plan.</summary>
        public void Complaints()
        {
            for (var c = 1; c <= _random.Next(3); c++)
            {
                var received = _first.AddDays(_random.Next(20));
                var carePlan = _random.Next(2) == 0;
                Add("Complaints", ("ComplaintRef", $"CMP-{_tag}-{c}"), ("ReceivedOn", received), ("Theme", _random.Next(2) == 0 ? "Laundry" : "Call bell response"),
                    ("RespondedOn", received.AddDays(12)), ("Outcome", "PartlyUpheld"), ("Learning", "Share the learning at handover"),
                    ("CarePlanUpdateRequired", carePlan), ("CarePlanUpdatedOn", carePlan && !_site.CarePlanGaps ? received.AddDays(30) : null));
            }
        }

        /// <summary>Audits: headline scores with themes; one theme keeps failing where the headline masks it.</summary>
        public void Audits()
        {
            foreach (var (type, area, score) in new[] { ("Documentation", "Documentation", 84 + _random.Next(10)), ("Medication", "Medication", 88 + _random.Next(9)) })
            {
                var auditRef = $"AUD-{type[..3].ToUpperInvariant()}-{_tag}";
                var themes = type == "Medication"
                    ? new[] { ("MAR charts complete", "Met"), ("Topical creams recorded", _site.MaskedTheme ? "PartlyMet" : "Met"), ("Controlled drugs checked", "Met") }
                    : new[] { ("Care plans reviewed monthly", _random.Next(4) == 0 ? "PartlyMet" : "Met"), ("Risk assessments signed", "Met"), ("Consent recorded", "Met") };
                foreach (var (theme, result) in themes)
                {
                    Add("Audits", ("AuditRef", auditRef), ("AuditType", type), ("HeldOn", _first.AddDays(15)), ("ScorePercent", score), ("Theme", theme), ("ThemeResult", result), ("Area", area));
                }
            }
        }

        /// <summary>Staffing, week by week.</summary>
        public void Staffing()
        {
            for (var week = _first.AddDays((8 - (int)_first.DayOfWeek) % 7); week <= _period.LastDay; week = week.AddDays(7))
            {
                var planned = _site.IsHomeCare ? 420 : 140;
                // Under pressure, every fourth month is worse than the three before it: the Green claim is contradicted.
                var spike = _site.StaffingPressure && _monthIndex % 4 == 3 ? 10 : 0;
                var unfilled = _site.StaffingPressure ? 10 + _random.Next(12) + spike : _random.Next(5);
                Add("Staffing", ("WeekStarting", week), ("ShiftsPlanned", planned), ("ShiftsUnfilled", unfilled), ("AgencyHours", _site.StaffingPressure ? 120 + _random.Next(80) : _random.Next(40)),
                    ("TotalHours", planned * 8), ("MissedCare", _site.StaffingPressure ? _random.Next(4) + (spike / 2) : 0), ("LateCare", _random.Next(_site.IsHomeCare ? 12 : 3)));
            }
        }

        /// <summary>The training matrix and supervision record, unless the matrix has gone stale. Both are one history seen month by month (so a trail audit can follow a course from due to renewed): each course falls due once a year on its own day; a good site renews a fortnight early, the others mostly on the day and now and then six weeks late, with a plan only sometimes. A renewal due within two months (or overdue) is booked: always at a good site, half the time elsewhere.</summary>
        public void TrainingAndSupervision()
        {
            if (!_site.StaleMatrix || _monthIndex < 4)
            {
                for (var s = 1; s <= StaffPerSite; s++)
                {
                    for (var c = 0; c < Courses.Length; c++)
                    {
                        var (completed, nextRenewal) = Renewals(_site, s, c, _period.LastDay);
                        var expires = completed.AddYears(1);
                        // A renewal due within two months (or overdue) is booked: always at a good site, half the time elsewhere.
                        var booked = expires <= _period.LastDay.AddDays(60) && (_site.Exemplary || (s + c) % 2 == 0);
                        Add("Training", ("StaffRef", $"ST-{s:00}"), ("Role", s <= 3 ? "Nurse" : "Care assistant"), ("Course", Courses[c]), ("Mandatory", true),
                            ("CompletedOn", completed), ("ExpiresOn", expires), ("PlannedOn", booked ? nextRenewal : null));
                    }

                    foreach (var held in Sessions(_site, s, _period.LastDay))
                    {
                        Add("Supervision", ("StaffRef", $"ST-{s:00}"), ("Type", "Supervision"), ("HeldOn", held));
                    }

                    if (_site.Exemplary || s % 4 != 0)
                    {
                        Add("Supervision", ("StaffRef", $"ST-{s:00}"), ("Type", "Appraisal"), ("HeldOn", LastAppraisal(_site, s, _period.LastDay)));
                    }
                }
            }
        }

        /// <summary>Feedback: you said, we did.</summary>
        public void Feedback()
        {
            for (var f = 1; f <= 2 + _random.Next(3); f++)
            {
                var negative = _random.Next(3) == 0;
                var received = _first.AddDays(_random.Next(25));
                var weDid = negative && (_site.Exemplary || _random.Next(3) > 0);
                Add("Feedback", ("FeedbackRef", $"FB-{_tag}-{f}"), ("ReceivedOn", received), ("From", f % 3 == 0 ? "Staff" : "Family"), ("Sentiment", negative ? "Negative" : "Positive"),
                    ("Theme", negative ? "Meal choice" : "Activities"), ("YouSaid", negative ? "Not enough choice at tea" : null),
                    ("WeDid", weDid ? "Added a second hot option" : null), ("WeDidOn", weDid ? received.AddDays(21) : null));
            }
        }

        /// <summary>The inspection's findings and their actions, sent with the first month.</summary>
        public void Inspection()
        {
            if (_monthIndex == 0)
            {
                AddAction("ACT-INSP-1", "Strengthen governance audits (Regulation 17)", "Inspection", "F-1", _first, "Governance");
                Add("Inspection", ("FindingRef", "F-1"), ("InspectedOn", _first.AddDays(-20)), ("Kind", "MustDo"), ("Regulation", "Regulation 17"), ("Finding", "Systems to assess and monitor quality were not effective"), ("ActionRef", "ACT-INSP-1"));
                if (_site.Exemplary)
                {
                    AddAction("ACT-INSP-2", "Add people's preferences to care plans", "Inspection", "F-2", _first, "Documentation");
                }

                Add("Inspection", ("FindingRef", "F-2"), ("InspectedOn", _first.AddDays(-20)), ("Kind", "ShouldDo"), ("Finding", "Care plans should record people's preferences"),
                    ("ActionRef", _site.Exemplary ? "ACT-INSP-2" : null));
            }
        }

        /// <summary>What leaders claim, and the recovery map, restated every month.</summary>
        public void ClaimsAndRecovery()
        {
            Add("Assurance", ("StatementRef", "AS-STAFF"), ("Area", "Staffing"), ("Statement", "Staffing is stable and safe"), ("Rating", _site.StaffingPressure ? "Green" : "Amber"), ("Confidence", "Strong"),
                ("EvidenceRefs", _site.StaffingPressure ? null : $"Staffing:{Sheets["Staffing"][0]["WeekStarting"]:yyyy-MM-dd}"));
            // Only the homes whose documentation is weaker than they think claim Green on audits alone.
            var documentationClaimed = _site.Exemplary || _site.MaskedTheme || _site.CarePlanGaps;
            Add("Assurance", ("StatementRef", "AS-DOC"), ("Area", "Documentation"), ("Statement", "Documentation quality is strong"), ("Rating", documentationClaimed ? "Green" : "Amber"), ("Confidence", "Qualified"),
                ("EvidenceRefs", _site.Exemplary ? $"{_documentationAudit};Feedback:FB-{_tag}-1" : _documentationAudit));
            foreach (var risk in RecoveryRisks())
            {
                Add("Recovery", risk);
            }

            Add("SelfAssessment", ("QualityStatement", "Governance, management and sustainability"), ("Rating", _site.MeetingGaps ? "Good" : "RequiresImprovement"), ("Narrative", "Governance meetings and audits are in place"));
            Add("SelfAssessment", ("QualityStatement", "Learning, improvement and innovation"), ("Rating", "Good"));
        }

        /// <summary>
        /// Each site's own recovery map, from its character: what it is recovering from, and how well. The
        /// exemplary home's risks are complete, evidenced and improving, in areas no other two homes share,
        /// so nothing of its own is challenged; staffing is open at three homes, which makes it systemic.
        /// </summary>
        private IEnumerable<(string Column, object? Value)[]> RecoveryRisks()
        {
            var improving = _monthIndex < 3 ? "NoChange" : "Improving";
            var review = NextReview(_period);
            (string, object?)[] Risk(string reference, string area, string risk, string baseline, string target, string? action, string? evidenceSource, string trend, string? evidence = null) =>
                [("RiskRef", reference), ("Area", area), ("Risk", risk), ("BaselineIssue", baseline), ("Target", target), ("CurrentActionRef", action), ("EvidenceSource", evidenceSource),
                    ("Owner", "Registered manager"), ("ReviewRoute", "Monthly governance meeting; provider oversight quarterly"), ("ReviewOn", review), ("Trend", trend), ("EvidenceRefs", evidence)];

            if (_site.Exemplary)
            {
                yield return Risk("R-FALLS", "Safeguarding", "Falls at night in the first weeks after admission", "9 falls in the quarter before inspection", "Halve night falls within 12 weeks",
                    "ACT-INSP-1", "Falls log and night checks", improving, _documentationAudit);
                yield return Risk("R-PREF", "Documentation", "Care plans do not record people's preferences (inspection finding F-2)", "4 of 10 plans sampled at inspection", "Every plan records preferences, checked monthly",
                    "ACT-INSP-2", "Monthly care plan audit", improving, _documentationAudit);
                yield break;
            }

            if (_site.StaffingPressure)
            {
                // Said to be stable on the assurance sheet, getting worse here, with nothing behind it.
                yield return Risk("R-STAFF", "Staffing", "Reliance on agency nurses at weekends", "38% of weekend nurse shifts filled by agency", "Agency hours below 5% of hours", null, null, "Worsening");
            }

            if (_site.NotificationGaps)
            {
                yield return Risk("R-NOTIFY", "Governance", "Statutory notifications to CQC are late or not sent", "3 notifiable incidents unreported at inspection", "Every notification sent within 2 days",
                    "ACT-INSP-1", "Notifications log, checked weekly", "NoChange");
            }

            if (_site.ActionsPileUp)
            {
                yield return Risk("R-PLAN", "Governance", "The improvement plan is not being delivered", "Action plan agreed after inspection", "No action more than 14 days overdue",
                    "ACT-INSP-1", "Action tracker", "NoChange");
                yield return Risk("R-FALLS", "Safeguarding", "Unwitnessed falls in the dementia unit", "14 unwitnessed falls in the quarter before inspection", "Fewer than 5 a quarter",
                    "ACT-INSP-1", "Falls log", improving, _documentationAudit);
            }

            if (_site.MeetingGaps)
            {
                // Nobody owns it and its review has lapsed: the meetings that would review it are not happening.
                yield return
                [
                    ("RiskRef", "R-NIGHTS"), ("Area", "Staffing"), ("Risk", "Night staffing below the assessed dependency of residents"), ("BaselineIssue", "2 staff on nights for 41 residents"),
                    ("Target", "3 staff on every night shift"), ("ReviewOn", _period.LastDay.AddDays(-30)), ("Trend", "NoChange"),
                ];
            }

            if (_site.StaleMatrix)
            {
                yield return Risk("R-TRAIN", "Training", "Mandatory training has lapsed across the team", "Training matrix not renewed since the spring", "Every member of staff in date",
                    "ACT-INSP-1", "Training matrix", "NoChange");
            }

            if (_site.MaskedTheme)
            {
                yield return Risk("R-MAR", "Medication", "Gaps in medication administration records", "MAR gaps found in 3 of 4 audits", "No MAR gap in two consecutive audits",
                    "ACT-INSP-1", "Medication audit", "NoChange");
                yield return Risk("R-IPC", "Infection", "Infection control audit actions outstanding", "Infection control audit at 71%", "Audit above 90%",
                    "ACT-INSP-1", "Infection control audit", improving, _documentationAudit);
            }

            if (_site.IsHomeCare)
            {
                yield return Risk("R-VISITS", "Staffing", "Late home-care visits on rural rounds", "1 in 6 visits more than 30 minutes late", "Fewer than 1 in 20 late",
                    "ACT-INSP-1", "Electronic call monitoring", "NoChange");
            }

            if (_site.CarePlanGaps)
            {
                yield return Risk("R-CAREPLAN", "Documentation", "Care plans not updated after complaints", "Learning from 2 complaints missing from care plans", "Every complaint's learning in the care plan within 8 weeks",
                    "ACT-INSP-1", "Complaints log against care plans", "NoChange");
            }
        }

        private void Add(string sheet, params (string Column, object? Value)[] cells)
        {
            var row = new Dictionary<string, object?>();
            foreach (var (column, value) in cells)
            {
                row[column] = value;
            }

            (Sheets.TryGetValue(sheet, out var rows) ? rows : Sheets[sheet] = []).Add(row);
        }

        private void AddAction(string actionRef, string title, string source, string sourceRef, DateOnly raised, string area)
        {
            var closes = Closes(_site, actionRef);
            // The exemplary site closes its actions within days, so even last month's are done or not yet due.
            var closedOn = raised.AddDays(_site.Exemplary ? 3 + _random.Next(7) : 14 + _random.Next(20));
            var closedInMonth = closes && closedOn <= _period.LastDay;
            Add("Actions", ("ActionRef", actionRef), ("Title", title), ("Source", source), ("SourceRef", sourceRef), ("Owner", "Deputy manager"), ("RaisedOn", raised), ("DueOn", raised.AddDays(28)),
                ("Status", closedInMonth ? "Closed" : "Open"), ("ClosedOn", closedInMonth ? closedOn : null),
                ("Outcome", closedInMonth ? "Done and checked at the next audit" : null), ("EvidenceRef", closedInMonth ? _documentationAudit : null), ("Area", area));
        }
    }
}

/// <summary>One demo site and the character its records show.</summary>
internal sealed record DemoSite(
    string Code,
    string Name,
    bool IsHomeCare = false,
    bool NotificationGaps = false,
    bool StaffingPressure = false,
    bool ActionsPileUp = false,
    bool MeetingGaps = false,
    bool StaleMatrix = false,
    bool MaskedTheme = false,
    bool TooCleanMatrix = false,
    bool CarePlanGaps = false,
    QualityRating CqcRating = QualityRating.Good,
    QualityRating? WellLedRating = null)
{
    /// <summary>CQC's Well-led rating published with the overall one: the same unless the character says otherwise.</summary>
    public QualityRating CqcWellLedRating => WellLedRating ?? CqcRating;

    /// <summary>
    /// How long before today CQC published each site's rating: after the inspection the first demo
    /// month's findings come from, so the rating, the findings and their actions tell one story.
    /// </summary>
    public const int RatedMonthsAgo = 11;

    /// <summary>The site with none of the gaps: its records should raise nothing of its own.</summary>
    public bool Exemplary => !(NotificationGaps || StaffingPressure || ActionsPileUp || MeetingGaps || StaleMatrix || MaskedTheme || TooCleanMatrix || CarePlanGaps);
}
