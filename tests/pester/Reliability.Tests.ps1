# Issue 7: retries, token refresh, nothing lost, bad input refused, secrets never shown.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifest) -Force
    # Fast retry settings for the sandbox: the policy is the same, only the waits are short.
    $script:FastRetry = @{ RetryBaseDelay = [timespan]'00:00:00.005'; MaxRetryDelay = [timespan]'00:00:00.050'; TimeoutSec = 0.5; MaxRetryCount = 6 }
}

Describe 'Permanent failures for known keys' {
    BeforeAll {
        $probe = Start-WxOrdersSandbox -OrderCount 60
        $keys = $probe.GetShopOrderSamples(60)
        $probe | Stop-WxOrdersSandbox
        $failing = @{
            "$($keys[5].OrderId)"  = 48001   # no permission
            "$($keys[17].OrderId)" = 45009   # daily quota
            "$($keys[33].OrderId)" = 40164   # IP whitelist
        }
        $sb = Start-ConnectedSandbox -Options @{ OrderCount = 60; PermanentFailure = $failing } -Connect $FastRetry
    }
    AfterAll { Disconnect-WxOrders; $sb | Stop-WxOrdersSandbox }

    It 'gives exactly one ErrorRecord per failing key, with the right target and category, and every other order' {
        $out = $keys | Get-ShopOrder -ErrorVariable errs -ErrorAction SilentlyContinue -WarningVariable warns -WarningAction SilentlyContinue
        $out.Count | Should -Be 57
        ($out.OrderId | Sort-Object -Unique).Count | Should -Be 57
        $errs.Count | Should -Be 3
        $byTarget = @{}
        $errs | ForEach-Object { $byTarget["$($_.TargetObject)"] = $_ }
        $byTarget["$($keys[5].OrderId)"].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $byTarget["$($keys[5].OrderId)"].FullyQualifiedErrorId | Should -BeLike 'WxApi.48001,*'
        $byTarget["$($keys[17].OrderId)"].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $byTarget["$($keys[33].OrderId)"].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $errs | ForEach-Object { $_.Exception | Should -BeOfType ([WxOrders.WxApiException]) }
        "$warns" | Should -BeLike '3 of 60 orders could not be retrieved*'
        # Permanent errors are not retried.
        $sb.GetRequestCount('/shop/order/get') | Should -Be 60
    }
}

Describe 'Malformed responses' {
    BeforeAll {
        $probe = Start-WxOrdersSandbox -OrderCount 10
        $keys = $probe.GetShopOrderSamples(10)
        $probe | Stop-WxOrdersSandbox
        $kinds = [enum]::GetNames([WxOrders.SandboxMalformation])
        $malformed = @{}
        for ($i = 0; $i -lt $kinds.Count; $i++) { $malformed["$($keys[$i].OrderId)"] = $kinds[$i] }
        $sb = Start-ConnectedSandbox -Options @{ OrderCount = 10; MalformedResponse = $malformed } -Connect $FastRetry
    }
    AfterAll { Disconnect-WxOrders; $sb | Stop-WxOrdersSandbox }

    It 'turns each kind of malformed answer into one InvalidData ErrorRecord and nothing else' {
        $t = [Diagnostics.Stopwatch]::StartNew()
        $out = $keys | Get-ShopOrder -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $t.Elapsed.TotalSeconds | Should -BeLessThan 30
        $out.Count | Should -Be (10 - $kinds.Count)
        $errs.Count | Should -Be $kinds.Count
        $errs | ForEach-Object {
            $_.CategoryInfo.Category | Should -Be 'InvalidData'
            $_.Exception | Should -BeOfType ([WxOrders.WxApiException])
        }
        ($errs.TargetObject | ForEach-Object { "$_" } | Sort-Object) | Should -Be ($malformed.Keys | Sort-Object)
    }
}

Describe 'Transient faults are retried and nothing is lost' {
    It 'survives <Kind> on every request it can hit' -ForEach @(
        @{ Kind = 'Busy' }, @{ Kind = 'ServerError' }, @{ Kind = 'HtmlGatewayPage' }, @{ Kind = 'ConnectionReset' },
        @{ Kind = 'Timeout' }, @{ Kind = 'MinuteQuota' }, @{ Kind = 'TokenExpired' }
    ) {
        $sb = Start-ConnectedSandbox -Options @{ OrderCount = 20; FailureRate = 0.5; FailureKind = $Kind; TimeoutFaultDelay = [timespan]'00:00:03' } -Connect $FastRetry
        try {
            $keys = $sb.GetShopOrderSamples(20)
            $out = $keys | Get-ShopOrder -ThrottleLimit 8 -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs.Count | Should -Be 0
            $out.OrderId | Should -Be $keys.OrderId
            $sb.FaultCounts[$Kind] | Should -BeGreaterThan 0
        }
        finally { Disconnect-WxOrders; $sb | Stop-WxOrdersSandbox }
    }

    It 'writes one verbose line per retry naming the endpoint, attempt, reason and delay' {
        $sb = Start-ConnectedSandbox -Options @{ OrderCount = 5; FailureRate = 1.0; FailureKind = 'Busy'; MaxConsecutiveFailures = 2 } -Connect $FastRetry
        try {
            $keys = $sb.GetShopOrderSamples(1)
            $verbose = $keys | Get-ShopOrder -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
            $retries = @($verbose | Where-Object Message -Match 'retrying in')
            $retries.Count | Should -Be 2
            $retries[0].Message | Should -Match '^POST /shop/order/get: attempt 1 of 7 failed \(error -1 system error.*\); retrying in [0-9.]+ s\.$'
            $retries[1].Message | Should -Match 'attempt 2 of 7'
        }
        finally { Disconnect-WxOrders; $sb | Stop-WxOrdersSandbox }
    }

    It 'gives up after -MaxRetryCount with the last error' {
        $sb = Start-ConnectedSandbox -Options @{ OrderCount = 5; FailureRate = 1.0; FailureKind = 'ServerError'; MaxConsecutiveFailures = 100 } -Connect @{ MaxRetryCount = 2; RetryBaseDelay = [timespan]'00:00:00.001'; MaxRetryDelay = [timespan]'00:00:00.005' }
        try {
            $keys = $sb.GetShopOrderSamples(1)
            $keys | Get-ShopOrder -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'WxOrders.Http503,*'
            $errs[0].Exception.Retries | Should -Be 2
            $sb.GetRequestCount('/shop/order/get') | Should -Be 3
        }
        finally { Disconnect-WxOrders; $sb | Stop-WxOrdersSandbox }
    }
}

Describe 'Soak' {
    It 'delivers 5,000 lookups across the four APIs, and a 5,000-order search, exactly once through 10% faults of every kind and tokens expiring every few seconds' {
        $sb = Start-ConnectedSandbox -Options @{
            OrderCount = 5000; FailureRate = 0.10; TokenLifetime = [timespan]'00:00:03'; TimeoutFaultDelay = [timespan]'00:00:02'; Seed = 7
        } -Connect $FastRetry
        try {
            $shopKeys = $sb.GetShopOrderSamples(2000)
            $coopKeys = $sb.GetCoopOrderSamples(1000)
            $wshotoKeys = $sb.GetWshotoOrderSns(1000)
            $unionKeys = $sb.GetUnionOrderIds(1000)
            $t = [Diagnostics.Stopwatch]::StartNew()
            $errs = @()
            $shop = @($shopKeys | Get-ShopOrder -ThrottleLimit 16 -ErrorVariable +errs -ErrorAction SilentlyContinue)
            $coop = @($coopKeys | Get-CoopOrder -ThrottleLimit 16 -ErrorVariable +errs -ErrorAction SilentlyContinue)
            $wshoto = @($wshotoKeys | Get-WshotoOrder -ThrottleLimit 16 -ErrorVariable +errs -ErrorAction SilentlyContinue)
            $union = @($unionKeys | Get-UnionOrder -ThrottleLimit 4 -ErrorVariable +errs -ErrorAction SilentlyContinue)
            $search = @(Search-UnionOrder -PageSize 200 -ThrottleLimit 4 -ErrorVariable +errs -ErrorAction SilentlyContinue)
            $elapsed = $t.Elapsed

            $errs.Count | Should -Be 0
            # Every order exactly once, in input order for lookups.
            $shop.OrderId | Should -Be $shopKeys.OrderId
            $coop.OrderId | Should -Be $coopKeys.OrderId
            $wshoto.OrderSn | Should -Be $wshotoKeys
            ($union.OrderId | Sort-Object) | Should -Be ($unionKeys | Sort-Object)
            $search.Count | Should -Be 5000
            ($search.OrderId | Sort-Object -Unique).Count | Should -Be 5000

            $faults = $sb.FaultCount
            $faults | Should -BeGreaterThan 400
            foreach ($kind in [enum]::GetNames([WxOrders.SandboxFailureKind])) { $sb.FaultCounts[$kind] | Should -BeGreaterThan 0 -Because "$kind is injected" }
            # Token fetches stay close to the number of expiries: each platform mints one token per lifetime; token
            # requests add at most one per injected 42001 (renewal happens once, and only if the token is still current).
            $expiries = 2 * [math]::Ceiling($elapsed.TotalSeconds / 3)
            $sb.TokensIssued | Should -BeLessOrEqual ($expiries + 4)
            $sb.TokenFetchCount | Should -BeLessOrEqual ($expiries + $sb.FaultCounts['TokenExpired'] + 6)

            $lookups = $shopKeys.Count + $coopKeys.Count + $wshotoKeys.Count + $unionKeys.Count
            $delivered = $shop.Count + $coop.Count + $wshoto.Count + $union.Count
            $retries = (Get-WxOrdersConnection | Measure-Object RetryCount -Sum).Sum
            $requests = ($sb.RequestCounts.GetEnumerator() | Where-Object Key -NotMatch 'token' | Measure-Object Value -Sum).Sum
            $report = [ordered]@{
                Lookups = $lookups; Delivered = $delivered; SearchOrders = $search.Count; Lost = ($lookups - $delivered) + (5000 - $search.Count)
                Errors = $errs.Count; OrderRequests = $requests; FaultsInjected = $faults
                Faults = ($sb.FaultCounts.GetEnumerator() | Sort-Object Key | ForEach-Object { "$($_.Key)=$($_.Value)" }) -join ' '
                Retries = $retries; TokenRequests = $sb.TokenFetchCount; TokensIssued = $sb.TokensIssued
                Seconds = [math]::Round($elapsed.TotalSeconds, 1)
            }
            $report.GetEnumerator() | ForEach-Object { Write-Host ("SOAK {0} = {1}" -f $_.Key, $_.Value) }
            $elapsed.TotalSeconds | Should -BeLessThan 55
        }
        finally { Disconnect-WxOrders; $sb | Stop-WxOrdersSandbox }
    }
}

Describe 'Ctrl+C' {
    It 'stops a pipeline with requests in flight promptly' {
        $sb = Start-WxOrdersSandbox -OrderCount 50 -Latency ([timespan]'00:00:30')
        try {
            $ps = [powershell]::Create()
            $null = $ps.AddScript({
                param($manifest, $sb)
                Import-Module $manifest
                Connect-WxOrders -Sandbox $sb
                $sb.GetShopOrderSamples(50) | Get-ShopOrder
            }).AddArgument((Get-ModuleManifest)).AddArgument($sb)
            $async = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(15)
            while ($sb.GetRequestCount('/shop/order/get') -lt 8 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            $sb.GetRequestCount('/shop/order/get') | Should -BeGreaterOrEqual 8
            $t = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $t.Elapsed.TotalSeconds | Should -BeLessThan 3
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $null = $async.AsyncWaitHandle.WaitOne(10000); try { $null = $ps.EndInvoke($async) } catch { }
            $ps.Dispose()
        }
        finally { $sb | Stop-WxOrdersSandbox }
    }
}

Describe 'Bad input is refused before any request' {
    BeforeAll { $sb = Start-ConnectedSandbox }
    AfterAll { Disconnect-WxOrders; $sb | Stop-WxOrdersSandbox }

    It 'refuses <Name>' -ForEach @(
        @{ Name = 'an empty out order id'; Script = { Get-ShopOrder -OutOrderId '' -OpenId x } }
        @{ Name = 'a whitespace openid'; Script = { Get-ShopOrder -OrderId 1 -OpenId ' ' } }
        @{ Name = 'a non-numeric order id'; Script = { Get-ShopOrder -OrderId 'x1' -OpenId x } }
        @{ Name = 'a negative order id'; Script = { Get-ShopOrder -OrderId -5 -OpenId x } }
        @{ Name = 'an empty order id (PowerShell converts it to 0)'; Script = { Get-ShopOrder -OrderId '' -OpenId x } }
        @{ Name = 'order id 0'; Script = { Get-ShopOrder -OrderId 0 -OpenId x } }
        @{ Name = 'order id 0 by position'; Script = { Get-ShopOrder 0 x } }
        @{ Name = 'an empty order id from the pipeline'; Script = { [pscustomobject]@{ OrderId = ''; OpenId = 'x' } | Get-ShopOrder -ErrorAction Stop } }
        @{ Name = 'an empty OrderId cell of a CSV'; Script = { 'OrderId,OpenId', ',oX' | ConvertFrom-Csv | Get-ShopOrder -ErrorAction Stop } }
        @{ Name = 'order id 0 from JSON'; Script = { '{"order_id":0,"openid":"oX"}' | ConvertFrom-Json | Get-ShopOrder -ErrorAction Stop } }
        @{ Name = 'ThrottleLimit 0'; Script = { Get-ShopOrder -OrderId 1 -OpenId x -ThrottleLimit 0 } }
        @{ Name = 'ThrottleLimit 65'; Script = { Get-ShopOrder -OrderId 1 -OpenId x -ThrottleLimit 65 } }
        @{ Name = 'a connection that does not exist'; Script = { Get-ShopOrder -OrderId 1 -OpenId x -Connection nope } }
        @{ Name = 'a connection of the wrong platform'; Script = { Get-ShopOrder -OrderId 1 -OpenId x -Connection wssandbox0000000001 } }
    ) {
        Wait-SandboxQuiet $sb
        $before = $sb.GetRequestCount('/shop/order/get')
        $Script | Should -Throw
        $sb.GetRequestCount('/shop/order/get') | Should -Be $before
    }

    It 'says why an empty or zero shop order id is refused: <Id>' -ForEach @(@{ Id = "''"; Value = '' }, @{ Id = '0'; Value = 0 }, @{ Id = "'0'"; Value = '0' }) {
        $err = $null
        try { Get-ShopOrder -OrderId $Value -OpenId x } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -Be 'ParameterArgumentValidationError,WxOrders.Commands.GetShopOrderCommand'
        $err.Exception.Message | Should -Match 'no order has id 0'
        $err.Exception.Message | Should -Match 'empty value'
    }

    It 'refuses an empty pipeline record on its own and still looks up the others' {
        Wait-SandboxQuiet $sb
        $before = $sb.GetRequestCount('/shop/order/get')
        $k = $sb.SampleShopOrders[0]
        $orders = @([pscustomobject]@{ OrderId = ''; OpenId = 'oX' }, $k) | Get-ShopOrder -ErrorVariable errs -ErrorAction SilentlyContinue
        @($orders).Count | Should -Be 1
        $orders.OrderId | Should -Be $k.OrderId
        $errs.Count | Should -Be 1
        "$($errs[0].Exception.Message)" | Should -Match 'no order has id 0'
        $sb.GetRequestCount('/shop/order/get') | Should -Be ($before + 1)
    }
}

Describe '-Debug in a non-interactive host' {
    It 'keeps every order and still writes the closing warning (no Inquire prompt on the warning)' {
        $sb = Start-WxOrdersSandbox -OrderCount 20
        try {
            $ps = [powershell]::Create()
            $null = $ps.AddScript({
                param($manifest, $sb)
                Import-Module $manifest
                Connect-WxOrders -Sandbox $sb
                $keys = @($sb.GetShopOrderSamples(5)) + [pscustomobject]@{ OrderId = [uint64]1; OpenId = 'nobody' }
                $orders = $keys | Get-ShopOrder -Debug -WarningVariable w
                "COUNT:$($orders.Count)"
                "WV:$($w.Count)"
            }).AddArgument((Get-ModuleManifest)).AddArgument($sb)
            $out = $ps.Invoke()
            $out | Should -Contain 'COUNT:5'
            $out | Should -Contain 'WV:1'
            @($ps.Streams.Error | Where-Object { $_.Exception -is [System.Management.Automation.Host.HostException] }).Count | Should -Be 0
            @($ps.Streams.Warning | Where-Object Message -Like '1 of 6 orders could not be retrieved*').Count | Should -Be 1
            $ps.Streams.Debug.Count | Should -BeGreaterThan 0
            $ps.Dispose()
        }
        finally { $sb | Stop-WxOrdersSandbox }
    }
}

Describe 'Transport' {
    It 'sends every request through -Proxy when one is given' {
        $sb = Start-WxOrdersSandbox
        try {
            # A base URI nothing listens on: only the proxy (the sandbox, which accepts proxy-form requests) reaches it.
            $l = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, 0); $l.Start(); $port = $l.LocalEndpoint.Port; $l.Stop()
            Connect-WxOrders -AppId $sb.WeChatAppId -AppSecret $sb.WeChatAppSecret -BaseUri "http://127.0.0.1:$port" -Proxy $sb.BaseUri -Name viaproxy
            $k = $sb.SampleShopOrders[0]
            (Get-ShopOrder -OrderId $k.OrderId -OpenId $k.OpenId -Connection viaproxy).OrderId | Should -Be $k.OrderId
            $sb.ProxiedRequestCount | Should -Be 2   # the token and the order
        }
        finally { Disconnect-WxOrders; $sb | Stop-WxOrdersSandbox }
    }

    It 'gives up an attempt after -TimeoutSec' {
        $sb = Start-ConnectedSandbox -Options @{ OrderCount = 5; FailureRate = 1.0; FailureKind = 'Timeout'; MaxConsecutiveFailures = 100; TimeoutFaultDelay = [timespan]'00:00:20' } -Connect @{ TimeoutSec = 0.3; MaxRetryCount = 0 }
        try {
            $k = $sb.SampleShopOrders[0]
            $t = [Diagnostics.Stopwatch]::StartNew()
            $k | Get-ShopOrder -ErrorVariable errs -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            $t.Elapsed.TotalSeconds | Should -BeLessThan 10
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'WxOrders.Timeout,*'
            $errs[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
            $errs[0].TargetObject | Should -Be $k.OrderId
        }
        finally { Disconnect-WxOrders; $sb | Stop-WxOrdersSandbox }
    }

    It 'never disables certificate validation anywhere in the source' {
        $src = Join-Path (Get-RepoRoot) 'src'
        $hits = Get-ChildItem $src -Recurse -Filter *.cs | Where-Object FullName -NotMatch '[\\/](obj|bin)[\\/]' |
            Select-String -Pattern 'ServerCertificateCustomValidationCallback', 'DangerousAcceptAnyServerCertificateValidator', 'ServerCertificateValidationCallback', 'CheckCertificateRevocationList\s*=\s*false', 'RemoteCertificateValidationCallback'
        $hits | Should -BeNullOrEmpty
    }
}

Describe 'Argument completion' {
    BeforeAll { $sb = Start-ConnectedSandbox }
    AfterAll { Disconnect-WxOrders; $sb | Stop-WxOrdersSandbox }

    It 'completes -Connection with connection names on <Command>' -ForEach @(
        @{ Command = 'Get-ShopOrder' }, @{ Command = 'Get-CoopOrder' }, @{ Command = 'Get-UnionOrder' },
        @{ Command = 'Search-UnionOrder' }, @{ Command = 'Get-WshotoOrder' }
    ) {
        $line = "$Command -Connection wx"
        $r = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $r.CompletionMatches.CompletionText | Should -Contain 'wxsandbox0000000001'
        $r.CompletionMatches.CompletionText | Should -Not -Contain 'wssandbox0000000001'
    }

    It 'completes Get-WxOrdersConnection -Name and Disconnect-WxOrders -Name' {
        foreach ($line in 'Get-WxOrdersConnection -Name ws', 'Disconnect-WxOrders -Name ws') {
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('wssandbox0000000001')
        }
    }

    It 'completes the values in <Line>' -ForEach @(
        @{ Line = 'Search-UnionOrder -CommissionStatus '; Expected = 'Pending', 'Settled', 'Canceled' }
        @{ Line = 'Connect-WxOrders -AppId x -AppSecret $s -Platform '; Expected = 'WeChat', 'Wshoto' }
        @{ Line = 'Start-WxOrdersSandbox -FailureKind '; Expected = 'Busy', 'ServerError', 'HtmlGatewayPage', 'ConnectionReset', 'Timeout', 'MinuteQuota', 'TokenExpired' }
    ) {
        $r = TabExpansion2 -inputScript $Line -cursorColumn $Line.Length
        foreach ($e in $Expected) { $r.CompletionMatches.CompletionText | Should -Contain $e }
    }
}
