using Studios.Membership.Extensions;
using Studios.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(database: "membership");
builder.AddMembershipServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapMembershipApi();

app.Run();

// Lets WebApplicationFactory find this service's entry point in tests.
public partial class Program;
