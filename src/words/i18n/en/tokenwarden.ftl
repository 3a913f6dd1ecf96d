# Tokenwarden, English. Every id here exists in es/tokenwarden.ftl with the same variables
# (the completeness test in src/words/completeness.rs checks it).

## Common words

unknown = unknown
unknown-name = unknown name
id-of = id { $id }
working = Working.
error-prefix = tokenwarden: { $sentence }

## Times

time-just-now = just now
time-in = in { $span }
time-ago = { $span } ago
span-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
span-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
span-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
expiry-never = never expires
expiry-in = expires { $when }
expiry-ago = expired { $when }
expiry-unknown = expiry unknown
wait-about-minutes = about { $count } minutes
wait-a-few-minutes = a few minutes

## Health, kinds, token types

health-healthy = Healthy
health-attention = Needs attention
health-broken = Broken
health-unknown = Not checked
kind-facebook-page = Facebook Page
kind-messenger = Messenger
kind-instagram = Instagram
kind-whatsapp = WhatsApp
token-type-user = User
token-type-page = Page
token-type-app = App
token-type-system-user = System user
check-method-debugger = Access Token Debugger
check-method-self = Self-check (the debugger was not available)

summary-broken = { $count } broken
summary-attention = { $count ->
    [one] { $count } needs attention
   *[other] { $count } need attention
}
summary-unknown = { $count } not checked
summary-healthy = { $count } healthy
summary-none = No channels.

## Remedies (the one button that carries each out)

remedy-renew = Renew the token
remedy-relogin = Log in again and renew
remedy-grant-permission = Grant the missing permission
remedy-subscribe-webhook = Open the webhook settings
remedy-clear-checkpoint = Open Facebook to clear the security check
remedy-restore-page-role = Open the Page's roles
remedy-check-again = Check again
remedy-check-now = Check now

## Reasons in a few words (a list column)

short-invalid-token = no longer works
short-expired = expired
short-expires-soon = expires soon
short-password-changed = password changed
short-app-not-installed = app removed
short-checkpointed = security check
short-unconfirmed-user = account unconfirmed
short-session-invalidated = logged out
short-page-role-lost = Page role lost
short-data-access-expired = data access ended
short-data-access-expires-soon = data access ends soon
short-missing-permission = permission missing
short-webhook-not-subscribed = webhook off
short-wrong-app = another app's token
short-wrong-page = another Page's token
short-rate-limited = slowed down
short-network-error = unreachable
short-service-error = Facebook error
short-unchecked = not checked
short-already-saved = already saved

## Reasons in a sentence: what it means and what to do

account-of = { $name }'s account
account-unknown = the account that connected this channel

reason-invalid-token = Facebook no longer accepts this token (it was revoked, replaced or is not a real token). Get a new token to reconnect the channel.
reason-expired = The token has expired. Get a new token to reconnect the channel.
reason-expired-on = The token expired on { $date }. Get a new token to reconnect the channel.
reason-expired-ago = The token expired { $when }. Get a new token to reconnect the channel.
reason-expires-soon = The token expires soon. Renew it before then so the channel keeps working.
reason-expires-soon-at = The token expires { $when } ({ $date }). Renew it before then so the channel keeps working.
reason-password-changed = The password of the account that connected this channel was changed, so this token stopped working. Log in again to get a new token.
reason-password-changed-who = The password of { $who } was changed (or Facebook ended its sessions for security), so this token stopped working. Log in again to get a new token.
reason-app-not-installed = The app was removed from the account that connected this channel. Log in again and allow the app to get a new token.
reason-app-not-installed-who = The app was removed from { $who }, or was never allowed. Log in again and allow the app to get a new token.
reason-checkpointed = Facebook put a security check on the account that connected this channel. Log in at facebook.com and complete the check, then get a new token.
reason-checkpointed-who = Facebook put a security check on { $who }. Log in at facebook.com and complete the check, then get a new token.
reason-unconfirmed-user = The account that connected this channel is not confirmed yet. Confirm it at facebook.com, then get a new token.
reason-unconfirmed-user-who = { $who } is not confirmed yet. Confirm it at facebook.com, then get a new token.
reason-session-invalidated = The login session of the account that connected this channel was ended. Log in again to get a new token.
reason-session-invalidated-who = The login session of { $who } was ended (logged out or revoked). Log in again to get a new token.
reason-page-role-lost = The person who connected this Page no longer has a role on it. Give them their Page role back (or have a current Page admin connect it), then get a new Page token.
reason-data-access-expired = Facebook's 90-day data access for this token ended. Log in again to renew it.
reason-data-access-expired-ago = Facebook's 90-day data access for this token ended { $when }. Log in again to renew it.
reason-data-access-expires-soon = Facebook's 90-day data access for this token ends soon. Log in again before then.
reason-data-access-expires-soon-at = Facebook's 90-day data access for this token ends { $when }. Log in again before then.
reason-missing-permission = The token lacks a permission this channel needs. Log in again and allow it.
reason-missing-permission-list = The token lacks { $count ->
    [one] the permission
   *[other] the permissions
} { $permissions }, which a { $kind } channel needs. Log in again and allow { $count ->
    [one] it
   *[other] them
}.
reason-webhook-not-subscribed = The Page is not subscribed to the app's webhook, so new messages will not arrive. Subscribe the Page again.
reason-webhook-missing-fields = The Page's webhook is missing the { $count ->
    [one] field
   *[other] fields
} { $fields }, so new messages will not arrive. Subscribe it again.
reason-wrong-app = This token was made for another app than the channel's app. Get a token from the channel's app.
reason-wrong-app-ids = This token was made for another app ({ $app }, id { $got }) than the channel's app (id { $want }). Get a token from the channel's app.
reason-wrong-page = This token belongs to another Page than this channel's Page. Get the token of the right Page.
reason-wrong-page-ids = This token belongs to another Page ({ $page }) than this channel's Page (id { $want }). Get the token of the right Page.
reason-rate-limited = Facebook asked us to slow down. Wait a few minutes and check again; the token itself was not judged.
reason-rate-limited-at = Facebook asked us to slow down ({ $when }). Wait { $wait } and check again; the token itself was not judged.
reason-network-error = Could not reach Facebook. Check the internet connection and try again; the last known facts are shown.
reason-network-error-at = Could not reach Facebook ({ $when }): { $detail }. Check the internet connection and try again; the last known facts are shown.
reason-service-error = Facebook's servers had a problem. This is not your token's fault; try again in a few minutes.
reason-service-error-at = Facebook's servers had a problem ({ $when }): { $detail }. This is not your token's fault; try again in a few minutes.
reason-unchecked = This channel has not been checked yet.
reason-already-saved = This Page is already saved as a channel of this kind.

## Errors

error-refused = Not saved: { $reasons }
error-not-found = No channel is called or has the id "{ $name }". `tokenwarden list` shows the saved channels.
error-graph = The check could not be made: { $detail }. Nothing was changed; check the internet connection and try again.
error-internal = Internal error: { $detail }
paste-empty = Nothing was pasted. Paste the access token (it usually starts with "EAA").
paste-login-cancelled = The login was cancelled or refused on Facebook ({ $detail }), so there is no token in this link. Log in again and allow the requested permissions.
paste-url-without-token = This link has no access token in it. Paste the token itself, or the whole address the browser showed after logging in (it contains "#access_token=").
paste-json-without-token = This JSON has no "access_token" field. Paste the token itself or the whole response that contains it.
paste-not-a-token = This does not look like an access token: { $detail }. Paste the token only — a long run of letters and digits that usually starts with "EAA".

## One cause, several channels

group-message = { $count } channels stopped working for one reason: { $cause }. One login with that account renews them all ({ $names }).
group-cause-password-changed = the password of the account that connected them was changed
group-cause-checkpointed = Facebook put a security check on the account that connected them
group-cause-session-invalidated = the account that connected them was logged out everywhere
group-cause-app-not-installed = the app was removed from the account that connected them
group-cause-unconfirmed-user = the account that connected them is not confirmed
group-cause-data-access = the data access of the account that connected them ended

## The list (`list`, `check`, `inspect`)

list-empty = No channels saved yet. Add one with: tokenwarden add --name NAME --kind messenger < token.txt
list-col-status = STATUS
list-col-name = NAME
list-col-kind = KIND
list-col-expiry = EXPIRY
list-col-checked = CHECKED
list-col-reason = REASON
list-checked-failed = failed { $when }
list-checked-never = never

## A token's facts (`debug`), as Meta's Access Token Debugger shows them

facts-fingerprint = Fingerprint
facts-app-id = App ID
facts-type = Type
facts-page-id = Page ID
facts-user-id = User ID
facts-issued = Issued
facts-expires = Expires
facts-never = Never
facts-data-access-expires = Data access expires
facts-valid = Valid
facts-true = True
facts-false = False
facts-scopes = Scopes
facts-granular-scopes = Granular scopes
facts-all = all
facts-webhook = Webhook
facts-webhook-subscribed = subscribed: { $fields }
facts-webhook-not-subscribed = not subscribed
facts-error = Error
facts-error-code = { $message } (code { $code })
facts-checked-with = Checked with

## Command line

cli-could-not-start = could not start: { $detail }
cli-sim-could-not-start = the simulator could not start on port { $port }: { $detail }
cli-login-target = Say --channel CHANNEL, or --name, --kind and --page.
cli-unknown-kind = Unknown kind { $kind }. Use one of: { $kinds }.
cli-checks-failed = { $failed } of { $count ->
    [one] { $count } check
   *[other] { $count } checks
} could not be made; the last known facts are shown for those.
cli-token-fingerprint = token { $fingerprint }
cli-saved = Saved { $name } ({ $kind }).
cli-renewed = Renewed { $name } ({ $kind }).
cli-rolled-back = Restored the previous token of { $name } ({ $kind }).
cli-derived-exchanged = Made from { $name }'s login: the Page's own token, after turning the short login into a lasting one; it never expires.
cli-derived-lasting = Made from { $name }'s login: the Page's own token; it never expires.
cli-derived-short = Made from { $name }'s login: the Page's own token; it ends with the short login (save the app secret to avoid that).
cli-webhook-resubscribed = Subscribed the Page to the app's webhook again.
cli-old-token-kept = The old token is kept: `tokenwarden rollback { $id }` puts it back.
cli-rollback-unchecked = the earlier token could not be checked, so it was not put back. To put it back without checking: tokenwarden rollback { $channel } --force
cli-export-done = Wrote a redacted report of { $count ->
    [one] { $count } channel
   *[other] { $count } channels
} to { $path } (no tokens or secrets in it).
cli-inspect-header = Report from { $by }, made { $made } (Tokenwarden { $version }). Countdowns are recomputed to now.
cli-last-errors = Last errors from Facebook (quote the trace id to Meta's support):
cli-last-error = { $name } (token { $fingerprint }): { $message } (code { $code }), fbtrace_id { $trace }
cli-not-given = not given

## Removing and renaming

cli-yes-no = [y/N]
# Besides "y" and "yes": the language's own words for yes, separated by commas.
cli-yes-words = y, yes
cli-nothing = nothing
cli-nothing-removed = Nothing was removed.
cli-remove-needs-terminal = Removing needs a confirmation and there is no terminal to ask on. Nothing was removed. Run `{ $command } --yes` to remove without asking.
cli-remove-channel-question = Remove { $name } ({ $kind })? Its token is deleted from this computer; its history stays.
cli-remove-channel-question-both = Remove { $name } ({ $kind })? Its token and the previous one are deleted from this computer; its history stays.
cli-removed-channel = Removed { $name } ({ $kind }). Deleted from the secret store: { $deleted }.
cli-history-stays = Its history stays: `tokenwarden history { $id }` shows it.
cli-token-left-behind = the secret store did not delete token { $fingerprints }; the channel is removed all the same. Delete the entry by hand in the system keychain, or ignore it: nothing uses it any more.
cli-renamed-channel = Renamed { $before } to { $name }.
cli-no-such-app = No saved app has the id { $id }. The Apps page of the window lists the saved apps.
cli-remove-app-question = Remove the app { $name } ({ $id })?
cli-remove-app-question-secret = Remove the app { $name } ({ $id })? Its secret is deleted from this computer.
cli-removed-app = Removed the app { $name } ({ $id }).
cli-removed-app-secret = Removed the app { $name } ({ $id }); its secret is deleted from the secret store.
cli-renamed-app = The app { $id } is now called { $name }.

## History, reminders, apps

cli-history-empty = Nothing has been recorded for { $channel } yet.
cli-history-header = History of { $name }, oldest first:
cli-notified = notified: { $title } — { $body }
cli-snoozed = No reminders for { $name } until { $until }.
cli-reminders-on = Reminders for { $name } are on again.
cli-saved-app = Saved app { $name } ({ $id }).
cli-saved-app-secret = Saved app { $name } ({ $id }) with its secret in the secret store.

## Reading tokens and passphrases

input-paste-token = Paste the access token and press Enter (it will not be shown):{" "}
input-terminal-unreadable = Could not read from the terminal: { $detail }
input-stdin-unreadable = Could not read standard input: { $detail }
input-stdin-too-long = Standard input holds more than { $kib } KiB, far more than a token or secret. Nothing was changed. Pass only the token (for example: echo "$TOKEN" | tokenwarden …).
input-vault-passphrase = Vault passphrase:{" "}
# $what is "vault" or "backup".
input-new-passphrase = New { $what ->
    [vault] vault
   *[other] backup
} passphrase, at least { $count } characters (it will not be shown):{" "}
input-passphrase-again = The same passphrase again:{" "}
input-passphrases-differ = The two passphrases differ. Nothing was written; try again.
input-passphrase-too-short = The new { $what ->
    [vault] vault
   *[other] backup
} passphrase is too short: use at least { $count } characters (a few words are easy to remember and hard to guess). Nothing was written.

## Backup and restore

backup-needs-passphrase = A backup needs a passphrase: run this in a terminal to type it, or set { $variable } for scripts.
backup-passphrase-prompt = Backup passphrase (it will not be shown):{" "}
backup-passphrase-empty = The passphrase cannot be empty.
backup-written = Wrote { $channels ->
    [one] { $channels } channel
   *[other] { $channels } channels
} and { $apps ->
    [one] { $apps } app
   *[other] { $apps } apps
}, with their tokens and secrets, to { $path } (encrypted with your passphrase).
backup-left-out = { $name } was left out: its token is missing from the secret store (renew it, then back up again).
restore-nothing-to-do = Nothing to restore: this profile already has everything in the backup.
restore-declined = Nothing was changed. Run again with --yes to restore.
restore-question = Restore these changes?
restore-done = Restored: { $added } added, { $replaced } replaced, { $kept } kept because this profile's token is newer, { $refused } not restored.
restore-check-hint = Run `tokenwarden check` to see that the restored channels work.
restore-plan-header = Backup { $path } made { $made } by { $by }:
restore-replace-checked-first = (a token that would replace one that works now is first checked with Facebook; if it does not pass, that channel keeps its token)
restore-app-add-secret = add app, with its secret
restore-app-add = add app
restore-app-secret = add the app's secret
restore-app-unchanged = app already here
restore-app-refused = not restored, its id is not a Facebook id (digits only); the backup may have been edited or damaged
restore-item-add = add:      { $name }, token { $to }
restore-item-replace = replace:  { $name }, token { $from } → { $to } (the old one is kept for rollback)
restore-item-overwrite-newer = replace:  { $name }, token { $from } → { $to }, although this profile's token is newer (--overwrite-newer; the old one is kept for rollback)
restore-item-keep-newer = kept:     { $name }: the profile's token is newer ({ $from }; the backup has { $to }). --overwrite-newer replaces it anyway.
restore-item-same = same:     { $name }, nothing to do
restore-item-refused = not restored: { $name }

## Import

import-saved = line { $line }: saved { $name } ({ $kind }), { $health }
import-refused = line { $line }{ $name }: { $error }
import-summary = { $saved } saved, { $refused } refused.
import-needs-stdin = import reads the channels from standard input, one JSON object per line: tokenwarden import < channels.jsonl
import-too-long = Standard input holds more than { $mib } MiB; split the import into smaller files. Nothing was changed.
import-line-too-long = the line is longer than { $kib } KiB
import-not-an-object = the line is not a JSON object {"{"}"name": …, "kind": …, "token": …{"}"}
import-not-json = the line is not valid JSON (column { $column }); nothing in it was read
import-unknown-field = unknown field { $field }; a line has name, kind, token and optionally app and page
import-missing-field = the line has no "{ $field }"
import-unknown-kind = unknown kind; use one of: { $kinds }
import-not-a-string = "{ $field }" must be a string
import-not-an-id = "{ $field }" must be an id (a string of digits)
import-not-digits = "{ $field }" must be an id (digits only)

## Device login

login-unknown-kind = Unknown kind { $kind }.
login-open-and-enter = To log in with Facebook, open { $address } and enter this code:
login-message-for-customer = Message for the customer (ready to send or read out):
login-ready-message = Open { $address } on your phone or computer and enter the code { $code }. Log in with the Facebook account that manages { $page }, then choose Continue.
login-browser-failed = (The browser could not be opened; open the address yourself.)
login-waiting = Waiting for you to approve on Facebook… (Ctrl-C cancels)
login-slow-down = Facebook asked to check less often; now every { $count } seconds.
login-logged-in = Logged in. Making the Page's token…

## History

history-added = added the channel with token { $token }
history-replaced = replaced token { $from } with { $to }
history-replaced-from-login = replaced token { $from } with { $to } (the Page token of a login)
history-replaced-derived = replaced token { $from } with { $to } (derived)
history-rolled-back = went back from token { $from } to the earlier { $to }
history-restored-over = restored token { $to } from a backup, in place of { $from }
history-restored = restored the channel from a backup, with token { $to }
history-renamed = renamed the channel from { $from } to { $to }
history-removed = removed the channel; its token { $token } was deleted from this computer
history-removed-both = removed the channel; its token { $token } and the previous one { $previous } were deleted from this computer
history-health = a check found it { $to } (before: { $from })
history-health-why = a check found it { $to } (before: { $from }): { $why }

## The computer's clock

clock-before-last-check = This computer's clock says { $now }, which is before the last check ({ $last }). Countdowns and expiry warnings may be wrong until the clock is set right (turn on automatic date and time).
clock-behind-facebook = This computer's clock is { $span } behind Facebook's (seen { $seen }). Countdowns and expiry warnings may be wrong by that much; turn on automatic date and time.
clock-ahead-of-facebook = This computer's clock is { $span } ahead of Facebook's (seen { $seen }). Countdowns and expiry warnings may be wrong by that much; turn on automatic date and time.

## Files, the profile folder and the secret store

action-create-profile-folder = create the profile folder
action-look-at-profile-folder = look at the profile folder
action-open-history = open the history
action-read-catalog = read the catalog
action-read-history = read the history
action-read-reminder-state = read the reminder state
action-save-catalog = save the catalog
action-save-reminder-state = save the reminder state
action-write-history = write the history
action-read-backup = read the backup
action-encrypt-backup = encrypt the backup
action-prepare-backup = prepare the backup
action-write-backup-to = write the backup to
store-io = Could not { $action } { $path }: { $detail }. Check that the folder exists, that you may write to it and that the disk is not full.
store-corrupt-catalog = The catalog file { $path } is damaged and cannot be read ({ $detail }). Tokenwarden has not changed it. Restore it from a backup, or move it away to start with an empty list.
store-newer-schema = The catalog file { $path } was made by a newer Tokenwarden (format { $found }; this version reads up to { $supported }). Install the newer Tokenwarden to open it; the file has not been changed.
store-lock = Could not lock { $path } to save changes safely: { $detail }. Check that the profile folder still exists and that you may write to it; if it is on a network drive, choose a local folder with --profile.
store-no-profile-dir = Could not find a folder for Tokenwarden's data (no home folder is known). Choose one with --profile DIR or TOKENWARDEN_PROFILE.
store-unsafe-profile = Tokenwarden will not use { $path }: { $problem }. Nothing was read or written. { $fix }
secret-unavailable = The system keychain is not available ({ $detail }). Tokenwarden never stores tokens in clear text. Use the encrypted vault instead: set TOKENWARDEN_SECRETS=vault (you will be asked for a passphrase).
secret-missing-app = The saved secret of Meta app { $app } is missing from the secret store; enter the app secret again (tokenwarden app add --id { $app } --secret-stdin).
secret-missing-token = The saved token for this channel is missing from the secret store (entry { $entry }); renew the channel.
secret-wrong-passphrase = The vault passphrase is wrong. Nothing was changed.
secret-vault-damaged = The encrypted vault cannot be read: { $detail }. Nothing was changed. Restore vault.age from a backup, or move it out of the profile folder and save your tokens again.
secret-no-passphrase = The encrypted vault needs a passphrase. Enter it when asked, or set TOKENWARDEN_VAULT_PASSPHRASE.
secret-keyring = The system keychain refused the request: { $detail }. Nothing was changed. If this keeps happening, use the encrypted vault: set TOKENWARDEN_SECRETS=vault.
secret-bad-setting = { $name } is set to "{ $value }", which Tokenwarden does not understand. { $expected }
secret-io = Could not read or write the secret file { $path }: { $detail }. Check that the profile folder exists and that you may write to it.
backup-wrong-passphrase = The passphrase does not open the backup { $path }. Nothing was changed. Type the passphrase that was chosen when the backup was made.
backup-damaged = The backup { $path } is damaged or incomplete ({ $detail }). Nothing was changed. Copy the file again from where it was kept, or use another backup.
backup-newer = The backup { $path } was made by a newer Tokenwarden. Nothing was changed; install the newer Tokenwarden to restore it.
backup-no-passphrase = A backup needs a passphrase. Type it when asked, or set TOKENWARDEN_BACKUP_PASSPHRASE for scripts.
backup-io = Could not { $action } { $path }: { $detail }. Check the folder exists and that you may write to it.
config-bad-url = TOKENWARDEN_GRAPH_URL is not a valid address ({ $detail }). Use e.g. https://graph.facebook.com
config-insecure-host = TOKENWARDEN_GRAPH_URL uses plain http for { $host }, which would send tokens unencrypted. Plain http is allowed only for this computer (127.0.0.1, ::1, localhost); use https otherwise.
config-bad-version = TOKENWARDEN_GRAPH_VERSION must look like v26.0, not { $value }
config-bad-timeout = TOKENWARDEN_GRAPH_TIMEOUT must be a number of seconds between 1 and 300, not { $value }

## Talking to Facebook

graph-api = Facebook said: { $message } (code { $code })
graph-timeout = no answer within { $count } seconds
graph-network = could not connect: { $detail }
graph-http = the server answered HTTP { $status } with { $detail }
graph-bad-body = the answer was cut off or malformed ({ $detail })

## Reminders

notice-title = { $name }: { $health }

## Why a paste is not a token

paste-why-spaces = it contains spaces or line breaks inside
paste-why-characters = it contains characters a token never has
paste-why-too-short = it is far too short
paste-why-partial-json = it starts like JSON but is not complete JSON

## The renewal guide (`guide`)

guide-heading = Renewing the token of { $name } ({ $kind })
guide-mark-done = [done]
guide-mark-first-fix = [first fix]
guide-before-this = Before this: { $why }.
# $owner is "whatsapp" or "page".
guide-owner-with-id = the { $owner ->
    [whatsapp] WhatsApp Business account
   *[other] Page
} with id { $id }
guide-owner-unknown = the channel's { $owner ->
    [whatsapp] WhatsApp Business account
   *[other] Page
}
guide-app-named = the app { $app }
guide-app-unknown = the app this channel uses
guide-app-suffix = , app { $app }
guide-check-title = Check the token
guide-check-detail = Tokenwarden has not checked { $channel } yet. Choose Check to see whether it needs renewing.
guide-wrong-title = See what is wrong
guide-wrong-detail = Tokenwarden checked the token of { $channel }: { $reason }
guide-works-title = It works
guide-works-detail = Tokenwarden checked the token of { $channel }: it works, and nothing needs doing now. If it ever needs renewing, these are the steps.
guide-clear-check-title = Clear the account's security check
guide-clear-check-detail = { $reason } Until that is done, no new token can be made.
guide-role-back-title = Give the Page role back
guide-role-back-detail = { $reason } A Page admin does this in the Page's settings.
guide-login-code-title = Easiest: renew with a login code
guide-login-code-detail = In Tokenwarden choose Renew on { $channel }, then Log in with Facebook. Tokenwarden shows a code and a message ready to read out or send to the person who manages { $page }: they open facebook.com/device on their phone, enter the code and log in. Tokenwarden makes the Page's token and checks it before saving. If this works, you are done; the next steps are the way by hand.{ $terminal }
guide-login-code-terminal = {" "}Support staff can also run: tokenwarden login --app { $app } --channel "{ $channel }"
guide-explorer-title = Open the Graph API Explorer
guide-explorer-detail = Log in at developers.facebook.com with an account that manages { $page } and open the Graph API Explorer. On the right, choose { $app }.
guide-generate-for-page-title = Generate a new token for { $page }
guide-page-token-detail = Under "User or Page", choose Get Page Access Token, tick the permissions { $perms }, click Generate Access Token and allow it. Then pick { $page } in the same list and copy the token shown.
guide-messenger-title = Open the app's Messenger settings
guide-messenger-detail = Log in at developers.facebook.com with an account that manages { $page }, open { $app } and go to Messenger, then Settings.
guide-messenger-token-detail = Under Access Tokens, find { $page } and click Generate token, allow the permissions it asks for ({ $perms }), then copy the token. Make sure the webhook fields messages and messaging_postbacks are selected for the Page.
guide-instagram-title = Open the app's Instagram settings
guide-instagram-detail = Log in at developers.facebook.com with an account that manages { $page } and its linked Instagram professional account, open { $app } and go to Instagram, then API setup.
guide-instagram-token-title = Generate a new token for the Instagram account
guide-instagram-token-detail = Find the Instagram professional account linked to { $page } and click Generate token. Allow the permissions it asks for ({ $perms }) and copy the token. If the account is not listed, link it to { $page } in the Page's settings first.
guide-system-users-title = Open System users in Business settings
guide-system-users-detail = Log in at business.facebook.com with an admin of the business that owns the WhatsApp account, open Business settings, then Users, then System users.
guide-system-user-token-title = Generate a system user token
guide-system-user-token-detail = Choose the system user this channel uses and click Generate new token. Pick { $app }, set the token to never expire, tick { $perms } and click Generate, then copy the token. The system user must have { $page } assigned (Assign assets).
guide-paste-title = Paste it in Tokenwarden: Renew on { $channel }
guide-paste-page-detail = Tokenwarden also takes the whole address shown after logging in, or a login's User token, and turns it into the Page's token.
guide-paste-system-user-detail = Paste the system user's token; Tokenwarden checks it before anything is saved.
guide-validate-title = Validate
guide-validate-whatsapp-detail = The new token must show Valid: True, Expires: Never{ $app_suffix }, with whatsapp_business_messaging and whatsapp_business_management. Tokenwarden refuses a dead token, another business's or another app's.
guide-validate-page-detail = The new token must show Valid: True, Page { $page }{ $app_suffix }. Tokenwarden refuses a dead token, another Page's or another app's.
guide-save-title = Save: only this channel is updated
guide-save-detail = The old token is kept; Roll back in the channel's details puts it back.
guide-messages-title = Check that messages arrive
guide-messages-whatsapp-detail = { $page } must list the app among its subscribed apps, or WhatsApp messages stop reaching it.
guide-messages-instagram-detail = { $page } must be subscribed to the app's webhook with the messages field, or Instagram messages stop reaching it after the renewal.
guide-messages-messenger-detail = { $page } must be subscribed to the app's webhook with the messages field, or Messenger stays silent after the renewal.
guide-block-account-check = the account must be cleared at facebook.com first
guide-block-page-role = someone with a role on the Page must connect it
guide-block-app-unknown = the channel's app is not known: add it under Apps
guide-block-whatsapp-webhook = the app is not among the WhatsApp account's subscribed apps: subscribe it in the app's WhatsApp settings
guide-block-page-webhook = the Page is not subscribed: use Subscribe webhook after saving

## Pages of Meta's portal

link-token-debugger = Access Token Debugger
link-app-dashboard = App dashboard
link-your-apps = Your apps
link-messenger-settings = Messenger settings of the app
link-instagram-settings = Instagram settings of the app
link-whatsapp-settings = WhatsApp settings of the app
link-app-permissions = Permissions of the app
link-your-pages = Your Pages
link-page-settings = The Page's settings
link-business-integrations = Business integrations of your Facebook account
link-system-users = System users in Business Settings
link-device-login = Facebook's login page for codes
link-graph-explorer = Graph API Explorer
link-meta-status = Meta platform status
link-security-check-help = Facebook security check help
link-page-roles-help = Help: manage Page roles

## The command line's help (`--help`): the doc comments of src/cli/mod.rs, word for word

help-root = Keeps the access tokens of your Facebook, Messenger, Instagram and WhatsApp channels alive.
help-root-after = Without a command, the desktop app opens. Tokens are read from standard input, never from the command line.
help-root-arg-profile = Use this profile folder instead of the default (also TOKENWARDEN_PROFILE)
help-root-arg-demo = Open the desktop app on a throw-away profile with a built-in simulated Facebook
help-root-arg-verbose = Also print the log on standard error (it always goes to the profile's logs/ folder)
help-list = Saved channels with their last known health (no network needed)
help-check = Checks all channels (or one) online and saves the result
help-check-arg-channel = Channel id or exact name; all channels when left out
help-check-arg-notify = Raise a desktop notification for each channel that turned broken or needs attention since the last one (for cron, launchd or Task Scheduler). Checks all channels
help-check-arg-lead-days = With --notify: remind this many days before a token expires (default: the setting, 7 days)
help-debug = Shows the debugger facts of a token read from standard input; saves nothing
help-debug-arg-kind = Judge the token as the token of this kind of channel
help-add = Validates the token on standard input and saves it as a new channel
help-add-arg-kind = facebook_page, messenger, instagram or whatsapp
help-add-arg-page = The Page's id, when the pasted token is a person's (User) token: its Page token is used
help-import = Adds many channels: JSON lines on standard input, one {"{"}"name", "kind", "app", "page", "token"{"}"} per channel (app and page optional, as for add). Each token is validated like add's; bad lines are refused by number, the rest saved; a summary at the end
help-renew = Validates the token on standard input against the channel and replaces its token
help-renew-arg-accept-warnings = Save even when the token works but needs attention (expires soon, webhook missing)
help-renew-arg-subscribe-webhook = Subscribe the Page to the app's webhook again if the renewal leaves it unsubscribed
help-renew-arg-group = With a person's (User) token: renew every channel that broke for the same cause of the same person (e.g. one password change) from this one login
help-login = Logs in with Facebook (device code), then renews a channel or adds a new one
help-login-arg-channel = The channel to renew
help-login-arg-group = Also renew every channel broken for the same cause of the same person
help-login-arg-name = Name of a new channel to add (with --kind and --page)
help-login-arg-no-browser = Only print the address and code; do not open the browser
help-guide = Step-by-step renewal guide for a channel, to follow or send to a customer (no token in it)
help-rollback = Restores the channel's previous token after checking online that it still works for the channel
help-rollback-arg-force = Put it back without checking it (offline, or on purpose)
help-remove = Removes a channel: its tokens are deleted from the secret store, its history stays
help-remove-arg-channel = Channel id or exact name
help-remove-arg-yes = Remove without asking (needed when not run on a terminal)
help-rename = Gives a channel another name
help-rename-arg-channel = Channel id or exact name
help-app = Meta apps the channels belong to
help-app-add = Saves a Meta app. The secret is read from standard input with --secret-stdin
help-app-add-arg-secret-stdin = Read the app secret from standard input (it is stored in the secret store)
help-app-add-arg-client-token = The app's client token (Settings > Advanced); not a secret
help-app-remove = Removes a saved app and its secret; refused while a channel uses it
help-app-remove-arg-yes = Remove without asking (needed when not run on a terminal)
help-app-rename = Gives a saved app another name
help-export = Writes a redacted report (no tokens, no secrets) for support
help-inspect = Shows a report made by `export`, with countdowns recomputed to now
help-backup = Writes every app, channel and token to one passphrase-protected file (asked twice, or TOKENWARDEN_BACKUP_PASSPHRASE)
help-restore = Restores a backup: shows what it will add or change, then applies it when confirmed
help-restore-arg-yes = Apply without asking
help-restore-arg-overwrite-newer = Also replace tokens saved in this profile after the backup was made
help-history = What happened to a channel: added, replaced, rolled back, restored, health changes
help-snooze = No reminders for a channel for some days
help-snooze-arg-off = Turn the channel's reminders back on
help-sim = Runs the Graph API simulator alone (training, tests)
# Only for other languages: English keeps clap's own template, headings and flags.
help-template = {"{"}about-with-newline{"}"}
    Usage: {"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-heading-commands = Commands
help-heading-arguments = Arguments
help-heading-options = Options
help-flag-help = Print help
help-flag-version = Print version

## gui-failures
gui-browser-not-opened = Your browser didn't open. Copy this link:
gui-copy-link = Copy the link
gui-folder-not-opened = The profile folder did not open. Its place is shown under Profile: copy it into your file manager.
gui-vault-forget-warning = If this passphrase is forgotten, the tokens in the vault are lost: nobody can open the vault without it, not even Tokenwarden. Write it down somewhere safe, and once your channels are added, make a backup (Settings > Back up…).
gui-vault-creating = Creating the vault… this takes a few seconds.
gui-vault-opening = Opening the vault… this takes a few seconds.
gui-vault-create-button = Create the vault…
gui-no-file-dialog-save = This computer has no file dialog to show. Type where the file should go (the folder must exist):
gui-no-file-dialog-open = This computer has no file dialog to show. Type where the file is:
gui-file-path = File
gui-file-save-here = Save here
gui-file-open = Open this file
gui-saving = Saving… this can take a few seconds.
gui-backup-writing = Locking the backup… this takes a few seconds.
gui-restore-working = Working on the backup… this takes a few seconds.
## gui-first-run
first-run-title = Getting started
first-run-intro = Three steps, then Tokenwarden keeps an eye on your tokens and warns you before one stops working.
first-run-app-title = 1. Your Meta app
first-run-app-what = Your tokens are made with a Meta app, created at developers.facebook.com by you or your developer. Open it there: its App ID and App secret are under App settings > Basic (the secret shows after "Show"). Then save them here, on the Apps page.
first-run-app-open = Open your apps on Meta
first-run-app-add = Save the app here…
first-run-channel-title = 2. Add a channel
first-run-channel-what = A channel is a Page's Messenger, Instagram or WhatsApp connection and its token. Paste the token: Tokenwarden checks it with Facebook before saving it.
first-run-channel-add = Add the first channel…
first-run-check-title = 3. Check
first-run-check-what = Ask Facebook whether each token works and when it expires.
first-run-check-now = Check the tokens now
first-run-done = Done
first-run-to-do = To do
first-run-all-set = All set: Tokenwarden checks your tokens and warns you before one stops working.
first-run-hide = Hide this list
