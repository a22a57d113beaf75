using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace WxOrders.Infrastructure
{
    /// <summary>
    /// Runs when the module is imported. On Windows PowerShell 5.1 (the .NET Framework) it resolves
    /// System.Text.Json and its dependencies from the module's dependencies folder, for WxOrders and those
    /// dependencies only. On PowerShell 7 it does nothing: the runtime's own System.Text.Json is used.
    /// Import does no other work: no HTTP client, no JSON options, no sandbox.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly object Gate = new object();
        private static DependencyResolver resolver;

        public void OnImport()
        {
            if (!RuntimeCheck.IsNetFramework)
            {
                return;
            }

            lock (Gate)
            {
                if (resolver != null)
                {
                    return;
                }

                var folder = Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".", "dependencies");
                resolver = new DependencyResolver(folder, Assembly.LoadFrom);
                AppDomain.CurrentDomain.AssemblyResolve += resolver.OnAssemblyResolve;
            }
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            lock (Gate)
            {
                if (resolver != null)
                {
                    AppDomain.CurrentDomain.AssemblyResolve -= resolver.OnAssemblyResolve;
                    resolver = null;
                }
            }
        }
    }

    /// <summary>
    /// Decides which assembly requests the module answers: a fixed set of names, asked for by a WxOrders assembly or
    /// by one of those dependencies, and only when the file is in the module's own dependencies folder.
    /// </summary>
    internal sealed class DependencyResolver
    {
        internal static readonly HashSet<string> Names = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "System.Text.Json",
            "System.Text.Encodings.Web",
            "System.Memory",
            "System.Buffers",
            "System.Runtime.CompilerServices.Unsafe",
            "Microsoft.Bcl.AsyncInterfaces",
            "System.Threading.Tasks.Extensions",
            "System.Numerics.Vectors",
        };

        private static readonly HashSet<string> OwnAssemblies = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "WxOrders",
            "WxOrders.Core",
            "WxOrders.Sandbox",
        };

        private readonly string folder;
        private readonly Func<string, Assembly> load;
        private readonly Dictionary<string, Assembly> loaded = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);

        public DependencyResolver(string folder, Func<string, Assembly> load)
        {
            this.folder = folder;
            this.load = load;
        }

        /// <summary>True when the module should answer for <paramref name="requested"/> asked by <paramref name="requesting"/>.</summary>
        public static bool Handles(AssemblyName requested, AssemblyName requesting)
        {
            if (requested == null || string.IsNullOrEmpty(requested.Name) || !Names.Contains(requested.Name))
            {
                return false;
            }

            // A null requester happens for loads from the binder itself (e.g. a type in a resource); answer those
            // only for our names, which is what the check above already limits us to.
            return requesting == null || OwnAssemblies.Contains(requesting.Name) || Names.Contains(requesting.Name);
        }

        /// <summary>The path the assembly would be loaded from, or null when it is not shipped.</summary>
        public string PathOf(AssemblyName requested)
        {
            var path = Path.Combine(folder, requested.Name + ".dll");
            return File.Exists(path) ? path : null;
        }

        public Assembly OnAssemblyResolve(object sender, ResolveEventArgs args)
        {
            var requested = new AssemblyName(args.Name);
            if (!Handles(requested, args.RequestingAssembly?.GetName()))
            {
                return null;
            }

            lock (loaded)
            {
                if (loaded.TryGetValue(requested.Name, out var assembly))
                {
                    return assembly;
                }

                var path = PathOf(requested);
                if (path == null)
                {
                    return null;
                }

                assembly = load(path);
                loaded[requested.Name] = assembly;
                return assembly;
            }
        }
    }
}
