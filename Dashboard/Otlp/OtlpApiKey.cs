using System.Security.Cryptography;
using System.Text;

namespace Studios.Dashboard.Otlp;

/// <summary>The optional API key of the OTLP endpoints, compared in constant time.</summary>
internal static class OtlpApiKey
{
    public static bool Accepts(DashboardOptions options, string? presented)
    {
        if (string.IsNullOrEmpty(options.OtlpApiKey))
        {
            return true;
        }
        return presented is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(options.OtlpApiKey));
    }
}
