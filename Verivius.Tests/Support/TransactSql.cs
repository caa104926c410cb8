using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Verivius.Tests.Support;

/// <summary>Microsoft's own T-SQL parser, for the SQL written for SQL Server, which cannot run here.</summary>
internal static class TransactSql
{
    /// <summary>The parser's errors in <paramref name="sql"/>; the visitor, if any, is shown what was parsed.</summary>
    public static IList<ParseError> Parse(string sql, TSqlFragmentVisitor? visitor = null)
    {
        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        if (visitor is not null)
        {
            fragment?.Accept(visitor);
        }

        return errors;
    }
}
