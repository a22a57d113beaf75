# examples/Sync-WxOrders.ps1, the scheduled-task recipe, in fresh pwsh processes against a sandbox in this process:
# each version in exactly one file over runs (also when a run is killed at each of its steps), the exit codes, an
# overlapping run refused at once, a damaged state file, no secret or token in any file it writes, the same bytes in
# every culture, bad input refused.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifest) -Force
    $script:Recipe = Join-Path (Get-RepoRoot) 'examples/Sync-WxOrders.ps1'
    $script:Pwsh = Get-PwshCommand

    function New-SyncFolder {
        $dir = Join-Path $TestDrive ([guid]::NewGuid().ToString('n'))
        New-Item -ItemType Directory -Path $dir | Out-Null
        $dir
    }

    # A credential file for a platform of a sandbox, outside every folder the recipe writes to.
    function New-CredentialFile($Sandbox, [string] $Platform = 'WeChat') {
        $path = Join-Path $TestDrive "cred-$([guid]::NewGuid().ToString('n')).xml"
        $cred = if ($Platform -eq 'Wshoto') { [pscredential]::new($Sandbox.WshotoAppId, $Sandbox.WshotoAppSecret) } else { [pscredential]::new($Sandbox.WeChatAppId, $Sandbox.WeChatAppSecret) }
        $cred | Export-Clixml -LiteralPath $path
        $path
    }

    <#
    The command line of one recipe run in a fresh process: a wrapper that imports the module under test, runs
    $Prelude (a culture, a default parameter value, a step to die at) and then the recipe with $Arguments.
    #>
    function New-SyncWrapper([hashtable] $Arguments, [string] $Prelude = '') {
        $file = Join-Path $TestDrive "sync-$([guid]::NewGuid().ToString('n')).ps1"
        $lines = foreach ($k in $Arguments.Keys) { "    '$k' = '$($Arguments[$k] -replace "'", "''")'" }
        Set-Content -LiteralPath $file -Encoding utf8 -Value @"
Import-Module '$(Get-ModuleManifest)'
$Prelude
`$recipeArguments = @{
$($lines -join "`n")
}
& '$Recipe' @recipeArguments
exit `$LASTEXITCODE
"@
        $file
    }

    function Invoke-Sync([hashtable] $Arguments, [string] $Prelude = '') {
        $file = New-SyncWrapper $Arguments $Prelude
        $rest = @($Pwsh | Select-Object -Skip 1)
        $out = & $Pwsh[0] @rest -NoProfile -NonInteractive -File $file 2>&1 | ForEach-Object { "$_" }
        [pscustomobject]@{ Exit = $LASTEXITCODE; Output = ($out -join "`n") }
    }

    # Every (OrderId, UpdatedAt) of the CSV files in a folder: how many files hold each.
    function Get-FileCounts([string] $Dir, [string] $Prefix = 'union') {
        $counts = @{}
        foreach ($f in Get-ChildItem -LiteralPath $Dir -Filter "$Prefix-*.csv") {
            foreach ($key in @(Import-Csv -LiteralPath $f.FullName | ForEach-Object { "$($_.OrderId)@$($_.UpdatedAt)" } | Select-Object -Unique)) {
                $counts[$key] = 1 + [int]$counts[$key]
            }
        }
        $counts
    }

    # The dying steps: a function shadows a command the recipe calls and ends the process there, as a kill would.
    $script:KillAt = @{
        'mid-walk, after 300 orders' = 'function ConvertTo-WxOrderLine { begin { $n = 0 } process { WxOrders\ConvertTo-WxOrderLine -Invariant -InputObject $_; if (++$n -ge 300) { [Environment]::Exit(9) } } }'
        # In a fresh folder the recipe reads the checkpoint first after its search (there is nothing to repair yet).
        'after the search, before the rename' = 'function Get-WxOrderCheckpoint { [Environment]::Exit(9) }'
        'after the rename, before Complete' = 'function Complete-WxOrderCheckpoint { [Environment]::Exit(9) }'
    }
}

Describe 'examples/Sync-WxOrders.ps1' {
    BeforeAll {
        $sb = Start-WxOrdersSandbox
        $cred = New-CredentialFile $sb
        $since = '2025-06-01'
        function Get-SyncArguments([string] $Dir) {
            @{ Source = 'Union'; OutputDirectory = "$Dir/out"; StatePath = "$Dir/union.checkpoint.json"; CredentialPath = $cred; BaseUri = "$($sb.BaseUri)"; Since = $since }
        }
    }
    AfterAll { $sb | Stop-WxOrdersSandbox }

    It 'writes each version once over two runs, a header-only file for an empty window, and exits 0' {
        $dir = New-SyncFolder
        $first = Invoke-Sync (Get-SyncArguments $dir)
        $first.Exit | Should -Be 0 -Because $first.Output
        $second = Invoke-Sync (Get-SyncArguments $dir)
        $second.Exit | Should -Be 0 -Because $second.Output
        $files = @(Get-ChildItem -LiteralPath "$dir/out" -Filter 'union-*.csv' | Sort-Object Name)
        $files.Count | Should -Be 2
        $counts = Get-FileCounts "$dir/out"
        $counts.Count | Should -Be 1000 -Because 'every sandbox order changed after 1 June 2025'
        @($counts.Values | Where-Object { $_ -gt 1 }).Count | Should -Be 0
        (Get-Content -LiteralPath $files[1].FullName).Count | Should -Be 1 -Because 'nothing changed between the runs: the header row only'
        $cp = Get-WxOrderCheckpoint "$dir/union.checkpoint.json"
        $cp.PendingState | Should -Be None
        $files[1].Name | Should -BeLike "union-*-$($cp.CommittedRunId.ToString('n')).csv"
        $log = Get-Content -Raw -LiteralPath "$dir/out/sync-union.log"
        ([regex]::Matches($log, 'Done: window')).Count | Should -Be 2
        Get-ChildItem -LiteralPath "$dir/out" -Force -Filter '*.partial' | Should -BeNullOrEmpty
    }

    It 'repairs after a run killed <_>: each version in exactly one file' -ForEach @('mid-walk, after 300 orders', 'after the search, before the rename', 'after the rename, before Complete') {
        $dir = New-SyncFolder
        $killed = Invoke-Sync (Get-SyncArguments $dir) $KillAt[$_]
        $killed.Exit | Should -Be 9 -Because "the run dies $_ ($($killed.Output))"
        $published = @(Get-ChildItem -LiteralPath "$dir/out" -Filter 'union-*.csv').Count
        $published | Should -Be $(if ($_ -like 'after the rename*') { 1 } else { 0 })

        $next = Invoke-Sync (Get-SyncArguments $dir)
        $next.Exit | Should -Be 0 -Because $next.Output
        $counts = Get-FileCounts "$dir/out"
        "$_`: $($counts.Count) versions, $(@($counts.Values | Where-Object { $_ -gt 1 }).Count) in two files" | Write-Host
        $counts.Count | Should -Be 1000
        @($counts.Values | Where-Object { $_ -gt 1 }).Count | Should -Be 0
        $log = Get-Content -Raw -LiteralPath "$dir/out/sync-union.log"
        $log | Should -Match $(if ($_ -like 'after the rename*') { 'Repaired: the last run wrote union-.*completed it now' } else { 'Repaired: the last run \(\w+, (Running|Complete)\) published no file' })
        Get-ChildItem -LiteralPath "$dir/out" -Force -Filter '*.partial' | Should -BeNullOrEmpty
    }

    It 'exits 1 when pages fail, publishes nothing, records nothing, and the next run reads the window again' {
        $failing = Start-WxOrdersSandbox -FailureRate 1.0 -FailureKind Busy -MaxConsecutiveFailures 100
        try {
            $dir = New-SyncFolder
            $arguments = Get-SyncArguments $dir
            $arguments.BaseUri = "$($failing.BaseUri)"
            $arguments.CredentialPath = New-CredentialFile $failing
            $run = Invoke-Sync $arguments '$PSDefaultParameterValues["Connect-WxOrders:MaxRetryCount"] = 0'
            $run.Exit | Should -Be 1 -Because $run.Output
            Get-ChildItem -LiteralPath "$dir/out" -Filter 'union-*.csv' | Should -BeNullOrEmpty
            $log = Get-Content -Raw -LiteralPath "$dir/out/sync-union.log"
            $log | Should -Match 'Not retrieved: page 1'
            $log | Should -Match 'Incomplete: [1-9]\d* failure\(s\).*checkpoint Incomplete'
            (Get-WxOrderCheckpoint "$dir/union.checkpoint.json").CommittedEnd | Should -BeNullOrEmpty
        }
        finally { $failing | Stop-WxOrdersSandbox }

        $again = Invoke-Sync (Get-SyncArguments $dir)
        $again.Exit | Should -Be 0 -Because $again.Output
        (Get-FileCounts "$dir/out").Count | Should -Be 1000
    }

    It 'exits 2 at once with CheckpointInUse while another run holds the checkpoint, and changes nothing' {
        $dir = New-SyncFolder
        $arguments = Get-SyncArguments $dir
        # The first run stops in the middle of its search (after its first order) until the test lets it go on.
        $ready = Join-Path $dir 'ready'
        $release = Join-Path $dir 'release'
        $hold = "function ConvertTo-WxOrderLine { begin { `$held = `$false } process { if (-not `$held) { `$held = `$true; Set-Content -LiteralPath '$ready' -Value 1; while (-not (Test-Path -LiteralPath '$release')) { Start-Sleep -Milliseconds 50 } }; WxOrders\ConvertTo-WxOrderLine -Invariant -InputObject `$_ } }"
        $firstFile = New-SyncWrapper $arguments $hold
        $first = Start-Process -FilePath $Pwsh[0] -ArgumentList (@($Pwsh | Select-Object -Skip 1 | ForEach-Object { '"{0}"' -f $_ }) + '-NoProfile', '-NonInteractive', '-File', ('"{0}"' -f $firstFile)) -PassThru
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while (-not (Test-Path -LiteralPath $ready) -and [DateTime]::UtcNow -lt $deadline -and -not $first.HasExited) { Start-Sleep -Milliseconds 50 }
            Test-Path -LiteralPath $ready | Should -BeTrue -Because 'the first run is in its search'
            $state = Get-FileHash "$dir/union.checkpoint.json"
            (Get-WxOrderCheckpoint "$dir/union.checkpoint.json").PendingState | Should -Be Running
            $sb.ResetCounters()
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $second = Invoke-Sync $arguments
            $watch.Stop()
            $second.Exit | Should -Be 2 -Because $second.Output
            $sb.GetRequestCount('/union/promoter/order/search') | Should -Be 0
            (Get-FileHash "$dir/union.checkpoint.json").Hash | Should -Be $state.Hash
            Get-ChildItem -LiteralPath "$dir/out" -Filter 'union-*.csv' | Should -BeNullOrEmpty
            $log = Get-Content -Raw -LiteralPath "$dir/out/sync-union.log"
            $log | Should -Match 'FAILED to start: The checkpoint .* is in use: another process holds it'
            Write-Host ("the overlapping run exited 2 after {0:n1} s (process start included)" -f $watch.Elapsed.TotalSeconds)
            Set-Content -LiteralPath $release -Value 1
            $first.WaitForExit(120000) | Should -BeTrue
            $first.ExitCode | Should -Be 0
        }
        finally {
            if (-not $first.HasExited) { Stop-Process -Id $first.Id -Force -ErrorAction SilentlyContinue }
        }
        (Get-FileCounts "$dir/out").Count | Should -Be 1000
        @(Get-ChildItem -LiteralPath "$dir/out" -Filter 'union-*.csv').Count | Should -Be 1
    }

    It 'exits 2 for a damaged state file and leaves it as it is' {
        $dir = New-SyncFolder
        (Invoke-Sync (Get-SyncArguments $dir)).Exit | Should -Be 0
        $path = "$dir/union.checkpoint.json"
        $text = Get-Content -Raw -LiteralPath $path
        Set-Content -LiteralPath $path -Value $text.Substring(0, $text.Length - 40) -NoNewline
        $before = Get-FileHash $path
        $sb.ResetCounters()
        $run = Invoke-Sync (Get-SyncArguments $dir)
        $run.Exit | Should -Be 2 -Because $run.Output
        (Get-FileHash $path).Hash | Should -Be $before.Hash
        $sb.GetRequestCount('/union/promoter/order/search') | Should -Be 0
        Get-Content -Raw -LiteralPath "$dir/out/sync-union.log" | Should -Match 'FAILED to start: the checkpoint .* cannot be used: .*damaged or was edited'
        @(Get-ChildItem -LiteralPath "$dir/out" -Filter 'union-*.csv').Count | Should -Be 1
    }

    It 'exits 2 for <Case> and writes no checkpoint and no file' -ForEach @(
        @{ Case = '-Since in the future'; Change = @{ Since = (Get-Date).AddHours(1).ToString('o') }; Message = 'is in the future' }
        @{ Case = 'a negative -Lag'; Change = @{ Lag = '-00:01:00' }; Message = '-Lag is negative' }
        @{ Case = 'a missing credential file'; Change = @{ CredentialPath = 'missing-cred.xml' }; Message = 'could not connect' }
        @{ Case = 'a state folder that does not exist'; Change = @{ StatePath = 'no-such-folder/union.checkpoint.json' }; Message = 'folder does not exist' }
    ) {
        $dir = New-SyncFolder
        $arguments = Get-SyncArguments $dir
        foreach ($k in $Change.Keys) { $arguments[$k] = if ($k -in 'CredentialPath', 'StatePath') { Join-Path $dir $Change[$k] } else { $Change[$k] } }
        $sb.ResetCounters()
        $run = Invoke-Sync $arguments
        $run.Exit | Should -Be 2 -Because $run.Output
        Test-Path -LiteralPath "$dir/union.checkpoint.json" | Should -BeFalse
        Get-ChildItem -LiteralPath "$dir/out" -Filter 'union-*.csv' | Should -BeNullOrEmpty
        Get-Content -Raw -LiteralPath "$dir/out/sync-union.log" | Should -Match ('FAILED to start: .*' + [regex]::Escape($Message))
        $sb.GetRequestCount('/union/promoter/order/search') | Should -Be 0
    }

    It 'writes no app secret and no access token into the checkpoint, the CSV files or the log' {
        $dir = New-SyncFolder
        (Invoke-Sync (Get-SyncArguments $dir)).Exit | Should -Be 0
        # A failing run too: its log lines quote the errors.
        $failing = Start-WxOrdersSandbox -FailureRate 1.0 -FailureKind TokenExpired, ServerError -MaxConsecutiveFailures 100
        try {
            $arguments = Get-SyncArguments $dir
            $arguments.BaseUri = "$($failing.BaseUri)"
            $arguments.CredentialPath = New-CredentialFile $failing
            (Invoke-Sync $arguments '$PSDefaultParameterValues["Connect-WxOrders:MaxRetryCount"] = 0').Exit | Should -Be 1
            $tokens = @($sb.TestHooks.GetIssuedTokens()) + @($failing.TestHooks.GetIssuedTokens())
            $secrets = @($sb, $failing) | ForEach-Object { [pscredential]::new('x', $_.WeChatAppSecret).GetNetworkCredential().Password }
        }
        finally { $failing | Stop-WxOrdersSandbox }
        $tokens.Count | Should -BeGreaterThan 1
        $secrets | ForEach-Object { $_.Length | Should -BeGreaterThan 8 }
        $written = @(Get-ChildItem -LiteralPath $dir -Recurse -File -Force | Where-Object Name -NE 'union.checkpoint.json.lock')
        @($written | Where-Object Name -Like 'union-*.csv').Count | Should -BeGreaterThan 0
        @($written | Where-Object Name -EQ 'sync-union.log').Count | Should -Be 1
        @($written | Where-Object Name -EQ 'union.checkpoint.json').Count | Should -Be 1
        foreach ($f in $written) {
            $text = [IO.File]::ReadAllText($f.FullName)
            foreach ($secret in $secrets) { $text.Contains($secret) | Should -BeFalse -Because "$($f.Name) must not hold the app secret" }
            foreach ($t in $tokens) { $text.Contains($t) | Should -BeFalse -Because "$($f.Name) must not hold an access token" }
        }
    }

    It 'writes the same bytes under de-DE, zh-CN and en-US, UTF-8 with a byte-order mark' {
        $hashes = foreach ($culture in 'de-DE', 'zh-CN', 'en-US') {
            $dir = New-SyncFolder
            $run = Invoke-Sync (Get-SyncArguments $dir) "[System.Globalization.CultureInfo]::CurrentCulture = '$culture'; 'CULTURE:' + (1234.5).ToString() + ' ' + [datetime]::new(2025, 6, 30)"
            $run.Exit | Should -Be 0 -Because $run.Output
            $run.Output | Should -Match ([regex]::Escape('CULTURE:' + (1234.5).ToString([cultureinfo]$culture))) -Because 'the recipe runs in that culture'
            $csv = @(Get-ChildItem -LiteralPath "$dir/out" -Filter 'union-*.csv')[0].FullName
            $bytes = [IO.File]::ReadAllBytes($csv)
            $bytes[0..2] | Should -Be @(0xEF, 0xBB, 0xBF) -Because 'Excel needs the byte-order mark to read UTF-8'
            $text = [Text.Encoding]::UTF8.GetString($bytes)
            $text | Should -Match '"2025-06-30T\d\d:\d\d:\d\d\+08:00"' -Because "times are ISO 8601 under $culture"
            $text | Should -Match '"\d+\.\d\d"' -Because "amounts use '.' under $culture"
            $text | Should -Not -Match '"\d+,\d\d"'
            (Get-FileHash $csv).Hash
        }
        @($hashes | Sort-Object -Unique).Count | Should -Be 1
    }
}
