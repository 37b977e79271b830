namespace Studios.ServiceDefaults.Input;

/// <summary>Marks a text field of a request body that may hold tabs and line breaks (prose: notes, purpose,
/// instructions). Every other text field is one line. On a positional record write <c>[property: Multiline]</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MultilineAttribute : Attribute;
