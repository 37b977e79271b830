using Studios.AppHost;
using Studios.AppHost.Hosting;

// Runs the system described in AppHostModel on this machine; see AppHostSettings for the command line.
return await AppHostRunner.RunAsync(args, AppHostModel.Describe);
