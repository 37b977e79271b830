using Studios.Stewardship.Extensions;
using Studios.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(database: "stewardship");
builder.AddStewardshipServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapStewardshipApi();

app.Run();

// Lets WebApplicationFactory find this service's entry point in tests.
public partial class Program;
