using Studios.DevIdentity;

var builder = WebApplication.CreateBuilder(args);
builder.AddDevIdentity();

var app = builder.Build();
app.MapDevIdentity();

app.Run();
