namespace Handoff.Api.Admin.Common;

/// <summary>
/// ISO 3166-1 alpha-2 country codes, and the ISO 3166-2 subdivisions of the US and Canada, where territories
/// are drawn by state or province. Other countries' regions are checked for shape ("MX-JAL") only.
/// </summary>
public static class IsoCodes
{
    private static readonly HashSet<string> Countries = Set(
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
        "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
        "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO " +
        "JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR " +
        "MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO " +
        "RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV " +
        "TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW");

    private static readonly HashSet<string> UsSubdivisions = Set(
        "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA " +
        "RI SC SD TN TX UT VT VA WA WV WI WY DC AS GU MP PR UM VI");

    private static readonly HashSet<string> CaSubdivisions = Set("AB BC MB NB NL NS NT NU ON PE QC SK YT");

    public static int CountryCount => Countries.Count;

    public static bool IsCountry(string? code) => code is not null && Countries.Contains(code.Trim());

    /// <summary>"US-CA", "CA-ON", "MX-JAL": a known country, a dash, and 1–3 letters or digits (checked fully for US and CA).</summary>
    public static bool IsRegion(string? code)
    {
        var parts = code?.Trim().Split('-');
        if (parts is not [var country, var sub] || !IsCountry(country) || sub.Length is < 1 or > 3 || !sub.All(char.IsAsciiLetterOrDigit))
        {
            return false;
        }
        return country.ToUpperInvariant() switch
        {
            "US" => UsSubdivisions.Contains(sub),
            "CA" => CaSubdivisions.Contains(sub),
            _ => true,
        };
    }

    private static HashSet<string> Set(string codes) =>
        new(codes.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);
}
