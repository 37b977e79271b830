using Studios.PracticeContent.Domain;
using Studios.ServiceDefaults.Http;

namespace Studios.PracticeContent.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class SessionPlanContentTests
{
    [Fact]
    public void The_total_is_the_sum_of_time_boxes_and_must_fit_the_session()
    {
        var practice = Guid.NewGuid();
        var errors = new FieldErrors();
        var plan = SessionPlanContent.From("Evening", 60, [new PlanStepInput(practice, 2, null, null, 25), new PlanStepInput(null, null, "Close", null, 10)], errors);
        Assert.False(errors.Any);
        Assert.Equal(35, plan!.TotalMinutes);
        Assert.True(plan.Steps[0].IsPractice);
        Assert.Equal(2, plan.Steps[0].Version);

        var tooLong = new FieldErrors();
        Assert.Null(SessionPlanContent.From("Evening", 30, [new PlanStepInput(null, null, "Talk", null, 31)], tooLong));
        Assert.Contains("does not fit", tooLong.ToDictionary()["steps"][0]);
    }

    [Fact]
    public void Practice_steps_pin_a_version_and_free_steps_need_a_title()
    {
        var errors = new FieldErrors();
        Assert.Null(SessionPlanContent.From("Plan", 30,
            [new PlanStepInput(Guid.NewGuid(), null, null, null, 5), new PlanStepInput(null, null, null, null, 5), new PlanStepInput(null, 3, "X", null, 0)],
            errors));
        var fields = errors.ToDictionary().Keys;
        Assert.Contains("steps[0].version", fields);
        Assert.Contains("steps[1].title", fields);
        Assert.Contains("steps[2].practiceId", fields);
        Assert.Contains("steps[2].minutes", fields);
    }

    [Fact]
    public void Same_content_is_recognised_as_unchanged()
    {
        var a = SessionPlanContent.From("Plan", 30, [new PlanStepInput(null, null, "Talk", "n", 5)], new FieldErrors())!;
        var b = SessionPlanContent.From("Plan", 30, [new PlanStepInput(null, null, "Talk", "n", 5)], new FieldErrors())!;
        Assert.True(a.SameAs(b));
        Assert.False(a.SameAs(b with { SessionMinutes = 31 }));
    }
}
