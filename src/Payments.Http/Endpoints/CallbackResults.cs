using Microsoft.AspNetCore.Http;
using Payments.Core.Callbacks;
using Payments.Http.Problems;

namespace Payments.Http.Endpoints;

/// <summary>
/// How a provider's callback is answered: 200 with the word it expects, 401, 400 naming the bad fields, or 503 to have
/// it sent again.
/// </summary>
public static class CallbackResults
{
    public static IResult From(CallbackOutcome outcome, string acknowledgement)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Kind switch
        {
            CallbackOutcomeKind.Acknowledged => Results.Text(acknowledgement, "text/plain"),
            CallbackOutcomeKind.Unauthorized => ApiProblem.Of(ProblemCodes.NotAuthentic, "Callback not authentic"),
            CallbackOutcomeKind.RetryLater => ApiProblem.Of(
                ProblemCodes.CallbackNotApplied,
                "Callback recorded, but its status is not configured: send it again"
            ),
            _ => ApiProblem.Invalid(outcome.Errors!.ToDictionary(), title: "The callback has invalid fields."),
        };
    }
}
