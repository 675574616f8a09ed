using System.Globalization;
using System.Text.Json;
using Handoff.Scheduling.Calendars;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.Calendar.GetSchedule;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Handoff.Graph;

/// <summary>One mailbox's answer in a getSchedule call: its schedule, or why Graph could not read it.</summary>
internal sealed record ScheduleAnswer(string Email, IReadOnlyList<CachedItem>? Items, CachedHours? Hours, CalendarProblem? Problem);

/// <summary>
/// One <c>POST /users/{mailbox}/calendar/getSchedule</c> for up to 20 addresses, through the SDK's own
/// pipeline, within the check's deadline. Never throws for a Graph failure: every address gets an answer.
/// </summary>
internal sealed class ScheduleFetcher(GraphCalendarClient graph, IOptions<GraphOptions> options, IMailboxGate gate, ILogger<ScheduleFetcher> logger, IDelegatedTokenSource? delegated = null)
{
    /// <summary>getSchedule takes at most 20 addresses per call.</summary>
    public const int MaxSchedulesPerCall = 20;

    /// <summary>We read scheduleItems, not the availabilityView string; an hour per digit keeps it short.</summary>
    private const int AvailabilityViewMinutes = 60;

    private static readonly LocalDateTimePattern RequestDateTime = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss");

    /// <summary>
    /// The generated request builders' mapping, spelled by status class: a 4xx or 5xx body is Graph's OData error
    /// (Kiota's request adapter looks up the exact status, then "4XX"/"5XX", then the catch-all the builders use).
    /// </summary>
    private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping = new(StringComparer.OrdinalIgnoreCase)
    {
        ["4XX"] = ODataError.CreateFromDiscriminatorValue,
        ["5XX"] = ODataError.CreateFromDiscriminatorValue,
    };

    private readonly GraphOptions _options = options.Value;

    /// <summary>
    /// The calling mailbox: the signed-in SDR's own (delegated, <c>/me</c>) or the schedule mailbox (app-only).
    /// Outlook's limit of 4 concurrent requests applies per app and mailbox, so the gate is keyed by it, and what a
    /// schedule shows depends on whose sharing applies, so the cache is too. The gate holds per API instance unless a shared (Redis) gate is configured.
    /// </summary>
    public string CallingMailbox => _options.OnBehalfOf ? $"me:{delegated?.CallerKey ?? "unknown"}" : _options.UsesMe ? "me" : _options.ScheduleMailbox!;

    public async Task<IReadOnlyList<ScheduleAnswer>> FetchAsync(IReadOnlyList<string> emails, Interval window, CheckDeadline deadline, CancellationToken caller)
    {
        var callingMailbox = CallingMailbox; // read before any await: the caller's identity flows with the request
        using var activity = GraphMetrics.Activities.StartActivity("graph getSchedule");
        activity?.SetTag("handoff.mailbox_count", emails.Count);
        try
        {
            IReadOnlyList<ScheduleInfo> schedules;
            using (await gate.EnterAsync(callingMailbox, deadline.Token).ConfigureAwait(false))
            {
                schedules = await PostAsync(emails, window, deadline).ConfigureAwait(false);
            }
            logger.CallSucceeded(callingMailbox, emails.Count, (long)deadline.Elapsed.TotalMilliseconds);
            GraphMetrics.Call(ok: true);
            return Answers(emails, schedules);
        }
        catch (OperationCanceledException) when (caller.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Graph throttled, failed, timed out or refused us: every address of this call is unverified.
            var failure = GraphFailure.From(ex, deadline);
            logger.CallDegraded(ex, callingMailbox, emails.Count, (long)deadline.Elapsed.TotalMilliseconds,
                failure.Reason, failure.Status, failure.GraphCode, failure.GraphMessage, failure.RequestId);
            GraphMetrics.Call(ok: false);
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, failure.Reason);
            activity?.SetTag("handoff.graph.request_id", failure.RequestId);
            var problem = new CalendarProblem(failure.Reason, Outage: true);
            return emails.Select(e => new ScheduleAnswer(e, null, null, problem)).ToArray();
        }
    }

    /// <summary>
    /// The SDK builds the request (URL, body, headers, options) and sends it through its own pipeline (auth, retry
    /// within the check's budget, redirect, compression); a failure status becomes the SDK's <see cref="ODataError"/>
    /// as before. Only the success body is read by <see cref="GetScheduleJson"/> instead of the SDK's models.
    /// </summary>
    private async Task<IReadOnlyList<ScheduleInfo>> PostAsync(IReadOnlyList<string> emails, Interval window, CheckDeadline deadline)
    {
        void Configure(RequestConfiguration<DefaultQueryParameters> request)
        {
            // Item times come back in UTC, so no zone guesswork on our side.
            request.Headers.Add("Prefer", "outlook.timezone=\"UTC\"");
            request.Options.Add(deadline.RetryOption());
        }
        // A delegated token (on-behalf-of the SDR, or a trial token) reads the signed-in user's own getSchedule.
        var request = _options.UsesMe
            ? graph.Client.Me.Calendar.GetSchedule.ToPostRequestInformation(new Microsoft.Graph.Me.Calendar.GetSchedule.GetSchedulePostRequestBody
            {
                Schedules = emails.ToList(), StartTime = Utc(window.Start), EndTime = Utc(window.End), AvailabilityViewInterval = AvailabilityViewMinutes,
            }, Configure)
            : graph.Client.Users[_options.ScheduleMailbox].Calendar.GetSchedule.ToPostRequestInformation(new GetSchedulePostRequestBody
            {
                Schedules = emails.ToList(), StartTime = Utc(window.Start), EndTime = Utc(window.End), AvailabilityViewInterval = AvailabilityViewMinutes,
            }, Configure);
        var body = await graph.Client.RequestAdapter.SendPrimitiveAsync<Stream>(request, ErrorMapping, deadline.Token).ConfigureAwait(false);
        if (body is null)
        {
            return [];
        }
        await using (body.ConfigureAwait(false))
        {
            var answer = await JsonSerializer.DeserializeAsync(body, GetScheduleJson.Default.GetScheduleAnswer, deadline.Token).ConfigureAwait(false);
            return answer?.Value ?? [];
        }
    }

    private static DateTimeTimeZone Utc(Instant instant) =>
        new() { DateTime = RequestDateTime.Format(instant.InUtc().LocalDateTime), TimeZone = "UTC" };

    private IReadOnlyList<ScheduleAnswer> Answers(IReadOnlyList<string> emails, IReadOnlyList<ScheduleInfo> schedules)
    {
        var byId = new Dictionary<string, ScheduleInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var schedule in schedules.Where(s => s.ScheduleId is not null))
        {
            byId.TryAdd(schedule.ScheduleId!, schedule);
        }
        return emails.Select((email, i) =>
        {
            // Graph answers in request order; the id match covers a reordered or partial answer.
            var schedule = byId.GetValueOrDefault(email) ?? (schedules.Count == emails.Count && schedules[i].ScheduleId is null ? schedules[i] : null);
            return schedule is null
                ? new ScheduleAnswer(email, null, null, new CalendarProblem("Microsoft Graph returned no schedule for this mailbox", Outage: false))
                : Answer(email, schedule);
        }).ToArray();
    }

    private ScheduleAnswer Answer(string email, ScheduleInfo schedule)
    {
        if (schedule.Error is { } error)
        {
            logger.ScheduleFailed(email, error.Message, error.ResponseCode);
            return new ScheduleAnswer(email, null, null, new CalendarProblem(Describe(error), Outage: false));
        }
        try
        {
            var items = ScheduleMapping.Items(schedule.ScheduleItems);
            var hours = ScheduleMapping.Hours(schedule.WorkingHours, out var unknownZone);
            if (unknownZone is not null)
            {
                logger.UnknownZone(email, unknownZone);
            }
            return new ScheduleAnswer(email, items, hours, null);
        }
        catch (Exception ex) when (ex is FormatException or UnparsableValueException or ArgumentException)
        {
            logger.UnreadableSchedule(ex, email);
            return new ScheduleAnswer(email, null, null, new CalendarProblem("Microsoft Graph returned a schedule this app could not read", Outage: false));
        }
    }

    /// <summary>Per-mailbox errors in the SDR's words; 5009 is Exchange's "cannot resolve this address".</summary>
    private static string Describe(ScheduleError error) => error.ResponseCode switch
    {
        "5009" => "Microsoft 365 does not know this address",
        _ when !string.IsNullOrWhiteSpace(error.Message) => string.Create(CultureInfo.InvariantCulture, $"Microsoft Graph: {error.Message.TrimEnd('.')}"),
        _ => $"Microsoft Graph could not read this mailbox (code {error.ResponseCode})",
    };
}
