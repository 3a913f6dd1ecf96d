### dialogs: English

## The verdict under Validate (words::verdict)

# $ends is "s" when the name ends in s.
verdict-possessive = { $ends ->
    [s] { $name }'
   *[other] { $name }'s
}
# $named is "yes" when the token's Page name is known.
verdict-works = { $named ->
    [yes] Token of { $page } — works
   *[other] The token works
}, { $what }
verdict-works-but = { $named ->
    [yes] Token of { $page } — works
   *[other] The token works
}, but { $what }
verdict-wrong-page = This is { $theirs } token, not { $ours }
verdict-wrong-page-id = This token is for another Page (id { $id }), not for { $ours }
verdict-wrong-app = This token was made with another app ({ $app }), not the channel's app
verdict-invalid-token = Meta no longer accepts this token: it was revoked, replaced or is not a real token
verdict-expired = This token has expired
verdict-password-changed = This token was cut off by Meta: the person changed their password
verdict-session-invalidated = This token was cut off by Meta: the person logged out or changed their password
verdict-app-not-installed = This token was cut off by Meta: the app was removed from the person's account
verdict-checkpointed = This token is blocked: Meta put a security check on the person's account
verdict-unconfirmed-user = This token does not work yet: the person's Facebook account is not confirmed
verdict-page-role-lost = This token does not work: the person no longer has a role on the Page
verdict-data-access-expired = This token's 90-day data access has ended
verdict-missing-permission = This token lacks { $count ->
    [one] the permission
   *[other] the permissions
} { $permissions }
verdict-refused = This token cannot be saved
understand-expires-in = it expires { $when }
understand-expires-soon = it expires soon
understand-data-access-ends-in = its data access ends { $when }
understand-data-access-ends-soon = its data access ends soon
understand-webhook = messages will not arrive until the webhook is subscribed
understand-other = it needs attention ({ $what })

## Add and Renew

dialog-refusals-heading = This token cannot be saved:
dialog-warnings-heading = This token works, but:
dialog-save-anyway = Save anyway: I understand { $what }
dialog-and = and
dialog-open-link = Open { $link }
dialog-login-title = Log in with Facebook
dialog-login-other-account = Log in with another account
dialog-paste-instead = Paste a token instead
dialog-derived = Made from { $name }'s login — { $how }
dialog-derived-exchanged = a lasting Page token (the short login was turned into a lasting one)
dialog-derived-lasting = a lasting Page token
dialog-derived-short = a Page token that ends with the short login
dialog-nothing-saved = Nothing was saved.

add-title = Add a channel
add-name = Name
add-name-hint = e.g. Acme Shoes Messenger
add-kind = Kind
add-app = App
add-no-app = No saved app
add-app-hover = The Meta app the token was made with
add-app-tip = Tip: save your Meta app on the Apps page first; with its secret Tokenwarden can check tokens the way the Access Token Debugger does.
add-login-explain = Log in with Facebook as a person who manages the Pages. Tokenwarden lists them; tick the ones to add and each gets its own Page token, checked before it is saved.
add-login-why-not = Choose the app first: the login goes through it
add-login-manages = the Pages to add
add-finding-pages = Logged in. Finding the Pages this login manages…
add-get-token = Get the token from Meta's portal:
add-token = Token
add-save = Save channel
add-save-why-not = Give it a name and validate the token first

renew-title = Renew the token of "{ $name }"
renew-channel-of = { $kind } channel of { $page }
renew-its-page = its Page
renew-the-app = the app
renew-step-open = 1. Open the { $kind } settings of { $app }.
renew-step-open-relogin = 1. Log in to Facebook again as a person who manages the Page, then open the { $kind } settings of { $app }.
renew-step-generate = 2. Generate a new token for the Page "{ $page }" and copy it.
renew-step-paste = 3. Paste it here:
renew-new-token = New token
renew-step-validate = 4. Check it with Facebook before anything is saved:
renew-text-changed = The text changed since the last check: validate again.
renew-step-save = 5. Save it. The current token is kept, so you can roll back.
renew-save = Save new token
renew-save-why-not = Validate the token first
renew-current-token = Current token
renew-needed-permissions = Needed permissions
renew-permissions-all = all present
renew-permissions-missing = missing { $permissions }
renew-permissions-not-judged = not judged: the token is not this channel's
renew-login-explain = Log in with Facebook as a person who manages { $page }. Tokenwarden makes the Page's own token from that login and checks it before anything is saved.
renew-the-page = the Page
renew-login-making = Logged in. Making the Page token of { $page } and checking it…

## Logging in with a code (the device login)

device-asking = Asking Facebook for a login code…
device-cancel = Cancel login
device-cancelled = The login was cancelled. Nothing was changed.
device-needs-client-token = Logging in with Facebook needs the app's client token. Find it on the app's dashboard at developers.facebook.com (Settings > Advanced > Client token) and save it with the app under Apps.
device-open-apps = Open Apps
device-again = Log in again
device-enter-code = Open Facebook's login page for devices and enter this code:
device-copy-code = Copy code
device-waiting = Waiting for you to approve on Facebook… checking every { $seconds } s
device-who = Log in as a person who manages the Page, and choose Continue.
device-for-customer = Renewing with a customer? Send or read them this:
device-copy-message = Copy message
device-copy-message-hover = Copies the message; it holds the login code, never a token
device-easy-way = The easy way
device-or-by-hand = Or get a token by hand and paste it:

## The Page picker

picker-no-pages = { $person } manages no Page for this app. Log in with an account that manages the Page, or paste the Page's own token.
picker-heading = Pages that { $person } manages
picker-explain = Tick the Pages to add as { $kind } channels. Each gets its own Page token, checked with Facebook before it is saved.
picker-saved-as = Saved as "{ $name }".
picker-already-saved = Already saved as "{ $name }": renew that channel instead.
picker-cannot-message = This login's role on the Page can't answer messages (it needs Messaging, Moderate or full control).
picker-tasks = Tasks: { $tasks }
picker-channel-name = Channel name
picker-save = { $count ->
    [0] Save channels
    [one] Save 1 channel
   *[other] Save { $count } channels
}
picker-tick-one = Tick at least one Page
picker-name-each = Give every ticked Page a channel name
picker-own-names = Give each channel its own name
picker-saving = Saving…
task-manage = full control
task-create-content = post
task-moderate = moderate
task-messaging = messages
task-advertise = ads
task-analyze = insights

## One login for several channels

group-renew-all = Log in once and renew all { $count }
group-webhook-offer = The new token of "{ $name }" is saved, but messages will not arrive yet: its Page is not subscribed to the app's webhook.
group-subscribe = Subscribe the Page to the webhook
group-not-now = Not now
group-subscribing = Subscribing…
group-title = Renew { $count } channels with one login
group-making = Logged in. Renewing the { $count } channels…
group-renewed-count = { $renewed } of { $total } renewed
group-item-renewed = { $name }: renewed
group-item-not-renewed = { $name }: not renewed. { $why }
dialog-cancel = Cancel
dialog-close = Close

## Roll back

rollback-previous-dead = Previous token: does not work any more. { $why }
rollback-previous-unchecked = Previous token: not checked since it was replaced.
rollback-previous-working = Previous token, when last checked ({ $when }): working.
rollback-previous-attention = Previous token, when last checked ({ $when }): needs attention. { $why }
rollback-previous-broken = Previous token, when last checked ({ $when }): does not work. { $why }
rollback-title = Put back the previous token of { $name }?
rollback-asking = Asking Facebook…
rollback-first-checks = Tokenwarden first checks with Facebook that it still works.
rollback-tokens = Now in use: { $current }. Would be put back: { $previous }. The token now in use is kept, so this can be undone.
rollback-nothing-changed = Nothing was changed: the channel keeps its current token.
rollback-confirm = Check and roll back

## Remove and rename

lifecycle-new-name = New name
lifecycle-rename = Rename
lifecycle-remove = Remove
lifecycle-rename-channel = Rename { $name }
lifecycle-remove-channel = Remove { $name }?
lifecycle-token-deleted = Its token is deleted from this computer; its history stays.
lifecycle-tokens-deleted = Its token and the previous one are deleted from this computer; its history stays.
lifecycle-rename-app = Rename the app { $name }
lifecycle-remove-app = Remove the app { $name }?
lifecycle-app-secret-deleted = Its secret is deleted from this computer.
lifecycle-app-nothing-else = Nothing else is deleted: no secret of it is saved.
lifecycle-app-in-use = It cannot be removed while channels use it: { $names }. Remove those channels first.

## The secret store

unlock-title-keychain = Where should your tokens be kept?
unlock-title-unlock = Unlock your tokens
unlock-title-create = Create an encrypted vault
unlock-not-now = Not now, just show the saved channels
unlock-keychain-unavailable = Your system keychain is not available. Tokenwarden never stores tokens in clear text. Use an encrypted vault file instead:
unlock-details = Details
unlock-vault-exists = Your tokens are in an encrypted vault. Enter its passphrase to open it.
unlock-vault-new = Choose a passphrase that protects your tokens on this computer.
unlock-create = Create the vault
unlock-unlock = Unlock
unlock-try-keychain = Try the keychain again
dialog-passphrase = Passphrase
dialog-passphrase-again = Passphrase again

## Backup and restore

backup-title = Back up your channels
backup-explain = One file with every channel, app and token, locked with a passphrase you choose. Use it to move to a new computer or to hand over to a colleague. Without the passphrase nobody can open it — not even you.
backup-choose-where = Choose where to save…
backup-saved = Backup saved to { $path }: { $channels ->
    [one] { $channels } channel
   *[other] { $channels } channels
} and { $apps ->
    [one] { $apps } app
   *[other] { $apps } apps
}. Keep the passphrase safe: the backup cannot be opened without it.
backup-left-out-names = Left out because their token is missing on this computer: { $names }.
restore-title = Restore from a backup
restore-file = File:
restore-ask = Type the passphrase that was chosen when the backup was made. Nothing changes yet.
restore-passphrase = Backup passphrase
restore-open = Open the backup
restore-made-by = Made by { $by } on { $when }.
restore-replace-line = { $name }: token { $from } becomes { $to }
restore-will-add = Will be added ({ $count })
restore-will-replace = Will be replaced (the token on this computer is kept: "Roll back" puts it back) ({ $count })
restore-will-keep = Kept, because this computer's token is newer ({ $count })
restore-same = Already the same ({ $count })
restore-will-not = Will not be restored ({ $count })
restore-apps-to-add = Apps to add ({ $count })
restore-overwrite-newer = Also replace newer tokens
restore-apply = Restore
restore-result = Restored: { $added ->
    [one] { $added } channel
   *[other] { $added } channels
} added, { $replaced } replaced.
restore-result-kept = { $kept } kept because this computer's token is newer.
