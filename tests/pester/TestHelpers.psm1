# Shared by the Pester files: where the repository is, how to run a fresh pwsh, how to start a connected sandbox.
$script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

function Get-RepoRoot { $script:Root }

<#
The manifest of the module under test: the repository's build (./WxOrders.psd1 with ./bin and ./en-US) unless
WXORDERS_TEST_MODULE names another one, the installed package's, which tests/Invoke-Tests.ps1 -Installed sets.
#>
function Get-ModuleManifest {
    if ($env:WXORDERS_TEST_MODULE) { return $env:WXORDERS_TEST_MODULE }
    Join-Path $script:Root 'WxOrders.psd1'
}

<# True when the suite tests an installed module rather than the repository's build. #>
function Test-InstalledModule { [bool]$env:WXORDERS_TEST_MODULE }

<# The command line that starts this same PowerShell: the dotnet tool runs as "dotnet pwsh.dll". #>
function Get-PwshCommand {
    $exe = (Get-Process -Id $PID).Path
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { return @($exe, (Join-Path $PSHOME 'pwsh.dll')) }
    , @($exe)
}

<#
Runs a script block's text in a fresh pwsh process with the module imported, returns its output lines
(stdout and stderr merged) and sets $global:LASTPWSHEXIT.
#>
function Invoke-FreshPwsh {
    param([Parameter(Mandatory)] [string] $Script, [switch] $NoImport)
    $prefix = if ($NoImport) { '' } else { "Import-Module '$(Get-ModuleManifest)'; " }
    $file = [IO.Path]::Combine([IO.Path]::GetTempPath(), "wxorders-$([guid]::NewGuid().ToString('n')).ps1")
    Set-Content -Path $file -Value ($prefix + $Script) -Encoding utf8
    try {
        $cmd = Get-PwshCommand
        $rest = @($cmd | Select-Object -Skip 1)
        $out = & $cmd[0] @rest -NoProfile -NonInteractive -File $file 2>&1 | ForEach-Object { "$_" }
        $global:LASTPWSHEXIT = $LASTEXITCODE
        $out
    }
    finally { Remove-Item $file -ErrorAction SilentlyContinue }
}

<# Starts a script file in a fresh pwsh process, not waited for, and returns the process. #>
function Start-PwshProcess {
    param([Parameter(Mandatory)] [string] $File)
    $cmd = Get-PwshCommand
    Start-Process -FilePath $cmd[0] -PassThru -ArgumentList (@($cmd | Select-Object -Skip 1 | ForEach-Object { '"{0}"' -f $_ }) + '-NoProfile', '-NonInteractive', '-File', ('"{0}"' -f $File))
}

<#
Starts a pwsh process that takes the lock of a checkpoint (Lock-WxOrderCheckpoint) and holds it until it is killed;
waits (at most 60 s) until it holds it. The process comes back with Ready: whether it took the lock.
#>
function Start-CheckpointHolder {
    param([Parameter(Mandatory)] [string] $Path)
    $ready = "$Path.holder-ready"
    $script = [IO.Path]::Combine([IO.Path]::GetTempPath(), "wxorders-holder-$([guid]::NewGuid().ToString('n')).ps1")
    Set-Content -LiteralPath $script -Value @"
Import-Module '$(Get-ModuleManifest)'
`$lock = Lock-WxOrderCheckpoint -Path '$Path' -ErrorAction Stop
Set-Content -LiteralPath '$ready' -Value `$PID
Start-Sleep -Seconds 120
"@
    $holder = Start-PwshProcess -File $script
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while (-not (Test-Path -LiteralPath $ready) -and [DateTime]::UtcNow -lt $deadline -and -not $holder.HasExited) { Start-Sleep -Milliseconds 100 }
    Remove-Item -LiteralPath $script -ErrorAction SilentlyContinue
    $holder | Add-Member -NotePropertyName Ready -NotePropertyValue (Test-Path -LiteralPath $ready) -PassThru
}

<# Starts a sandbox (extra parameters pass through) and connects both platforms to it. #>
function Start-ConnectedSandbox {
    param([hashtable] $Options = @{}, [hashtable] $Connect = @{})
    $sb = Start-WxOrdersSandbox @Options
    Connect-WxOrders -Sandbox $sb @Connect
    $sb
}

<#
Waits until the sandbox has answered no new request for a short while (at most 5 s): requests a stopped pipeline had
already started may still arrive, and a test that counts requests must not take its baseline before they do.
#>
function Wait-SandboxQuiet {
    param([Parameter(Mandatory)] $Sandbox, [int] $QuietMilliseconds = 300)
    $deadline = [DateTime]::UtcNow.AddSeconds(5)
    $last = -1
    while ([DateTime]::UtcNow -lt $deadline) {
        $now = ($Sandbox.RequestCounts.Values | Measure-Object -Sum).Sum
        if ($now -eq $last) { return }
        $last = $now
        Start-Sleep -Milliseconds $QuietMilliseconds
    }
}

Export-ModuleMember -Function Start-PwshProcess, Start-CheckpointHolder, Wait-SandboxQuiet, Get-RepoRoot, Get-ModuleManifest, Test-InstalledModule, Get-PwshCommand, Invoke-FreshPwsh, Start-ConnectedSandbox
