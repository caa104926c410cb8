using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Domain.Challenges;
using Verivius.Domain.Documents;
using Verivius.Domain.Evidence;
using Verivius.Domain.Figures;
using Verivius.Domain.Frameworks;
using Verivius.Domain.History;
using Verivius.Domain.Mail;
using Verivius.Domain.Oversight;
using Verivius.Domain.Packs;
using Verivius.Domain.Providers;
using Verivius.Domain.Sites;
using Verivius.Infrastructure.Identity;

namespace Verivius.Infrastructure.Persistence;

/// <summary>
/// The model of everything Verivius keeps. It is bound to a database provider by one of its two
/// subclasses, each of which owns a migration set generated from this same model.
/// </summary>
public abstract class VeriviusDbContext : IdentityDbContext<VeriviusUser>, IDataProtectionKeyContext
{
    private bool _counting;
    private readonly List<Action> _afterTransaction = [];

    protected VeriviusDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Provider> Providers => Set<Provider>();

    public DbSet<Site> Sites => Set<Site>();

    public DbSet<SiteAssignment> SiteAssignments => Set<SiteAssignment>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<ApiCall> ApiCalls => Set<ApiCall>();

    public DbSet<ChangeLogEntry> ChangeLog => Set<ChangeLogEntry>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<HistoryCheckpoint> HistoryCheckpoints => Set<HistoryCheckpoint>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ImprovementAction> Actions => Set<ImprovementAction>();

    public DbSet<GovernanceMeeting> Meetings => Set<GovernanceMeeting>();

    public DbSet<MeetingDecision> Decisions => Set<MeetingDecision>();

    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<Complaint> Complaints => Set<Complaint>();

    public DbSet<Audit> Audits => Set<Audit>();

    public DbSet<StaffingWeek> Staffing => Set<StaffingWeek>();

    public DbSet<TrainingRecord> Training => Set<TrainingRecord>();

    public DbSet<SupervisionRecord> Supervision => Set<SupervisionRecord>();

    public DbSet<FeedbackItem> Feedback => Set<FeedbackItem>();

    public DbSet<InspectionFinding> InspectionFindings => Set<InspectionFinding>();

    public DbSet<AssuranceStatement> AssuranceStatements => Set<AssuranceStatement>();

    public DbSet<RecoveryRisk> RecoveryRisks => Set<RecoveryRisk>();

    public DbSet<SelfAssessment> SelfAssessments => Set<SelfAssessment>();

    public DbSet<EvidenceAttachment> Attachments => Set<EvidenceAttachment>();

    public DbSet<EvidenceLink> EvidenceLinks => Set<EvidenceLink>();

    public DbSet<MonthlyPack> Packs => Set<MonthlyPack>();

    public DbSet<PackVersion> PackVersions => Set<PackVersion>();

    public DbSet<Challenge> Challenges => Set<Challenge>();

    public DbSet<ChallengeEvent> ChallengeEvents => Set<ChallengeEvent>();

    public DbSet<ChallengeSubject> ChallengeSubjects => Set<ChallengeSubject>();

    public DbSet<ChallengeSettings> ChallengeSettings => Set<ChallengeSettings>();

    public DbSet<OversightMeeting> OversightMeetings => Set<OversightMeeting>();

    public DbSet<OversightMinute> OversightMinutes => Set<OversightMinute>();

    public DbSet<GovernanceDocument> Documents => Set<GovernanceDocument>();

    public DbSet<DocumentSchedule> DocumentSchedules => Set<DocumentSchedule>();

    public DbSet<OutboundMail> Outbox => Set<OutboundMail>();

    public DbSet<MailChoices> MailChoices => Set<MailChoices>();

    public DbSet<MailSchedule> MailSchedules => Set<MailSchedule>();

    public DbSet<AssessmentFramework> Frameworks => Set<AssessmentFramework>();

    public DbSet<ReadinessMapping> ReadinessMappings => Set<ReadinessMapping>();

    public DbSet<FrameworkCrosswalkLink> FrameworkCrosswalk => Set<FrameworkCrosswalkLink>();

    public DbSet<SiteMonthFigures> SiteMonthFigures => Set<SiteMonthFigures>();

    public DbSet<FiguresRecount> FiguresRecounts => Set<FiguresRecount>();

    public DbSet<SiteJudgement> SiteJudgements => Set<SiteJudgement>();

    /// <summary>
    /// Saves in a transaction (this one's if none is open), which the change log's entries are written in too;
    /// counts again in it the <see cref="Domain.Figures.SiteMonthFigures"/> the save changed, so that no reader
    /// ever sees records and figures that disagree; and counts on the changes of each site it changed
    /// (<see cref="SiteJudgement.Changes"/>), so that the challenge engine judges them again.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Changes are detected once per save, here, even with automatic detection off (the pack import): the
        // figures, the sites changed and the change log then read the same entries without each scanning every
        // tracked entity again, thousands of them in an import. A counting save adds its counted rows itself,
        // after the save that detected: it has nothing to detect, and scanning the tracked register again for
        // each recount would cost more than the count.
        if (!_counting)
        {
            ChangeTracker.DetectChanges();
        }

        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return _counting
                ? await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken)
                : await SaveCountingFiguresAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    private async Task<int> SaveCountingFiguresAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var touched = FiguresTouched.Of(ChangeTracker);
        var sitesChanged = (await SitesChanged.ByAsync(this, cancellationToken)).ToList();
        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        HoldsChangeLogUntilCommit = transaction is not null;
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (!touched.IsEmpty || sitesChanged.Count > 0)
            {
                await CountAsync(touched, sitesChanged, cancellationToken);
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return saved;
        }
        finally
        {
            HoldsChangeLogUntilCommit = false;
            foreach (var release in _afterTransaction)
            {
                release();
            }

            _afterTransaction.Clear();
        }
    }

    /// <summary>True while a save runs in a transaction this context opened for it, whose change log entries other writers cannot see yet.</summary>
    internal bool HoldsChangeLogUntilCommit { get; private set; }

    /// <summary>Runs <paramref name="release"/> when the transaction this context opened for a save ends, committed or not.</summary>
    internal void AfterTransaction(Action release) => _afterTransaction.Add(release);

    /// <summary>True while this context holds the change log's gate until its transaction ends; its counting saves need not wait for it.</summary>
    internal bool HoldsChangeLogGate => _afterTransaction.Count > 0;

    private async Task CountAsync(FiguresTouched touched, List<Guid> sitesChanged, CancellationToken cancellationToken)
    {
        _counting = true;
        try
        {
            await SiteJudgements.Where(j => sitesChanged.Contains(j.SiteId)).ExecuteUpdateAsync(j => j.SetProperty(x => x.Changes, x => x.Changes + 1), cancellationToken);
            if (!touched.IsEmpty)
            {
                await SiteMonthCounting.RecountAsync(this, touched, cancellationToken);
            }
        }
        finally
        {
            _counting = false;
        }
    }

    // Nothing in the portal saves synchronously; this keeps a synchronous save from skipping the count.
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enumerations are stored by name: readable in the database and in the change log, and safe
        // when a value is added in the middle of an enumeration.
        foreach (var enumeration in typeof(Site).Assembly.GetTypes().Where(t => t.IsEnum))
        {
            configurationBuilder.Properties(enumeration).HaveConversion<string>().HaveMaxLength(40);
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(VeriviusDbContext).Assembly);
    }
}
