# Issue 14: the package made by src/Pack.ps1 installs the way admins install modules (Install-PSResource,
# Update-PSResource, Uninstall-PSResource, and PowerShellGet's Install-Module), proven by installing it in fresh
# pwsh processes that see only a private, empty module path.
#
# Isolation: each install runs with HOME and XDG_DATA_HOME/XDG_CONFIG_HOME/XDG_CACHE_HOME under TestDrive and no
# inherited PSModulePath. On Linux and macOS that is where everything lives: the CurrentUser module path (pwsh reads
# it from $XDG_DATA_HOME/powershell/Modules, PSResourceGet installs into $HOME/.local/share/powershell/Modules: both
# are set, so both are private), PSResourceGet's repository list (LocalApplicationData = $XDG_DATA_HOME:
# PSResourceGet/PSResourceRepository.xml) and PowerShellGet's (CACHE: $XDG_CACHE_HOME/powershell/PowerShellGet/
# PSRepositories.xml). The folders must exist before the child starts: .NET answers "" for a missing special folder
# and PSResourceGet would then keep its list relative to the working directory. Windows keeps these under known
# folders no environment variable moves (Documents, LocalAppData), so there the tests would change the user's real
# repositories and modules: they are skipped, and .github/workflows/ci.yml installs the package on its throwaway
# Windows runners instead.
BeforeDiscovery {
    $script:skip = $IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop'
}

BeforeAll {
    if ($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop') { return }   # every test below is skipped there
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $root = Get-RepoRoot
    $expected = @((Import-PowerShellDataFile (Join-Path $root 'src/Package.psd1')).Files | Sort-Object)
    $version = (Import-PowerShellDataFile (Join-Path $root 'WxOrders.psd1')).ModuleVersion
    $v = [version]$version
    $higher = '{0}.{1}.{2}' -f $v.Major, $v.Minor, ($v.Build + 1)

    <# Starts a script in a fresh pwsh whose home, XDG folders and module path are private to $HomeDir. #>
    function Start-IsolatedPwsh([string] $HomeDir, [string] $Script, [switch] $KeepHome) {
        $vars = @{
            XDG_DATA_HOME = Join-Path $HomeDir '.local/share'
            XDG_CONFIG_HOME = Join-Path $HomeDir '.config'
            XDG_CACHE_HOME = Join-Path $HomeDir '.cache'
        }
        if (-not $KeepHome) { $vars.HOME = $HomeDir }
        foreach ($dir in $vars.Values) { New-Item -ItemType Directory -Force -Path $dir | Out-Null }
        $cmd = Get-PwshCommand
        $file = Join-Path $HomeDir "run-$([guid]::NewGuid().ToString('n')).ps1"
        Set-Content -Path $file -Value $Script -Encoding utf8
        $psi = [Diagnostics.ProcessStartInfo]::new($cmd[0])
        foreach ($a in @($cmd | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $file)) { $psi.ArgumentList.Add($a) }
        $psi.WorkingDirectory = $HomeDir
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $psi.UseShellExecute = $false
        foreach ($k in $vars.Keys) { $psi.Environment[$k] = $vars[$k] }
        $null = $psi.Environment.Remove('PSModulePath')
        $p = [Diagnostics.Process]::Start($psi)
        @{ Process = $p; Stdout = $p.StandardOutput.ReadToEndAsync(); Stderr = $p.StandardError.ReadToEndAsync() }
    }
    <# Waits for a started script; returns its output lines (stderr lines marked) and sets $global:LASTPWSHEXIT. #>
    function Wait-IsolatedPwsh($Started) {
        $Started.Process.WaitForExit()
        $global:LASTPWSHEXIT = $Started.Process.ExitCode
        @($Started.Stdout.Result -split '\r?\n') + @($Started.Stderr.Result -split '\r?\n' | Where-Object { $_ } | ForEach-Object { "STDERR:$_" })
    }
    function Invoke-IsolatedPwsh([string] $HomeDir, [string] $Script) {
        Wait-IsolatedPwsh (Start-IsolatedPwsh -HomeDir $HomeDir -Script $Script)
    }
    function Get-Marker([string[]] $Lines, [string] $Name) {
        @($Lines | Where-Object { $_ -like "${Name}:*" } | ForEach-Object { $_.Substring($Name.Length + 1) })
    }
    # The lines every install check prints: where and what it imported, and its files relative to the module base.
    $report = @'
$m = Get-Module WxOrders
"BASE:$($m.ModuleBase)"
"VERSION:$($m.Version)"
"ASSEMBLY:$([WxOrders.Commands.GetShopOrderCommand].Assembly.GetName().Version.ToString(3))"
Get-ChildItem -Recurse -File $m.ModuleBase | ForEach-Object { 'FILE:' + $_.FullName.Substring($m.ModuleBase.Length + 1).Replace('\', '/') }
'@

    # Pack once for the whole file: the manifest's version and a higher one to update to, at the same time (two
    # builds, each in its own folder). Pack.ps1 builds with the real NuGet setup (HOME kept) but its PSResourceGet
    # state (Compress-PSResource) stays in the private XDG folders.
    $out = Join-Path $TestDrive 'out'
    $pack = Join-Path $root 'src/Pack.ps1'
    # The manifest's version is packed without -Version: the build must find it in WxOrders.psd1 by itself.
    $packs = foreach ($arguments in "-OutputDirectory '$out/$version'", "-OutputDirectory '$out/$higher' -Version $higher") {
        Start-IsolatedPwsh -HomeDir (Join-Path $TestDrive "pack-$([guid]::NewGuid().ToString('n'))") -KeepHome -Script @"
& '$pack' $arguments | ForEach-Object { "PACKED:`$(`$_.Name):`$(`$_.Length)" }
"@
    }
    $packOut = @(); $packExit = 0
    foreach ($started in $packs) { $packOut += Wait-IsolatedPwsh $started; $packExit = [Math]::Max($packExit, $global:LASTPWSHEXIT) }
    Copy-Item "$out/$version/*.nupkg", "$out/$higher/*.nupkg" $out -ErrorAction SilentlyContinue
    $feed = Join-Path $TestDrive 'feed'      # the PSResourceGet repository: Publish-PSResource puts packages here
    $share = Join-Path $TestDrive 'share'    # the PowerShellGet repository: a plain folder of nupkgs
    New-Item -ItemType Directory -Force -Path $feed, $share | Out-Null
}

Describe 'src/Pack.ps1' -Skip:$skip {
    It 'makes the nupkg and the zip of the manifest''s version and of a higher one' {
        $packExit | Should -Be 0 -Because ($packOut -join "`n")
        $names = Get-Marker $packOut 'PACKED' | ForEach-Object { ($_ -split ':')[0] }
        $names | Should -Be @("WxOrders.$version.nupkg", "WxOrders-$version.zip", "WxOrders.$higher.nupkg", "WxOrders-$higher.zip")
    }

    It 'lays out out/WxOrders with exactly the listed files, and Test-ModuleManifest passes on it' {
        $layout = Join-Path $out "$version/WxOrders"
        $files = Get-ChildItem -Recurse -File $layout | ForEach-Object { $_.FullName.Substring($layout.Length + 1).Replace('\', '/') } | Sort-Object
        $files | Should -Be $expected
        $files | Where-Object { $_ -like '*.pdb' } | Should -BeNullOrEmpty
        "$((Test-ModuleManifest (Join-Path $layout 'WxOrders.psd1') -ErrorAction Stop).Version)" | Should -Be $version
        "$((Test-ModuleManifest (Join-Path $out "$higher/WxOrders/WxOrders.psd1") -ErrorAction Stop).Version)" | Should -Be $higher
    }

    It 'zips the listed files relative to the module folder' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead((Join-Path $out "$version/WxOrders-$version.zip"))
        try { $zip.Entries.FullName | Sort-Object | Should -Be $expected }
        finally { $zip.Dispose() }
    }

    It 'stamps the manifest version into the assemblies' {
        # Built from the repository's manifest: the assemblies carry its version without being told it.
        $manifest = Join-Path $root 'WxOrders.psd1'
        $dll = Join-Path $root "out/.build/$version/layout/bin/WxOrders.dll"
        [Reflection.AssemblyName]::GetAssemblyName($dll).Version.ToString(3) | Should -Be (Import-PowerShellDataFile $manifest).ModuleVersion
        [Reflection.AssemblyName]::GetAssemblyName((Join-Path $root "out/.build/$higher/layout/bin/WxOrders.Core.dll")).Version.ToString(3) | Should -Be $higher
    }

    It 'leaves the manifest''s URIs pointing at files of the repository' {
        $data = (Import-PowerShellDataFile (Join-Path $root 'WxOrders.psd1')).PrivateData.PSData
        foreach ($uri in $data.LicenseUri, $data.ReleaseNotes) {
            $uri | Should -Match '^https://github\.com/[^/]+/[^/]+/blob/main/'
            Join-Path $root ($uri -replace '^https://github\.com/[^/]+/[^/]+/blob/main/') | Should -Exist
        }
        $data.ProjectUri | Should -Be ($data.LicenseUri -replace '/blob/main/LICENSE$')
        Get-Content (Join-Path $root 'LICENSE') -TotalCount 1 | Should -Be 'MIT License'
        Get-Content -Raw (Join-Path $root 'CHANGELOG.md') | Should -Match "(?m)^## $([regex]::Escape($version)) "
    }
}

Describe 'Install-PSResource from a folder repository' -Skip:$skip {
    BeforeAll {
        $home1 = Join-Path $TestDrive 'psrg-home'
        $csv = Join-Path $TestDrive 'quick.csv'
        $installed = Invoke-IsolatedPwsh -HomeDir $home1 -Script @"
`$ErrorActionPreference = 'Stop'
'PATH:' + `$env:PSModulePath
'BEFORE:' + @(Get-Module -ListAvailable WxOrders).Count
Register-PSResourceRepository -Name WxLocal -Uri '$feed' -Trusted
Publish-PSResource -NupkgPath '$out/WxOrders.$version.nupkg' -Repository WxLocal
Install-PSResource WxOrders -Repository WxLocal -Scope CurrentUser
Import-Module WxOrders
$report
# The User-Agent of a real request: Connect-WxOrders asks this listener for a token.
`$l = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0); `$l.Start(); `$port = `$l.LocalEndpoint.Port; `$l.Stop()
`$http = [Net.HttpListener]::new(); `$http.Prefixes.Add("http://127.0.0.1:`$port/"); `$http.Start()
`$ctx = `$http.GetContextAsync()
try { Connect-WxOrders -AppId wxua -AppSecret (ConvertTo-SecureString x -AsPlainText -Force) -BaseUri "http://127.0.0.1:`$port" -TimeoutSec 1 -MaxRetryCount 0 -ErrorAction Stop } catch { }
'UA:' + `$ctx.Result.Request.UserAgent
`$http.Stop()
& '$root/examples/Quickstart.ps1' -OutputPath '$csv' *> `$null
'SOURCES:' + (((Import-Csv '$csv').Source | Sort-Object -Unique) -join ',')
`$help = Get-Help Get-ShopOrder -Full | Out-String -Width 200
'HELP-SYNOPSIS:' + (`$help -match 'Gets WeChat Mini Program')
'HELP-PARTIAL:' + (`$help -match 'displaying only partial help')
'HELP-PARAMETER:' + (`$help -match '-OrderId <UInt64>')
'HELP-EXAMPLES:' + @((Get-Help Get-ShopOrder -Full).examples.example).Count
"@
        $installExit = $global:LASTPWSHEXIT

        $updated = Invoke-IsolatedPwsh -HomeDir $home1 -Script @"
`$ErrorActionPreference = 'Stop'
Publish-PSResource -NupkgPath '$out/WxOrders.$higher.nupkg' -Repository WxLocal
Update-PSResource WxOrders -Repository WxLocal -Scope CurrentUser
'INSTALLED:' + ((Get-InstalledPSResource WxOrders | Sort-Object Version).Version -join ',')
Import-Module WxOrders
$report
"@
        $updateExit = $global:LASTPWSHEXIT

        $removed = Invoke-IsolatedPwsh -HomeDir $home1 -Script @"
`$ErrorActionPreference = 'Stop'
Uninstall-PSResource WxOrders -Version '*' -Scope CurrentUser
'AFTER:' + @(Get-Module -ListAvailable WxOrders).Count
'LEFT:' + @(Get-ChildItem (Join-Path `$env:XDG_DATA_HOME 'powershell/Modules') -Recurse -File).Count
"@
        $removeExit = $global:LASTPWSHEXIT
    }

    It 'installs into the private CurrentUser path of a process that saw no WxOrders before' {
        $installExit | Should -Be 0 -Because ($installed -join "`n")
        Get-Marker $installed 'BEFORE' | Should -Be '0'
        foreach ($entry in (Get-Marker $installed 'PATH') -split [IO.Path]::PathSeparator) {
            ($entry.StartsWith($home1) -or $entry.StartsWith($PSHOME) -or -not (Test-Path $entry)) | Should -BeTrue -Because "$entry is on the child's module path"
        }
        Get-Marker $installed 'BASE' | Should -Be (Join-Path $home1 ".local/share/powershell/Modules/WxOrders/$version")
    }

    It 'imports by name with the version in the manifest, the assemblies and the User-Agent' {
        Get-Marker $installed 'VERSION' | Should -Be $version
        Get-Marker $installed 'ASSEMBLY' | Should -Be $version
        Get-Marker $installed 'UA' | Should -BeLike "WxOrders/$version PowerShell/* (Core)"
    }

    It 'holds exactly the listed files, plus PSResourceGet''s own record' {
        Get-Marker $installed 'FILE' | Sort-Object | Should -Be (@($expected) + 'PSGetModuleInfo.xml' | Sort-Object)
    }

    It 'runs the quick start against the sandbox' {
        Get-Marker $installed 'SOURCES' | Should -Be 'Coop,Shop,Union,Wshoto'
    }

    It 'shows the MAML help with Get-Help -Full' {
        Get-Marker $installed 'HELP-SYNOPSIS' | Should -Be 'True'
        Get-Marker $installed 'HELP-PARTIAL' | Should -Be 'False'
        Get-Marker $installed 'HELP-PARAMETER' | Should -Be 'True'
        [int](Get-Marker $installed 'HELP-EXAMPLES')[0] | Should -BeGreaterOrEqual 2
    }

    It 'updates to a higher version with Update-PSResource, which then imports' {
        $updateExit | Should -Be 0 -Because ($updated -join "`n")
        Get-Marker $updated 'INSTALLED' | Should -Be "$version,$higher"
        Get-Marker $updated 'VERSION' | Should -Be $higher
        Get-Marker $updated 'ASSEMBLY' | Should -Be $higher
        Get-Marker $updated 'BASE' | Should -Be (Join-Path $home1 ".local/share/powershell/Modules/WxOrders/$higher")
        Get-Marker $updated 'FILE' | Sort-Object | Should -Be (@($expected) + 'PSGetModuleInfo.xml' | Sort-Object)
    }

    It 'uninstalls every version with Uninstall-PSResource' {
        $removeExit | Should -Be 0 -Because ($removed -join "`n")
        Get-Marker $removed 'AFTER' | Should -Be '0'
        Get-Marker $removed 'LEFT' | Should -Be '0'
    }
}

Describe 'Install-Module (PowerShellGet 2.2.5, what Windows PowerShell 5.1 users have) from a folder repository' -Skip:$skip {
    BeforeAll {
        $home2 = Join-Path $TestDrive 'psget-home'
        Copy-Item (Join-Path $out "WxOrders.$version.nupkg") $share
        $installed = Invoke-IsolatedPwsh -HomeDir $home2 -Script @"
`$ErrorActionPreference = 'Stop'
'BEFORE:' + @(Get-Module -ListAvailable WxOrders).Count
Import-Module PowerShellGet -RequiredVersion 2.2.5
Register-PSRepository -Name WxShare -SourceLocation '$share' -InstallationPolicy Trusted
Install-Module WxOrders -Repository WxShare -Scope CurrentUser
Import-Module WxOrders
$report
`$sb = Start-WxOrdersSandbox
Connect-WxOrders -Sandbox `$sb
'ORDERS:' + @(`$sb.SampleShopOrders | Get-ShopOrder).Count + '/' + `$sb.SampleShopOrders.Count
`$sb | Stop-WxOrdersSandbox
'HELP-SYNOPSIS:' + ((Get-Help Get-ShopOrder -Full | Out-String) -match 'Gets WeChat Mini Program')
"@
        $installExit = $global:LASTPWSHEXIT
    }

    It 'installs, imports by name and gets orders from the sandbox' {
        $installExit | Should -Be 0 -Because ($installed -join "`n")
        Get-Marker $installed 'BEFORE' | Should -Be '0'
        Get-Marker $installed 'BASE' | Should -Be (Join-Path $home2 ".local/share/powershell/Modules/WxOrders/$version")
        Get-Marker $installed 'VERSION' | Should -Be $version
        $counts = (Get-Marker $installed 'ORDERS') -split '/'
        $counts[0] | Should -Be $counts[1]
        [int]$counts[0] | Should -BeGreaterThan 0
        Get-Marker $installed 'HELP-SYNOPSIS' | Should -Be 'True'
    }

    It 'holds exactly the listed files, plus PowerShellGet''s own record' {
        Get-Marker $installed 'FILE' | Sort-Object | Should -Be (@($expected) + 'PSGetModuleInfo.xml' | Sort-Object)
    }
}
