using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verivius.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <summary>
    /// The change log is append-only: a trigger refuses every update and delete (whoever runs them), and
    /// the permissions deny them to ordinary database users as well.
    /// </summary>
    public partial class ChangeLogAppendOnly : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // CREATE TRIGGER must begin its batch; EF's idempotent script puts each statement inside an
            // IF block, so the trigger is created by EXEC, which is its own batch in either script.
            migrationBuilder.Sql("""
                EXEC(N'CREATE TRIGGER [ChangeLog_AppendOnly] ON [ChangeLog] INSTEAD OF UPDATE, DELETE AS
                BEGIN
                    THROW 51000, ''The change log is append-only: an entry cannot be changed or deleted.'', 1;
                END;');
                """);
            migrationBuilder.Sql("DENY UPDATE, DELETE ON [ChangeLog] TO PUBLIC;");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("REVOKE UPDATE, DELETE ON [ChangeLog] TO PUBLIC;");
            migrationBuilder.Sql("DROP TRIGGER [ChangeLog_AppendOnly];");
        }
    }
}
