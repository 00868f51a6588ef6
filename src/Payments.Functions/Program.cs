using Microsoft.Extensions.Hosting;
using Payments.Functions;

await FunctionsApp.Build(args).RunAsync();
