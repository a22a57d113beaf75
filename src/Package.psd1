# The files of the installed module, relative to its folder (<PSModulePath>/WxOrders/<version>/): the one list of what
# ships. src/Pack.ps1 packs exactly these and fails when the release build makes a file this list does not name (or
# misses one it names); tests/pester/Package.Tests.ps1 expects an install to hold exactly these. Amend it here when
# the layout changes (a new assembly in bin/ goes here and into LayoutModule of src/WxOrders/WxOrders.csproj).
#
# No pdbs: the cmdlets report failures as ErrorRecords with messages, not stack traces, so symbols help no user of
# the package; they would add about 240 KB (an eighth) to it and carry the build machine's source paths. Symbols for a
# release are in the build output (src/Pack.ps1 prints where) for whoever debugs it.
@{
    Files = @(
        'WxOrders.psd1'
        'bin/WxOrders.dll'
        'bin/WxOrders.Core.dll'
        # The emulator behind Start-WxOrdersSandbox: loaded only when a sandbox starts.
        'bin/WxOrders.Sandbox.dll'
        'bin/WxOrders.format.ps1xml'
        # System.Text.Json and its closure, loaded by the module's resolver on Windows PowerShell 5.1 only; the list
        # of names is ModuleDependency in src/WxOrders/WxOrders.csproj.
        'bin/dependencies/Microsoft.Bcl.AsyncInterfaces.dll'
        'bin/dependencies/System.Buffers.dll'
        'bin/dependencies/System.Memory.dll'
        'bin/dependencies/System.Numerics.Vectors.dll'
        'bin/dependencies/System.Runtime.CompilerServices.Unsafe.dll'
        'bin/dependencies/System.Text.Encodings.Web.dll'
        'bin/dependencies/System.Text.Json.dll'
        'bin/dependencies/System.Threading.Tasks.Extensions.dll'
        # Help: Get-Help looks for it beside the manifest (the module base), not beside the dll.
        'en-US/WxOrders.dll-Help.xml'
        'en-US/about_WxOrders.help.txt'
    )
    # Build output that is deliberately not shipped (see above); anything else the build makes and Files does not
    # name fails the pack.
    NotShipped = @('*.pdb')
}
