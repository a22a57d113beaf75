# Start-WxOrdersSandbox -Live: it runs and stops cleanly, the module's search sees what it makes, bad options are refused.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifest) -Force
}

Describe 'Live sandbox' {
    It 'runs in a fresh process, makes events, stops them with the sandbox and frees its port' {
        $out = Invoke-FreshPwsh -Script @'
$sb = Start-WxOrdersSandbox -Live -ChangesPerSecond 20
Start-Sleep -Milliseconds 1200
"PORT:$($sb.Port)"
"LIVE:$($sb.IsLive)"
"EVENTS:$($sb.LiveEventCount)"
Stop-WxOrdersSandbox $sb
$stopped = $sb.LiveEventCount
Start-Sleep -Milliseconds 500
"RUNNING:$($sb.IsRunning)"
"AFTERSTOP:$($sb.LiveEventCount - $stopped)"
'@
        $LASTPWSHEXIT | Should -Be 0
        $out | Should -Contain 'LIVE:True'
        $out | Should -Contain 'RUNNING:False'
        $out | Should -Contain 'AFTERSTOP:0'
        [int](($out | Where-Object { $_ -like 'EVENTS:*' }) -replace 'EVENTS:') | Should -BeGreaterThan 10
        $port = [int](($out | Where-Object { $_ -like 'PORT:*' }) -replace 'PORT:')
        $l = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, $port)
        { $l.Start() } | Should -Not -Throw
        $l.Stop()
    }

    It 'Search-UnionOrder by commission update time finds exactly the ground truth once changes stop' {
        $sb = Start-ConnectedSandbox -Options @{ Live = $true; ChangesPerSecond = 10; OrderCount = 200 }
        try {
            $since = [DateTimeOffset]::UtcNow.AddSeconds(-1)
            Start-Sleep -Milliseconds 1500
            $sb.TestHooks.PauseLive()
            Start-Sleep -Milliseconds 200
            $found = Search-UnionOrder -CommissionUpdateStartTime $since.LocalDateTime -CommissionUpdateEndTime ([DateTime]::Now.AddSeconds(2)) |
                ForEach-Object { '{0}@{1}' -f $_.OrderId, $_.UpdateTime.ToUnixTimeSeconds() } | Sort-Object
            $truth = $sb.TestHooks.GetOrderVersions('Union', $since) | ForEach-Object { '{0}@{1}' -f $_.OrderId, $_.UpdatedAt.ToUnixTimeSeconds() } | Sort-Object
            $truth.Count | Should -BeGreaterThan 5
            $found | Should -Be $truth
        }
        finally { $sb | Stop-WxOrdersSandbox }
    }

    It 'refuses live options without -Live, and a negative delay, before it starts' {
        { Start-WxOrdersSandbox -ChangesPerSecond 5 } | Should -Throw -ErrorId 'WxOrders.InvalidSandboxOption,WxOrders.Commands.StartWxOrdersSandboxCommand'
        { Start-WxOrdersSandbox -Live -VisibilityDelay '-00:00:01' } | Should -Throw -ErrorId 'WxOrders.InvalidSandboxOption,WxOrders.Commands.StartWxOrdersSandboxCommand'
        { Start-WxOrdersSandbox -Live -ChangesPerSecond 1001 } | Should -Throw
    }
}
