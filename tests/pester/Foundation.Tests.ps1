# Issue 5: the module imports from the built layout, connects to the sandbox and gets shop orders end to end.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifest) -Force
}

Describe 'Import' {
    It 'imports in a fresh process and exports exactly the manifest''s cmdlets' {
        $out = Invoke-FreshPwsh -Script '(Get-Command -Module WxOrders).Name | Sort-Object | ForEach-Object { "CMD:$_" }; (Get-Module WxOrders).Version.ToString()'
        $global:LASTPWSHEXIT | Should -Be 0
        $manifest = Import-PowerShellDataFile (Get-ModuleManifest)
        ($out | Where-Object { $_ -like 'CMD:*' }) -replace '^CMD:' | Should -Be ($manifest.CmdletsToExport | Sort-Object)
        $out[-1] | Should -Be $manifest.ModuleVersion
    }

    It 'loads no HttpClient and starts no sandbox at import' {
        $out = Invoke-FreshPwsh -Script @'
[AppDomain]::CurrentDomain.GetAssemblies().GetName().Name | Where-Object { $_ -like 'WxOrders*' } | Sort-Object | ForEach-Object { "ASM:$_" }
"LISTENERS:" + ([System.Net.NetworkInformation.IPGlobalProperties]::GetIPGlobalProperties().GetActiveTcpListeners() | Where-Object { $_.Address -eq [Net.IPAddress]::Loopback }).Count
'@
        $global:LASTPWSHEXIT | Should -Be 0
        $out | Should -Contain 'ASM:WxOrders'
    }

    It 'loads WxOrders.Sandbox.dll only when a sandbox is started, not at import nor for a connection elsewhere' {
        # Import time must not pay for the emulator: its assembly loads with Start-WxOrdersSandbox (and is then what
        # Connect-WxOrders -Sandbox gets). A real connection attempt, to a closed loopback port, must not load it either.
        $out = Invoke-FreshPwsh -Script @'
$loaded = { 'WxOrders.Sandbox' -in [AppDomain]::CurrentDomain.GetAssemblies().GetName().Name }
"IMPORT:$(& $loaded)"
$secret = ConvertTo-SecureString 'not-a-real-secret' -AsPlainText -Force
try { Connect-WxOrders -AppId wxnotasandbox -AppSecret $secret -BaseUri 'http://127.0.0.1:9/' -MaxRetryCount 0 -TimeoutSec 2 -ErrorAction Stop }
catch { "CONNECTERROR:$($_.FullyQualifiedErrorId)" }
"CONNECT:$(& $loaded)"
$sb = Start-WxOrdersSandbox
"START:$(& $loaded)"
Connect-WxOrders -Sandbox $sb
"SANDBOXCONNECT:$((Get-WxOrdersConnection).Count)"
$sb | Stop-WxOrdersSandbox
'@
        $global:LASTPWSHEXIT | Should -Be 0
        $out | Should -Contain 'IMPORT:False'
        $out | Where-Object { $_ -like 'CONNECTERROR:*' } | Should -Match '^CONNECTERROR:WxOrders\.' -Because 'the connection attempt reached the engine and failed there'
        $out | Should -Contain 'CONNECT:False'
        $out | Should -Contain 'START:True'
        $out | Should -Contain 'SANDBOXCONNECT:2'
    }

    It 'declares both editions, 5.1 and explicit cmdlet exports' {
        $m = Import-PowerShellDataFile (Get-ModuleManifest)
        $m.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $m.PowerShellVersion | Should -Be '5.1'
        $m.CmdletsToExport | Should -Not -Contain '*'
        $m.FormatsToProcess | Should -Not -BeNullOrEmpty
        $m.GUID | Should -Not -BeNullOrEmpty
    }
}

Describe 'Get-ShopOrder against the sandbox' {
    BeforeAll {
        $sb = Start-ConnectedSandbox
        $samples = $sb.SampleShopOrders
    }
    AfterAll { $sb | Stop-WxOrdersSandbox; Disconnect-WxOrders }

    It 'gets one order by id as a typed WxOrders.ShopOrder with the exact 64-bit id' {
        $o = Get-ShopOrder -OrderId $samples[3].OrderId -OpenId $samples[3].OpenId
        $o | Should -BeOfType ([WxOrders.ShopOrder])
        $o.OrderId | Should -BeOfType ([uint64])
        $o.OrderId | Should -Be $samples[3].OrderId
        $o.OrderId | Should -BeGreaterThan ([uint64][math]::Pow(2, 53))
        $o.OpenId | Should -Be $samples[3].OpenId
        $o.Status | Should -BeOfType ([WxOrders.ShopOrderStatus])
        $o.OrderDetail.ProductInfos.Count | Should -BeGreaterThan 0
        $o.OrderDetail.PriceInfo.OrderPrice | Should -BeOfType ([long])
    }

    It 'gets the same order by out order id' {
        $byId = Get-ShopOrder -OrderId $samples[1].OrderId -OpenId $samples[1].OpenId
        $byOut = Get-ShopOrder -OutOrderId $byId.OutOrderId -OpenId $samples[1].OpenId
        $byOut.OrderId | Should -Be $byId.OrderId
        $byOut.OutOrderId | Should -Be $byId.OutOrderId
    }

    It 'binds OrderId and OpenId from the pipeline by property name, in input order' {
        $orders = $samples | Get-ShopOrder
        $orders.Count | Should -Be $samples.Count
        $orders.OrderId | Should -Be $samples.OrderId
    }

    It 'binds the wire names order_id and openid (e.g. from JSON)' {
        $json = '{"order_id": ' + $samples[2].OrderId + ', "openid": "' + $samples[2].OpenId + '"}'
        $o = $json | ConvertFrom-Json | Get-ShopOrder
        $o.OrderId | Should -Be $samples[2].OrderId
    }

    It 'reports a bad id as one ErrorRecord with the id as TargetObject and still returns the others' {
        $bad = [pscustomobject]@{ OrderId = [uint64]12345; OpenId = $samples[0].OpenId }
        $in = @($samples[0], $bad, $samples[1])
        $orders = $in | Get-ShopOrder -ErrorVariable errs -ErrorAction SilentlyContinue -WarningVariable warns -WarningAction SilentlyContinue
        $orders.OrderId | Should -Be @($samples[0].OrderId, $samples[1].OrderId)
        $errs.Count | Should -Be 1
        $errs[0].TargetObject | Should -Be ([uint64]12345)
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'WxApi.1010014,*'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[0].Exception | Should -BeOfType ([WxOrders.WxApiException])
        $errs[0].Exception.ErrorCode | Should -Be 1010014
        $errs[0].Exception.Endpoint | Should -Be '/shop/order/get'
        $warns.Count | Should -Be 1
        "$($warns[0])" | Should -Be '1 of 3 orders could not be retrieved. The error records name each one (TargetObject); run the command again for those.'
    }

    It 'stops at the first failure with -ErrorAction Stop' {
        $bad = [pscustomobject]@{ OrderId = [uint64]12345; OpenId = 'oNobody' }
        $got = [System.Collections.Generic.List[object]]::new()
        { @($bad, $samples[0]) | Get-ShopOrder -ErrorAction Stop -ThrottleLimit 1 | ForEach-Object { $got.Add($_) } } |
            Should -Throw -ErrorId 'WxApi.1010014,WxOrders.Commands.GetShopOrderCommand'
        $got.Count | Should -Be 0
    }

    It 'refuses a non-numeric order id at binding time, before any request' {
        Wait-SandboxQuiet $sb
        $before = $sb.GetRequestCount('/shop/order/get')
        # The exact binding error id varies between PowerShell versions; the exception type does not.
        { Get-ShopOrder -OrderId 'abc' -OpenId 'x' } | Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException])
        { Get-ShopOrder -OrderId 1 -OpenId '  ' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,WxOrders.Commands.GetShopOrderCommand'
        $sb.GetRequestCount('/shop/order/get') | Should -Be $before
    }

    It 'round-trips ids exactly through Export-Csv and Import-Csv' {
        $csv = Join-Path $TestDrive 'orders.csv'
        $samples | Get-ShopOrder | Select-Object OrderId, OutOrderId, Status | Export-Csv -Path $csv -NoTypeInformation
        $back = Import-Csv $csv
        $back.Count | Should -Be $samples.Count
        $back.OrderId | Should -Be ($samples.OrderId | ForEach-Object { $_.ToString() })
        [uint64]$back[0].OrderId | Should -Be $samples[0].OrderId
    }

    It 'shows connections without secrets or tokens' {
        $c = Get-WxOrdersConnection
        $c.Count | Should -Be 2
        ($c | Sort-Object Platform).Platform | Should -Be @('WeChat', 'Wshoto')
        $c | ForEach-Object { $_ | Should -BeOfType ([WxOrders.Connection]) }
        ($c[0].PSObject.Properties.Name -join ',') | Should -Not -Match 'Secret|Token$'
        $c[0].TokenExpiresAt | Should -BeOfType ([DateTimeOffset])
    }
}

Describe 'Connecting' {
    AfterEach { Disconnect-WxOrders }

    It 'says how to connect when there is no connection' {
        Disconnect-WxOrders
        { Get-ShopOrder -OrderId 1 -OpenId x } | Should -Throw -ErrorId 'WxOrders.NotConnected,WxOrders.Commands.GetShopOrderCommand'
        try { Get-ShopOrder -OrderId 1 -OpenId x } catch { $_.Exception.Message | Should -Match 'Connect-WxOrders' }
    }

    It 'refuses a connection name that does not exist' {
        $sb = Start-ConnectedSandbox
        try {
            { Get-ShopOrder -OrderId 1 -OpenId x -Connection nope } | Should -Throw -ErrorId 'WxOrders.NotConnected,WxOrders.Commands.GetShopOrderCommand'
        }
        finally { $sb | Stop-WxOrdersSandbox }
    }

    It 'refuses a plain-http base URI that is not loopback' {
        $secret = ConvertTo-SecureString 'not-a-real-secret' -AsPlainText -Force
        { Connect-WxOrders -AppId wx1234 -AppSecret $secret -BaseUri 'http://example.com' } |
            Should -Throw -ErrorId 'WxOrders.InvalidConnectionSettings,WxOrders.Commands.ConnectWxOrdersCommand'
        try { Connect-WxOrders -AppId wx1234 -AppSecret $secret -BaseUri 'http://example.com' } catch { $_.Exception.Message | Should -Match 'HTTPS' }
    }

    It 'fails at Connect with the platform''s code and what to do for a wrong secret' {
        $sb = Start-WxOrdersSandbox
        try {
            $wrong = ConvertTo-SecureString 'wrong-secret' -AsPlainText -Force
            $err = $null
            try { Connect-WxOrders -AppId $sb.WeChatAppId -AppSecret $wrong -BaseUri $sb.BaseUri } catch { $err = $_ }
            $err | Should -Not -BeNullOrEmpty
            $err.FullyQualifiedErrorId | Should -BeLike 'WxApi.40125,*'
            $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $err.Exception.Message | Should -Match 'AppSecret'
            $err.Exception.Message | Should -Not -Match 'wrong-secret'
            Get-WxOrdersConnection | Should -BeNullOrEmpty
        }
        finally { $sb | Stop-WxOrdersSandbox }
    }

    It 'connects with a PSCredential whose user name is the AppId' {
        $sb = Start-WxOrdersSandbox
        try {
            $cred = [pscredential]::new($sb.WeChatAppId, $sb.WeChatAppSecret)
            $c = Connect-WxOrders -Credential $cred -BaseUri $sb.BaseUri -Name cred-test -PassThru
            $c.Name | Should -Be 'cred-test'
            $c.AppId | Should -Be $sb.WeChatAppId
            $s = $sb.SampleShopOrders[0]
            (Get-ShopOrder -OrderId $s.OrderId -OpenId $s.OpenId -Connection cred-test).OrderId | Should -Be $s.OrderId
        }
        finally { $sb | Stop-WxOrdersSandbox }
    }

    It 'refuses a stopped sandbox before any request' {
        $sb = Start-WxOrdersSandbox
        $sb | Stop-WxOrdersSandbox
        { Connect-WxOrders -Sandbox $sb } | Should -Throw -ErrorId 'WxOrders.SandboxStopped,WxOrders.Commands.ConnectWxOrdersCommand'
    }

    It 'refuses anything but a sandbox for -Sandbox, saying what to pass' {
        # -Sandbox is typed object (so a connection elsewhere does not load the sandbox assembly): the cmdlet checks it.
        $err = { Connect-WxOrders -Sandbox 'http://127.0.0.1:1/' } | Should -Throw -ErrorId 'WxOrders.InvalidSandbox,WxOrders.Commands.ConnectWxOrdersCommand' -PassThru
        $err.Exception.Message | Should -Match 'Start-WxOrdersSandbox'
        $err.TargetObject | Should -Be 'http://127.0.0.1:1/'
    }
}

Describe 'Sandbox lifetime' {
    It 'Stop-WxOrdersSandbox without -Sandbox stops only the sandboxes this runspace started' {
        $mine = Start-WxOrdersSandbox
        try {
            $ps = [powershell]::Create()
            $null = $ps.AddScript({
                param($manifest)
                Import-Module $manifest
                $theirs = Start-WxOrdersSandbox
                Stop-WxOrdersSandbox
                "THEIRS:$($theirs.IsRunning)"
            }).AddArgument((Get-ModuleManifest))
            $out = $ps.Invoke()
            $ps.Dispose()
            $out | Should -Contain 'THEIRS:False'
            $mine.IsRunning | Should -BeTrue
        }
        finally { $mine | Stop-WxOrdersSandbox }
        $mine.IsRunning | Should -BeFalse
    }

    It 'stops a sandbox when the runspace that started it closes, and frees its port' {
        $rs = [runspacefactory]::CreateRunspace()
        $rs.Open()
        $ps = [powershell]::Create()
        $ps.Runspace = $rs
        $null = $ps.AddScript({ param($manifest) Import-Module $manifest; Start-WxOrdersSandbox }).AddArgument((Get-ModuleManifest))
        $sb = $ps.Invoke()[0]
        $sb.IsRunning | Should -BeTrue
        $rs.Close(); $ps.Dispose()
        $sb.IsRunning | Should -BeFalse
        $l = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, $sb.Port)
        { $l.Start() } | Should -Not -Throw
        $l.Stop()
    }
}
