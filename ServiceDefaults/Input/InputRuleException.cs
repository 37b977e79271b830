using System.Text.Json;

namespace Studios.ServiceDefaults.Input;

/// <summary>Thrown by our converters: its message is the reason a client reads, and System.Text.Json adds the path.</summary>
internal sealed class InputRuleException(string reason) : JsonException(reason);
