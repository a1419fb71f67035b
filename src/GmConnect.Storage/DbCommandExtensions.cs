using System.Data.Common;

namespace GmConnect.Storage;

/// <summary>Small helpers for plain parameterised SQL on either provider.</summary>
public static class DbCommandExtensions
{
    /// <summary>Creates a command with its text (and transaction, when given).</summary>
    public static DbCommand Command(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    /// <summary>Adds a named parameter (<c>@name</c> in the SQL); null becomes SQL NULL.</summary>
    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>Reads a nullable string column.</summary>
    public static string? GetNullableString(this DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }
}
