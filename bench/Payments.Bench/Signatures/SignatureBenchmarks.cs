using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Payments.Bench.Reporting;
using Payments.Core.HaiPay;
using Payments.Core.HuaweiPin;

namespace Payments.Bench.Signatures;

/// <summary>
/// What signing costs the service beside the bare cryptography: HaiPay's canonical string plus SHA256WithRSA against
/// RSA over the same bytes, and HUAWEIPIN's hash check against one SHA-256. Each category's baseline is the raw operation.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[MemoryDiagnoser]
#pragma warning disable CA1852 // BenchmarkDotNet refuses sealed benchmark classes.
public class SignatureBenchmarks : IDisposable
#pragma warning restore CA1852
{
    private const string MerchantSecret = "bench-merchant-secret";
    private readonly RSA key = RSA.Create(2048);
    private JsonElement request;
    private JsonElement notification;
    private byte[] canonical = [];
    private byte[] signature = [];
    private string hash = string.Empty;
    private byte[] hashInput = [];

    /// <summary>Runs the benchmarks in this process and writes their GitHub-flavoured table to <c>bench/results/signatures.md</c>.</summary>
    public static async Task RunAsync(BenchOptions options)
    {
        var artifacts = Path.Combine(Path.GetTempPath(), "payments-bench-artifacts");
        var summary = BenchmarkRunner.Run<SignatureBenchmarks>(Config(artifacts, options.Quick));
        var table = await File.ReadAllTextAsync(Directory.GetFiles(summary.ResultsDirectoryPath, "*-report-github.md").Single());
        await new MarkdownReport("Signatures: the service's signing code beside the bare cryptography")
            .Note("BenchmarkDotNet (in process). *Sign*: HaiPay's canonical string of a 16-field collection request plus SHA256WithRSA (2048-bit) against "
                + "`RSA.SignData` over the same bytes. *Verify*: the same for a signed notification. *HUAWEIPIN hash*: verifying a callback hash (SHA-256, "
                + "constant-time comparison) against one `SHA256.HashData`. Ratio is against each category's baseline.")
            .Note(table)
            .WriteAsync(options.Results, "signatures.md");
    }

    private static ManualConfig Config(string artifacts, bool quick) => ManualConfig.CreateEmpty()
        .AddJob((quick ? Job.ShortRun : Job.Default.WithWarmupCount(3).WithIterationCount(10)).WithToolchain(InProcessEmitToolchain.Instance))
        .AddColumnProvider(DefaultColumnProviders.Instance)
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddExporter(MarkdownExporter.GitHub)
        .AddLogger(ConsoleLogger.Default)
        .WithArtifactsPath(artifacts)
        .WithOption(ConfigOptions.JoinSummary, false);

    [GlobalSetup]
    public void Setup()
    {
        request = JsonDocument.Parse("""
            {"appId":1054,"orderId":"ord-20261122-000123","amount":"12.50","name":"Donald John Trump","email":"buyer@example.com",
             "phone":"09123456789","accountNo":"4000056655665556","expiryMonth":"11","expiryYear":"2031","cvv":"7391",
             "notifyUrl":"https://pay.example/api/haipay/notify","callBackUrl":"https://shop.example/paid","customerIp":"142.250.191.174",
             "partnerUserId":"user-9527","subject":"iPhone 16 ProMax 256G","clientType":"WEB"}
            """).RootElement.Clone();
        var text = HaiPayCanonical.StringToSign(request, MerchantSecret);
        canonical = Encoding.UTF8.GetBytes(text);
        signature = key.SignData(canonical, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var signed = JsonSerializer.SerializeToNode(request)!.AsObject();
        signed["sign"] = HaiPaySignature.SignObject(request, MerchantSecret, key);
        notification = JsonDocument.Parse(signed.ToJsonString()).RootElement.Clone();
        hashInput = Encoding.UTF8.GetBytes("ord-20261122-00012325.00bench-callback-key");
        hash = HuaweiPinHash.Compute("ord-20261122-000123", "25.00", "bench-callback-key");
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Sign")]
    public byte[] RawRsaSign() => key.SignData(canonical, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    [Benchmark, BenchmarkCategory("Sign")]
    public string CanonicalizeAndSign() => HaiPaySignature.SignObject(request, MerchantSecret, key);

    [Benchmark(Baseline = true), BenchmarkCategory("Verify")]
    public bool RawRsaVerify() => key.VerifyData(canonical, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    [Benchmark, BenchmarkCategory("Verify")]
    public bool CanonicalizeAndVerify() => HaiPaySignature.VerifyObject(notification, MerchantSecret, key);

    [Benchmark(Baseline = true), BenchmarkCategory("HUAWEIPIN hash")]
    public byte[] RawSha256() => SHA256.HashData(hashInput);

    [Benchmark, BenchmarkCategory("HUAWEIPIN hash")]
    public HashForm VerifyCallbackHash() => HuaweiPinHash.Verify("ord-20261122-000123", "25.00", "bench-callback-key", hash);

    public void Dispose()
    {
        key.Dispose();
        GC.SuppressFinalize(this);
    }
}
