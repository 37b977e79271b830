namespace Studios.Dashboard.Tests;

public sealed class SecretMaskerTests
{
    [Theory]
    [InlineData("POSTGRES_PASSWORD", "hunter2")]
    [InlineData("Jwt__SigningKey", "abc")]
    [InlineData("Api__ClientSecret", "abc")]
    [InlineData("GITHUB_TOKEN", "ghp_x")]
    public void A_variable_whose_name_says_secret_is_masked_whole(string name, string value)
    {
        Assert.Equal(SecretMasker.Mask, SecretMasker.MaskValue(name, value));
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=5433;Database=membership;Username=membership;Password=s3cr3t;Pooling=true",
        "Host=127.0.0.1;Port=5433;Database=membership;Username=membership;Password=********;Pooling=true")]
    [InlineData("Server=x;User Id=sa;pwd='a;b';", "Server=x;User Id=sa;pwd=********;")]
    [InlineData("amqp://studios:guest123@127.0.0.1:5673/membership", "amqp://studios:********@127.0.0.1:5673/membership")]
    [InlineData("x-otlp-api-key=abc123,other=1", "x-otlp-api-key=********,other=1")]
    [InlineData("http://127.0.0.1:5101", "http://127.0.0.1:5101")]
    [InlineData("Production", "Production")]
    public void Secrets_inside_values_are_masked_and_the_rest_kept(string value, string expected)
    {
        Assert.Equal(expected, SecretMasker.MaskValue("ConnectionStrings__membership", value));
    }
}
