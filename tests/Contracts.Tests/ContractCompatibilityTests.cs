using System.Text.Json.Nodes;

namespace Studios.Contracts.Tests;

/// <summary>The comparison behind the snapshot test, on made-up messages: each kind of break is caught, additions are not.</summary>
public sealed class ContractCompatibilityTests
{
    private static JsonObject Snapshot(string urn = "studios:membership:member-joined-studio:v1", string type = "Studios.Membership.Contracts.MemberJoinedStudio",
        Action<JsonObject>? change = null)
    {
        var shape = new JsonObject
        {
            ["studioId"] = "uuid",
            ["role"] = "string",
            ["tags"] = new JsonArray("string"),
            ["plan"] = new JsonObject { ["planId"] = "uuid", ["minutes"] = "int32" },
            ["occurredAt"] = "date-time-offset",
        };
        change?.Invoke(shape);
        return new JsonObject { [urn] = new JsonObject { ["type"] = type, ["shape"] = shape } };
    }

    [Fact]
    public void The_same_shape_breaks_nothing() => Assert.Empty(ContractCompatibility.Breaks(Snapshot(), Snapshot()));

    [Fact]
    public void Added_fields_and_messages_break_nothing()
    {
        var after = Snapshot(change: shape =>
        {
            shape["note"] = "string?";
            shape["mentions"] = new JsonArray("uuid", "(nullable)");
            shape["plan"]!.AsObject()["title"] = "string";
        });
        after["studios:membership:person-registered:v1"] = new JsonObject { ["type"] = "X.PersonRegistered", ["shape"] = new JsonObject() };
        Assert.Empty(ContractCompatibility.Breaks(Snapshot(), after));
    }

    [Fact]
    public void A_removed_or_renamed_field_breaks() =>
        Assert.Contains("studios:membership:member-joined-studio:v1.role: field removed or renamed",
            ContractCompatibility.Breaks(Snapshot(), Snapshot(change: shape => shape.Remove("role"))));

    [Fact]
    public void A_retyped_field_breaks()
    {
        Assert.Single(ContractCompatibility.Breaks(Snapshot(), Snapshot(change: shape => shape["role"] = "int32")));
        Assert.Single(ContractCompatibility.Breaks(Snapshot(), Snapshot(change: shape => shape["role"] = "string?")));
        Assert.Single(ContractCompatibility.Breaks(Snapshot(), Snapshot(change: shape => shape["tags"] = new JsonArray("uuid"))));
        Assert.Equal(["studios:membership:member-joined-studio:v1.tags: became nullable"],
            ContractCompatibility.Breaks(Snapshot(), Snapshot(change: shape => shape["tags"] = new JsonArray("string", "(nullable)"))));
    }

    [Fact]
    public void A_change_inside_a_nested_record_breaks() =>
        Assert.Contains("studios:membership:member-joined-studio:v1.plan.minutes: field removed or renamed",
            ContractCompatibility.Breaks(Snapshot(), Snapshot(change: shape => shape["plan"]!.AsObject().Remove("minutes"))));

    [Fact]
    public void A_changed_urn_breaks() =>
        Assert.Contains("Studios.Membership.Contracts.MemberJoinedStudio: URN changed from studios:membership:member-joined-studio:v1 to studios:membership:member-joined:v1",
            ContractCompatibility.Breaks(Snapshot(), Snapshot(urn: "studios:membership:member-joined:v1")));

    [Fact]
    public void A_removed_message_breaks() =>
        Assert.Contains("studios:membership:member-joined-studio:v1 (Studios.Membership.Contracts.MemberJoinedStudio): message removed",
            ContractCompatibility.Breaks(Snapshot(), new JsonObject()));
}
