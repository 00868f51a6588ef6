using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Payments.Core.HuaweiPin;
using Payments.Http.HuaweiPin;
using Payments.Http.Jobs;
using Payments.Azure;
using Payments.Core.Orders;
using Payments.Http.Endpoints;
using Payments.Http.Problems;
using Payments.Http.Security;

namespace Payments.Http;

public static class ServiceCollectionExtensions
{
    /// <summary>Everything both hosts share: storage, use cases, endpoint handlers, jobs, problem details.</summary>
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddPaymentsStorage(configuration);
        services.AddSingleton<OrderUpdater>();
        services.AddSingleton<HealthEndpoints>();
        services.AddSingleton<OrderEndpoints>();
        services.AddHuaweiPin(configuration);
        services.AddProblemDetails();
        services.AddExceptionHandler<ServiceProblemHandler>();
        return services;
    }

    private static void AddHuaweiPin(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HuaweiPinOptions>().Bind(configuration.GetSection(HuaweiPinOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient<HuaweiPinClient>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddTransient<FrameService>();
        services.AddSingleton<CallbackProcessor>();
        services.AddSingleton<ExpireFramesJob>();
        services.AddTransient<HuaweiPinEndpoints>();
        services.AddSingleton<ExpireFramesScheduledJob>();
        services.AddSingleton<IScheduledJob>(sp => sp.GetRequiredService<ExpireFramesScheduledJob>());
    }

    /// <summary>Function keys for hosts that check them themselves (the Server; Functions has its own).</summary>
    public static IServiceCollection AddFunctionKeys(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FunctionKeyOptions>()
            .Bind(configuration.GetSection(FunctionKeyOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<FunctionKeyFilter>();
        return services;
    }
}
