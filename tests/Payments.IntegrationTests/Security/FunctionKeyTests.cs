using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Payments.Http.Security;
using Payments.IntegrationTests.Fixtures;

namespace Payments.IntegrationTests.Security;

/// <summary>
/// Function keys (<c>FunctionKeys:Keys</c>) are checked on start like operator keys: a blank or short entry stops the
/// Server with a message naming the setting, never the value. An empty presented key opens nothing, whatever the keys
/// hold.
/// </summary>
public sealed class FunctionKeyTests(SharedAzurite azurite) : IClassFixture<SharedAzurite>
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("short-fn-key")]
    public async Task Start_BlankOrShortFunctionKeyEntry_RefusedNamingTheSettingNotTheValue(string key)
    {
        var settings = new Dictionary<string, string?> { ["FunctionKeys:Keys:1"] = key };

        var failure = await StartFailureAsync(settings);

        Assert.IsType<OptionsValidationException>(failure);
        Assert.Contains($"{FunctionKeyOptions.Section}:Keys", failure.Message, StringComparison.Ordinal);
        if (key.Trim().Length > 0)
        {
            Assert.DoesNotContain(key, failure.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Start_NoFunctionKey_Refused()
    {
        var failure = await StartFailureAsync(new Dictionary<string, string?> { ["FunctionKeys:Keys:0"] = null });

        Assert.IsType<OptionsValidationException>(failure);
        Assert.Contains($"{FunctionKeyOptions.Section}:Keys", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The keys the filter sees include a blank one (as a rotation that blanked a slot would give, were start-up not
    /// to catch it): an empty <c>?code=</c> or <c>x-functions-key</c> is still refused before any comparison, and
    /// nothing is read or written.
    /// </summary>
    [Theory]
    [InlineData("POST", "/api/huaweipin/frames?code=", null)]
    [InlineData("POST", "/api/huaweipin/frames", "")]
    [InlineData("GET", "/api/orders/fk-order?code=", null)]
    [InlineData("GET", "/api/orders/fk-order", "")]
    public async Task MerchantRoute_EmptyKeyPresented_401NothingReadOrWritten(
        string method,
        string path,
        string? header
    )
    {
        var log = new StorageRequestLog();
        var keys = new FunctionKeyOptions();
        keys.Keys.Add(ServerHost.FunctionKey);
        keys.Keys.Add(string.Empty);
        var jobs = HandDrivenJobs.Settings(TimeProvider.System);
        await using var server = await ServerHost.StartAsync(azurite, jobs, services: s =>
        {
            log.Install(s);
            s.AddSingleton<IOptionsMonitor<FunctionKeyOptions>>(new FixedOptions(keys));
        });
        using var client = server.CreateAnonymousClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation(FunctionKeyFilter.HeaderName, header);
        }

        if (method == "POST")
        {
            var body = """{"username":"alice","customerIp":"203.0.113.7"}""";
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        log.Clear();
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(log.Requests);
    }

    private async Task<Exception?> StartFailureAsync(IDictionary<string, string?> settings)
    {
        try
        {
            await using var server = await ServerHost.StartAsync(azurite, settings);
            return null;
        }
        catch (OptionsValidationException e)
        {
            return e;
        }
    }

    /// <summary>Options as given, past any validation: what the filter does with them is the subject.</summary>
    private sealed class FixedOptions(FunctionKeyOptions value) : IOptionsMonitor<FunctionKeyOptions>
    {
        public FunctionKeyOptions CurrentValue => value;

        public FunctionKeyOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<FunctionKeyOptions, string?> listener) => null;
    }
}
