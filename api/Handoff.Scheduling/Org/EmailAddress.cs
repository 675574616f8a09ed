namespace Handoff.Scheduling.Org;

/// <summary>
/// An e-mail address, normalised once where it enters: trimmed, and compared without regard to case (mail systems
/// route "Dana.Ruiz@Example.com" and "dana.ruiz@example.com" to one mailbox), so no comparison downstream re-decides
/// how addresses compare. <see cref="Value"/> keeps the address as written, for display.
/// </summary>
public readonly struct EmailAddress : IEquatable<EmailAddress>, IComparable<EmailAddress>
{
    private readonly string? _value;
    private readonly string? _key;

    public EmailAddress(string value)
    {
        _value = value.Trim();
        _key = _value.ToLowerInvariant();
    }

    /// <summary>Compares address strings as addresses (trimmed, any case): for dictionaries keyed by raw strings.</summary>
    public static IEqualityComparer<string> Comparer { get; } = new StringComparer();

    /// <summary>The address as written, trimmed.</summary>
    public string Value => _value ?? "";

    /// <summary>
    /// The form addresses are compared and stored by (trimmed, lower case): the storage's unique e-mail keys are this,
    /// so the database and the core agree on which addresses are the same.
    /// </summary>
    public string Key => _key ?? "";

    /// <summary>The part after the last '@', lower case; null when there is none.</summary>
    public string? Domain => _key is { } key && key.LastIndexOf('@') is var at && at >= 0 && at < key.Length - 1 ? key[(at + 1)..] : null;

    /// <summary>True when both strings are the same address.</summary>
    public static bool Same(string? a, string? b) => a is null || b is null ? a is null && b is null : new EmailAddress(a).Equals(new EmailAddress(b));

    public bool Equals(EmailAddress other) => string.Equals(_key, other._key, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is EmailAddress other && Equals(other);

    public override int GetHashCode() => _key is null ? 0 : _key.GetHashCode(StringComparison.Ordinal);

    public int CompareTo(EmailAddress other) => string.CompareOrdinal(_key, other._key);

    public override string ToString() => Value;

    public static bool operator ==(EmailAddress a, EmailAddress b) => a.Equals(b);

    public static bool operator !=(EmailAddress a, EmailAddress b) => !a.Equals(b);

    private sealed class StringComparer : IEqualityComparer<string>
    {
        public bool Equals(string? x, string? y) => Same(x, y);

        public int GetHashCode(string obj) => new EmailAddress(obj).GetHashCode();
    }
}
