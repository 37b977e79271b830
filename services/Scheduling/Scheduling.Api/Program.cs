using Studios.Scheduling.Extensions;
using Studios.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(database: "scheduling");
builder.AddSchedulingServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapSchedulingApi();

app.Run();

// Lets WebApplicationFactory find this service's entry point in tests.
public partial class Program;
