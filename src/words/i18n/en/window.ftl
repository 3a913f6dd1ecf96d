### window: English

## The top bar and the banners

top-demo = demo: nothing is kept
top-demo-hover = Tokens live in memory only and are gone when the window closes
page-channels = Channels
page-apps = Apps
page-settings = Settings
top-add-channel = Add channel…
top-checking = Checking { $done } of { $total }…
top-cancel = Cancel
top-check-all = Check all
top-check-all-hover = Ask Facebook about every channel's token now
banner-opening = Opening your channels…
banner-clock-title = Countdowns may be wrong
banner-offline-network = Could not reach Facebook — showing the last known facts.
banner-advice-network = Check the internet connection, then check again.
banner-offline-rate-limited = Facebook asked us to slow down — showing the last known facts.
banner-advice-rate-limited = Wait a few minutes, then check again.
banner-offline-service = Facebook's servers had a problem — showing the last known facts.
banner-advice-service = This is not your tokens' fault; try again in a few minutes.
banner-not-checked = { $count ->
    [one] { $count } channel
   *[other] { $count } channels
} could not be checked. { $advice }
banner-team-offline = Offline: the team workspace's server cannot be reached.
banner-team-offline-text = You see the channels as they were at { $when }. Nothing can be checked or changed until the server is back; Tokenwarden connects again by itself.
banner-team-try-again = Try again
banner-team-viewer = You are a viewer on this team workspace: you see every channel's health and history. Checking, renewing and adding channels are for its renewers.
top-blocked-offline = Not while the team workspace's server cannot be reached.
top-blocked-viewer = Viewers see health and history; a renewer of the team workspace checks and adds channels.
banner-locked = The secret store is locked: you see the saved facts, but cannot check or renew.
banner-dismiss = Dismiss

## The list

list-summary-hover = How many channels are in each state
list-no-match = No channel matches these filters.
list-show-all = Show all channels
list-search = Search
list-search-hint = Channel name
list-kind = Kind
list-all-kinds = All kinds
list-all = All ({ $count })
list-filter-broken = Show only channels that are broken
list-filter-attention = Show only channels that need attention
list-filter-unknown = Show only channels that are not checked
list-filter-healthy = Show only channels that are healthy
list-empty-title = No channels yet
list-empty-text = Add the Facebook Page, Messenger, Instagram or WhatsApp channels whose tokens you look after. Tokenwarden then tells you before one stops working.
list-empty-add = Add a channel…
list-working = Working. Nothing to do.
list-check-failed = check failed { $when }
list-checked = checked { $when }
list-never-checked = never checked
mark-present = Present
mark-missing = Missing
mark-unknown = Unknown

## A token's facts in the details

fact-app = App
fact-page = Page
fact-user = User
fact-permissions = Permissions
fact-yes = Yes
fact-no = No
fact-none = none
webhook-not-needed = not needed for this kind of channel
webhook-app-not-subscribed = the app is not subscribed to the Page
webhook-no-fields = subscribed, no fields

## A channel's details

details-last-check-failed = The last check failed ({ $when }): these are the last known facts.
details-works = This channel's token works. Nothing to do.
details-subscribe-webhook = Subscribe the Page to the webhook
details-renew = Renew token…
details-checking = Checking…
details-copy-token = Copy token
details-copy-token-hover = For support: copies the token; the clipboard is cleared after 30 s
details-guide = Guide
details-guide-hover = The renewal step by step for this channel, to follow or to send
details-copied = Copied — clears in { $seconds } s
details-rename = Rename…
details-rename-hover = Give this channel another name; its token stays
details-remove = Remove…
details-remove-hover = Delete this channel and its tokens from this computer
details-token-facts = Token facts
details-not-checked-yet = Not checked yet: the facts appear after the first check.
details-checked-with = Checked with: { $method }
details-checked-at = Checked: { $when }
details-self-check = Without the app's secret some facts cannot be learnt; they show as unknown.
details-granular = Granular permissions (permission: the Pages or accounts it covers)
details-ready = Ready for messages
details-permissions-needed = Permissions this kind of channel needs:
details-webhook-fields = Webhook fields that must be subscribed:
details-webhook = Webhook: { $state }
details-token-history = Token history
details-current-token = Current token: { $fingerprint } (saved { $saved })
details-previous-token = Previous token: { $fingerprint } (saved { $saved })
details-rollback = Roll back
details-rollback-hover = Put the previous token back in use (Facebook is asked first)
details-rollback-dead = Off: Facebook said the previous token no longer works, so putting it back would break the channel. Renew the token instead.
details-no-previous = No earlier token: it was never renewed here.
details-fingerprints = Fingerprints let two people compare tokens without showing them.
details-open-in-browser = Open in the browser
details-history = History
details-history-reading = Reading the history…
details-history-nothing = Nothing recorded yet.
details-history-unreadable = The history could not be read: { $detail }
technical-title = Details
technical-intro = For support: the codes behind the words above.
technical-channel-id = Channel id: { $id }
technical-reason = Reason: { $reason } (remedy: { $remedy })
technical-token-error = Token error
technical-check-error = Check error
technical-check-failed = Last check failed ({ $kind }) at { $when }: { $detail }
technical-code = code { $code }
technical-code-subcode = code { $code }, subcode { $subcode }

## A support report opened read-only

report-banner = Report from { $by }, made { $made } — read-only; countdowns recomputed to today
report-title = Support report
report-close = Close report
report-read-only = This is what the report's computer knew. It holds no tokens, so nothing can be checked or renewed from here.
report-token = Token

## Reminders

snooze-until = Reminders snoozed until { $until }
snooze-off = Snooze off
snooze-off-hover = Remind me about this channel again from now on
snooze-label = Reminders:
snooze-days = { $count ->
    [one] Snooze { $count } day
   *[other] Snooze { $count } days
}
snooze-hover = No desktop reminder about this channel for a while
reminders-title = Reminders
reminders-intro = While Tokenwarden is open it checks every channel on a schedule and shows a desktop notification when one breaks or needs attention.
reminders-interval = Check every (hours)
reminders-lead = Remind before expiry (days)
reminders-save = Save reminder settings
reminders-snooze-note = A channel's details can snooze its reminders for a day or a week.

## Settings

settings-report = Support report
settings-report-text = A report of every channel's facts, reasons and fingerprints for whoever helps you. It never contains a token or a secret.
settings-export-report = Export report…
settings-open-report = Open report…
settings-open-report-hover = Look at a report someone sent you, read-only
settings-backup = Backup and restore
settings-backup-text = Move your channels, apps and tokens to another computer, or hand them over, in one file locked with a passphrase.
settings-back-up = Back up…
settings-restore = Restore from a backup…
settings-profile = Profile
settings-not-opened = not opened
settings-profile-text = Your channels and their last known facts are saved in this folder:
settings-profile-no-token = It holds no token in clear text: tokens are kept in the secret store below.
settings-open-folder = Open the profile folder
settings-store = Secret store
settings-store-unlocked = { $store } — unlocked
settings-store-keyring = System keychain
settings-store-vault = Encrypted vault
settings-store-workspace = Team workspace
settings-store-memory = Memory (demo)
settings-store-keyring-text = Tokens are kept by your system's keychain (Keychain, Credential Manager or Secret Service).
settings-store-vault-text = Tokens are kept in vault.age in the profile folder, encrypted with your passphrase.
settings-store-workspace-text = Tokens are sealed to the renewers of your team workspace; only their own keys open them.
settings-store-memory-text = Tokens are kept in memory only and are gone when the window closes (demo).
settings-store-locked = Locked: channels can be looked at but not checked or renewed.
settings-store-opening = Opening…
settings-language = Language
settings-language-system = System language
settings-appearance = Appearance
settings-theme-system = Follow the system
settings-theme-light = Light
settings-theme-dark = Dark
settings-about = About
settings-about-text = Tokenwarden { $version } — keeps the access tokens of your channels alive.

## The Apps page

apps-secret-hint = optional, kept in the secret store
apps-intro = The Meta apps your channels' tokens were made with. With an app's secret, Tokenwarden checks tokens the way Meta's Access Token Debugger does.
apps-none = No app saved yet.
apps-id = App id { $id }
apps-secret-saved = App secret saved in the secret store
apps-no-secret = No app secret saved: some facts can only be checked by the token itself
apps-client-token-is = Client token { $token }
apps-remove = Remove…
apps-remove-hover = Delete this app and its secret from this computer
apps-rename = Rename…
apps-dashboard = Open the app's dashboard
apps-add = Add an app
apps-add-where = You find these on the app's dashboard at developers.facebook.com, under Settings > Basic (secret) and Settings > Advanced (client token).
apps-field-id = App id
apps-field-id-hint = e.g. 1000000000001
apps-field-name = Name
apps-field-name-hint = e.g. Acme Support
apps-field-secret = App secret
apps-field-client-token = Client token
apps-field-client-token-hint = optional, for logging in with a code
apps-save = Save app
apps-checking = Checking the app with Facebook…

## The renewal guide

guide-title = How to renew "{ $name }"
guide-close = Close
guide-intro = Step by step, for this channel's kind, app and account. Copy the steps to send them to the person who manages it; they hold no token.
guide-copy = Copy the steps
guide-copy-hover = Copies the steps as text; no token is in them
guide-first-fix = First fix
guide-first-fix-why = First fix: { $why }.
guide-open-link = Open { $link }

## Every dialog

dialog-close-label = Close this dialog

## Secret fields and the token box

secret-show = Show
secret-hide = Hide
secret-show-hover = Show or hide the text
secret-passphrases-differ = The two passphrases are not the same.
secret-passphrase-short = Use at least { $count } characters.
token-paste-hint = Paste the token here (it usually starts with EAA)
token-validate = Validate
token-paste-first = Paste a token first
token-checking = Checking with Facebook…
token-cannot-save = This token cannot be saved:
token-not-saved = Not saved:

## Notices

notice-worker-stopped = Tokenwarden's background work stopped. Close and reopen the window; your saved channels are not affected.
notice-check-cancelled = The check was cancelled. Channels not reached keep their last known facts.
notice-renewed = The new token of "{ $name }" is saved and being checked. The old one is kept: "Roll back" in the channel's details puts it back.
notice-saved = "{ $name }" is saved.
notice-pages-saved = { $count ->
    [one] { $names } is saved.
   *[other] { $count } channels are saved: { $names }.
}
notice-app-saved = The app "{ $name }" is saved.
notice-report-saved = Report saved to { $path }. It has no tokens or secrets in it.
notice-webhook-still-off = Facebook accepted the subscription of "{ $name }", but the Page still lacks the messages field. Open the app's webhook settings and check that the Page is selected there.
notice-webhook-on = The Page of "{ $name }" is subscribed to the webhook: messages arrive again.
notice-reminders-saved = Reminder settings saved.
notice-rolled-back = The previous token of "{ $name }" is back in use. Facebook confirmed it still works; the replaced token is kept, so you can roll back again.
notice-group-app-unknown = The app these channels use is not known, so Tokenwarden cannot log in for them. Renew them one by one.
notice-copied = Copied.
lock-unlock = Unlock…

## Files, the clipboard, the browser, a second window

file-save-report = Save the support report
file-open-report = Open a support report
file-save-backup = Save the backup
file-open-backup = Open a backup
file-filter-report = Tokenwarden report
file-filter-backup = Tokenwarden backup
instance-already-open = Tokenwarden is already open for this profile. Switch to its window.
clipboard-unavailable = The clipboard is not available here.
clipboard-unavailable-why = The clipboard is not available here ({ $detail }).
clipboard-not-copied = Could not copy to the clipboard ({ $detail }).
browser-refused-token = Refused to open an address that contains a token.

## The background worker

done-channel-removed = "{ $name }" is removed and its tokens are deleted from this computer. Its history stays.
done-channel-renamed = The channel is now called "{ $name }".
done-app-removed = The app "{ $name }" is removed.
done-app-renamed = The app is now called "{ $name }".
worker-could-not-start = Tokenwarden could not start its background work: { $detail }
worker-wrong-passphrase = That passphrase does not open the vault. Check it (capital letters count) and try again.
worker-demo-failed = The demo could not start: { $detail }
window-could-not-open = the window could not be opened ({ $detail }). The command line still works: see `tokenwarden --help`.
instance-ok = OK
# The status filters above the list (a short form of the health's name where a language needs it).
list-chip-broken = Broken
list-chip-attention = Needs attention
list-chip-unknown = Not checked
list-chip-healthy = Healthy

# What a pasted text was taken as (the token box, live).
paste-source-plain = Looks like an access token.
paste-source-bearer = Looks like an authorization header — token found.
paste-source-redirect = Looks like a login redirect URL — token found.
paste-source-json = Looks like a token response — token found.
