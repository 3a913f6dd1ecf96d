### service: English

## Requests that make no sense as given (exit 2); nothing was changed

usage-bad-app-id = The app id must be the number shown on the app's dashboard, not { $id }.
usage-app-name-missing = Give the app a name.
usage-channel-name-missing = Give the channel a name, e.g. "Acme Shoes Messenger".
usage-name-not-plain = Give the { $what ->
        [app] app
       *[channel] channel
    } a name of plain text, e.g. "Acme Shoes Messenger".
usage-channel-exists = A channel called { $name } exists already. Pick another name, or renew that channel instead.
usage-line-name-taken = A channel called { $name } exists already (saved, or on an earlier line). Pick another name.
usage-name-taken = Another { $what ->
        [app] app
       *[channel] channel
    } is called { $name } already (id { $id }). Pick another name.
usage-no-earlier-token = { $name } has no earlier token to go back to: it was never renewed here.
usage-no-webhook = { $name } is a { $kind } channel; it does not use a webhook.
usage-page-unknown = The channel's Page is not known yet; check it first.
usage-no-client-token = Logging in needs the app's client token (Meta's app dashboard: Settings > Advanced > Security > Client token). Save it with: tokenwarden app add --id { $app } --name NAME --client-token TOKEN
usage-report-not-written = Could not write the report to { $path }: { $detail }
usage-report-not-opened = Could not open { $path }: { $detail }
usage-report-damaged = { $path } is not a Tokenwarden report, or it is damaged ({ $detail }).
usage-not-a-report = { $path } is not a Tokenwarden report.
usage-newer-report = { $path } was made by a newer Tokenwarden ({ $version }); update to open it.
input-paste-app-secret = Paste the app secret and press Enter (it will not be shown):{" "}
input-app-secret-bad = The app secret is empty or has spaces inside. Copy it from the app's Settings > Basic page.

## Someone else changed the same thing a moment ago (exit 3); nothing was changed

conflict-name-added = A channel called { $name } was just added by someone else, so nothing was saved. Pick another name and try again.
conflict-line-name-added = A channel called { $name } was just added by someone else, so this line was not saved.
conflict-token-changed = This channel's token was changed by someone else a moment ago. Nothing was saved; look at the channel again and retry if it still needs a new token.
conflict-removed = This channel was removed by someone else a moment ago. Nothing was saved; add it again if it is still needed.
conflict-tokens-changed = The tokens of { $name } were changed by someone else a moment ago (a renewal, a restore or another rollback). Nothing was changed; look at the channel again and retry if it still needs its earlier token.

## Still in use (exit 1); nothing was removed

error-app-in-use = The app { $app } is used by { $count ->
        [one] 1 channel: { $names }. Remove it first; nothing was removed.
       *[other] { $count } channels: { $names }. Remove them first; nothing was removed.
    }

## The window's background work

failure-locked = Unlock the secret store first: this needs your tokens.
failure-task = A background task failed: { $detail }
failure-demo = The demo could not start: { $detail }

## Clap's parse errors (English is clap's own text; these ids are phrased only in other languages)

clap-error = error: { $sentence }
clap-unknown-argument = unexpected argument '{ $arg }' found
clap-missing-argument = the following required arguments were not provided: { $args }
clap-value-missing = a value is required for '{ $arg }' but none was supplied
clap-invalid-value = invalid value '{ $value }' for '{ $arg }'
clap-possible-values = {" "}[possible values: { $values }]
clap-unknown-subcommand = unrecognized subcommand '{ $command }'
clap-missing-subcommand = '{ $command }' requires a subcommand but one was not provided
clap-did-you-mean = tip: similar: { $similar }
clap-usage = Usage: { $usage }
clap-more-information = For more information, try '--help'.

## Why a backup's channel was not restored

restore-why-bad-id = Not restored: the backup gives this channel { $what ->
        [app] an app id
        [instagram] an Instagram account id
       *[page] a Page id
    } that is not a Facebook id (those are digits only). The backup may have been edited or damaged; the channel was left as it is.
restore-why-failed-check = Not restored: this channel's current token may still work, and the backup's token did not pass the check a renewal needs: { $reasons } The channel keeps its current token.
restore-why-personal-token = Not restored: this channel's current token may still work, and the backup's token did not pass the check a renewal needs: it is a personal (User) token, not the channel's own token. The channel keeps its current token.
restore-why-unchecked = Skipped: this channel's current token may still work, and the backup's token could not be checked with Facebook ({ $detail }). Run the restore again when online, or add --overwrite-newer to restore it without checking.
restore-why-started-working = Skipped: this channel started working while the restore ran, so the backup's token was not checked against it. Run the restore again.

## Why a profile folder is not used, and what a setting takes

unsafe-link = it is a symbolic link, which could point Tokenwarden at a file that is not yours
unsafe-link-fix = Replace the link with the real file (for example: mv the file it points to over { $path }), then try again.
unsafe-other-owner = the folder belongs to another user (user id { $owner }, you are { $me })
unsafe-other-owner-fix = Use a folder of your own with --profile DIR, or have its owner hand it over to you (chown).
unsafe-open = other users may change files in it (permissions { $mode }), so they could replace your catalog or vault
unsafe-open-fix = Make it yours alone with: chmod 700 { $path }
expected-secret-store = Use "keyring" (the system keychain, the default) or "vault" (an encrypted file in the profile folder, protected by a passphrase).
expected-work-factor = It must be a whole number from { $min } to { $max } (for tests and slow machines); leave it unset for the safe default of { $default }.

## Refusals a use case makes (shown as a refused add, renewal or rollback's reasons)

refusal-twin = This { $target ->
        [whatsapp] WhatsApp Business Account
        [instagram] Instagram account's Page
       *[page] Page
    } ({ $page }) is already saved as the { $kind } channel { $name }. Renew that channel instead of adding it twice (tokenwarden renew { $name }).
twin-page-named = { $name }, id { $id }
twin-page-same = the same one
refusal-confirm-warnings = The token works but needs attention; confirm to save it anyway (--accept-warnings).
refusal-not-page-token = This is a { $type } token, not a Page token. A { $kind } channel needs the Page's own token: generate it for the Page in the app's { $kind } settings.
token-type-different = different
refusal-same-token = This is the token the channel already has. Get a new token from Facebook and paste that one.
refusal-rollback-user-token = The earlier token is a personal (User) token, not this channel's Page token.
refusal-rollback-not-put-back = The earlier token of { $name } was not put back, and the channel keeps its current token, because the earlier token no longer passes a renewal's checks.
refusal-rollback-force = To put it back anyway (for example without internet), run: tokenwarden rollback { $name } --force
refusal-short-login = This Page token comes from a short login and stops working when that login ends (usually within two hours). Save the app's secret in Tokenwarden (Apps, or `tokenwarden app add --secret-stdin`) so it can turn the login into a lasting one, then renew again.
refusal-app-secret = Facebook did not accept this app secret for app { $app } ({ $detail }). Copy it again from the app's Settings > Basic page.
refusal-which-page-none = This is the personal (User) token of { $who }, who manages no Page for this app. Paste the Page's own token, or log in with an account that manages the Page.
refusal-which-page = This is the personal (User) token of { $who }. Say which Page the channel is for: { $pages }.
which-page-entry = { $name } (--page { $id })
which-page-entry-saved = { $name } (--page { $id }, already saved as { $saved })

## Why a check was not made (Tokenwarden's own decision)

failure-slowed-down = not checked because Facebook asked to slow down
failure-near-rate-limit = not checked: Facebook reported { $percent } % of its rate limit used, so Tokenwarden stopped before reaching it
failure-not-scheduled = Tokenwarden could not schedule this check; try again
refusal-rollback-gone = The earlier token of { $name } is missing from the secret store (it was removed outside Tokenwarden), so there is nothing to go back to. Nothing was changed: the channel keeps its current token.
refusal-webhook = Facebook did not accept the subscription ({ $detail }). The token may lack pages_manage_metadata, or the app has no webhook set up: open the app's { $kind } settings.
refusal-login-not-manager = You logged in as { $who }; this channel belongs to { $page }, which { $who } does not manage. Log in with an account that manages it, or ask a Page admin to give { $who } a role on it.
login-page-named = Page { $name }
login-page-id = the Page with id { $id }
refusal-login-cannot-message = { $who } has a role on { $page } but not one that can answer messages (it needs Messaging, Moderate or full control). Ask a Page admin to give { $who } that access, then log in again.
refusal-login-cancelled = The login was cancelled. Nothing was changed.
refusal-login-declined = The login was declined on Facebook, so there is no new token. Nothing was changed; start the login again and choose Continue.
refusal-login-code-expired = The login code expired before it was used. Nothing was changed; start the login again and enter the new code within a few minutes.
refusal-twin-in-run = An earlier line already adds this Page (id { $id }) as a { $kind } channel. One channel of each kind per Page.
refusal-probe-words = {" "}(Facebook would not show the token's details, and the token itself could not tell)
paren-id = {" "}(id { $id })
refusal-unconfirmed-valid = Facebook did not confirm this token. Its answer did not say that the token works{ $probe }. Try again in a few minutes; if this keeps happening, get a new token.
refusal-unconfirmed-app = Facebook did not confirm this token. Its answer did not say which app the token was made for{ $probe }, so it cannot be matched with the channel's app{ $want }. Try again in a few minutes, or save the app's secret in Tokenwarden so the token can be checked fully.
refusal-unconfirmed-target = Facebook did not confirm this token. Its answer did not say which { $target ->
        [whatsapp] WhatsApp Business Account
        [instagram] Page linked to the Instagram account
       *[page] Page
    } the token is for{ $probe }, so it cannot be matched with the channel's { $target ->
        [whatsapp] WhatsApp Business Account
        [instagram] Page linked to the Instagram account
       *[page] Page
    }{ $want }. Get the token of the right { $target ->
        [whatsapp] WhatsApp Business Account
        [instagram] Page linked to the Instagram account
       *[page] Page
    } and try again.
refusal-other-account = This token is for another { $target ->
        [whatsapp] WhatsApp Business Account
        [instagram] Page linked to the Instagram account
       *[page] Page
    } (id { $got }) than this channel's (id { $id }). Get the token of the right { $target ->
        [whatsapp] WhatsApp Business Account
        [instagram] Page linked to the Instagram account
       *[page] Page
    }.
page-saved-as = Already saved as { $name }: renew that channel instead.
page-cannot-message = This login's role on the Page can't answer messages (it needs Messaging, Moderate or full control).

## The secret store

secret-store-keyring = System keychain
secret-store-vault = Encrypted vault
secret-store-workspace = Team workspace
secret-store-memory = Memory (demo)

# A request Tokenwarden refused to send.
graph-unsafe-id = the id { $id } is not a Facebook id (those are only digits), so nothing was sent with it. Check the channel's Page id, or add the channel again
graph-unsafe-address = the address { $address } is not one Tokenwarden calls (an id in it is not a Facebook id), so nothing was sent. Check the channel's Page id, or add the channel again
graph-unsafe-secret = Tokenwarden would have put a secret ({ $name }) in a web address, so the request was not sent. This is a bug; please report it
graph-unsafe-no-safe-debug = Facebook accepted neither safe way to check a token (both keep it out of web addresses), and Tokenwarden never puts a token in a web address, where proxies and server logs keep it. If this lasts, tell Tokenwarden's developers
graph-unsafe-base-url = the Graph address cannot carry a path
graph-unsafe-no-target = no Page to ask about
