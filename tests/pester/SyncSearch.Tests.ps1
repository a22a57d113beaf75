# Checkpointed searches in real pwsh against the sandbox (Search-UnionOrder -Checkpoint): each (id, version) written
# once across completed runs, Complete moving the window, an incomplete walk recording nothing to complete, the lock
# held by another process, damaged or foreign files and every bad input refused with zero requests.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifest) -Force
    $script:SearchPath = '/union/promoter/order/search'
    $script:Since = [datetime]'2025-06-01'

    function New-StatePath { Join-Path (New-Item -ItemType Directory -Force -Path (Join-Path $TestDrive ([guid]::NewGuid().ToString('n')))).FullName 'union.checkpoint.json' }

    # The distinct (OrderId, UpdateTime) pairs of a set of orders, and how many there were in all.
    function Get-VersionKeys($orders) { @($orders | ForEach-Object { '{0}@{1:o}' -f $_.OrderId, $_.UpdateTime }) }
}

Describe 'Search-UnionOrder -Checkpoint' {
    BeforeAll {
        $sb = Start-ConnectedSandbox
    }
    AfterAll {
        Disconnect-WxOrders -ErrorAction SilentlyContinue
        $sb | Stop-WxOrdersSandbox
    }

    It 'writes each (order id, version) once across completed runs, and Complete moves the window' {
        $state = New-StatePath
        $first = @(Search-UnionOrder -Checkpoint $state -Since $Since)
        $first.Count | Should -Be 1000 -Because 'every sandbox order changed after 1 June 2025'
        $keys = Get-VersionKeys $first
        @($keys | Select-Object -Unique).Count | Should -Be $keys.Count
        $pending = Get-WxOrderCheckpoint $state
        $pending.PendingState | Should -Be Complete
        $pending.PendingWritten | Should -Be 1000
        $pending.PendingStart | Should -Be ([datetimeoffset]$Since)
        ([datetimeoffset]::Now - $pending.PendingEnd).TotalMinutes | Should -BeGreaterOrEqual 2 -Because 'the window ends -Lag (2 minutes) before now'

        # Before Complete: the same window again (at least once).
        @(Search-UnionOrder -Checkpoint $state -Since $Since).Count | Should -Be 1000

        Complete-WxOrderCheckpoint $state
        $committed = Get-WxOrderCheckpoint $state
        $sb.ResetCounters()
        $second = @(Search-UnionOrder -Checkpoint $state -Since $Since)
        $second.Count | Should -Be 0 -Because 'nothing changed since the completed window'
        $sb.GetRequestCount($SearchPath) | Should -Be 1
        $next = Get-WxOrderCheckpoint $state
        $next.PendingStart | Should -Be ($committed.CommittedEnd - [timespan]::FromMinutes(15))
        $next.PendingState | Should -Be Complete
        $next.Filter | Should -Be ''

        $text = Get-Content -Raw -LiteralPath $state
        foreach ($token in $sb.TestHooks.GetIssuedTokens()) { $text.Contains($token) | Should -BeFalse }
        $text | Should -Not -Match '(?i)secret'
    }

    It 'binds the checkpoint to -CommissionStatus and refuses another filter with zero requests' {
        $state = New-StatePath
        $settled = @(Search-UnionOrder -Checkpoint $state -Since $Since -CommissionStatus Settled)
        $settled.Count | Should -BeGreaterThan 0
        $settled | ForEach-Object { $_.ProductList.CommissionStatus } | Sort-Object -Unique | Should -Be Settled
        (Get-WxOrderCheckpoint $state).Filter | Should -Be 'commissionStatus=Settled'
        $before = Get-Content -Raw -LiteralPath $state
        $sb.ResetCounters()
        foreach ($other in @(@{}, @{ CommissionStatus = 'Pending' })) {
            { Search-UnionOrder -Checkpoint $state -Since $Since @other } | Should -Throw -ErrorId 'WxOrders.CheckpointMismatch,WxOrders.Commands.SearchUnionOrderCommand' -ExpectedMessage '*filter*'
        }
        $sb.GetRequestCount($SearchPath) | Should -Be 0
        Get-Content -Raw -LiteralPath $state | Should -Be $before
    }

    It 'refuses a damaged file and one from another AppId before any request' {
        $state = New-StatePath
        $null = Search-UnionOrder -Checkpoint $state -Since $Since
        $text = Get-Content -Raw -LiteralPath $state
        $cut = Join-Path (Split-Path $state) 'cut.json'
        Set-Content -LiteralPath $cut -Value $text.Substring(0, [int]($text.Length / 2)) -NoNewline
        $edited = Join-Path (Split-Path $state) 'edited.json'
        Set-Content -LiteralPath $edited -Value ($text -replace '"written":1000', '"written":999') -NoNewline
        $foreign = Join-Path (Split-Path $state) 'foreign.json'
        Set-Content -LiteralPath $foreign -Value ($text -replace 'wxsandbox0000000001', 'wx0000000000000002') -NoNewline
        $sb.ResetCounters()
        { Search-UnionOrder -Checkpoint $cut -Since $Since } | Should -Throw -ErrorId 'WxOrders.CheckpointCorrupt,WxOrders.Commands.SearchUnionOrderCommand' -ExpectedMessage '*delete it and run the search again with -Since*'
        { Search-UnionOrder -Checkpoint $edited -Since $Since } | Should -Throw -ErrorId 'WxOrders.CheckpointCorrupt,WxOrders.Commands.SearchUnionOrderCommand' -ExpectedMessage '*SHA-256*'
        $sb.GetRequestCount($SearchPath) | Should -Be 0
        (Get-Content -Raw -LiteralPath $cut).Length | Should -Be ([int]($text.Length / 2)) -Because 'a refused file is not rewritten'

        # Another AppId: made by the engine for wx0001 (a hand edit would only be refused as damaged).
        $mine = (Get-WxOrdersConnection | Where-Object Platform -EQ WeChat).AppId
        $mine | Should -Not -Be 'wx0001'
        $flags = [Reflection.BindingFlags]'Public,NonPublic,Instance,Static'
        $core = [WxOrders.Checkpoint].Assembly
        $request = [Activator]::CreateInstance($core.GetType('WxOrders.Checkpoints.CheckpointRequest', $true), $true)
        $other = Join-Path (Split-Path $state) 'other-app.json'
        @{ Path = $other; Source = [WxOrders.CheckpointSource]::Union; AppId = 'wx0001'; Filter = ''; Since = [Nullable[datetimeoffset]][datetimeoffset]$Since
            Lag = [timespan]::FromMinutes(2); Overlap = [timespan]::FromMinutes(15); Owner = [object]::new() }.GetEnumerator() |
            ForEach-Object { $request.GetType().GetProperty($_.Key).SetValue($request, $_.Value) }
        $run = $core.GetType('WxOrders.Checkpoints.CheckpointRun', $true).GetMethod('Begin', $flags).Invoke($null, @($request))
        $run.GetType().GetMethod('Finish', $flags).Invoke($run, @($true, $null)); $run.Dispose()
        { Search-UnionOrder -Checkpoint $other -Since $Since } | Should -Throw -ErrorId 'WxOrders.CheckpointMismatch,WxOrders.Commands.SearchUnionOrderCommand' -ExpectedMessage "*AppId 'wx0001'*"
        $sb.GetRequestCount($SearchPath) | Should -Be 0
    }

    It 'refuses <Case> before any request, without making the checkpoint' -ForEach @(
        @{ Case = '-StartTime with -Checkpoint'; Extra = @{ StartTime = '2025-06-01' }; Id = 'WxOrders.CheckpointConflict'; Message = '*cannot be combined with -StartTime*' }
        @{ Case = '-EndTime with -Checkpoint'; Extra = @{ EndTime = '2025-06-01' }; Id = 'WxOrders.CheckpointConflict'; Message = '*-EndTime*' }
        @{ Case = 'commission-update times with -Checkpoint'; Extra = @{ CommissionUpdateStartTime = '2025-06-01'; CommissionUpdateEndTime = '2025-06-02' }; Id = 'WxOrders.CheckpointConflict'; Message = '*-CommissionUpdateStartTime, -CommissionUpdateEndTime*' }
        @{ Case = '-First with -Checkpoint'; Extra = @{ First = 5 }; Id = 'WxOrders.CheckpointConflict'; Message = '*-First*' }
        @{ Case = '-Skip with -Checkpoint'; Extra = @{ Skip = 5 }; Id = 'WxOrders.CheckpointConflict'; Message = '*-Skip*' }
        @{ Case = '-IncludeTotalCount with -Checkpoint'; Extra = @{ IncludeTotalCount = $true }; Id = 'WxOrders.CheckpointConflict'; Message = '*-IncludeTotalCount*' }
        @{ Case = 'a negative -Lag'; Extra = @{ Lag = '-00:00:01' }; Id = 'WxOrders.InvalidArgument'; Message = '*-Lag is negative*' }
        @{ Case = 'a negative -Overlap'; Extra = @{ Overlap = '-00:05:00' }; Id = 'WxOrders.InvalidArgument'; Message = '*-Overlap is negative*' }
        @{ Case = '-Since in the future'; Extra = @{ Since = (Get-Date).AddMinutes(10) }; Id = 'WxOrders.InvalidArgument'; Message = '*-Since*is in the future*' }
        @{ Case = 'no -Since on first use'; Extra = @{ Since = $null }; Id = 'WxOrders.CheckpointSinceRequired'; Message = '*add -Since*' }
        @{ Case = 'a -Since that leaves no window'; Extra = @{ Since = (Get-Date).AddSeconds(-30) }; Id = 'WxOrders.CheckpointInvalidWindow'; Message = '*earlier -Since or a smaller -Lag*' }
        @{ Case = '-Since without -Checkpoint'; Extra = @{ Checkpoint = $null }; Id = 'WxOrders.CheckpointConflict'; Message = '*-Since belongs to a checkpointed search*' }
        @{ Case = '-Lag and -Overlap without -Checkpoint'; Extra = @{ Checkpoint = $null; Since = $null; Lag = '00:01:00'; Overlap = '00:01:00' }; Id = 'WxOrders.CheckpointConflict'; Message = '*-Lag, -Overlap belong*' }
    ) {
        $state = New-StatePath
        $params = @{ Checkpoint = $state; Since = $Since }
        foreach ($k in $Extra.Keys) { if ($null -eq $Extra[$k]) { $params.Remove($k) } else { $params[$k] = $Extra[$k] } }
        $sb.ResetCounters()
        { Search-UnionOrder @params } | Should -Throw -ErrorId "$Id,WxOrders.Commands.SearchUnionOrderCommand" -ExpectedMessage $Message
        $sb.GetRequestCount($SearchPath) | Should -Be 0
        Test-Path -LiteralPath $state | Should -BeFalse
    }

    It 'fails at once with CheckpointInUse while another process holds the checkpoint, and changes nothing' {
        $state = New-StatePath
        $null = Search-UnionOrder -Checkpoint $state -Since $Since
        $before = Get-Content -Raw -LiteralPath $state
        $ready = "$state.ready"
        $script = Join-Path (Split-Path $state) 'holder.ps1'
        Set-Content -LiteralPath $script -Value @"
Import-Module '$(Get-ModuleManifest)'
`$lock = Lock-WxOrderCheckpoint -Path '$state' -ErrorAction Stop
Set-Content -LiteralPath '$ready' -Value `$PID
Start-Sleep -Seconds 120
"@
        $cmd = Get-PwshCommand
        $holder = Start-Process -FilePath $cmd[0] -ArgumentList (@($cmd | Select-Object -Skip 1 | ForEach-Object { '"{0}"' -f $_ }) + '-NoProfile', '-NonInteractive', '-File', ('"{0}"' -f $script)) -PassThru
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while (-not (Test-Path -LiteralPath $ready) -and [DateTime]::UtcNow -lt $deadline -and -not $holder.HasExited) { Start-Sleep -Milliseconds 100 }
            Test-Path -LiteralPath $ready | Should -BeTrue -Because 'the holder process took the lock'
            $sb.ResetCounters()
            $watch = [Diagnostics.Stopwatch]::StartNew()
            { Search-UnionOrder -Checkpoint $state -Since $Since } | Should -Throw -ErrorId 'WxOrders.CheckpointInUse,WxOrders.Commands.SearchUnionOrderCommand' -ExpectedMessage '*another process holds it*'
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
            $sb.GetRequestCount($SearchPath) | Should -Be 0
            Get-Content -Raw -LiteralPath $state | Should -Be $before
        }
        finally {
            Stop-Process -Id $holder.Id -Force -ErrorAction SilentlyContinue
            $holder.WaitForExit(30000) | Out-Null
        }
        @(Search-UnionOrder -Checkpoint $state -Since $Since).Count | Should -Be 1000 -Because 'the lock went with the killed process'
    }
}

Describe 'An incomplete checkpointed walk' {
    It 'records nothing to complete, Complete says why, and the next search reads the same window again' {
        $sb = Start-WxOrdersSandbox -FailureRate 0.3 -FailureKind Busy -Seed 11
        try {
            Connect-WxOrders -Sandbox $sb -MaxRetryCount 0
            $state = New-StatePath
            $errs = $null
            $orders = @(Search-UnionOrder -Checkpoint $state -Since $Since -PageSize 50 -ThrottleLimit 1 -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
            $errs.Count | Should -BeGreaterThan 0 -Because 'pages failed without retries'
            $orders.Count | Should -BeLessThan 1000
            $cp = Get-WxOrderCheckpoint $state
            $cp.PendingState | Should -Be Incomplete
            $cp.PendingReason | Should -Match 'could not be retrieved'
            { Complete-WxOrderCheckpoint $state -ErrorAction Stop } | Should -Throw -ErrorId 'WxOrders.NothingToComplete,WxOrders.Commands.CompleteWxOrderCheckpointCommand' -ExpectedMessage '*was incomplete*could not be retrieved*'
            (Get-WxOrderCheckpoint $state).CommittedEnd | Should -BeNullOrEmpty
        }
        finally {
            Disconnect-WxOrders -ErrorAction SilentlyContinue
            $sb | Stop-WxOrdersSandbox
        }

        $clean = Start-ConnectedSandbox
        try {
            $again = @(Search-UnionOrder -Checkpoint $state -Since $Since)
            $again.Count | Should -Be 1000 -Because 'nothing of the incomplete run was committed'
            (Get-WxOrderCheckpoint $state).PendingStart | Should -Be ([datetimeoffset]$Since)
        }
        finally {
            Disconnect-WxOrders -ErrorAction SilentlyContinue
            $clean | Stop-WxOrdersSandbox
        }
    }
}
