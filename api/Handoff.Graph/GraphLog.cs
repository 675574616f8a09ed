using Microsoft.Extensions.Logging;

namespace Handoff.Graph;

/// <summary>Structured log events of the Graph calendar reader.</summary>
internal static partial class GraphLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning,
        Message = "Graph getSchedule via {ScheduleMailbox} for {MailboxCount} mailboxes degraded after {ElapsedMs} ms: {Cause} (HTTP {Status}, Graph error {GraphCode}: {GraphMessage}, request id {RequestId})")]
    public static partial void CallDegraded(this ILogger logger, Exception exception, string scheduleMailbox, int mailboxCount, long elapsedMs, string cause, int? status, string? graphCode, string? graphMessage, string? requestId);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information,
        Message = "Graph could not read the schedule of {Mailbox}: {GraphMessage} (response code {ResponseCode})")]
    public static partial void ScheduleFailed(this ILogger logger, string mailbox, string? graphMessage, string? responseCode);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning,
        Message = "Graph returned working hours of {Mailbox} in a time zone that could not be resolved: {Zone}")]
    public static partial void UnknownZone(this ILogger logger, string mailbox, string zone);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning,
        Message = "Graph returned a schedule of {Mailbox} that could not be read")]
    public static partial void UnreadableSchedule(this ILogger logger, Exception exception, string mailbox);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "The schedule cache failed; reading Graph instead")]
    public static partial void CacheFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Debug,
        Message = "Graph getSchedule via {ScheduleMailbox} for {MailboxCount} mailboxes answered in {ElapsedMs} ms")]
    public static partial void CallSucceeded(this ILogger logger, string scheduleMailbox, int mailboxCount, long elapsedMs);
}
