using Verivius.Tests.Support;
using Verivius.Tests.Web;

namespace Verivius.Tests.Features;

// The tests that most depend on what the database does, run again with PostgreSQL as the portal's
// database: who may reach what, a pack's import, preview and upload with its transactions, and the
// trail audit's month read by joins and unions in SQL.

public sealed class AccessMatrixOnPostgreSqlTests(PostgreSqlPortal portal) : AccessMatrixTests(portal), IClassFixture<PostgreSqlPortal>;

public sealed class PackImportOnPostgreSqlTests(PostgreSqlPortal portal) : PackImportTests(portal), IClassFixture<PostgreSqlPortal>;

public sealed class PackPreviewOnPostgreSqlTests(PostgreSqlPortal portal) : PackPreviewTests(portal), IClassFixture<PostgreSqlPortal>;

public sealed class PackUploadOnPostgreSqlTests(PostgreSqlPortal portal) : PackUploadTests(portal), IClassFixture<PostgreSqlPortal>;

public sealed class TrailAuditReadsOnPostgreSqlTests(PostgreSqlPortal portal) : TrailAuditReadsOnGeneratedDataTests(portal), IClassFixture<PostgreSqlPortal>;
