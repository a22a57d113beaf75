<#
.SYNOPSIS
    Writes every order created or changed since the last run to a new CSV, each version exactly once across runs:
    the scheduled-task recipe (every 15 minutes).
.DESCRIPTION
    One run: a checkpointed search of one source (Search-UnionOrder, Search-ShopOrder, Search-WshotoOrder or
    Search-ChannelsOrder with -Checkpoint), flattened with ConvertTo-WxOrderLine -Invariant and written to
    <OutputDirectory>/<source>-<window end, UTC>-<run id>.csv, then Complete-WxOrderCheckpoint. The window of a run
    starts -Overlap before the end of the last completed one and ends -Lag before now (this computer's clock: keep
    time synchronisation on); the checkpoint remembers which (order id, update time) pairs inside the overlap were
    already written, so a repeat is left out and a new version is written.

    Exactly once, whatever instant the process is killed at. Every run takes the checkpoint's lock
    (Lock-WxOrderCheckpoint) for its whole run, so an overlapping scheduled run exits 2 at once and changes nothing;
    the operating system releases the lock when a process dies. It then repairs what a killed run left:
      - killed before its search recorded a complete state, or before the CSV was renamed to its final name: no file
        of that run is there (a leftover .partial file is deleted) and the checkpoint still has its last completed
        state, so this run reads the same window again and writes those orders once;
      - killed after the rename, before (or during) Complete: the file named after the pending run is there, so the
        repair completes the checkpoint first, and this run starts after that window.
    So over all the files, each (Source, OrderId, UpdatedAt) appears in exactly one file. A run whose search was
    incomplete (a page or an order that could not be read, a gap the search warned about) publishes no file and
    records nothing: the next run reads the window again. A run that found no changes writes a file with only the
    header row, so every completed window has its file.

    The files read the same on every machine: ISO 8601 times with their offset, '.' decimals, UTF-8 with a
    byte-order mark, on PowerShell 7 and Windows PowerShell 5.1.

    Credentials never live in this script. Give one of:
      -CredentialPath  a file made once, as the account that runs the task, with
                       Get-Credential -UserName wx1234 | Export-Clixml C:\secure\wxorders.xml
                       (user name = AppId, password = app secret; Wshoto: its appid and app_secret; on Windows,
                       Export-Clixml encrypts the password for that account and machine)
      -SecretName      a SecretManagement secret holding that PSCredential
      -Connection      the name of a connection already made in this session
    The checkpoint, the CSV files and the log hold no app secret and no access token.

    Exit code: 0 when the run completed its window; 1 when it did not (the log says what is missing; the next run
    reads the window again); 2 when it could not start (no credential, no such search in this WxOrders version,
    another run holds the lock, a checkpoint that is damaged or belongs to another source, AppId or filter, a bad
    -Since, -Lag or -Overlap).

    Windows Task Scheduler, every 15 minutes:
        $action = New-ScheduledTaskAction -Execute 'pwsh.exe' -Argument '-NoProfile -NonInteractive -File C:\jobs\Sync-WxOrders.ps1 -Source Union -CredentialPath C:\secure\wxorders.xml -OutputDirectory D:\sync\union -StatePath D:\sync\union.checkpoint.json -Since 2025-01-01'
        $trigger = New-ScheduledTaskTrigger -Once -At (Get-Date).Date -RepetitionInterval (New-TimeSpan -Minutes 15)
        $settings = New-ScheduledTaskSettingsSet -MultipleInstances IgnoreNew
        Register-ScheduledTask -TaskName 'WxOrders union sync' -Action $action -Trigger $trigger -Settings $settings -User 'DOMAIN\svc-wxorders' -Password '<account password>'
    (Windows PowerShell 5.1: -Execute 'powershell.exe'.)

    Linux cron, every 15 minutes (the credential file made with Export-Clixml by the same user):
        */15 * * * * pwsh -NoProfile -NonInteractive -File /opt/jobs/Sync-WxOrders.ps1 -Source Union -CredentialPath /etc/wxorders/cred.xml -OutputDirectory /srv/sync/union -StatePath /srv/sync/union.checkpoint.json -Since 2025-01-01

    Give each source its own -StatePath (and preferably its own -OutputDirectory). Keep the state file with the
    CSV files: restoring one without the other breaks the pairing the repair relies on.
.PARAMETER Source
    Union, Shop, Wshoto or Channels (the search must exist in the installed WxOrders version).
.PARAMETER OutputDirectory
    Folder for the CSV files (created if missing).
.PARAMETER StatePath
    The checkpoint file (its folder must exist). Keep it: deleting it starts again from -Since.
.PARAMETER Connection
    Use this existing connection instead of connecting.
.PARAMETER CredentialPath
    An Export-Clixml file holding a PSCredential: user name = AppId, password = app secret.
.PARAMETER SecretName
    A SecretManagement secret holding that PSCredential (needs Microsoft.PowerShell.SecretManagement).
.PARAMETER BaseUri
    Another API address (a proxy or gateway, or the sandbox); default: the platform's.
.PARAMETER Since
    Where the first window starts, when the checkpoint does not exist yet; ignored once it does (so the task's command
    line can always pass it). Refused when in the future.
.PARAMETER Lag
    How long before now each window ends, for changes that become visible in the list late (default: the search's,
    2 minutes).
.PARAMETER Overlap
    How far each window reaches back into the last one (default: the search's, 15 minutes; 7 days for Shop, whose list
    filters on the creation time only).
.PARAMETER LogPath
    Log file; lines are appended. Default: sync-<source>.log in OutputDirectory.
.EXAMPLE
    ./Sync-WxOrders.ps1 -Source Union -CredentialPath ~/wxorders-cred.xml -OutputDirectory ~/sync/union -StatePath ~/sync/union.json -Since 2025-06-01
.EXAMPLE
    ./Sync-WxOrders.ps1 -Source Wshoto -SecretName WxOrdersWshoto -OutputDirectory D:\sync\wshoto -StatePath D:\sync\wshoto.json -Since 2025-06-01 -Lag 00:05:00
#>
[CmdletBinding(DefaultParameterSetName = 'Clixml')]
param(
    [Parameter(Mandatory)] [ValidateSet('Union', 'Shop', 'Wshoto', 'Channels')] [string] $Source,
    [Parameter(Mandatory)] [string] $OutputDirectory,
    [Parameter(Mandatory)] [string] $StatePath,
    [Parameter(Mandatory, ParameterSetName = 'Connection')] [string] $Connection,
    [Parameter(Mandatory, ParameterSetName = 'Clixml')] [string] $CredentialPath,
    [Parameter(Mandatory, ParameterSetName = 'Secret')] [string] $SecretName,
    [uri] $BaseUri,
    [datetime] $Since,
    [timespan] $Lag,
    [timespan] $Overlap,
    [string] $LogPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3

$prefix = $Source.ToLowerInvariant()
try {
    New-Item -ItemType Directory -Force -Path $OutputDirectory | Out-Null
    $OutputDirectory = (Resolve-Path -LiteralPath $OutputDirectory).ProviderPath
    if (-not $LogPath) { $LogPath = Join-Path $OutputDirectory "sync-$prefix.log" }
    $LogPath = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($LogPath)
    $StatePath = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($StatePath)
}
catch {
    [Console]::Error.WriteLine("Sync-WxOrders could not start: $($_.Exception.Message)")
    exit 2
}

$runTag = [guid]::NewGuid().ToString('n').Substring(0, 8)
function Write-Log([string] $Message) {
    # Messages come from WxOrders errors, which never carry a secret or a token.
    $line = '{0} [{1} {2}] {3}' -f [DateTimeOffset]::Now.ToString('yyyy-MM-dd HH:mm:ss zzz', [cultureinfo]::InvariantCulture), $prefix, $runTag, $Message
    Add-Content -LiteralPath $LogPath -Value $line -Encoding UTF8
    Write-Verbose $line
}

# Windows PowerShell 5.1's UTF8 has a byte-order mark; PowerShell 7's utf8 has none, utf8BOM has.
$encoding = if ($PSVersionTable.PSEdition -eq 'Desktop') { 'UTF8' } else { 'utf8BOM' }
$partial = Join-Path $OutputDirectory ".$prefix-sync.partial"
$search = "Search-$($Source)Order"

# --- the run lock: one run at a time on this checkpoint, for the whole run; the OS releases it when the process dies ---
try {
    if (-not (Get-Module WxOrders)) { Import-Module WxOrders -ErrorAction Stop }
    if (-not (Get-Command $search -Module WxOrders -ErrorAction SilentlyContinue)) {
        throw "$search is not in this WxOrders version ($((Get-Module WxOrders).Version)): update WxOrders, or sync another -Source."
    }
    $lock = Lock-WxOrderCheckpoint -Path $StatePath -ErrorAction Stop
}
catch {
    Write-Log "FAILED to start: $($_.Exception.Message)"
    exit 2
}

try {
    # --- connect ---
    try {
        if ($PSCmdlet.ParameterSetName -ne 'Connection') {
            $credential = if ($PSCmdlet.ParameterSetName -eq 'Clixml') { Import-Clixml -LiteralPath $CredentialPath } else { Get-Secret -Name $SecretName }
            $Connection = "sync-$prefix"
            $connect = @{ Credential = $credential; Platform = $(if ($Source -eq 'Wshoto') { 'Wshoto' } else { 'WeChat' }); Name = $Connection }
            if ($BaseUri) { $connect.BaseUri = $BaseUri }
            Connect-WxOrders @connect | Out-Null
        }
    }
    catch {
        Write-Log "FAILED to start: could not connect: $($_.Exception.Message)"
        exit 2
    }

    # --- repair what a killed run left ---
    try {
        Remove-Item -LiteralPath $partial -Force -ErrorAction SilentlyContinue
        if (Test-Path -LiteralPath $StatePath) {
            $state = Get-WxOrderCheckpoint -Path $StatePath -ErrorAction Stop
            if ($state.PendingRunId) {
                $id = $state.PendingRunId.ToString('n')
                $kept = @(Get-ChildItem -LiteralPath $OutputDirectory -Filter "$prefix-*-$id.csv")
                if ($kept.Count -gt 0 -and $state.CanComplete) {
                    Complete-WxOrderCheckpoint -Path $StatePath -ErrorAction Stop
                    Write-Log "Repaired: the last run wrote $($kept[0].Name) but was stopped before it completed the checkpoint; completed it now."
                }
                else {
                    Write-Log "Repaired: the last run ($id, $($state.PendingState)) published no file; its window is read again."
                }
            }
        }
    }
    catch {
        Write-Log "FAILED to start: the checkpoint $StatePath cannot be used: $($_.Exception.Message)"
        exit 2
    }

    # --- the checkpointed search, into a temporary file ---
    $searchParameters = @{ Checkpoint = $StatePath; Connection = $Connection }
    foreach ($name in 'Since', 'Lag', 'Overlap') {
        if ($PSBoundParameters.ContainsKey($name)) { $searchParameters[$name] = $PSBoundParameters[$name] }
    }
    $failures = @()
    $warnings = @()
    $count = 0
    try {
        & $search @searchParameters -ErrorAction SilentlyContinue -ErrorVariable +failures -WarningAction SilentlyContinue -WarningVariable +warnings |
            ConvertTo-WxOrderLine -Invariant |
            ForEach-Object { $count++; $_ } |
            Export-Csv -LiteralPath $partial -NoTypeInformation -Encoding $encoding
    }
    catch {
        Remove-Item -LiteralPath $partial -Force -ErrorAction SilentlyContinue
        # Refused before any request (the checkpoint, -Since, -Lag, -Overlap): could not start. Anything else: incomplete.
        $refused = "$($_.FullyQualifiedErrorId)" -match '^WxOrders\.(Checkpoint|InvalidArgument|NotConnected)'
        Write-Log "$(if ($refused) { 'FAILED to start' } else { 'Incomplete' }): $($_.Exception.Message)"
        exit $(if ($refused) { 2 } else { 1 })
    }

    foreach ($f in $failures) { Write-Log "Not retrieved: $($f.TargetObject): $($f.Exception.Message)" }
    foreach ($w in $warnings) { Write-Log "Warning: $($w.Message)" }
    $state = Get-WxOrderCheckpoint -Path $StatePath -ErrorAction Stop
    # The checkpoint says whether the walk was complete (a failed page or a gap makes it incomplete); an error that
    # did not end the walk (an order that could not be read or flattened) is missing from the file all the same.
    if ($failures.Count -gt 0 -or -not $state.CanComplete) {
        Remove-Item -LiteralPath $partial -Force -ErrorAction SilentlyContinue
        $why = if ($state.PendingReason) { " ($($state.PendingReason))" } else { '' }
        Write-Log ("Incomplete: {0} failure(s), {1} warning(s), checkpoint {2}{3}; no file written and nothing recorded, so the next run reads this window again." -f $failures.Count, $warnings.Count, $state.PendingState, $why)
        exit 1
    }

    if ($count -eq 0) {
        # No changes in the window: a file with the header row only, so every completed window has its file (Export-Csv
        # without input leaves no file, or one with only the byte-order mark).
        [WxOrders.OrderLineText]::new() | ConvertTo-Csv -NoTypeInformation | Select-Object -First 1 |
            Set-Content -LiteralPath $partial -Encoding $encoding
    }

    # --- the file under its final name (one rename in one folder), then the checkpoint ---
    $end = $state.PendingEnd.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", [cultureinfo]::InvariantCulture)
    $final = Join-Path $OutputDirectory ('{0}-{1}-{2}.csv' -f $prefix, $end, $state.PendingRunId.ToString('n'))
    [IO.File]::Move($partial, $final)
    Complete-WxOrderCheckpoint -Path $StatePath -ErrorAction Stop
    Write-Log ("Done: window {0} to {1}, {2} line(s) ({3} order version(s), {4} repeat(s) left out) in {5}." -f
        $state.PendingStart.ToString('o'), $state.PendingEnd.ToString('o'), $count, $state.PendingWritten, $state.PendingRepeats, (Split-Path -Leaf $final))
    exit 0
}
catch {
    Write-Log "Incomplete: $($_.Exception.Message)"
    exit 1
}
finally {
    $lock | Unlock-WxOrderCheckpoint
}
