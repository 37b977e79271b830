using Studios.PracticeContent.Domain;

namespace Studios.PracticeContent.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class ReflectionRulesTests
{
    private static readonly Guid Author = Guid.NewGuid();
    private static readonly Guid Reader = Guid.NewGuid();

    [Fact]
    public void Private_is_for_the_author_only_even_for_studio_members()
    {
        Assert.True(ReflectionRules.MayRead(Author, Author, ReflectionVisibility.Private, false));
        Assert.False(ReflectionRules.MayRead(Reader, Author, ReflectionVisibility.Private, readerIsStudioMember: true));
    }

    [Fact]
    public void Studio_is_for_members_and_network_for_everyone()
    {
        Assert.True(ReflectionRules.MayRead(Reader, Author, ReflectionVisibility.Studio, true));
        Assert.False(ReflectionRules.MayRead(Reader, Author, ReflectionVisibility.Studio, false));
        Assert.True(ReflectionRules.MayRead(Reader, Author, ReflectionVisibility.Network, false));
    }

    [Theory]
    [InlineData("private", true)]
    [InlineData("studio", true)]
    [InlineData("network", true)]
    [InlineData("Network", false)]
    [InlineData("1", false)]
    [InlineData("public", false)]
    [InlineData(null, false)]
    public void Only_the_wire_names_parse(string? value, bool ok) => Assert.Equal(ok, ReflectionRules.TryParse(value, out _));
}
