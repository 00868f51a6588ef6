using System.Text;
using System.Text.Json;

namespace Payments.Http.Security;

/// <summary>
/// The principal App Service Authentication puts in <c>X-MS-CLIENT-PRINCIPAL</c> (base64 of JSON: <c>claims</c> as
/// <c>typ</c>/<c>val</c> pairs, <c>name_typ</c>, <c>role_typ</c>): its object id, display name and app roles. Read only
/// where the platform set the header (<see cref="IPlatformAuthentication"/>); anything unreadable is no principal.
/// </summary>
public sealed record ClientPrincipal(string ObjectId, string? Name, IReadOnlySet<string> Roles)
{
    public const string Header = "X-MS-CLIENT-PRINCIPAL";

    private const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    private const int MaxHeaderLength = 64 * 1024;

    /// <summary>The principal in <paramref name="header"/>; null when absent, malformed or without object id.</summary>
    public static ClientPrincipal? Read(string? header)
    {
        if (string.IsNullOrEmpty(header) || header.Length > MaxHeaderLength)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
            return From(document.RootElement);
        }
        catch (FormatException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ClientPrincipal? From(JsonElement root)
    {
        if (
            root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("claims", out var claimsElement)
            || claimsElement.ValueKind != JsonValueKind.Array
        )
        {
            return null;
        }

        var claims = claimsElement
            .EnumerateArray()
            .Where(c => c.ValueKind == JsonValueKind.Object)
            .Select(c => (Type: Text(c, "typ"), Value: Text(c, "val")))
            .Where(c => c.Type is not null && !string.IsNullOrWhiteSpace(c.Value))
            .ToList();
        string? First(params string?[] types) =>
            types.Where(t => t is not null).SelectMany(t => claims.Where(c => c.Type == t)).FirstOrDefault().Value;

        var objectId = First(ObjectIdClaim, "oid");
        if (objectId is null)
        {
            return null;
        }

        var roleType = Text(root, "role_typ") ?? "roles";
        var roles = claims
            .Where(c => c.Type == roleType || c.Type == "roles")
            .Select(c => c.Value!)
            .ToHashSet(StringComparer.Ordinal);
        return new ClientPrincipal(objectId, First("name", Text(root, "name_typ"), "preferred_username"), roles);
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
