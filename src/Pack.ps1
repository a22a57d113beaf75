<#
.SYNOPSIS
    Builds the release layout of WxOrders and packs it into out/: WxOrders/, WxOrders.<version>.nupkg and
    WxOrders-<version>.zip.
.DESCRIPTION
    The README's pack command, run from the repository root:
        dotnet tool restore && dotnet pwsh -NoProfile -File src/Pack.ps1
    1. Builds src/WxOrders in Release into a build folder of its own (out/.build/<version>/), so the pack neither
       uses nor changes the ./bin and ./en-US of a development build.
    2. Assembles <OutputDirectory>/WxOrders/: exactly the files src/Package.psd1 names (the manifest, bin/, en-US/).
       A file the build makes that the list does not name, or a named file the build did not make, fails the pack.
    3. Makes WxOrders.<version>.nupkg with Compress-PSResource (PSResourceGet 1.1 or later; the dotnet tool
       PowerShell 7.6.9 carries 1.2.0): the package Publish-PSResource pushes, made without registering a repository. Install-PSResource, Update-PSResource
       and PowerShellGet's Install-Module install it from a folder repository or a NuGet feed.
    4. Makes WxOrders-<version>.zip of the layout for offline machines: expand it into
       <PSModulePath>/WxOrders/<version>/.
.PARAMETER Version
    Packs this version instead of WxOrders.psd1's ModuleVersion: the assemblies and the packed manifest get it (the
    repository's files are not changed). For test packages, such as a higher version to update to.
.PARAMETER OutputDirectory
    Where the three outputs go; out/ of the repository by default.
.OUTPUTS
    The nupkg and zip files (System.IO.FileInfo).
#>
[CmdletBinding()]
param(
    [ValidatePattern('^\d+\.\d+\.\d+$')] [string] $Version,
    [string] $OutputDirectory
)

$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
if (-not $OutputDirectory) { $OutputDirectory = Join-Path $root 'out' }
$OutputDirectory = [IO.Path]::GetFullPath($OutputDirectory)
$manifestPath = Join-Path $root 'WxOrders.psd1'
$sourceVersion = (Import-PowerShellDataFile $manifestPath).ModuleVersion
if (-not $Version) { $Version = $sourceVersion }
$package = Import-PowerShellDataFile (Join-Path $PSScriptRoot 'Package.psd1')
if (-not (Get-Command Compress-PSResource -ErrorAction SilentlyContinue)) {
    throw "Compress-PSResource (PSResourceGet 1.1 or later) is missing. Run the pack with the repository's PowerShell: dotnet tool restore && dotnet pwsh -NoProfile -File src/Pack.ps1"
}

# 1. Build. The layout goes to a fresh folder each time, so nothing left from an earlier build can slip in; the
#    compiler's own output stays per version under out/.build of the repository (whatever -OutputDirectory is), so
#    packing the same version again is incremental.
$build = Join-Path $root "out/.build/$Version"
$staged = Join-Path $build 'layout'
if (Test-Path $staged) { Remove-Item $staged -Recurse -Force }
$properties = @(
    "-p:WxOrdersVersion=$Version"
    "-p:ModuleOutDir=$(Join-Path $staged 'bin')/"   # '/' rather than a trailing '\', which would escape a quote on Windows
    "-p:ModuleHelpDir=$(Join-Path $staged 'en-US')"
)
& dotnet build (Join-Path $root 'src/WxOrders/WxOrders.csproj') -c Release --nologo -v quiet `
    --artifacts-path (Join-Path $build 'artifacts') @properties | Out-Host
if ($LASTEXITCODE -ne 0) { throw "dotnet build failed ($LASTEXITCODE)." }
Copy-Item $manifestPath $staged
if ($Version -ne $sourceVersion) {
    $text = [IO.File]::ReadAllText((Join-Path $staged 'WxOrders.psd1'))
    $text = [regex]::Replace($text, "(?m)^(\s*ModuleVersion\s*=\s*)'[^']*'", "`${1}'$Version'")
    [IO.File]::WriteAllText((Join-Path $staged 'WxOrders.psd1'), $text)
}

# 2. The layout: exactly the listed files.
function Get-RelativeFile([string] $Folder) {
    Get-ChildItem $Folder -Recurse -File | ForEach-Object { $_.FullName.Substring($Folder.Length + 1).Replace('\', '/') } | Sort-Object
}
$built = @(Get-RelativeFile $staged | Where-Object { $f = $_; -not ($package.NotShipped | Where-Object { $f -like $_ }) })
$unlisted = @($built | Where-Object { $_ -notin $package.Files })
$missing = @($package.Files | Where-Object { $_ -notin $built })
if ($unlisted) { throw "The build made files src/Package.psd1 does not list: $($unlisted -join ', '). Add them to Files (or to NotShipped) there." }
if ($missing) { throw "The build did not make files src/Package.psd1 lists: $($missing -join ', ')." }

$layout = Join-Path $OutputDirectory 'WxOrders'
if (Test-Path $layout) { Remove-Item $layout -Recurse -Force }
foreach ($file in $package.Files) {
    $to = Join-Path $layout $file
    New-Item -ItemType Directory -Force -Path (Split-Path $to) | Out-Null
    Copy-Item (Join-Path $staged $file) $to
}
$result = Test-ModuleManifest (Join-Path $layout 'WxOrders.psd1')
if ("$($result.Version)" -ne $Version) { throw "The packed manifest says $($result.Version), not $Version." }

# 3. The nupkg. Compress-PSResource writes <Name>.<Version>.nupkg into the destination.
$nupkg = Join-Path $OutputDirectory "WxOrders.$Version.nupkg"
Remove-Item $nupkg -ErrorAction SilentlyContinue
Compress-PSResource -Path $layout -DestinationPath $OutputDirectory
if (-not (Test-Path $nupkg)) { throw "Compress-PSResource did not write $nupkg." }

# 4. The zip, entries relative to the module folder (forward slashes on every OS).
$zip = Join-Path $OutputDirectory "WxOrders-$Version.zip"
Remove-Item $zip -ErrorAction SilentlyContinue
Add-Type -AssemblyName System.IO.Compression, System.IO.Compression.FileSystem
$archive = [IO.Compression.ZipFile]::Open($zip, [IO.Compression.ZipArchiveMode]::Create)
try {
    foreach ($file in $package.Files) {
        $null = [IO.Compression.ZipFileExtensions]::CreateEntryFromFile($archive, (Join-Path $layout $file), $file, [IO.Compression.CompressionLevel]::Optimal)
    }
}
finally { $archive.Dispose() }

$size = ($package.Files | ForEach-Object { (Get-Item (Join-Path $layout $_)).Length } | Measure-Object -Sum).Sum
Write-Host ("WxOrders {0}: {1} files, {2:N0} bytes installed; symbols in {3}" -f $Version, $package.Files.Count, $size, (Join-Path $staged 'bin'))
Get-Item $nupkg, $zip
