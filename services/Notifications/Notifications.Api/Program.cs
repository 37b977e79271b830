using Studios.Notifications.Extensions;
using Studios.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(database: "notifications");
builder.AddNotificationsServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapNotificationsApi();

app.Run();

// Lets WebApplicationFactory find this service's entry point in tests.
public partial class Program;
