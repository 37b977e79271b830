using Studios.Scheduling.Domain;

namespace Studios.Scheduling.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class RecurrenceRulesTests
{
    [Theory]
    [InlineData("FREQ=WEEKLY;BYDAY=TU")]
    [InlineData("RRULE:FREQ=MONTHLY;BYDAY=2TU;COUNT=6")]
    [InlineData("FREQ=DAILY;INTERVAL=2;UNTIL=20270601")]
    [InlineData("FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1")]
    public void Accepts_daily_and_slower_rules(string rule)
    {
        Assert.NotNull(RecurrenceRules.Parse(rule, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("FREQ=SECONDLY", "SECONDLY")]
    [InlineData("FREQ=MINUTELY;INTERVAL=5", "MINUTELY")]
    [InlineData("FREQ=HOURLY", "HOURLY")]
    [InlineData("FREQ=DAILY;BYHOUR=9,17", "BYHOUR")]
    [InlineData("FREQ=WEEKLY;BYDAY=XX", "not a valid RRULE")]
    [InlineData("BYDAY=TU", "FREQ is required")]
    [InlineData("FREQ=WEEKLY;COUNT=3;UNTIL=20270101", "COUNT and UNTIL")]
    [InlineData("FREQ=WEEKLY;UNTIL=2027", "UNTIL must be")]
    [InlineData("FREQ=WEEKLY;FREQ=DAILY", "twice")]
    [InlineData("FREQ=WEEKLY;X-NAME=1", "X-NAME")]
    [InlineData("garbage", "NAME=VALUE")]
    [InlineData("", "required")]
    public void Refuses_sub_daily_unknown_and_malformed_rules(string rule, string reason)
    {
        Assert.Null(RecurrenceRules.Parse(rule, out var error));
        Assert.Contains(reason, error);
    }
}
