using Azure.Core;

namespace Payments.Azure.Tables;

/// <summary>Pipeline options for <see cref="TableClient"/>: Azure.Core's retry, logging and diagnostics.</summary>
public sealed class TableClientOptions : ClientOptions
{
    /// <summary>The Table service REST version sent as <c>x-ms-version</c>.</summary>
    public const string ServiceVersion = "2019-02-02";

    public TableClientOptions()
    {
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 4;
        Retry.Delay = TimeSpan.FromMilliseconds(200);
        Retry.MaxDelay = TimeSpan.FromSeconds(4);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        Diagnostics.LoggedHeaderNames.Add("x-ms-continuation-NextPartitionKey");
        Diagnostics.LoggedHeaderNames.Add("x-ms-continuation-NextRowKey");
        Diagnostics.LoggedQueryParameters.Add("$top");
        Diagnostics.LoggedQueryParameters.Add("$select");
    }

    /// <summary>Clock used to date Shared Key signatures.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
