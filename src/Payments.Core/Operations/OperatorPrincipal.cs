namespace Payments.Core.Operations;

/// <summary>
/// Who makes an operator action, as the host established it once for the request: a person or application signed in
/// with Microsoft Entra ID (<see cref="EntraId"/>: its display name and object id, never a name typed in the request),
/// or the holder of an operator key (<see cref="OperatorKey"/>: the key says only that the caller is an operator, so
/// the name typed in the request is what is recorded, with the key mode). Every operator audit record names it.
/// </summary>
public sealed record OperatorPrincipal
{
    /// <summary>The <c>authentication</c> recorded for a caller that presented an operator key.</summary>
    public const string OperatorKeyMode = "operator-key";

    /// <summary>The <c>authentication</c> recorded for a principal the platform signed in with Entra ID.</summary>
    public const string EntraIdMode = "entra-id";

    private OperatorPrincipal(string authentication, string? name, string? objectId)
    {
        Authentication = authentication;
        Name = name;
        ObjectId = objectId;
    }

    /// <summary>A caller holding a valid operator key, not yet named.</summary>
    public static OperatorPrincipal OperatorKey { get; } = new(OperatorKeyMode, null, null);

    /// <summary><see cref="OperatorKeyMode"/> or <see cref="EntraIdMode"/>.</summary>
    public string Authentication { get; }

    /// <summary>The principal's display name (Entra ID), or the name typed in the request (operator key).</summary>
    public string? Name { get; private init; }

    /// <summary>The principal's Entra ID object id; null for an operator key.</summary>
    public string? ObjectId { get; }

    /// <summary>Whether sign-in established the identity, so a typed name is neither needed nor recorded.</summary>
    public bool IsSignedIn => Authentication == EntraIdMode;

    /// <summary>How logs and the order's own fields name the operator: the name, else the object id.</summary>
    public string Label => Name ?? ObjectId ?? Authentication;

    /// <summary>A principal signed in with Entra ID: its object id and display name (else the object id).</summary>
    public static OperatorPrincipal EntraId(string objectId, string? name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(objectId);
        return new(EntraIdMode, string.IsNullOrWhiteSpace(name) ? objectId : name, objectId);
    }

    /// <summary>
    /// This principal with the name typed in the request: an operator key takes it; a signed-in principal keeps its
    /// own name, whatever was typed.
    /// </summary>
    public OperatorPrincipal Naming(string? typed) => IsSignedIn ? this : this with { Name = typed };

    /// <summary>Puts who acted into an audit record's fields: name, object id and how they signed in.</summary>
    public void AddTo(IDictionary<string, object?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields["operator"] = Name;
        fields["operatorObjectId"] = ObjectId;
        fields["authentication"] = Authentication;
    }
}
