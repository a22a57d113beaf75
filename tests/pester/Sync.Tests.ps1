BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifest) -Force
    # The kill test covers every source whose search is in the module (so it grows as the searches land).
    $killSources = @('Union', 'Shop', 'Wshoto', 'Channels') | Where-Object { Get-Command "Search-$($_)Order" -Module WxOrders -ErrorAction SilentlyContinue }
}

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
        $first = Start-PwshProcess -File $firstFile
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

<#
The kill test (issue 13, "Tests and figures"): for every source whose search is in the module, the recipe runs 40
times in fresh processes while a live sandbox makes new orders and changes (visible to the lists a second late),
a third of the runs killed at random moments with Stop-Process; then changes pause and two clean runs follow. Over
all of a source's files, every order's final version (the sandbox's ground truth) must be there, and no
(OrderId, UpdatedAt) in two files: "missing N, duplicated M", both 0. The same with 10% injected faults. The
sources run side by side (one recipe process per source at a time); windows are seconds long so the file stays in
the CI budget.
#>
Describe 'The kill test: Sync-WxOrders.ps1 killed at random moments while orders change' {
    BeforeAll {
        $script:Sources = @('Union', 'Shop', 'Wshoto', 'Channels') | Where-Object { Get-Command "Search-$($_)Order" -Module WxOrders -ErrorAction SilentlyContinue }
        $script:RunsPerSource = 40
        $script:Lag = '00:00:02'
        $script:Overlap = '00:00:10'
        # Shop changes orders created at most ShopChangeAge ago, so its overlap (how long after creation a change is
        # still seen) must reach that far.
        $script:ShopChangeAge = '00:00:20'
        $script:ShopOverlap = '00:00:30'

        function Invoke-KillTest([hashtable] $SandboxOptions, [string] $Prelude, [int] $Seed) {
            $sandbox = Start-WxOrdersSandbox -Live -ChangesPerSecond 2 -VisibilityDelay '00:00:01' -ShopChangeAge $ShopChangeAge @SandboxOptions
            try {
                $since = [datetimeoffset]::Now.AddSeconds(-1)
                $rng = [Random]::new($Seed)
                $root = New-SyncFolder
                $jobs = foreach ($source in $Sources) {
                    $platform = if ($source -eq 'Wshoto') { 'Wshoto' } else { 'WeChat' }
                    $arguments = @{
                        Source = $source; OutputDirectory = "$root/$source"; StatePath = "$root/$source.checkpoint.json"
                        CredentialPath = (New-CredentialFile $sandbox $platform); BaseUri = "$($sandbox.BaseUri)"; Since = $since.ToString('o')
                        Lag = $Lag; Overlap = $(if ($source -eq 'Shop') { $ShopOverlap } else { $Overlap })
                    }
                    # A third of the runs are killed, which ones drawn from the seed.
                    $plan = [bool[]]::new($RunsPerSource)
                    foreach ($i in @(0..($RunsPerSource - 1) | Sort-Object { $rng.Next() } | Select-Object -First ([int][math]::Round($RunsPerSource / 3)))) { $plan[$i] = $true }
                    [pscustomobject]@{
                        Source = $source; Prefix = $source.ToLowerInvariant(); Dir = "$root/$source"; Wrapper = (New-SyncWrapper $arguments $Prelude)
                        State = "$root/$source.checkpoint.json"; Plan = $plan; Next = 0; Process = $null; KillAt = $null; Started = $null; Phase = $null; Published = 0
                        Killed = 0; Owed = 0; KilledIn = @{ anywhere = 0; search = 0; writing = 0; renamed = 0 }; Exits = [Collections.Generic.List[int]]::new()
                        Durations = [Collections.Generic.List[double]]::new()
                    }
                }

                # A killed run dies at a random moment of one of its phases, the phase drawn at random: anywhere from
                # process start (import, connect, lock, repair), inside the search (the checkpoint recorded it
                # running), while the CSV is written, or right after the CSV got its final name (before or after Complete).
                $phases = 'anywhere', 'search', 'writing', 'renamed'
                function Start-Run($job) {
                    $job.Process = Start-PwshProcess -File $job.Wrapper
                    $job.Started = [DateTime]::UtcNow
                    $job.KillAt = $null
                    $job.Phase = $null
                    $job.Published = @(Get-ChildItem -LiteralPath $job.Dir -Filter "$($job.Prefix)-*.csv" -ErrorAction SilentlyContinue).Count
                    # A planned kill that the run outran (it ended before its phase or moment came) is owed to the
                    # next run, so about a third of the runs die however fast or slow the machine is.
                    $planned = $job.Next -lt $job.Plan.Count -and $job.Plan[$job.Next]
                    if ($job.Next -lt $job.Plan.Count -and -not $planned -and $job.Owed -gt 0) { $planned = $true; $job.Owed-- }
                    if ($planned) {
                        $job.Phase = $phases[$rng.Next($phases.Count)]
                        if ($job.Phase -eq 'anywhere') {
                            $typical = if ($job.Durations.Count) { ($job.Durations | Measure-Object -Average).Average } else { 3.0 }
                            $job.KillAt = $job.Started.AddSeconds((0.05 + 0.95 * $rng.NextDouble()) * $typical)
                        }
                    }
                    $job.Next++
                }

                # The moment a phase-bound kill is due, once its phase has begun.
                function Update-KillAt($job) {
                    if (-not $job.Phase -or $job.KillAt) { return }
                    $begun = switch ($job.Phase) {
                        'search' { (Test-Path -LiteralPath $job.State) -and (Get-Item -LiteralPath $job.State).LastWriteTimeUtc -gt $job.Started }
                        'writing' { Test-Path -LiteralPath (Join-Path $job.Dir ".$($job.Prefix)-sync.partial") }
                        'renamed' { @(Get-ChildItem -LiteralPath $job.Dir -Filter "$($job.Prefix)-*.csv" -ErrorAction SilentlyContinue).Count -gt $job.Published }
                    }
                    if ($begun) { $job.KillAt = [DateTime]::UtcNow.AddMilliseconds($(if ($job.Phase -eq 'renamed') { 0 } else { $rng.Next(300) })) }
                }

                # Runs while orders arrive and change: each source one process at a time, the sources side by side.
                function Invoke-Rounds($jobs, [int] $Total) {
                    foreach ($job in $jobs) { $job.Next = 0; $job.Plan = if ($Total -eq $RunsPerSource) { $job.Plan } else { $job.Owed = 0; [bool[]]::new($Total) } }
                    while (@($jobs | Where-Object { $_.Process -or $_.Next -lt $Total }).Count -gt 0) {
                        foreach ($job in $jobs) {
                            if (-not $job.Process -and $job.Next -lt $Total) { Start-Run $job; continue }
                            if (-not $job.Process) { continue }
                            Update-KillAt $job
                            if ($job.Process.HasExited) {
                                $job.Exits.Add($job.Process.ExitCode)
                                if (-not $job.Phase) { $job.Durations.Add(([DateTime]::UtcNow - $job.Started).TotalSeconds) }
                                elseif ($Total -eq $RunsPerSource) { $job.Owed++ }
                                $job.Process = $null
                            }
                            elseif ($job.KillAt -and [DateTime]::UtcNow -ge $job.KillAt) {
                                Stop-Process -Id $job.Process.Id -Force -ErrorAction SilentlyContinue
                                $job.Process.WaitForExit(30000) | Out-Null
                                $job.Killed++
                                $job.KilledIn[$job.Phase]++
                                $job.Exits.Add(-9)
                                $job.Process = $null
                            }
                        }
                        Start-Sleep -Milliseconds 20
                    }
                }

                $watch = [Diagnostics.Stopwatch]::StartNew()
                Invoke-Rounds $jobs $RunsPerSource
                $sandbox.TestHooks.PauseLive()
                # Everything changed before the pause is visible (1 s) and older than -Lag (2 s) by now plus a margin.
                Start-Sleep -Seconds 3
                $cleanFrom = @($jobs | ForEach-Object { $_.Exits.Count })
                Invoke-Rounds $jobs 2

                $figures = foreach ($job in $jobs) {
                    $truth = $sandbox.TestHooks.GetOrderVersions([WxOrders.SandboxSource]$job.Source, $since)
                    $counts = Get-FileCounts $job.Dir $job.Prefix
                    $missing = @($truth | Where-Object { -not $counts.ContainsKey("$($_.OrderId)@$($_.UpdatedAt.ToString('yyyy-MM-ddTHH:mm:sszzz', [cultureinfo]::InvariantCulture))") })
                    $duplicated = @($counts.Keys | Where-Object { $counts[$_] -gt 1 })
                    $exits = $job.Exits
                    $clean = @($exits | Select-Object -Skip $cleanFrom[[array]::IndexOf(@($jobs), $job)])
                    [pscustomobject]@{
                        Source = $job.Source; Runs = $exits.Count; Killed = $job.Killed
                        Exit0 = @($exits | Where-Object { $_ -eq 0 }).Count; Exit1 = @($exits | Where-Object { $_ -eq 1 }).Count; Exit2 = @($exits | Where-Object { $_ -eq 2 }).Count
                        Files = @(Get-ChildItem -LiteralPath $job.Dir -Filter "$($job.Prefix)-*.csv").Count
                        KilledIn = ('anywhere {0}, in the search {1}, writing the CSV {2}, after the rename {3}' -f $job.KilledIn.anywhere, $job.KilledIn.search, $job.KilledIn.writing, $job.KilledIn.renamed)
                        Repaired = @(Select-String -LiteralPath (Join-Path $job.Dir "sync-$($job.Prefix).log") -Pattern 'Repaired: .*completed it now').Count
                        Versions = $truth.Count; Missing = $missing.Count; Duplicated = $duplicated.Count; Clean = ($clean -join ',')
                        MissingSample = (@($missing | Select-Object -First 3) -join ' '); DuplicatedSample = (@($duplicated | Select-Object -First 3) -join ' ')
                        Log = Join-Path $job.Dir "sync-$($job.Prefix).log"
                    }
                }
                Write-Host ("kill test ({0}): {1:n0} s, {2} events" -f $(if ($SandboxOptions.FailureRate) { "$($SandboxOptions.FailureRate * 100)% faults" } else { 'no faults' }), $watch.Elapsed.TotalSeconds, $sandbox.LiveEventCount)
                foreach ($f in $figures) {
                    Write-Host ("  {0}: missing {1}, duplicated {2} ({3} final versions; {4} runs, {5} killed ({6}), {7} repaired by completing; exit 0/1/2: {8}/{9}/{10}; {11} files; clean runs exited {12})" -f
                        $f.Source, $f.Missing, $f.Duplicated, $f.Versions, $f.Runs, $f.Killed, $f.KilledIn, $f.Repaired, $f.Exit0, $f.Exit1, $f.Exit2, $f.Files, $f.Clean)
                }
                $figures
            }
            finally { $sandbox | Stop-WxOrdersSandbox }
        }

        function Assert-KillFigures($figures) {
            $figures.Count | Should -Be $Sources.Count
            foreach ($f in $figures) {
                $because = "$($f.Source): missing $($f.MissingSample), duplicated $($f.DuplicatedSample); log $($f.Log)"
                $f.Versions | Should -BeGreaterThan 20 -Because "$($f.Source) changed during the test"
                $f.Killed | Should -BeGreaterOrEqual 8 -Because "about a third of $($RunsPerSource) runs are killed ($($f.Source))"
                $f.Missing | Should -Be 0 -Because $because
                $f.Duplicated | Should -Be 0 -Because $because
                $f.Exit2 | Should -Be 0 -Because "no run of $($f.Source) failed to start (an overlap or a damaged state would)"
                ($f.Clean -split ',')[-1] | Should -Be '0' -Because "the last clean run of $($f.Source) completed"
            }
        }
    }

    It 'delivers every final version once per source (no faults)' -Skip:(@($killSources).Count -eq 0) {
        Assert-KillFigures (Invoke-KillTest @{} '' 13)
    }

    It 'delivers every final version once per source with 10% injected faults' -Skip:(@($killSources).Count -eq 0) {
        $prelude = @'
$PSDefaultParameterValues['Connect-WxOrders:RetryBaseDelay'] = '00:00:00.02'
$PSDefaultParameterValues['Connect-WxOrders:MaxRetryDelay'] = '00:00:00.2'
$PSDefaultParameterValues['Connect-WxOrders:TimeoutSec'] = 1
'@
        Assert-KillFigures (Invoke-KillTest @{ FailureRate = 0.1; TimeoutFaultDelay = '00:00:02'; Seed = 5 } $prelude 29)
    }
}
