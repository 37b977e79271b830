using System.ComponentModel.DataAnnotations;

namespace Studios.ServiceDefaults.Options;

/// <summary>A setting that must be above zero: a TimeSpan interval or lifetime, or a count.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PositiveAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value switch
    {
        TimeSpan span => span > TimeSpan.Zero,
        int number => number > 0,
        long number => number > 0,
        _ => false,
    };

    public override string FormatErrorMessage(string name) => $"{name} must be positive.";
}
