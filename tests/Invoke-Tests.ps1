<#
.SYNOPSIS
    Builds WxOrders and runs every test: xUnit (the core) and Pester 5 (the module in real PowerShell).
.DESCRIPTION
    The one test command of the README and of .ci/run. Needs only the .NET SDK: run it as
        dotnet tool restore && dotnet pwsh -NoProfile -File tests/Invoke-Tests.ps1
    Pester 5.7.1 comes from NuGet (a PackageDownload of the test project); an installed Pester 5 is used if no
    restore has happened. Ends with one line: "N passed, M failed" (", K skipped" when any were skipped).
.PARAMETER SkipBuild
    Use the existing build.
.PARAMETER Only
    xunit or pester, to run one half.
.PARAMETER Installed
    Pester tests the WxOrders installed on PSModulePath (the highest version; it must be the version of
    ./WxOrders.psd1) instead of the repository's build: what CI does after installing the package on each runner.
    xUnit tests the build either way.
#>
[CmdletBinding()]
param(
    [switch] $SkipBuild,
    [ValidateSet('all', 'xunit', 'pester')] [string] $Only = 'all',
    [string] $PesterFilter,
    [switch] $Installed
)

$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
$results = Join-Path $root 'tests/results'
New-Item -ItemType Directory -Force -Path $results | Out-Null

if (-not $SkipBuild) {
    & dotnet build (Join-Path $root 'WxOrders.sln') -c Release --nologo -v quiet
    if ($LASTEXITCODE -ne 0) { throw "dotnet build failed ($LASTEXITCODE)." }
}

$passed = 0; $failed = 0; $skipped = 0

# TestHelpers.psm1 (Get-ModuleManifest) reads this in the Pester process, which inherits it.
$env:WXORDERS_TEST_MODULE = $null
if ($Installed) {
    $module = Get-Module -ListAvailable WxOrders | Sort-Object Version -Descending | Select-Object -First 1
    if (-not $module) { throw "-Installed: no WxOrders module on PSModulePath ($env:PSModulePath). Install the package first." }
    $want = (Import-PowerShellDataFile (Join-Path $root 'WxOrders.psd1')).ModuleVersion
    if ("$($module.Version)" -ne $want) { throw "-Installed: WxOrders $($module.Version) is installed at $($module.ModuleBase), but this repository is $want." }
    $env:WXORDERS_TEST_MODULE = $module.Path
    Write-Host "Pester tests the installed module: $($module.Path)"
}

if ($Only -in 'all', 'xunit') {
    $trx = Join-Path $results 'xunit.trx'
    Remove-Item $trx -ErrorAction SilentlyContinue
    & dotnet test (Join-Path $root 'tests/WxOrders.Tests/WxOrders.Tests.csproj') -c Release --no-build --nologo `
        --logger "trx;LogFileName=$trx" --logger 'console;verbosity=minimal'
    $xunitExit = $LASTEXITCODE
    if (-not (Test-Path $trx)) { throw "xUnit wrote no results (exit $xunitExit)." }
    $counters = ([xml](Get-Content -Raw $trx)).TestRun.ResultSummary.Counters
    $passed += [int]$counters.passed
    $failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    $skipped += [int]$counters.notExecuted
    Write-Host ("xUnit: {0} passed, {1} failed, {2} skipped" -f $counters.passed, $counters.failed, $counters.notExecuted)
    if ($xunitExit -ne 0 -and [int]$counters.failed -eq 0) { $failed += 1; Write-Host "xUnit exited with $xunitExit." }
}

if ($Only -in 'all', 'pester') {
    $pester = $null
    $cache = (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    $candidate = Join-Path $cache.Trim() 'pester/5.7.1/tools/Pester.psd1'
    if (Test-Path $candidate) { $pester = $candidate }
    elseif (Get-Module -ListAvailable Pester | Where-Object Version -ge '5.0') { $pester = 'Pester' }
    else { throw "Pester 5 was not found at $candidate. Run: dotnet restore tests/WxOrders.Tests" }

    # Each test file imports the module in this process; Pester runs in a child so a crash cannot hide results.
    $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$pester' -MinimumVersion 5.0
`$c = New-PesterConfiguration
`$c.Run.Path = '$(Join-Path $root 'tests/pester')'
`$c.Run.PassThru = `$true
`$c.Output.Verbosity = 'Normal'
`$c.TestResult.Enabled = `$true
`$c.TestResult.OutputPath = '$(Join-Path $results 'pester.xml')'
if ('$PesterFilter') { `$c.Filter.FullName = '$PesterFilter' }
`$r = Invoke-Pester -Configuration `$c
"PESTER-TOTALS {0} {1} {2}" -f `$r.PassedCount, (`$r.FailedCount + `$r.FailedBlocksCount + `$r.FailedContainersCount), `$r.SkippedCount
"@
    # This pwsh may be the dotnet tool (the process is dotnet running pwsh.dll) or an installed pwsh/powershell.
    $exe = (Get-Process -Id $PID).Path
    $pre = @()
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $pre = @(Join-Path $PSHOME 'pwsh.dll') }
    $out = & $exe @pre -NoProfile -NonInteractive -Command $script 2>&1 | ForEach-Object { Write-Host $_; $_ }
    $line = $out | Where-Object { "$_" -match '^PESTER-TOTALS (\d+) (\d+) (\d+)' } | Select-Object -Last 1
    if (-not $line) { $failed += 1; Write-Host 'Pester did not report totals.' }
    else {
        $null = "$line" -match '^PESTER-TOTALS (\d+) (\d+) (\d+)'
        $passed += [int]$Matches[1]; $failed += [int]$Matches[2]; $skipped += [int]$Matches[3]
    }
}

$summary = "$passed passed, $failed failed"
if ($skipped -gt 0) { $summary += ", $skipped skipped" }
Write-Host $summary
if ($failed -gt 0) { exit 1 }
exit 0
