using Handoff.Api.Infrastructure;

namespace Handoff.Api.Auth;

/// <summary>
/// Microsoft.Identity.Web reads the AzureAd section only on the first request, so a missing client or tenant id would
/// surface as a 500 on every call. Checked at start-up instead, naming the settings.
/// </summary>
public static class EntraSettings
{
    public static void ThrowIfIncomplete(IConfiguration config)
    {
        var ad = config.GetSection("AzureAd");
        var missing = new[] { "ClientId", "TenantId" }.Where(k => string.IsNullOrWhiteSpace(ad[k])).Select(k => $"AzureAd:{k}").ToList();
        if (missing.Count > 0)
        {
            throw new StartupRefusedException(
                $"Auth:Mode is Entra but {string.Join(" and ", missing)} {(missing.Count == 1 ? "is" : "are")} not set " +
                "(the API's app registration in Microsoft Entra ID; see docs/admin.md).");
        }
        if (!string.IsNullOrWhiteSpace(ad["Instance"]) && !Uri.TryCreate(ad["Instance"], UriKind.Absolute, out _))
        {
            throw new StartupRefusedException($"AzureAd:Instance must be an absolute URL such as https://login.microsoftonline.com/ (got '{ad["Instance"]}').");
        }
    }
}
