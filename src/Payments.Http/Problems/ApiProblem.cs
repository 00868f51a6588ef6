using Microsoft.AspNetCore.Http;
using Payments.Core.Orders;

namespace Payments.Http.Problems;

/// <summary>
/// The one way an endpoint answers with a problem: every answer carries its <see cref="ProblemCode"/> as
/// <c>code</c>, from which <see cref="ProblemDefaults"/> derives its <c>type</c>; the extensions about an order are
/// <c>orderId</c>, <c>orderStatus</c> and <c>providerCode</c> (never a second <c>status</c>).
/// </summary>
public static class ApiProblem
{
    public const string CodeMember = "code";
    public const string OrderIdMember = "orderId";
    public const string OrderStatusMember = "orderStatus";
    public const string ProviderCodeMember = "providerCode";

    /// <summary>A problem of <paramref name="code"/> with its title, detail and extensions.</summary>
    public static IResult Of(
        ProblemCode code,
        string title,
        string? detail = null,
        IDictionary<string, object?>? extensions = null
    )
    {
        ArgumentNullException.ThrowIfNull(code);
        var members = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>())
        {
            [CodeMember] = code.Name,
        };
        return Results.Problem(statusCode: code.Status, title: title, detail: detail, extensions: members);
    }

    /// <summary>A 400 naming each bad field in <c>errors</c>.</summary>
    public static IResult Invalid(IDictionary<string, string[]> errors, string title) =>
        Results.ValidationProblem(
            errors,
            title: title,
            extensions: new Dictionary<string, object?> { [CodeMember] = ProblemCodes.InvalidRequest.Name }
        );

    /// <summary>A problem about <paramref name="order"/>: its id, its status and the provider's code if any.</summary>
    public static IResult About(
        ProblemCode code,
        PaymentOrder order,
        string title,
        string? detail,
        string? providerCode = null
    ) => Of(code, title, detail, OrderMembers(order, providerCode));

    /// <summary>What every problem about an order carries: its id, our status and the provider's code if any.</summary>
    public static Dictionary<string, object?> OrderMembers(PaymentOrder order, string? providerCode)
    {
        ArgumentNullException.ThrowIfNull(order);
        var members = new Dictionary<string, object?>
        {
            [OrderIdMember] = order.Id,
            [OrderStatusMember] = order.Status.ToString(),
        };
        if (providerCode is not null)
        {
            members[ProviderCodeMember] = providerCode;
        }

        return members;
    }
}
