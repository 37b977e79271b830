using Studios.DevIdentity;

var builder = WebApplication.CreateBuilder(args);
builder.AddDevIdentity();

var app = builder.Build();
app.UseLoopbackOnly();
app.MapDevIdentity();

app.Run();

// Internal: test projects reference this one for DevTokens beside a service whose public Program they start.
internal partial class Program;
