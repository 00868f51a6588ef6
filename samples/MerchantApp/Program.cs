using MerchantApp;

await MerchantApplication.Build(args).RunAsync();
