using Microsoft.AspNetCore.Http;
using Payments.Core.Callbacks;

namespace Payments.Http.Endpoints;

/// <summary>How a provider's callback is answered: 200 with the word it expects, 401, or 400 naming the bad fields.</summary>
public static class CallbackResults
{
    public static IResult From(CallbackOutcome outcome, string acknowledgement)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Kind switch
        {
            CallbackOutcomeKind.Acknowledged => Results.Text(acknowledgement, "text/plain"),
            CallbackOutcomeKind.Unauthorized => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Callback not authentic"),
            _ => Results.ValidationProblem(outcome.Errors!.ToDictionary(), title: "The callback has invalid fields."),
        };
    }
}
