using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verivius.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>The change log is append-only: the database itself refuses to update or delete an entry.</summary>
    public partial class ChangeLogAppendOnly : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER "ChangeLog_NoUpdate" BEFORE UPDATE ON "ChangeLog"
                BEGIN SELECT RAISE(ABORT, 'The change log is append-only: an entry cannot be changed.'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ChangeLog_NoDelete" BEFORE DELETE ON "ChangeLog"
                BEGIN SELECT RAISE(ABORT, 'The change log is append-only: an entry cannot be deleted.'); END;
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "ChangeLog_NoDelete";""");
            migrationBuilder.Sql("""DROP TRIGGER "ChangeLog_NoUpdate";""");
        }
    }
}
