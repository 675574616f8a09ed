namespace Handoff.Api.Admin.Territories;

/// <summary>
/// CSV injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with = + - @, a tab or a carriage
/// return as a formula (=HYPERLINK(…), +cmd|' /C calc'!A0). Such cells are exported with a leading apostrophe,
/// which spreadsheets show as text. An exported cell that already starts with an apostrophe gets a second one, so
/// <see cref="Read"/> can strip exactly one and the API's export → import → export round trip stays byte-exact;
/// a hand-written "'Bama" (apostrophe then ordinary text) imports unchanged.
/// </summary>
public static class SpreadsheetSafe
{
    private static bool Triggers(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    public static string Write(string value) =>
        value.Length > 0 && (Triggers(value[0]) || value[0] == '\'') ? "'" + value : value;

    public static string Read(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && (Triggers(cell[1]) || cell[1] == '\'') ? cell[1..] : cell;
}
