using Microsoft.Extensions.DependencyInjection;
using Payments.Core.Telemetry;

namespace Payments.Http.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="PaymentsTelemetry"/> (the <c>Payments</c> meter and activity source) as the
    /// <see cref="IPaymentsMetrics"/> the domain and storage report to. Exporting is each host's business (see
    /// <c>ServerApp</c>, <c>FunctionsApp</c>).
    /// </summary>
    public static IServiceCollection AddPaymentsTelemetry(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<PaymentsTelemetry>();
        services.AddSingleton<IPaymentsMetrics>(sp => sp.GetRequiredService<PaymentsTelemetry>());
        return services;
    }
}
