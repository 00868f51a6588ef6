namespace Payments.Http.Problems;

/// <summary>The problem+json answers about one order that the merchant and operator routes share.</summary>
internal static class OrderProblems
{
    /// <summary>404: no order has <paramref name="id"/>.</summary>
    public static Microsoft.AspNetCore.Http.IResult NotFound(string id) =>
        ApiProblem.Of(ProblemCodes.OrderNotFound, "Order not found", $"No order has the id '{id}'.");

    /// <summary>409: the order's state does not allow it, with its title and detail.</summary>
    public static Microsoft.AspNetCore.Http.IResult Conflict(string title, string detail) =>
        ApiProblem.Of(ProblemCodes.OrderStateConflict, title, detail);
}
