namespace Payments.Http.Endpoints;

/// <summary>Mirrors Azure Functions' authorization levels for the routes both hosts serve.</summary>
public enum AccessLevel
{
    /// <summary>Provider callbacks and health: the payload's hash or signature is the authentication.</summary>
    Anonymous,

    /// <summary>Merchant-facing: a function key is required.</summary>
    Function,
}
