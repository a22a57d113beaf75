using System;
using System.Runtime.InteropServices;
using System.Security;

namespace WxOrders.Http
{
    internal static class SecureText
    {
        /// <summary>Reads a SecureString for the moment a request needs it.</summary>
        public static string Reveal(SecureString value)
        {
            if (value == null)
            {
                return null;
            }

            var ptr = IntPtr.Zero;
            try
            {
                ptr = Marshal.SecureStringToGlobalAllocUnicode(value);
                return Marshal.PtrToStringUni(ptr);
            }
            finally
            {
                if (ptr != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(ptr);
                }
            }
        }

        public static SecureString Protect(string value)
        {
            var s = new SecureString();
            foreach (var c in value ?? string.Empty)
            {
                s.AppendChar(c);
            }

            s.MakeReadOnly();
            return s;
        }
    }
}
