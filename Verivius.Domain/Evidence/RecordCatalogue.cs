namespace Verivius.Domain.Evidence;

/// <summary>
/// Every kind of record a site keeps, in the order of the pack workbook's sheets. The reader, the
/// template, the reference index, the record pages, the framework file and the reports all take what
/// they need from here, so a new kind is described in one place.
/// </summary>
public static class RecordCatalogue
{
    private static readonly EvidenceCategory[] AnyCategory = Enum.GetValues<EvidenceCategory>();

    public static IReadOnlyList<RecordKindEntry> All { get; } =
    [
        new SiteRecordKind<ImprovementAction>
        {
            Kind = RecordKind.Actions, Slug = "actions", Title = "Actions", Singular = "Action",
            Sheet = new("Actions", ["ActionRef", "Title", "Source", "RaisedOn", "Status"], ["SourceRef", "Owner", "DueOn", "ClosedOn", "Outcome", "EvidenceRef", "Area"])
            {
                Choices = new Dictionary<string, Type> { ["Source"] = typeof(ActionSource), ["Status"] = typeof(ActionStatus), ["Area"] = typeof(AssuranceArea) },
            },
            ReferenceColumn = "ActionRef", ReferenceNoun = "an ActionRef", Citable = true, Categories = [EvidenceCategory.Processes],
            Rows = new RecordRows<ImprovementAction, ActionDetails>
            {
                Read = ActionDetails.Read, Key = d => d.ActionRef, Create = (site, d) => new(site, d),
                Record = (action, d, refs) => action.Record(
                    d, refs.Link("SourceRef", d.SourceRef, d.Source.RecordKinds()), refs.Evidence("EvidenceRef", d.EvidenceRef) is [var evidence, ..] ? evidence : null),
            },
            EvidenceDate = r => r.Details.Status == ActionStatus.Closed && r.Details.ClosedOn != null ? r.Details.ClosedOn.Value : r.Details.RaisedOn,
            ListRow = r => new RecordListRow { Ref = r.Ref, Date = r.Details.RaisedOn, Summary = r.Details.Title, Status = r.Details.Status.ToString() },
            Links =
            [
                new("Raised from", RecordKind.Actions, r => r.SourceRecordId) { TargetOf = r => r.SourceKind },
                new("Closure evidence", RecordKind.Actions, r => r.ClosureEvidenceId) { TargetOf = r => r.ClosureEvidenceKind },
            ],
        },
        new SiteRecordKind<GovernanceMeeting>
        {
            Kind = RecordKind.Meetings, Slug = "meetings", Title = "Meetings", Singular = "Meeting",
            Sheet = new("Meetings", ["MeetingRef", "HeldOn", "Type"], ["Chair", "Attendees", "MinutesRef"]) { Choices = new Dictionary<string, Type> { ["Type"] = typeof(MeetingType) } },
            ReferenceColumn = "MeetingRef", ReferenceNoun = "a MeetingRef", Citable = true, SummaryNamesChoices = true, Categories = [EvidenceCategory.StaffAndLeaders, EvidenceCategory.Processes],
            Rows = new RecordRows<GovernanceMeeting, MeetingDetails>
            {
                Read = MeetingDetails.Read, Key = d => d.MeetingRef, Create = (site, d) => new(site, d),
                Record = (meeting, d, refs) => meeting.Record(d, refs.Id("MinutesRef", d.MinutesRef, RecordKind.Attachment)),
            },
            EvidenceDate = r => r.Details.HeldOn,
            ListRow = r => new RecordListRow { Ref = r.Ref, Date = r.Details.HeldOn, Summary = r.Details.Type.ToString() + " meeting", Status = r.MinutesAttachmentId != null ? "Minutes attached" : null },
            Links = [new("Minutes", RecordKind.Attachment, r => r.MinutesAttachmentId)],
        },
        new SiteRecordKind<MeetingDecision>
        {
            Kind = RecordKind.Decisions, Slug = "decisions", Title = "Decisions", Singular = "Decision",
            Sheet = new("Decisions", ["MeetingRef", "DecisionRef", "Decision"], ["ActionRef", "Owner", "ReviewOn"]),
            ReferenceColumn = "DecisionRef", ReferenceNoun = "a DecisionRef", Citable = true, Categories = [EvidenceCategory.Processes],
            Rows = new RecordRows<MeetingDecision, DecisionDetails>
            {
                Read = DecisionDetails.Read, Key = d => d.DecisionRef, Create = (site, d) => new(site, d), Reads = (RecordKind.Meetings, d => d.MeetingRef),
                Record = (decision, d, refs) =>
                {
                    if (refs.Find<GovernanceMeeting>("MeetingRef", d.MeetingRef, RecordKind.Meetings) is { } meeting)
                    {
                        decision.Record(d, meeting, refs.Id("ActionRef", d.ActionRef, RecordKind.Actions));
                    }
                },
            },
            EvidenceDate = r => r.MadeOn,
            ListRow = r => new RecordListRow { Ref = r.Ref, Date = r.MadeOn, Summary = r.Details.Decision, Status = r.ActionId != null ? "Has an action" : "No action" },
            Links = [new("Made at", RecordKind.Meetings, r => r.MeetingId, inverse: "Decision"), new("Action", RecordKind.Actions, r => r.ActionId, inverse: "Carried out for")],
        },
        new SiteRecordKind<Incident>
        {
            Kind = RecordKind.Incidents, Slug = "incidents", Title = "Incidents", Singular = "Incident",
            Sheet = new(
                "Incidents",
                ["IncidentRef", "OccurredOn", "Category", "Severity", "CqcNotifiable", "CandourApplies", "Status"],
                ["NotificationType", "NotificationSentOn", "CandourInPersonOn", "ApologyGiven", "CandourWrittenOn", "ActionRef", "ClosedOn"])
            {
                Choices = new Dictionary<string, Type>
                {
                    ["Category"] = typeof(IncidentCategory), ["Severity"] = typeof(Severity), ["NotificationType"] = typeof(NotificationType), ["Status"] = typeof(IncidentStatus),
                },
            },
            ReferenceColumn = "IncidentRef", ReferenceNoun = "an IncidentRef", Citable = true, SummaryNamesChoices = true, Categories = [EvidenceCategory.Outcomes],
            Rows = new RecordRows<Incident, IncidentDetails>
            {
                Read = IncidentDetails.Read, Key = d => d.IncidentRef, Create = (site, d) => new(site, d),
                Record = (incident, d, refs) => incident.Record(d, refs.Id("ActionRef", d.ActionRef, RecordKind.Actions)),
            },
            EvidenceDate = r => r.Details.OccurredOn,
            ListRow = r => new RecordListRow { Ref = r.Ref, Date = r.Details.OccurredOn, Summary = r.Details.Category.ToString() + ", " + r.Details.Severity.ToString(), Status = r.Details.Status.ToString() },
            Links = [new("Action", RecordKind.Actions, r => r.ActionId, inverse: "Carried out for")],
        },
        new SiteRecordKind<Complaint>
        {
            Kind = RecordKind.Complaints, Slug = "complaints", Title = "Complaints", Singular = "Complaint",
            Sheet = new("Complaints", ["ComplaintRef", "ReceivedOn", "Theme"], ["RespondedOn", "Outcome", "Learning", "CarePlanUpdateRequired", "CarePlanUpdatedOn", "ActionRef"])
            {
                Choices = new Dictionary<string, Type> { ["Outcome"] = typeof(ComplaintOutcome) },
            },
            ReferenceColumn = "ComplaintRef", ReferenceNoun = "a ComplaintRef", Citable = true, Categories = [EvidenceCategory.PeoplesExperience],
            Rows = new RecordRows<Complaint, ComplaintDetails>
            {
                Read = ComplaintDetails.Read, Key = d => d.ComplaintRef, Create = (site, d) => new(site, d),
                Record = (complaint, d, refs) => complaint.Record(d, refs.Id("ActionRef", d.ActionRef, RecordKind.Actions)),
            },
            EvidenceDate = r => r.Details.ReceivedOn,
            ListRow = r => new RecordListRow { Ref = r.Ref, Date = r.Details.ReceivedOn, Summary = r.Details.Theme, Status = r.Details.Outcome.ToString() },
            Links = [new("Action", RecordKind.Actions, r => r.ActionId, inverse: "Carried out for")],
        },
        new SiteRecordKind<Audit>
        {
            Kind = RecordKind.Audits, Slug = "audits", Title = "Audits", Singular = "Audit",
            Sheet = new("Audits", ["AuditRef", "AuditType", "HeldOn", "ScorePercent", "Theme", "ThemeResult"], ["Area"])
            {
                Choices = new Dictionary<string, Type> { ["ThemeResult"] = typeof(ThemeResult), ["Area"] = typeof(AssuranceArea) },
            },
            ReferenceColumn = "AuditRef", ReferenceNoun = "an AuditRef", Citable = true, Categories = [EvidenceCategory.Observation, EvidenceCategory.Processes],
            Rows = new RecordRows<Audit, AuditRow>
            {
                Read = AuditRow.Read, Key = r => r.Audit.AuditRef + "\n" + r.Theme.Theme, KeyColumn = "Theme", Reference = r => r.Audit.AuditRef,
                Create = (site, r) => new(site, r.Audit), RecordAll = (audit, rows) => audit.Record(rows[0].Audit, rows.Select(r => r.Theme)),
                SameOnEachRow = (r => r.Audit with { AuditRef = r.Audit.AuditRef.ToUpperInvariant() }, "type, date or score"),
            },
            EvidenceDate = r => r.Details.HeldOn,
            ListRow = r => new RecordListRow { Ref = r.Ref, Date = r.Details.HeldOn, Summary = r.Details.AuditType, Status = r.Details.ScorePercent.ToString() + "%" },
        },
        new SiteRecordKind<StaffingWeek>
        {
            Kind = RecordKind.Staffing, Slug = "staffing", Title = "Staffing", Singular = "Week",
            Sheet = new("Staffing", ["WeekStarting", "ShiftsPlanned", "ShiftsUnfilled", "AgencyHours", "TotalHours"], ["MissedCare", "LateCare", "Starters", "Leavers", "Vacancies"]),
            ReferenceColumn = "WeekStarting", ReferenceNoun = "a WeekStarting of the Staffing sheet", Citable = true, Categories = [EvidenceCategory.Processes],
            Rows = new RecordRows<StaffingWeek, StaffingDetails>
            {
                Read = StaffingDetails.Read, Key = d => StaffingWeek.RefOf(d.WeekStarting), KeyColumn = "WeekStarting", Create = (site, d) => new(site, d),
                Record = (week, d, refs) => week.Record(d),
            },
            EvidenceDate = r => r.Details.WeekStarting,
            ListRow = r => new RecordListRow
            {
                Ref = r.Ref, Date = r.Details.WeekStarting, Summary = r.Details.ShiftsUnfilled.ToString() + " of " + r.Details.ShiftsPlanned.ToString() + " shifts unfilled", Status = null,
            },
        },
        new SnapshotKind<TrainingRecord>
        {
            Kind = RecordKind.Training, Title = "Training", Singular = "Training", Categories = [EvidenceCategory.Processes],
            Rows = new SnapshotRows<TrainingRecord, TrainingDetails>
            {
                Read = TrainingDetails.Read, Key = d => d.StaffRef + "\n" + d.Course, KeyColumn = "Course", Noun = "training matrix",
                Create = (site, month, d) => new(site, month, d), DetailsOf = t => t.Details,
            },
            Sheet = new("Training", ["StaffRef", "Role", "Course", "Mandatory"], ["CompletedOn", "ExpiresOn", "PlannedOn"]),
        },
        new SnapshotKind<SupervisionRecord>
        {
            Kind = RecordKind.Supervision, Title = "Supervision", Singular = "Supervision", Categories = [EvidenceCategory.StaffAndLeaders],
            Rows = new SnapshotRows<SupervisionRecord, SupervisionDetails>
            {
                Read = SupervisionDetails.Read, Key = d => $"{d.StaffRef}\n{d.Type}\n{d.HeldOn}", KeyColumn = "HeldOn", Noun = "supervision record",
                Create = (site, month, d) => new(site, month, d), DetailsOf = s => s.Details,
            },
            Sheet = new("Supervision", ["StaffRef", "Type", "HeldOn"], []) { Choices = new Dictionary<string, Type> { ["Type"] = typeof(SupervisionType) } },
        },
        new SiteRecordKind<FeedbackItem>
        {
            Kind = RecordKind.Feedback, Slug = "feedback", Title = "Feedback", Singular = "Feedback",
            Sheet = new("Feedback", ["FeedbackRef", "ReceivedOn", "From", "Sentiment", "Theme"], ["YouSaid", "WeDid", "WeDidOn"])
            {
                Choices = new Dictionary<string, Type> { ["From"] = typeof(FeedbackSource), ["Sentiment"] = typeof(Sentiment) },
            },
            ReferenceColumn = "FeedbackRef", ReferenceNoun = "a FeedbackRef", Citable = true,
            Rows = new RecordRows<FeedbackItem, FeedbackDetails>
            {
                Read = FeedbackDetails.Read, Key = d => d.FeedbackRef, Create = (site, d) => new(site, d), Record = (item, d, refs) => item.Record(d),
            },
            Categories = [EvidenceCategory.PeoplesExperience, EvidenceCategory.StaffAndLeaders, EvidenceCategory.Partners],
            EvidenceDate = r => r.Details.ReceivedOn,
            ListRow = r => new RecordListRow { Ref = r.Ref, Date = r.Details.ReceivedOn, Summary = r.Details.Theme, Status = r.Details.Sentiment.ToString() },
        },
        new SiteRecordKind<InspectionFinding>
        {
            Kind = RecordKind.Inspection, Slug = "inspection", Title = "Inspection findings", Singular = "Finding",
            Sheet = new("Inspection", ["FindingRef", "InspectedOn", "Kind", "Finding"], ["Regulation", "ActionRef"]) { Choices = new Dictionary<string, Type> { ["Kind"] = typeof(FindingKind) } },
            ReferenceColumn = "FindingRef", ReferenceNoun = "a FindingRef", Citable = true, Categories = [EvidenceCategory.Processes],
            Rows = new RecordRows<InspectionFinding, FindingDetails>
            {
                Read = FindingDetails.Read, Key = d => d.FindingRef, Create = (site, d) => new(site, d),
                Record = (finding, d, refs) => finding.Record(d, refs.Id("ActionRef", d.ActionRef, RecordKind.Actions)),
            },
            EvidenceDate = r => r.Details.InspectedOn,
            ListRow = r => new RecordListRow { Ref = r.Ref, Date = r.Details.InspectedOn, Summary = r.Details.Finding, Status = r.Details.Kind.ToString() },
            Links = [new("Action", RecordKind.Actions, r => r.ActionId, inverse: "Carried out for")],
        },
        new SiteRecordKind<AssuranceStatement>
        {
            Kind = RecordKind.Assurance, Slug = "assurance", Title = "Assurance statements", Singular = "Statement",
            Sheet = new("Assurance", ["StatementRef", "Area", "Statement", "Rating", "Confidence"], ["EvidenceRefs", "QualityStatement"])
            {
                Choices = new Dictionary<string, Type> { ["Area"] = typeof(AssuranceArea), ["Rating"] = typeof(RagRating), ["Confidence"] = typeof(Confidence) },
            },
            ReferenceColumn = "StatementRef", ReferenceNoun = "a StatementRef", CitesEvidence = true,
            Rows = new RecordRows<AssuranceStatement, AssuranceDetails>
            {
                Read = AssuranceDetails.Read, Key = d => d.StatementRef, Create = (site, d) => new(site, d),
                Record = (statement, d, refs) =>
                {
                    statement.Record(d);
                    refs.CiteEvidence("EvidenceRefs", d.EvidenceRefs);
                },
            },
            ListRow = r => new RecordListRow { Ref = r.Ref, Date = null, Summary = r.Details.Statement, Status = r.Details.Rating.ToString() },
        },
        new SiteRecordKind<RecoveryRisk>
        {
            Kind = RecordKind.Recovery, Slug = "recovery", Title = "Recovery map", Singular = "Risk",
            Sheet = new("Recovery", ["RiskRef", "Area", "Risk", "Trend"], ["BaselineIssue", "Target", "CurrentActionRef", "EvidenceSource", "Owner", "ReviewRoute", "ReviewOn", "EvidenceRefs"])
            {
                Choices = new Dictionary<string, Type> { ["Area"] = typeof(AssuranceArea), ["Trend"] = typeof(RiskTrend) },
            },
            ReferenceColumn = "RiskRef", ReferenceNoun = "a RiskRef", CitesEvidence = true,
            Rows = new RecordRows<RecoveryRisk, RecoveryDetails>
            {
                Read = RecoveryDetails.Read, Key = d => d.RiskRef, Create = (site, d) => new(site, d),
                Record = (risk, d, refs) =>
                {
                    risk.Record(d, refs.Id("CurrentActionRef", d.CurrentActionRef, RecordKind.Actions));
                    refs.CiteEvidence("EvidenceRefs", d.EvidenceRefs);
                },
            },
            ListRow = r => new RecordListRow { Ref = r.Ref, Date = r.Details.ReviewOn, Summary = r.Details.Risk, Status = r.Details.Trend.ToString() },
            Links = [new("Current action", RecordKind.Actions, r => r.CurrentActionId, inverse: "Current action of")],
        },
        new SiteRecordKind<SelfAssessment>
        {
            Kind = RecordKind.SelfAssessment, Slug = "self-assessment", Title = "Self-assessment", Singular = "Quality statement",
            Sheet = new("SelfAssessment", ["QualityStatement", "Rating"], ["Narrative"]) { Choices = new Dictionary<string, Type> { ["Rating"] = typeof(QualityRating) } },
            ReferenceColumn = "QualityStatement", ReferenceNoun = "a QualityStatement",
            Rows = new RecordRows<SelfAssessment, SelfAssessmentDetails>
            {
                Read = SelfAssessmentDetails.Read, Key = d => d.QualityStatement, Create = (site, d) => new(site, d), Record = (assessment, d, refs) => assessment.Record(d),
            },
            ListRow = r => new RecordListRow { Ref = r.Ref, Date = null, Summary = r.Details.QualityStatement, Status = r.Details.Rating.ToString() },
        },
        new SiteRecordKind<EvidenceAttachment>
        {
            Kind = RecordKind.Attachment, Slug = "attachments", Title = "Attachments", Singular = "Attachment", ReferenceNoun = "an attachment", Categories = AnyCategory,
            ListRow = r => new RecordListRow { Ref = r.Ref, Date = null, Summary = r.File.ContentType, Status = null },
        },
    ];

    private static Dictionary<RecordKind, RecordKindEntry> ByKind { get; } = All.ToDictionary(e => e.Kind);

    /// <summary>The kinds named by a reference of the site's own: those the portal lists, shows and links.</summary>
    public static IReadOnlyList<SiteRecordKind> SiteRecords { get; } = [.. All.OfType<SiteRecordKind>()];

    /// <summary>The order a site's record pages are offered in: the recovery map first, as every oversight view leads with it, then the other claims, then what shows them.</summary>
    public static IReadOnlyList<SiteRecordKind> Pages { get; } = [.. SiteRecords.OrderBy(e => e.Kind == RecordKind.Recovery ? 0 : e.CitesEvidence ? 1 : 2)];

    /// <summary>The kinds an EvidenceRefs cell may cite as <c>Sheet:Ref</c>.</summary>
    public static IReadOnlyList<RecordKind> Citable { get; } = [.. All.Where(e => e.Citable).Select(e => e.Kind)];

    /// <summary>The entry of a kind; documents ask it once for every record they cite, so it is looked up, not searched.</summary>
    public static RecordKindEntry Of(RecordKind kind) => ByKind[kind];

    public static SiteRecordKind? BySlug(string slug) => SiteRecords.FirstOrDefault(e => e.Slug == slug);

    /// <summary>The kind a name stands for, as a file or a sheet writes it ("Feedback", "inspection").</summary>
    public static RecordKindEntry? Named(string name) =>
        All.FirstOrDefault(e => string.Equals(e.Kind.ToString(), name, StringComparison.OrdinalIgnoreCase));
}
