using Microsoft.Extensions.Options;

namespace Studios.ServiceDefaults.Options;

public static class OptionsExtensions
{
    /// <summary>Binds <typeparamref name="TOptions"/> to <paramref name="section"/> and checks it when the host starts, so a
    /// wrong setting stops the service at once instead of failing a request later. The rules are the options class's own
    /// data annotations and <see cref="System.ComponentModel.DataAnnotations.IValidatableObject.Validate"/>.</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IHostApplicationBuilder builder, string section)
        where TOptions : class =>
        builder.Services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
