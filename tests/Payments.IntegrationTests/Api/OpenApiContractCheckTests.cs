using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Api;

/// <summary>
/// The contract check every HTTP test's answers go through refuses what docs/openapi.json does not describe: a member
/// no schema declares (a secret's value beside the secret names, a card number beside the order), a body in a media
/// type the operation does not declare, and a missing body where one is declared.
/// </summary>
public sealed class OpenApiContractCheckTests
{
    [Fact]
    public void UndeclaredMember_InAnOperatorAnswer_Refused() =>
        Assert.Throws<ContractViolationException>(() =>
            OpenApiContract.Check(
                "GET",
                "/api/ops/secrets",
                200,
                "application/json",
                """{"needed":["Webhooks-SigningSecret"],"missing":[],"unreadable":[],"values":["whsec_abc"]}"""
            )
        );

    [Fact]
    public void UndeclaredMember_InAHealthAnswer_Refused() =>
        Assert.Throws<ContractViolationException>(() =>
            OpenApiContract.Check(
                "GET",
                "/api/health",
                200,
                "application/json",
                """{"status":"Healthy","cardNumber":"4000056655665556"}"""
            )
        );

    [Fact]
    public void BodyInAnUndeclaredMediaType_Refused() =>
        Assert.Throws<ContractViolationException>(() =>
            OpenApiContract.Check("GET", "/api/health", 200, "text/html", "<pre>System.Exception: at Payments</pre>")
        );

    [Fact]
    public void EmptyBody_WhereAJsonBodyIsDeclared_Refused() =>
        Assert.Throws<ContractViolationException>(() =>
            OpenApiContract.Check("GET", "/api/health", 200, "application/json", "")
        );
}
