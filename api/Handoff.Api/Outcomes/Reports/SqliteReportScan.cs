using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Handoff.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NodaTime;
using SQLitePCL;

namespace Handoff.Api.Outcomes.Reports;

/// <summary>
/// The report's range scan on SQLite, read straight from SQLite's own statement API (SQLitePCLRaw, the library under
/// Microsoft.Data.Sqlite) over EF's open connection. Through EF the scan cost ~0.75 s for 100,000 rows, mostly the
/// ADO.NET reader's work per value: a new string for every text column (a handful per row, nearly all repeats: the same
/// SDRs, territories, verticals, code lists), and a general <see cref="DateTime.Parse(string)"/> for each of the
/// row's six instants, stored as text. Here each text value is read in place as UTF-8 and looked up among the values
/// already seen in this scan (one string per distinct value), and instants in the layout EF writes
/// ("yyyy-MM-dd HH:mm:ss.FFFFFFF") are read by a fixed-layout parser; anything else falls back to the same general parse.
/// Column and table names come from the EF model, so the query follows the schema. Every row equals EF's reading
/// (ReportScanTests compares both, boundaries and nulls included).
/// </summary>
internal static class SqliteReportScan
{
    private static readonly string[] Columns =
    [
        nameof(HandoffEntity.SdrKey), nameof(HandoffEntity.RsmKeys), nameof(HandoffEntity.Territory), nameof(HandoffEntity.Vertical),
        nameof(HandoffEntity.Start), nameof(HandoffEntity.End), nameof(HandoffEntity.CreatedAt), nameof(HandoffEntity.LeadInAt),
        nameof(HandoffEntity.SentAnyway), nameof(HandoffEntity.ProspectZone), nameof(HandoffEntity.Outcome),
        nameof(HandoffEntity.OutcomeStart), nameof(HandoffEntity.OutcomeEnd), nameof(HandoffEntity.OutcomeAmount), nameof(HandoffEntity.CheckedCodes),
    ];

    /// <summary>The handoffs whose meeting starts in [from, to), every row, in the order SQLite's index gives them.</summary>
    public static void Read(HandoffDbContext db, Instant from, Instant to, HandoffReportService.RowSink sink, CancellationToken ct)
    {
        if (db.Database.GetDbConnection() is not SqliteConnection { Handle: { } handle })
        {
            throw new InvalidOperationException("The SQLite report scan needs EF's SQLite connection, open.");
        }
        var rc = raw.sqlite3_prepare_v2(handle, Sql(db.Model), out var statement);
        using (statement)
        {
            Check(rc, handle);
            Check(raw.sqlite3_bind_text(statement, 1, StoredText(from)), handle);
            Check(raw.sqlite3_bind_text(statement, 2, StoredText(to)), handle);
            var values = new TextValues();
            var rows = 0;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if ((++rows & 1023) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }
                var row = new ReportRow(
                    values.Text(statement, 0) ?? "", values.Text(statement, 1) ?? "", values.Text(statement, 2), values.Text(statement, 3),
                    InstantAt(statement, 4) ?? default, InstantAt(statement, 5) ?? default, InstantAt(statement, 6) ?? default,
                    InstantAt(statement, 7), values.Text(statement, 8) ?? "", values.Text(statement, 9), values.Outcome(statement, 10),
                    InstantAt(statement, 11), InstantAt(statement, 12), DecimalAt(statement, 13), values.Text(statement, 14));
                sink(in row);
            }
            if (rc != raw.SQLITE_DONE)
            {
                Check(rc, handle);
            }
        }
    }

    private static string Sql(IModel model)
    {
        var entity = model.FindEntityType(typeof(HandoffEntity))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => $"\"{entity.FindProperty(property)!.GetColumnName(table)}\"";
        var start = Column(nameof(HandoffEntity.Start));
        return $"SELECT {string.Join(", ", Columns.Select(Column))} FROM \"{table.Name}\" WHERE {start} >= ?1 AND {start} < ?2";
    }

    /// <summary>An instant as EF stores it on SQLite (a UTC <see cref="DateTime"/> as Microsoft.Data.Sqlite writes it), so text comparison is time order.</summary>
    internal static string StoredText(Instant instant) =>
        instant.ToDateTimeUtc().ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static Instant? InstantAt(sqlite3_stmt statement, int column)
    {
        if (raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL)
        {
            return null;
        }
        var text = raw.sqlite3_column_blob(statement, column);
        return TryParseStored(text, out var instant) ? instant
            : Instant.FromDateTimeUtc(DateTime.SpecifyKind(DateTime.Parse(Encoding.UTF8.GetString(text), CultureInfo.InvariantCulture), DateTimeKind.Utc));
    }

    /// <summary>"yyyy-MM-dd HH:mm:ss" with an optional fraction of 1–7 digits; false for any other layout.</summary>
    internal static bool TryParseStored(ReadOnlySpan<byte> s, out Instant instant)
    {
        instant = default;
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':' ||
            !Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day) ||
            !Digits(s.Slice(11, 2), out var hour) || !Digits(s.Slice(14, 2), out var minute) || !Digits(s.Slice(17, 2), out var second))
        {
            return false;
        }
        long fraction = 0;
        if (s.Length > 19)
        {
            var digits = s[20..];
            if (s[19] != '.' || digits.Length is 0 or > 7 || !Digits(digits, out var f))
            {
                return false;
            }
            fraction = f;
            for (var i = digits.Length; i < 7; i++)
            {
                fraction *= 10;
            }
        }
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59 || year < 1)
        {
            return false;
        }
        var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + fraction;
        instant = Instant.FromDateTimeUtc(new DateTime(ticks, DateTimeKind.Utc));
        return true;
    }

    /// <summary>Only ASCII digits (no sign, no spaces), as the fixed layout has them.</summary>
    private static bool Digits(ReadOnlySpan<byte> s, out int value) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>Decimals are text on SQLite; read as Microsoft.Data.Sqlite reads them.</summary>
    private static decimal? DecimalAt(sqlite3_stmt statement, int column)
    {
        switch (raw.sqlite3_column_type(statement, column))
        {
            case raw.SQLITE_NULL:
                return null;
            case raw.SQLITE_INTEGER:
                return raw.sqlite3_column_int64(statement, column);
            case raw.SQLITE_FLOAT:
                return (decimal)raw.sqlite3_column_double(statement, column);
            default:
                var text = raw.sqlite3_column_blob(statement, column);
                return Utf8Parser.TryParse(text, out decimal value, out var used) && used == text.Length ? value
                    : decimal.Parse(Encoding.UTF8.GetString(text), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
        }
    }

    private static void Check(int rc, sqlite3 handle)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException($"SQLite error {rc}: {raw.sqlite3_errmsg(handle).utf8_to_string()}", rc);
        }
    }

    /// <summary>The text values seen in one scan: one string per distinct value, found from the UTF-8 bytes without allocating.</summary>
    private sealed class TextValues
    {
        private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
        private readonly Dictionary<string, OutcomeKind> _outcomes = new(StringComparer.Ordinal);
        private char[] _chars = new char[256];

        public TextValues() => _bySpan = _seen.GetAlternateLookup<ReadOnlySpan<char>>();

        public string? Text(sqlite3_stmt statement, int column)
        {
            if (raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL)
            {
                return null;
            }
            var bytes = raw.sqlite3_column_blob(statement, column);
            if (bytes.Length > _chars.Length)
            {
                _chars = new char[Math.Max(bytes.Length, _chars.Length * 2)];
            }
            var chars = _chars.AsSpan(0, Encoding.UTF8.GetChars(bytes, _chars));
            if (_bySpan.TryGetValue(chars, out var known))
            {
                return known;
            }
            var text = new string(chars);
            _seen[text] = text;
            return text;
        }

        public OutcomeKind? Outcome(sqlite3_stmt statement, int column)
        {
            if (Text(statement, column) is not { } name)
            {
                return null;
            }
            if (!_outcomes.TryGetValue(name, out var kind))
            {
                _outcomes[name] = kind = Enum.Parse<OutcomeKind>(name, ignoreCase: true);
            }
            return kind;
        }
    }
}
