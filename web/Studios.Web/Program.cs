using Studios.Web.Components;
using Studios.Web.Extensions;
using Studios.Web.Identity;
using Studios.Web.Services;

var builder = WebApplication.CreateBuilder(args);
builder.AddWebServices();

var app = builder.Build();
app.UseWebPipeline();
app.MapSignInEndpoints();
app.MapPersonalDataExport();
app.MapStaticAssets();
app.MapRazorComponents<App>();

app.Run();

// Public: the browser tests reference this project beside the AppHost.
public partial class Program;
