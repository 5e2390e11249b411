using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using RapidResponse;
using RapidResponse.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddRapidResponse(builder.Configuration);
builder.Services.AddRapidResponseFunctionsTelemetry(builder.Configuration);
builder.Build().Run();
