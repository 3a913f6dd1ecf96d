### workspace: English

ws-bad-url = The workspace address is not understood ({ $detail }). Write it as postgres://user@host:5432/database.
ws-bad-sslmode = The address asks for sslmode={ $value }, which is not known. Use disable, prefer (the default), require, verify-ca or verify-full. Nothing was sent.
ws-root-cert = The root certificate { $path } (sslrootcert) cannot be used ({ $detail }). Nothing was sent.
ws-tls = The workspace server's TLS was not accepted ({ $detail }). Nothing was sent and nothing was changed. With verify-ca or verify-full, name the certificate of the server's authority with sslrootcert=FILE, or add it to the system's trusted roots.
ws-offline = The workspace server cannot be reached ({ $detail }). Nothing was changed; try again when it is back.
ws-db = The workspace database refused the request: { $detail }. Nothing was changed.
ws-newer-schema = The workspace database was set up by a newer Tokenwarden (version { $found }; this one reads up to { $supported }). Install the newer Tokenwarden; nothing was changed.
ws-not-initialised = There is no workspace in this database yet. Start one with: tokenwarden workspace init
ws-already-initialised = This database holds a workspace already. Join it with: tokenwarden workspace join
ws-already-joined = This profile is on a workspace already (tokenwarden workspace status). Use another profile folder (--profile) for another workspace.
ws-profile-not-empty = This profile has channels or apps of its own, which a workspace would hide. Start or join the workspace with a new profile folder (--profile DIR).
ws-locked = The workspace's address is kept in this profile's secret store, which could not be read ({ $detail }). Set TOKENWARDEN_VAULT_PASSPHRASE or TOKENWARDEN_WORKSPACE_URL, or run a command that asks for the passphrase.
ws-not-member = { $name } is not a member of the workspace yet. Give your public key (tokenwarden workspace status) to a renewer, who adds you with: tokenwarden workspace invite
ws-viewer = { $name } is a viewer on this workspace: viewers see health and history, and only renewers read tokens or change anything. Nothing was changed.
ws-not-sealed = This token is not sealed to { $name }'s key, so it cannot be opened here. Ask a renewer to invite you again or to renew the channel.
ws-conflict = { $what } was changed by { $by } at { $at }, after you read it. Nothing was saved here; look at it again and retry if it still needs the change.
ws-conflict-unknown = { $what } was changed by someone else a moment ago. Nothing was saved here; look at it again and retry if it still needs the change.
ws-member-exists = { $name } (or that key) is a member already; `tokenwarden workspace members` lists them.
ws-no-such-member = No member is called { $name }; `tokenwarden workspace members` lists them.
ws-last-renewer = The last renewer cannot be removed: invite another renewer first.
ws-bad-key = That is not an age public key ({ $detail }). It starts with age1 and is printed by `tokenwarden workspace join`.
ws-unreadable = { $count ->
    [one] One token is
   *[other] { $count } tokens are
} not sealed to your key, so they cannot be sealed to the new members. Nothing was changed; ask the renewer who saved them to do this.
ws-membership = The workspace file { $path } is damaged ({ $detail }). Nothing was changed.
ws-identity = Your workspace key is missing from this profile's secret store or damaged ({ $detail }). Without it the tokens cannot be opened; join again with a new profile and ask a renewer to invite the new key.
ws-offline-copy = Offline: the workspace server cannot be reached. This is the copy as of { $at }; changes are refused until the server is back.
ws-locked-copy = The server was not asked: the workspace's address is kept in this profile's vault, and its passphrase was not given. This is the copy as of { $at }. Set TOKENWARDEN_VAULT_PASSPHRASE (or TOKENWARDEN_WORKSPACE_URL) to see the server's.
ws-check-changed-meanwhile = { $count ->
    [one] One channel was
   *[other] { $count } channels were
} changed by someone else while they were checked (renewed, most likely): their results were about the old token and were not saved. Check them again to see their new token's health.
ws-url-prompt = Workspace address (postgres://…):
ws-url-missing = Give the workspace address: as an argument, with --url-stdin, or in TOKENWARDEN_WORKSPACE_URL (better when it holds a password).
ws-url-password-in-argv = This address holds a password, and other users of this computer can read a command line: nothing was done. Give the address with --url-stdin, or in TOKENWARDEN_WORKSPACE_URL, and change that password if this computer is shared.
ws-started = Workspace started. You, { $name }, are its first renewer. Others join with `tokenwarden workspace join` and send you the key it prints; you add them with `tokenwarden workspace invite`.
ws-joined = Joined as { $name }. Your public key is:
    { $key }
    Give it to a renewer of the workspace, who adds you with:
    tokenwarden workspace invite { $name } --key { $key } --role renewer (or viewer)
ws-not-on-workspace = This profile is not on a workspace. Start one with `tokenwarden workspace init` or join one with `tokenwarden workspace join`.
ws-role-renewer = renewer
ws-role-viewer = viewer
ws-team-title = Team workspace
ws-team-server = Server: { $server }
ws-team-you = You are { $name }, { $role }.
ws-team-you-not-invited = You are { $name }, not a member yet: a renewer invites you with your public key (tokenwarden workspace status).
ws-team-members = Members
ws-team-member = { $name }: { $role }
ws-team-offline = The server cannot be reached: the members are not known right now.
ws-team-history = A channel's history names the member who made each change.
ws-member-line = { $name } ({ $role }), added by { $by } on { $at }; key { $key }
ws-member-line-you = { $name } ({ $role }, you), added by { $by } on { $at }; key { $key }
ws-unknown-role = "{ $role }" is not a role: use renewer (reads and renews tokens) or viewer (health and history only).
ws-name-missing = Give the member a name.
ws-invited = { $name } is now a { $role } of the workspace. { $count ->
    [one] One secret was
   *[other] { $count } secrets were
} sealed again to the renewers.
ws-remove-question = Remove { $name } from the workspace? Every token is sealed again to the other renewers, and { $name } can no longer open any of them.
ws-removed = { $name } is no longer a member. { $count ->
    [one] One secret was
   *[other] { $count } secrets were
} sealed again to the remaining renewers.
ws-removed-renew = { $count ->
    [one] They could read the token of one channel; renew it so that what they saw stops working:
   *[other] They could read the tokens of { $count } channels; renew them so that what they saw stops working:
}
ws-status-offline = unknown (the server cannot be reached)
ws-status-not-invited = not a member yet (waiting for a renewer's invitation)
ws-status = Workspace { $id }
    Member: { $name }, { $role }
    Public key: { $key }

## --help of the workspace commands (the English is the doc comments' text)
help-workspace = A team workspace on PostgreSQL: the catalog shared, tokens sealed to its renewers
help-workspace-init = Starts a workspace in an empty PostgreSQL database; you become its first renewer. An address with a password is refused as an argument (other users of the computer can read a command line): set TOKENWARDEN_WORKSPACE_URL or use --url-stdin
help-workspace-init-arg-url = postgres://user@host/database[?sslmode=…]: prefer (default: TLS when the server offers it), require (TLS, certificate not checked unless sslrootcert=FILE is given), verify-ca (certificate from a trusted authority: sslrootcert=FILE or the system's roots), verify-full (also the host name), disable
help-workspace-init-arg-url-stdin = Read the address from standard input
help-workspace-init-arg-name = Your name on the workspace (default: your login name)
help-workspace-join = Connects this (empty) profile to a workspace and prints your public key, for a renewer to invite. The address is read as for init
help-workspace-members = The members, their roles and who added them
help-workspace-invite = Adds a member by the public key they got from `workspace join` (renewers only). A new renewer can read every token at once: they are sealed to them in the same change
help-workspace-invite-arg-key = Their age public key (age1…)
help-workspace-invite-arg-role = renewer (reads and renews tokens) or viewer (health and history only)
help-workspace-remove = Removes a member (renewers only): every token is sealed again to the remaining renewers, and the channels whose tokens they could read are listed, to renew
help-workspace-remove-arg-yes = Remove without asking (needed when not run on a terminal)
help-workspace-status = Which workspace this profile is on, as whom, and whether the server answers
help-workspace-join-arg-url = postgres://user@host/database[?sslmode=…]: as for init
help-workspace-join-arg-url-stdin = Read the address from standard input
help-workspace-join-arg-name = Your name on the workspace (default: your login name)
help-workspace-import = Copies a local profile's apps and channels into this workspace (renewers only); every token is sealed to the workspace's renewers. The local profile is left as it is
help-workspace-import-arg-from = The local profile folder to copy from

## workspace import
ws-import-not-local = Run this on a workspace profile, with --from naming a local profile folder (not one on a workspace).
ws-imported = Copied into the workspace: { $channels ->
    [one] one channel
   *[other] { $channels } channels
} and { $apps ->
    [one] one app
   *[other] { $apps } apps
}, tokens sealed to its renewers. The local profile is unchanged.
ws-import-skipped = Left out: the workspace already has a channel like { $name } (same id or name).

## workspace export
help-workspace-export = Copies this workspace's apps, channels and history into a new local profile (renewers only): every token, previous token and app secret is opened with your key and saved in the new profile's own secret store. The workspace is left as it is
help-workspace-export-arg-to = The new profile folder: it must not exist yet, or be empty
ws-export-not-workspace = Run this on a workspace profile: it copies the workspace out to a new local profile.
ws-export-not-empty = { $path } is not empty, and an export never writes over anything. Nothing was written; name a new (or empty) folder with --to.
ws-exported = Exported to { $path }: { $channels ->
    [one] one channel
   *[other] { $channels } channels
} and { $apps ->
    [one] one app
   *[other] { $apps } apps
}, with their tokens, { $previous ->
    [0] no previous token
    [one] one previous token (for rollback)
   *[other] { $previous } previous tokens (for rollback)
} and { $lines ->
    [one] one history line
   *[other] { $lines } history lines
}. The tokens are kept in the new profile's own secret store ({ $store }); the workspace is unchanged.
ws-exported-open = Open it with: tokenwarden --profile { $path } list
