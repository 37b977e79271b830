using Studios.AppHost;
using Studios.AppHost.Hosting;
using Studios.AppHost.Publishing;

// `publish` writes the model as Kubernetes manifests; anything else runs it on this machine (see AppHostSettings).
if (PublishCommand.Matches(args)) return PublishCommand.Run(args, AppHostModel.Describe);
return await AppHostRunner.RunAsync(args, AppHostModel.Describe);
