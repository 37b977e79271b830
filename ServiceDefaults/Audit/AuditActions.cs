namespace Studios.ServiceDefaults.Audit;

/// <summary>The privileged actions the services record, named once so operators can filter on stable words.</summary>
public static class AuditActions
{
    public const string StudioApproved = "studio.approved";
    public const string StudioDeclined = "studio.declined";
    public const string StudioPaused = "studio.paused";
    public const string StudioResumed = "studio.resumed";
    public const string StudioRetired = "studio.retired";
    public const string StewardAdded = "steward.added";
    public const string StewardUpdated = "steward.updated";
    public const string StewardRemoved = "steward.removed";
    public const string StewardAssigned = "steward.assigned";
    public const string StewardUnassigned = "steward.unassigned";
    public const string MemberRemoved = "member.removed";
    public const string MemberRoleChanged = "member.role-changed";
    public const string PersonErased = "person.erased";
    public const string ErrorQueueRequeued = "error-queue.requeued";
    public const string MailResent = "mail.resent";
    public const string FailedMailsResent = "mail.failed-resent";
}
