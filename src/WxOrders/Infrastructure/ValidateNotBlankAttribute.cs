using System.Management.Automation;

namespace WxOrders.Infrastructure
{
    /// <summary>Refuses null, empty and whitespace-only strings (and such elements of a string array) at binding time.</summary>
    public sealed class ValidateNotBlankAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            if (!StringArguments.Each(arguments, Check) && arguments == null)
            {
                throw new ValidationMetadataException("The argument is null. Supply a non-empty value.");
            }
        }

        private static void Check(string s)
        {
            if (string.IsNullOrWhiteSpace(s))
            {
                throw new ValidationMetadataException("The argument is empty or only whitespace. Supply a non-empty value.");
            }
        }
    }
}
