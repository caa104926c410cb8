using Verivius.Domain.Evidence;
using Verivius.Domain.Packs.Reading;

namespace Verivius.Tests.Builders;

/// <summary>A read pack's sheets by name, so reader tests say which sheet they look at; a snapshot not sent is null.</summary>
internal static class PackContentSheets
{
    extension(PackContent content)
    {
        public IReadOnlyList<Parsed<MeetingDetails>> Meetings => content.Rows<MeetingDetails>(RecordKind.Meetings);

        public IReadOnlyList<Parsed<IncidentDetails>> Incidents => content.Rows<IncidentDetails>(RecordKind.Incidents);

        public IReadOnlyList<Parsed<ComplaintDetails>> Complaints => content.Rows<ComplaintDetails>(RecordKind.Complaints);

        public IReadOnlyList<Parsed<AuditRow>> Audits => content.Rows<AuditRow>(RecordKind.Audits);

        public IReadOnlyList<Parsed<RecoveryDetails>> Recovery => content.Rows<RecoveryDetails>(RecordKind.Recovery);

        public IReadOnlyList<Parsed<TrainingDetails>>? Training => content.Sent(RecordKind.Training) ? content.Rows<TrainingDetails>(RecordKind.Training) : null;

        public IReadOnlyList<Parsed<SupervisionDetails>>? Supervision => content.Sent(RecordKind.Supervision) ? content.Rows<SupervisionDetails>(RecordKind.Supervision) : null;
    }
}
