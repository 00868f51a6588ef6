namespace Payments.Sandbox.Control;

/// <summary>How the sandbox's control routes answer what they cannot do: problem+json, as the Server does.</summary>
public static class ControlResults
{
    public static IResult Invalid(Dictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "The sandbox control request has invalid fields.");

    public static IResult NotFound(string what) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"The sandbox holds no such {what}.");

    public static IResult Conflict(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible now.", detail: detail);
}
