using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using WxOrders.Infrastructure;
using Xunit;

namespace WxOrders.Tests
{
    /// <summary>
    /// The Windows PowerShell 5.1 resolver's decisions. The handler itself is only registered on .NET Framework;
    /// here its logic runs with a fake loader so what it answers, and for whom, is pinned down on every platform.
    /// </summary>
    public class DependencyResolverTests : IDisposable
    {
        private readonly string folder = Path.Combine(Path.GetTempPath(), "wxorders-deps-" + Guid.NewGuid().ToString("n"));

        public DependencyResolverTests()
        {
            Directory.CreateDirectory(folder);
            foreach (var name in new[] { "System.Text.Json", "System.Memory", "System.Buffers" })
            {
                File.WriteAllText(Path.Combine(folder, name + ".dll"), "not really an assembly");
            }
        }

        public void Dispose() => Directory.Delete(folder, true);

        [Theory]
        [InlineData(".NET Framework 4.8.9181.0", true)]
        [InlineData(".NET 8.0.11", false)]
        [InlineData(".NET 10.0.0", false)]
        [InlineData(null, false)]
        public void OnlyTheDesktopFrameworkGetsTheResolver(string description, bool expected)
        {
            Assert.Equal(expected, RuntimeCheck.IsNetFrameworkDescription(description));
        }

        [Theory]
        [InlineData("System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", "WxOrders.Core", true)]
        [InlineData("System.Memory, Version=4.0.1.2", "System.Text.Json", true)]
        [InlineData("System.Runtime.CompilerServices.Unsafe, Version=6.0.0.0", "System.Memory", true)]
        [InlineData("Microsoft.Bcl.AsyncInterfaces, Version=8.0.0.0", "WxOrders", true)]
        [InlineData("System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", "WxOrders.Sandbox", true)]
        [InlineData("System.Text.Encodings.Web, Version=8.0.0.0", "WxOrders.Sandbox", true)]
        [InlineData("System.Text.Json, Version=8.0.0.0", "SomeOtherModule", false)]
        [InlineData("Newtonsoft.Json, Version=13.0.0.0", "WxOrders.Core", false)]
        [InlineData("System.Management.Automation", "WxOrders", false)]
        public void AnswersOnlyForItsOwnDependenciesAskedByItsOwnAssemblies(string requested, string requesting, bool expected)
        {
            Assert.Equal(expected, DependencyResolver.Handles(new AssemblyName(requested), new AssemblyName(requesting)));
        }

        [Fact]
        public void LoadsFromItsDependenciesFolderOnceAndOnlyWhatIsShipped()
        {
            var loads = new List<string>();
            var self = typeof(DependencyResolverTests).Assembly;
            var resolver = new DependencyResolver(folder, path =>
            {
                loads.Add(path);
                return self;
            });

            var first = resolver.OnAssemblyResolve(null, new ResolveEventArgs("System.Text.Json, Version=8.0.0.0", null));
            var second = resolver.OnAssemblyResolve(null, new ResolveEventArgs("System.Text.Json, Version=8.0.0.0", null));
            Assert.Same(self, first);
            Assert.Same(first, second);
            Assert.Equal(new[] { Path.Combine(folder, "System.Text.Json.dll") }, loads);

            // In the name list but not shipped in this folder: not answered, so the default binder decides.
            Assert.Null(resolver.OnAssemblyResolve(null, new ResolveEventArgs("Microsoft.Bcl.AsyncInterfaces, Version=8.0.0.0", null)));

            // Not ours: never answered, whoever asks.
            Assert.Null(resolver.OnAssemblyResolve(null, new ResolveEventArgs("Newtonsoft.Json, Version=13.0.0.0", null)));
            Assert.Single(loads);
        }

        [Fact]
        public void AnswersEveryShippedDependencyOfEveryModuleAssembly()
        {
            // WxOrders, the engine and the sandbox (loaded on Start-WxOrdersSandbox): on 5.1 each must get its
            // System.Text.Json closure from bin/dependencies, or the first JSON call throws FileNotFoundException.
            var moduleAssemblies = new[] { typeof(ModuleInitializer).Assembly, typeof(WxPlatform).Assembly, typeof(Sandbox).Assembly };
            foreach (var assembly in moduleAssemblies)
            {
                var requesting = assembly.GetName();
                var shipped = Array.FindAll(assembly.GetReferencedAssemblies(), r => DependencyResolver.Names.Contains(r.Name));
                if (requesting.Name != "WxOrders")
                {
                    Assert.Contains(shipped, r => r.Name == "System.Text.Json"); // the engine and the sandbox parse and write JSON
                }

                foreach (var requested in shipped)
                {
                    Assert.True(DependencyResolver.Handles(requested, requesting), requesting.Name + " asks for " + requested.Name);
                }
            }
        }

        [Fact]
        public void TheNameListMatchesWhatTheBuildShips()
        {
            // src/WxOrders/WxOrders.csproj copies exactly these into bin/dependencies.
            var csproj = File.ReadAllText(Path.Combine(RepoRoot(), "src", "WxOrders", "WxOrders.csproj"));
            var match = System.Text.RegularExpressions.Regex.Match(csproj, "<ModuleDependency Include=\"([^\"]+)\"");
            Assert.True(match.Success);
            var shipped = new HashSet<string>(match.Groups[1].Value.Split(';'), StringComparer.OrdinalIgnoreCase);
            Assert.True(shipped.SetEquals(DependencyResolver.Names));
        }

        internal static string RepoRoot()
        {
            var dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "WxOrders.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            return dir ?? throw new InvalidOperationException("WxOrders.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
