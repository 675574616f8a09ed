namespace Handoff.Api.Demo;

/// <summary>
/// Fixed ids for what the demo seeds, so the OpenAPI examples can name records that exist on the embedded default
/// (Swagger's "Try it out" on GET /api/v1/admin/rsms/{id} finds Dana Ruiz) and two demo stores agree.
/// </summary>
public static class DemoIds
{
    /// <summary>The seeded RSM with this e-mail: "d3m0" + the RSM's place in <see cref="DemoOrg.Rsms"/>.</summary>
    public static Guid Rsm(string email)
    {
        var index = DemoOrg.Rsms.Select(r => r.Email).ToList().IndexOf(email);
        return index < 0 ? Guid.NewGuid() : Of(0x01, index);
    }

    /// <summary>The n-th seeded travel profile (0: the US-IL region, 1: the San Joaquin Valley territory).</summary>
    public static Guid TravelProfile(int n) => Of(0x02, n);

    /// <summary>The n-th seeded field report (0 is Dana Ruiz's first Fresno → Sacramento trip).</summary>
    public static Guid FieldReport(int n) => Of(0x03, n);

    public static readonly Guid DanaRuiz = Rsm(DemoOrg.West.Email);

    private static Guid Of(int kind, int n) => Guid.Parse(FormattableString.Invariant($"d3a00000-0000-4000-8000-{kind:x4}{n:x8}"));
}
