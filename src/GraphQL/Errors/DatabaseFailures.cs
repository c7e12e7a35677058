using System.Data.Common;
using System.Net.Sockets;

namespace Kezek.GraphQL.Errors;

/// <summary>
/// Tells a database that cannot be reached for now (stopped, restarting, the network or the pool gone) from a bug: such a
/// failure is answered with <c>503</c>, <c>Retry-After</c> and <see cref="RequestErrorCodes.ServiceUnavailable"/>, never as an
/// internal error. Its transaction was never committed (or rolled back with the lost connection), so a retry is safe.
/// </summary>
public static class DatabaseFailures
{
    /// <summary>The seconds a client is asked to wait before it tries again.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>
    /// A value the database cannot store: PostgreSQL refuses a NUL character in text (SQLSTATE 22021) and characters its
    /// encoding cannot hold (22P05). Bad input, answered as such.
    /// </summary>
    public static bool IsUnstorableText(Exception? exception)
    {
        for (var depth = 0; exception is not null && depth < 10; depth++)
        {
            if (exception is DbException { SqlState: "22021" or "22P05" })
                return true;
            exception = exception.InnerException;
        }

        return false;
    }

    public static bool IsUnavailable(Exception? exception)
    {
        for (var depth = 0; exception is not null && depth < 10; depth++)
        {
            switch (exception)
            {
                case DbException { IsTransient: true }:
                    return true;
                case DbException when exception.InnerException is SocketException or IOException or TimeoutException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsUnavailable):
                    return true;
            }

            exception = exception.InnerException;
        }

        return false;
    }
}
