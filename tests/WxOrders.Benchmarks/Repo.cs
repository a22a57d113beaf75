using System;
using System.IO;

namespace WxOrders.Benchmarks
{
    internal static class Repo
    {
        /// <summary>The repository root: the nearest folder above the program (or the current folder) with WxOrders.sln.</summary>
        public static string FindRoot()
        {
            foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            {
                for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "WxOrders.sln")) && File.Exists(Path.Combine(dir.FullName, "WxOrders.psd1")))
                    {
                        return dir.FullName;
                    }
                }
            }

            throw new InvalidOperationException("Run the benchmark from the WxOrders repository (no WxOrders.sln found above " + AppContext.BaseDirectory + ").");
        }
    }
}
