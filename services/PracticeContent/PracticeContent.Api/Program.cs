using Studios.PracticeContent.Extensions;
using Studios.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(database: "practice_content");
builder.AddPracticeContentServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapPracticeContentApi();

app.Run();

// Lets WebApplicationFactory find this service's entry point in tests.
public partial class Program;
