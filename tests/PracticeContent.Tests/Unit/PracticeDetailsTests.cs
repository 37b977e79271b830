using Studios.ServiceDefaults.Input;
using Studios.PracticeContent.Domain;
using Studios.ServiceDefaults.Http;

namespace Studios.PracticeContent.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class PracticeDetailsTests
{
    private static PracticeInput Valid(string? title = "Listening pairs", int? min = 10, int? max = 20, params PracticeStepInput?[] steps) =>
        new(title, "Why", "How we begin", "# Markdown\n<script>x</script>", steps.Length == 0 ? [new("Pair up", null, 5)] : steps,
            min, max, 2, 8, ["Listening", " listening ", "Deep   Presence"], ["warm-up"], true, false, null);

    [Fact]
    public void A_valid_practice_is_normalised_and_keeps_markup_as_text()
    {
        var errors = new FieldErrors();
        var details = PracticeDetails.From(Valid(), errors);
        Assert.False(errors.Any);
        Assert.Equal(["listening", "deep presence"], details!.Skills);
        Assert.Equal("# Markdown\n<script>x</script>", details.Instructions);
        Assert.Equal(5, details.StepMinutes);
    }

    [Fact]
    public void Steps_must_fit_the_longest_duration()
    {
        var errors = new FieldErrors();
        Assert.Null(PracticeDetails.From(Valid(min: 5, max: 10, steps: [new("A", null, 6), new("B", null, 5)]), errors));
        Assert.Contains("does not fit", errors.ToDictionary()["steps"][0]);
    }

    [Theory]
    [InlineData(null, "title")]
    [InlineData("   ", "title")]
    [InlineData("Tab\tin title", "title")]
    [InlineData("Bell\u0007", "title")]
    public void Bad_titles_are_refused(string? title, string field)
    {
        var errors = new FieldErrors();
        Assert.Null(PracticeDetails.From(Valid(title), errors));
        Assert.True(errors.ToDictionary().ContainsKey(field));
    }

    [Fact]
    public void An_unpaired_surrogate_is_refused()
    {
        // Built at run time: test-case serialisation would replace the lone surrogate.
        var broken = "Broken " + (char)0xD800 + " surrogate";
        Assert.True(TextRules.HasForbiddenCharacters(broken, multiline: true));
        Assert.False(TextRules.HasForbiddenCharacters("Paired 🌱", multiline: false));
    }

    [Fact]
    public void Durations_group_sizes_and_modes_are_checked()
    {
        var errors = new FieldErrors();
        var input = Valid() with { MinMinutes = 30, MaxMinutes = 20, MinGroupSize = 5, MaxGroupSize = 3, InPerson = false, Online = false };
        Assert.Null(PracticeDetails.From(input, errors));
        var fields = errors.ToDictionary().Keys;
        Assert.Contains("maxMinutes", fields);
        Assert.Contains("maxGroupSize", fields);
        Assert.Contains("online", fields);
    }

    [Fact]
    public void Emoji_and_line_breaks_are_fine_in_prose()
    {
        var errors = new FieldErrors();
        var details = PracticeDetails.From(Valid() with { Intent = "Breathe 🌬️\r\nthen\tlisten" }, errors);
        Assert.False(errors.Any);
        Assert.Equal("Breathe 🌬️\r\nthen\tlisten", details!.Intent);
    }

    [Fact]
    public void Publishing_needs_a_change_and_a_practice_that_is_not_retired()
    {
        var details = PracticeDetails.From(Valid(), new FieldErrors())!;
        Assert.Null(PracticeRules.WhyNotPublish(PracticeStatus.Draft, details, null));
        Assert.NotNull(PracticeRules.WhyNotPublish(PracticeStatus.Published, details, details with { Steps = [.. details.Steps] }));
        Assert.Null(PracticeRules.WhyNotPublish(PracticeStatus.Published, details with { Title = "New" }, details));
        Assert.NotNull(PracticeRules.WhyNotPublish(PracticeStatus.Retired, details with { Title = "New" }, details));
        Assert.NotNull(PracticeRules.WhyNotRetire(PracticeStatus.Draft));
        Assert.Null(PracticeRules.WhyNotRetire(PracticeStatus.Published));
    }

    [Fact]
    public void Authors_and_studio_facilitators_edit_stewards_also_retire()
    {
        var author = Guid.NewGuid();
        var studio = Guid.NewGuid();
        Assert.True(PracticeRules.MayEdit(author, author, null, false));
        Assert.False(PracticeRules.MayEdit(Guid.NewGuid(), author, null, true));
        Assert.True(PracticeRules.MayEdit(Guid.NewGuid(), author, studio, true));
        Assert.False(PracticeRules.MayEdit(Guid.NewGuid(), null, studio, false));
        Assert.True(PracticeRules.MayRetire(false, isSteward: true));
        Assert.False(PracticeRules.MayRetire(false, isSteward: false));
    }
}
