<#
.SYNOPSIS
    Writes one day's WeChat Union orders to a dated CSV: the scheduled-task script to copy.
.DESCRIPTION
    Searches the union orders paid on -Date (default: yesterday, local time) with Search-UnionOrder, flattens them
    with ConvertTo-WxOrderLine and writes <OutputDirectory>/union-orders-<yyyy-MM-dd>.csv. The file is written to a
    temporary name first and then moved over the old one, so a re-run replaces the day's file atomically and a
    reader never sees half a file.

    The file reads the same on every machine: ConvertTo-WxOrderLine -Invariant writes times in ISO 8601 with their
    offset and amounts with '.' decimals whatever the culture, and the file is UTF-8 with a byte-order mark (so
    Excel on a Chinese Windows shows the titles correctly), on PowerShell 7 and Windows PowerShell 5.1 alike.

    This is a snapshot of one day's paid orders. For every order created or changed since the last run, each
    exactly once across runs (commissions that settle after their day was exported included), schedule
    Sync-WxOrders.ps1 instead.

    Credentials never live in this script. Give one of:
      -CredentialPath  a file made once, as the account that runs the task, with
                       Get-Credential -UserName wx1234 | Export-Clixml C:\secure\wxorders.xml
                       (on Windows, Export-Clixml encrypts the password for that account and machine)
      -SecretName      a SecretManagement secret holding a PSCredential (UserName = AppId, Password = app secret)
      -Connection      the name of a connection already made in this session (used by the tests, with the sandbox)

    Exit code: 0 when every order was retrieved, 1 when some could not be or a warning says orders may be missing
    (the log names what was missed), 2 when the run could not start (no credential, connection refused).

    Windows Task Scheduler (daily at 06:00):
        $action = New-ScheduledTaskAction -Execute 'pwsh.exe' -Argument '-NoProfile -NonInteractive -File C:\jobs\Export-DailyUnionOrders.ps1 -CredentialPath C:\secure\wxorders.xml -OutputDirectory D:\exports -LogPath D:\exports\union.log'
        $trigger = New-ScheduledTaskTrigger -Daily -At 6am
        Register-ScheduledTask -TaskName 'WxOrders daily union export' -Action $action -Trigger $trigger -User 'DOMAIN\svc-wxorders' -Password '<account password>'

    Linux cron (daily at 06:00; the credential file made with Export-Clixml by the same user):
        0 6 * * * pwsh -NoProfile -NonInteractive -File /opt/jobs/Export-DailyUnionOrders.ps1 -CredentialPath /etc/wxorders/cred.xml -OutputDirectory /srv/exports -LogPath /var/log/wxorders-union.log
.PARAMETER Date
    The day to export (local time). Default: yesterday.
.PARAMETER OutputDirectory
    Folder for the CSV files. Created if missing.
.PARAMETER CredentialPath
    An Export-Clixml file holding a PSCredential: user name = AppId, password = app secret.
.PARAMETER SecretName
    A SecretManagement secret holding that PSCredential (needs Microsoft.PowerShell.SecretManagement).
.PARAMETER Connection
    Use this existing connection instead of connecting.
.PARAMETER LogPath
    Log file; lines are appended. Default: union-orders.log in OutputDirectory.
.EXAMPLE
    ./Export-DailyUnionOrders.ps1 -CredentialPath ~/wxorders-cred.xml -OutputDirectory ~/exports
.EXAMPLE
    ./Export-DailyUnionOrders.ps1 -Date 2024-11-01 -SecretName WxOrdersUnion -OutputDirectory D:\exports
#>
[CmdletBinding(DefaultParameterSetName = 'Clixml')]
param(
    [datetime] $Date = (Get-Date).Date.AddDays(-1),
    [Parameter(Mandatory)] [string] $OutputDirectory,
    [Parameter(Mandatory, ParameterSetName = 'Clixml')] [string] $CredentialPath,
    [Parameter(Mandatory, ParameterSetName = 'Secret')] [string] $SecretName,
    [Parameter(Mandatory, ParameterSetName = 'Connection')] [string] $Connection,
    [string] $LogPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3

New-Item -ItemType Directory -Force -Path $OutputDirectory | Out-Null
if (-not $LogPath) { $LogPath = Join-Path $OutputDirectory 'union-orders.log' }
function Write-Log([string] $Message) {
    $line = '{0:yyyy-MM-dd HH:mm:ss zzz} {1}' -f (Get-Date), $Message
    Add-Content -Path $LogPath -Value $line -Encoding utf8
    Write-Verbose $line
}

$day = $Date.Date
$csv = Join-Path $OutputDirectory ('union-orders-{0:yyyy-MM-dd}.csv' -f $day)
$partial = "$csv.partial"
$incomplete = Join-Path $OutputDirectory ('union-orders-{0:yyyy-MM-dd}.incomplete.csv' -f $day)
Write-Log "Start: union orders paid from $($day.ToString('yyyy-MM-dd')) 00:00 to 24:00 local time -> $csv"

try {
    if (-not (Get-Module WxOrders)) { Import-Module WxOrders -ErrorAction Stop }
    switch ($PSCmdlet.ParameterSetName) {
        'Clixml' { $credential = Import-Clixml -Path $CredentialPath; Connect-WxOrders -Credential $credential -Name union-export; $Connection = 'union-export' }
        'Secret' { $credential = Get-Secret -Name $SecretName; Connect-WxOrders -Credential $credential -Name union-export; $Connection = 'union-export' }
    }
}
catch {
    Write-Log "FAILED to start: $($_.Exception.Message)"
    exit 2
}

$failures = @()
$warnings = @()
$count = 0
try {
    # Both ends of the window are inclusive (whole seconds): end one second before midnight so days never overlap.
    Search-UnionOrder -StartTime $day -EndTime $day.AddDays(1).AddSeconds(-1) -Connection $Connection -ErrorAction SilentlyContinue -ErrorVariable +failures -WarningAction SilentlyContinue -WarningVariable +warnings |
        ConvertTo-WxOrderLine -Invariant |
        ForEach-Object { $count++; $_ } |
        Export-Csv -Path $partial -NoTypeInformation -Encoding $(if ($PSVersionTable.PSEdition -eq 'Desktop') { 'UTF8' } else { 'utf8BOM' })
    if (-not (Test-Path $partial)) { New-Item -ItemType File -Path $partial | Out-Null }   # a day without orders: an empty file

    if ($failures.Count -eq 0 -and $warnings.Count -eq 0) {
        # Complete: replace the day's file in one step. [NullString]::Value: PowerShell would pass $null to a string
        # parameter as an empty string.
        if (Test-Path $csv) { [IO.File]::Replace($partial, $csv, [NullString]::Value) } else { [IO.File]::Move($partial, $csv) }
        Remove-Item $incomplete -ErrorAction SilentlyContinue
    }
    else {
        # Incomplete (failed pages, or a warning naming a gap): never replace a day's file with less than it had.
        # Keep what was read beside it.
        Move-Item -Path $partial -Destination $incomplete -Force
        Write-Log "Incomplete: kept $(if (Test-Path $csv) { 'the existing ' + $csv } else { 'no day file' }); what was read is in $incomplete"
    }
}
catch {
    Write-Log "FAILED: $($_.Exception.Message)"
    Remove-Item $partial -ErrorAction SilentlyContinue
    exit 2
}

foreach ($f in $failures) { Write-Log "Not retrieved: $($f.TargetObject): $($f.Exception.Message)" }
# Warnings name what no error record covers: a gap in the pages, orders that left the filter during the search.
foreach ($w in $warnings) { Write-Log "Warning: $($w.Message)" }
Write-Log ("Done: {0} lines written, {1} failure(s), {2} warning(s)." -f $count, $failures.Count, $warnings.Count)
if ($failures.Count -gt 0 -or $warnings.Count -gt 0) { exit 1 }
exit 0
