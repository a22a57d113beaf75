# The checkpoint cmdlets in real pwsh: Get/Complete over a file made by the engine's checkpointed run (the search
# cmdlets call the same engine), errors as ErrorRecords with their ids and the path as TargetObject, the table view,
# and the lock between sessions of one process and between two pwsh processes (the holder killed with Stop-Process).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifest) -Force
    $script:core = [WxOrders.Checkpoint].Assembly

    # A checkpointed run through the engine, as a search cmdlet drives it (the engine types are internal).
    function Invoke-EngineRun {
        param([string] $Path, [datetimeoffset] $Since, [string[]] $OrderIds = @(), [bool] $Complete = $true, [string] $AppId = 'wx0001')
        $flags = [Reflection.BindingFlags]'Public,NonPublic,Instance,Static'
        $requestType = $script:core.GetType('WxOrders.Checkpoints.CheckpointRequest', $true)
        $runType = $script:core.GetType('WxOrders.Checkpoints.CheckpointRun', $true)
        $request = [Activator]::CreateInstance($requestType, $true)
        $requestType.GetProperty('Path').SetValue($request, $Path)
        $requestType.GetProperty('Source').SetValue($request, [WxOrders.CheckpointSource]::Union)
        $requestType.GetProperty('AppId').SetValue($request, $AppId)
        $requestType.GetProperty('Filter').SetValue($request, '')
        $requestType.GetProperty('Since').SetValue($request, [Nullable[datetimeoffset]]$Since)
        $requestType.GetProperty('Lag').SetValue($request, [timespan]::FromMinutes(2))
        $requestType.GetProperty('Overlap').SetValue($request, [timespan]::FromMinutes(15))
        $requestType.GetProperty('Owner').SetValue($request, [runspace]::DefaultRunspace.InstanceId)
        $run = $runType.GetMethod('Begin', $flags).Invoke($null, @($request))
        try {
            $t = [datetimeoffset]::UtcNow.AddMinutes(-5)
            foreach ($id in $OrderIds) { $null = $run.GetType().GetMethod('ShouldWrite', $flags).Invoke($run, @($id, $t, $t)) }
            $run.GetType().GetMethod('Finish', $flags).Invoke($run, @($Complete, $(if ($Complete) { $null } else { '1 of 3 pages could not be retrieved' })))
        }
        finally { $run.Dispose() }
    }
}

Describe 'Get-WxOrderCheckpoint and Complete-WxOrderCheckpoint' {
    BeforeEach {
        $dir = Join-Path $TestDrive ([guid]::NewGuid().ToString('n'))
        New-Item -ItemType Directory -Path $dir | Out-Null
        $path = Join-Path $dir 'union.checkpoint.json'
    }

    It 'shows the pending run, completes it, and then has nothing to complete' {
        Invoke-EngineRun -Path $path -Since ([datetimeoffset]::UtcNow.AddDays(-1)) -OrderIds '3705000000000000001', '3705000000000000002'
        $cp = Get-WxOrderCheckpoint -Path $path
        $cp | Should -BeOfType WxOrders.Checkpoint
        $cp.PendingState | Should -Be Complete
        $cp.CanComplete | Should -BeTrue
        $cp.PendingWritten | Should -Be 2
        $cp.PendingRunId | Should -Not -BeNullOrEmpty
        $cp.PendingEnd.Offset | Should -Be ([timespan]::FromHours(8))
        $cp.CommittedEnd | Should -BeNullOrEmpty

        $out = Complete-WxOrderCheckpoint -Path $path
        $out | Should -BeNullOrEmpty -Because 'without -PassThru nothing is written'
        $done = Get-WxOrderCheckpoint -Path $path
        $done.CommittedRunId | Should -Be $cp.PendingRunId
        $done.CommittedEnd | Should -Be $cp.PendingEnd
        $done.CommittedCount | Should -Be 2
        $done.PendingState | Should -Be None

        $err = $null
        Complete-WxOrderCheckpoint -Path $path -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'WxOrders.NothingToComplete,*'
        $err[0].CategoryInfo.Category | Should -Be InvalidOperation
        $err[0].TargetObject | Should -Be $path
        $err[0].Exception.Message | Should -Match 'no checkpointed search ran since the last Complete'
    }

    It 'refuses to complete an incomplete search and quotes why' {
        Invoke-EngineRun -Path $path -Since ([datetimeoffset]::UtcNow.AddDays(-1)) -OrderIds '1' -Complete $false
        (Get-WxOrderCheckpoint $path).PendingState | Should -Be Incomplete
        { Complete-WxOrderCheckpoint -Path $path -ErrorAction Stop } | Should -Throw -ErrorId 'WxOrders.NothingToComplete,WxOrders.Commands.CompleteWxOrderCheckpointCommand' -ExpectedMessage '*1 of 3 pages could not be retrieved*'
    }

    It 'resolves relative paths against the PowerShell location, not the process directory' {
        Invoke-EngineRun -Path $path -Since ([datetimeoffset]::UtcNow.AddHours(-1))
        Push-Location $dir
        try {
            (Get-WxOrderCheckpoint -Path 'union.checkpoint.json').Path | Should -Be $path
            $done = Complete-WxOrderCheckpoint -Path 'union.checkpoint.json' -PassThru
            $done | Should -BeOfType WxOrders.Checkpoint
            $done.PendingState | Should -Be None
            $done.CommittedEnd | Should -Not -BeNullOrEmpty
        }
        finally { Pop-Location }
    }

    It 'writes CheckpointCorrupt for a truncated or edited file and CheckpointNotFound for a missing one' {
        Invoke-EngineRun -Path $path -Since ([datetimeoffset]::UtcNow.AddHours(-1)) -OrderIds '7'
        $text = Get-Content -Raw -LiteralPath $path
        $cut = Join-Path $dir 'cut.json'; Set-Content -LiteralPath $cut -Value $text.Substring(0, $text.Length / 2) -NoNewline
        $edited = Join-Path $dir 'edited.json'; Set-Content -LiteralPath $edited -Value ($text -replace '"written":1', '"written":2') -NoNewline
        $err = $null
        $cut, $edited, (Join-Path $dir 'missing.json') | Get-WxOrderCheckpoint -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err.Count | Should -Be 3
        $err[0].FullyQualifiedErrorId | Should -BeLike 'WxOrders.CheckpointCorrupt,*'
        $err[0].CategoryInfo.Category | Should -Be InvalidData
        $err[0].TargetObject | Should -Be $cut
        $err[1].FullyQualifiedErrorId | Should -BeLike 'WxOrders.CheckpointCorrupt,*'
        $err[1].Exception.Message | Should -Match 'SHA-256'
        $err[2].FullyQualifiedErrorId | Should -BeLike 'WxOrders.CheckpointNotFound,*'
        $err[2].CategoryInfo.Category | Should -Be ObjectNotFound
    }

    It 'shows a table of source, AppId, committed end, pending state and path, and no secret' {
        Invoke-EngineRun -Path $path -Since ([datetimeoffset]::UtcNow.AddHours(-1))
        $table = Get-WxOrderCheckpoint $path | Format-Table | Out-String -Width 250
        $table | Should -Match 'Source\s+AppId\s+CommittedEnd\(\+08:00\)\s+Pending'
        $table | Should -Match 'Union\s+wx0001\s+\(none yet\)\s+Complete'
        (Get-Content -Raw -LiteralPath $path) | Should -Not -Match '(?i)secret|access_token'
    }
}

Describe 'A process killed while it writes the checkpoint' {
    It 'leaves the old or the new file, never a damaged one (killed <_> times at random moments)' -ForEach @(4) {
        $dir = Join-Path $TestDrive 'killed'
        New-Item -ItemType Directory -Path $dir -Force | Out-Null
        $path = Join-Path $dir 'union.checkpoint.json'
        $script = Join-Path $dir 'writer.ps1'
        # The child runs search-and-complete cycles of 3,000 orders each as fast as it can, so a kill lands mid-write.
        Set-Content -LiteralPath $script -Value @"
Import-Module '$(Get-ModuleManifest)'
`$script:core = [WxOrders.Checkpoint].Assembly
function Invoke-EngineRun { ${function:Invoke-EngineRun} }
`$ids = 1..3000 | ForEach-Object { [string](3705000000000000000 + `$_) }
Set-Content -LiteralPath '$path.started' -Value `$PID
while (`$true) {
    Invoke-EngineRun -Path '$path' -Since ([datetimeoffset]::UtcNow.AddDays(-1)) -OrderIds (`$ids | Get-Random -Count 3000)
    Complete-WxOrderCheckpoint -Path '$path'
}
"@
        $rng = [Random]::new(7)
        $states = @()
        for ($k = 0; $k -lt $_; $k++) {
            Remove-Item -LiteralPath "$path.started" -ErrorAction SilentlyContinue
            $child = Start-PwshProcess -File $script
            try {
                $deadline = [DateTime]::UtcNow.AddSeconds(60)
                while (-not (Test-Path -LiteralPath "$path.started") -and [DateTime]::UtcNow -lt $deadline -and -not $child.HasExited) { Start-Sleep -Milliseconds 50 }
                Start-Sleep -Milliseconds (300 + $rng.Next(1200))
                $child.HasExited | Should -BeFalse -Because 'the writer must still be running when it is killed'
            }
            finally {
                Stop-Process -Id $child.Id -Force -ErrorAction SilentlyContinue
                $child.WaitForExit(30000) | Out-Null
            }

            if (Test-Path -LiteralPath $path) {
                $cp = Get-WxOrderCheckpoint -Path $path -ErrorAction Stop
                $states += [string]$cp.PendingState
            }
        }

        $states.Count | Should -BeGreaterThan 0
        Write-Host ("states found after the kills: " + ($states -join ', ') + "; temporary files left: " + @(Get-ChildItem -LiteralPath $dir -Filter '*.tmp').Count)
        # A new run cleans what a killed writer left and goes on from the file as it stands.
        Invoke-EngineRun -Path $path -Since ([datetimeoffset]::UtcNow.AddDays(-1))
        @(Get-ChildItem -LiteralPath $dir -Filter '*.tmp').Count | Should -Be 0
    }
}

Describe 'Lock-WxOrderCheckpoint' {
    BeforeEach {
        $dir = Join-Path $TestDrive ([guid]::NewGuid().ToString('n'))
        New-Item -ItemType Directory -Path $dir | Out-Null
        $path = Join-Path $dir 'union.checkpoint.json'
    }

    It 'lets the holding session complete while another runspace of the process is refused' {
        Invoke-EngineRun -Path $path -Since ([datetimeoffset]::UtcNow.AddHours(-1))
        $lock = Lock-WxOrderCheckpoint -Path $path
        try {
            $lock | Should -BeOfType WxOrders.CheckpointLock
            $lock.IsHeld | Should -BeTrue
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddScript("Import-Module '$(Get-ModuleManifest)'; Complete-WxOrderCheckpoint -Path '$path' -ErrorVariable e -ErrorAction SilentlyContinue; `$e | ForEach-Object FullyQualifiedErrorId")
                $other = $ps.Invoke()
            }
            finally { $ps.Dispose() }
            $other | Should -BeLike 'WxOrders.CheckpointInUse,*'
            (Get-WxOrderCheckpoint $path).PendingState | Should -Be Complete -Because 'the refused session changed nothing'
            Complete-WxOrderCheckpoint -Path $path
            (Get-WxOrderCheckpoint $path).PendingState | Should -Be None
        }
        finally { Unlock-WxOrderCheckpoint -Lock $lock }
        $lock.IsHeld | Should -BeFalse
    }

    It 'refuses at once while another pwsh process holds it, and is free once that process is killed' {
        $holder = Start-CheckpointHolder -Path $path
        try {
            $holder.Ready | Should -BeTrue -Because 'the holder process took the lock'

            $watch = [Diagnostics.Stopwatch]::StartNew()
            $err = $null
            Lock-WxOrderCheckpoint -Path $path -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
            $err[0].FullyQualifiedErrorId | Should -BeLike 'WxOrders.CheckpointInUse,*'
            $err[0].Exception.Message | Should -Match 'another process'
            Test-Path -LiteralPath $path | Should -BeFalse -Because 'a refused lock creates no checkpoint'
        }
        finally {
            Stop-Process -Id $holder.Id -Force -ErrorAction SilentlyContinue
            $holder.WaitForExit(30000) | Out-Null
        }

        $lock = Lock-WxOrderCheckpoint -Path $path -ErrorAction Stop
        $lock.IsHeld | Should -BeTrue
        Unlock-WxOrderCheckpoint $lock
    }
}
