using System.Data;
using Dapper;

namespace Studios.ServiceDefaults.Data;

/// <summary>How every service's rows hold time: Npgsql reads timestamptz and date as DateTime, so these let Dapper fill
/// DateTimeOffset (UTC) and DateOnly members, and write instants in UTC (Npgsql refuses a timestamptz with any other offset).</summary>
public static class DapperTimestamps
{
    private static int _registered;

    /// <summary>Registers the handlers once per process (Dapper's type map is global).</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
    }

    /// <summary>A timestamptz Npgsql returned as DateTime (always UTC) as the instant it is.</summary>
    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) => parameter.Value = value.ToUniversalTime();

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset instant => instant,
            DateTime time => Utc(time),
            _ => throw new InvalidCastException($"Cannot read {value.GetType().Name} as DateTimeOffset."),
        };
    }

    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            parameter.DbType = DbType.Date;
            parameter.Value = value;
        }

        public override DateOnly Parse(object value) => value switch
        {
            DateOnly date => date,
            DateTime time => DateOnly.FromDateTime(time),
            _ => throw new InvalidCastException($"Cannot read {value.GetType().Name} as DateOnly."),
        };
    }
}
