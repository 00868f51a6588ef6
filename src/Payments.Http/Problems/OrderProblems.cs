using Microsoft.AspNetCore.Http;

namespace Payments.Http.Problems;

/// <summary>The problem+json answers about one order that the merchant and operator routes share.</summary>
internal static class OrderProblems
{
    /// <summary>404: no order has <paramref name="id"/>.</summary>
    public static IResult NotFound(string id) =>
        Results.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Order not found",
            detail: $"No order has the id '{id}'."
        );

    /// <summary>409 with its title and detail.</summary>
    public static IResult Conflict(string title, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);
}
