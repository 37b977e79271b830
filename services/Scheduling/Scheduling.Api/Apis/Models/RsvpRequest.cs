using Studios.Scheduling.Domain;

namespace Studios.Scheduling.Apis.Models;

public sealed record RsvpRequest(RsvpResponse? Response);
