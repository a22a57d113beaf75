using System.Management.Automation;

namespace WxOrders.Infrastructure
{
    /// <summary>Refuses null, empty and whitespace-only strings (and such elements of a string array) at binding time.</summary>
    public sealed class ValidateNotBlankAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            if (arguments is PSObject ps)
            {
                arguments = ps.BaseObject;
            }

            if (arguments is string s)
            {
                Check(s);
                return;
            }

            if (arguments is System.Collections.IEnumerable items)
            {
                foreach (var item in items)
                {
                    Check(item is PSObject p ? p.BaseObject as string : item as string);
                }

                return;
            }

            if (arguments == null)
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
