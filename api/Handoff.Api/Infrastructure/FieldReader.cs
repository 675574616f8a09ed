using Handoff.Scheduling.Org;
using Handoff.Scheduling.Time;
using Handoff.Storage;
using NodaTime;
using NodaTime.Text;

namespace Handoff.Api.Infrastructure;

/// <summary>
/// Reads a request's text fields, once each, into the types they mean (<see cref="NodaTime.Instant"/>,
/// <see cref="DateTimeZone"/>, <see cref="LocalDate"/>, <see cref="EmailAddress"/>). A field that cannot be read gets
/// a message under its JSON path and reads as null, so one 400 still lists every field at fault; validators then see
/// typed values and check only ranges and relations, never the text again.
/// </summary>
/// <remarks>
/// Why not JSON converters bound to NodaTime types: a converter throws at the first bad value, so the answer would name
/// one field, not all of them, with System.Text.Json's wording instead of ours; and Windows zone ids ("Eastern Standard
/// Time") are not tzdb ids. The wire records stay strings, so the OpenAPI document and the pane's contract say strings.
/// </remarks>
public sealed class FieldReader
{
    public const string InstantExample = "2026-12-03T15:00:00Z";

    private readonly Dictionary<string, string[]> _errors;
    private readonly string _prefix;
    private readonly List<(string Field, string? Format)>? _reads;

    public FieldReader() : this(new Dictionary<string, string[]>(StringComparer.Ordinal), "", null)
    {
    }

    private FieldReader(Dictionary<string, string[]> errors, string prefix, List<(string Field, string? Format)>? reads)
    {
        _errors = errors;
        _prefix = prefix;
        _reads = reads;
    }

    /// <summary>
    /// A reader that also notes each field it reads, with its OpenAPI format ("date-time", "date", "email"; "email[]"
    /// for a list of addresses), so the document is written from the parse itself: run on an empty body, the fields it
    /// refuses are the required ones (<see cref="OpenApiValidationRules"/>). Tests use it to see each field read once.
    /// </summary>
    public static FieldReader ForShapes() => new(new Dictionary<string, string[]>(StringComparer.Ordinal), "", []);

    /// <summary>The fields read, in order, by JSON path, with their format; empty unless made by <see cref="ForShapes"/>.</summary>
    public IReadOnlyList<(string Field, string? Format)> Reads => _reads ?? [];

    /// <summary>Messages by JSON path ("start", "attendees[1]", "activities[0].at"), as a validation problem lists them.</summary>
    public Dictionary<string, string[]> Errors => _errors;

    public bool Failed => _errors.Count > 0;

    /// <summary>A reader for a nested object or list item: its errors go under "<paramref name="path"/>.field".</summary>
    public FieldReader Under(string path) => new(_errors, $"{_prefix}{path}.", _reads);

    /// <summary>Adds a message under the field's JSON path (after this reader's prefix).</summary>
    public void Fail(string field, string message)
    {
        var key = _prefix + field;
        _errors[key] = _errors.TryGetValue(key, out var existing) ? [.. existing, message] : [message];
    }

    /// <summary>An ISO 8601 instant ("2026-12-03T15:00:00Z", "…000Z", "…-05:00"); null when absent or unreadable.</summary>
    /// <param name="refused">The message for text that is missing or not an instant, when the field says it its own way.</param>
    public Instant? Instant(string field, string? text, bool required = true, Func<string?, string>? refused = null)
    {
        Note(field, "date-time");
        if (text is null && !required)
        {
            return null;
        }
        if (Instants.TryParse(text, out var instant))
        {
            return instant;
        }
        Fail(field, refused?.Invoke(text) ?? (string.IsNullOrWhiteSpace(text)
            ? $"'{field}' is required: an ISO 8601 instant such as {InstantExample}."
            : $"'{text}' is not an ISO 8601 instant such as {InstantExample}."));
        return null;
    }

    /// <summary>An IANA ("America/New_York") or Windows ("Eastern Standard Time") zone id; an optional one may be absent, not blank.</summary>
    public DateTimeZone? Zone(string field, string? text, bool required)
    {
        Note(field, null);
        if (text is null && !required)
        {
            return null;
        }
        if (TimeZoneIds.TryResolve(text, out var zone))
        {
            return zone;
        }
        Fail(field, string.IsNullOrWhiteSpace(text)
            ? $"'{field}' is required: an IANA or Windows time zone id such as America/New_York or Eastern Standard Time."
            : $"'{text}' is not a known IANA or Windows time zone id.");
        return null;
    }

    /// <summary>An ISO calendar date ("2026-12-03"); an optional one is null when absent or blank.</summary>
    /// <param name="refused">The message for text that is missing or not a date, when the field says it its own way.</param>
    public LocalDate? Date(string field, string? text, bool required = false, Func<string?, string>? refused = null)
    {
        Note(field, "date");
        if (string.IsNullOrWhiteSpace(text) && !required)
        {
            return null;
        }
        var result = text is null ? null : LocalDatePattern.Iso.Parse(text.Trim());
        if (result is { Success: true })
        {
            return result.Value;
        }
        Fail(field, refused?.Invoke(text) ?? (string.IsNullOrWhiteSpace(text)
            ? $"'{field}' is required: an ISO date such as 2026-12-03."
            : $"'{text}' is not an ISO date such as 2026-12-03."));
        return null;
    }

    /// <summary>
    /// A clock time "HH:mm" (a day's working hours), required; "24:00" (the end of the day, read as midnight) only when
    /// <paramref name="endOfDay"/>. <paramref name="refused"/> words the message for text that is missing or not a time.
    /// </summary>
    public LocalTime? ClockTime(string field, string? text, bool endOfDay, Func<string?, string> refused)
    {
        Note(field, null);
        if ((endOfDay || text is not "24:00") && OrgMapping.TryParseTime(text, out var time))
        {
            return time;
        }
        Fail(field, refused(text));
        return null;
    }

    /// <summary>An optional e-mail address; present means valid (the same rule as every address field: <see cref="EmailText"/>).</summary>
    public EmailAddress? Email(string field, string? text)
    {
        Note(field, "email");
        if (text is null)
        {
            return null;
        }
        if (EmailText.IsValid(text))
        {
            return new EmailAddress(text);
        }
        Fail(field, $"'{field}' is not a valid e-mail address.");
        return null;
    }

    /// <summary>
    /// A required list of addresses, at most <paramref name="max"/> (past it the list is refused whole: reading 300,000
    /// addresses one by one only costs CPU). Null when absent, too long or any address is unreadable.
    /// </summary>
    public IReadOnlyList<EmailAddress>? Emails(string field, IReadOnlyList<string?>? items, int max, string tooMany)
    {
        Note(field, "email[]");
        if (items is null)
        {
            Fail(field, $"'{field}' is required (an empty list is fine).");
            return null;
        }
        if (items.Count > max)
        {
            Fail(field, tooMany);
            return null;
        }
        var addresses = new EmailAddress[items.Count];
        var ok = true;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var at = $"{field}[{i}]";
            if (string.IsNullOrWhiteSpace(item))
            {
                Fail(at, $"'{field}' must not be empty.");
            }
            if (item is null)
            {
                ok = false;
                continue;
            }
            if (!EmailText.IsValid(item))
            {
                Fail(at, $"'{item}' is not a valid e-mail address.");
                ok = false;
                continue;
            }
            addresses[i] = new EmailAddress(item);
        }
        return ok ? addresses : null;
    }

    private void Note(string field, string? format) => _reads?.Add((_prefix + field, format));

    /// <summary>Free text as stored: trimmed, null when blank.</summary>
    public static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>
/// What Handoff accepts as an e-mail address: one '@', neither first nor last. The rule of FluentValidation's
/// EmailAddress() (its default, ASP.NET Core compatible mode) and of [EmailAddress], which the API used before it read
/// addresses at the edge; deliberately loose (mail systems are the judge of deliverability), and kept in one place.
/// </summary>
public static class EmailText
{
    public static bool IsValid(string text)
    {
        var at = text.IndexOf('@');
        return at > 0 && at != text.Length - 1 && at == text.LastIndexOf('@');
    }
}
