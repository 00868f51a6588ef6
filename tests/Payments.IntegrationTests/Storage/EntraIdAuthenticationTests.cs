using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Payments.Azure;
using Payments.Azure.Tables;

namespace Payments.IntegrationTests.Storage;

public sealed class EntraIdAuthenticationTests
{
    [Fact]
    public async Task Send_EndpointOnly_SendsBearerTokenForStorageScope()
    {
        var credential = new RecordingCredential();
        using var handler = new RecordingHandler();
        var options = StorageClient.Options(TimeSpan.FromSeconds(10));
        options.Transport = new HttpClientTransport(new HttpClient(handler));
        var settings = new StorageOptions { TableServiceUri = new Uri("https://account.table.core.windows.net") };
        var service = StorageClient.Create(settings, () => credential, options);

        var response = await new PaymentTables(service, "pay", settings.Timeout).Orders.GetAsync("p", "r", default);

        Assert.Equal(TableOutcome.NotFound, response.Outcome);
        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes);
        Assert.Equal("Bearer", handler.Authorization?.Scheme);
        Assert.Equal("token-for-test", handler.Authorization?.Parameter);
        Assert.Equal("/payorders(PartitionKey='p',RowKey='r')", handler.Path);
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public string[] Scopes { get; private set; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes = requestContext.Scopes;
            return new AccessToken("token-for-test", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(
            TokenRequestContext requestContext,
            CancellationToken cancellationToken
        ) => ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public System.Net.Http.Headers.AuthenticationHeaderValue? Authorization { get; private set; }
        public string? Path { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request,
            CancellationToken cancellationToken
        )
        {
            Authorization = request.Headers.Authorization;
            Path = Uri.UnescapeDataString(request.RequestUri!.AbsolutePath);
            return Task.FromResult(
                new HttpResponseMessage(HttpStatusCode.NotFound)
                {
                    Content = new StringContent(
                        "{\"odata.error\":{\"code\":\"ResourceNotFound\",\"message\":{\"lang\":\"en-US\",\"value\":\"The specified resource does not exist.\"}}}",
                        System.Text.Encoding.UTF8,
                        "application/json"
                    ),
                }
            );
        }
    }
}
