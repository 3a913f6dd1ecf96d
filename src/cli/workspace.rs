//! `workspace init|join|members|invite|remove|import|export|status`: starting and running a team workspace
//! on PostgreSQL. The connection string may hold a password: it is read from
//! TOKENWARDEN_WORKSPACE_URL or standard input as well as the command line, and kept in the
//! profile's secret store, never in a file.

mod export;

use std::path::PathBuf;

use clap::Subcommand;
use serde::Serialize;

use super::{fail, input, json};
use crate::model::Secret;
use crate::service::ServiceError;
use crate::store::workspace::{self, Member, Role, WORKSPACE_URL_ENV, Workspace};
use crate::store::{Profile, StoreError, os_user, shell_quote};
use crate::words::{t, t_args};

#[derive(Subcommand, Debug)]
pub enum WorkspaceCommand {
    /// Starts a workspace in an empty PostgreSQL database; you become its first renewer. An
    /// address with a password is refused as an argument (other users of the computer can read
    /// a command line): set TOKENWARDEN_WORKSPACE_URL or use --url-stdin.
    Init {
        /// postgres://user@host/database[?sslmode=…]: prefer (default: TLS when the server offers
        /// it), require (TLS, certificate not checked unless sslrootcert=FILE is given), verify-ca
        /// (certificate from a trusted authority: sslrootcert=FILE or the system's roots),
        /// verify-full (also the host name), disable.
        url: Option<String>,
        /// Read the address from standard input.
        #[arg(long, conflicts_with = "url")]
        url_stdin: bool,
        /// Your name on the workspace (default: your login name).
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Connects this (empty) profile to a workspace and prints your public key, for a renewer
    /// to invite. The address is read as for init.
    Join {
        /// postgres://user@host/database[?sslmode=…]: as for init.
        url: Option<String>,
        /// Read the address from standard input.
        #[arg(long, conflicts_with = "url")]
        url_stdin: bool,
        /// Your name on the workspace (default: your login name).
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The members, their roles and who added them.
    Members {
        #[arg(long)]
        json: bool,
    },
    /// Adds a member by the public key they got from `workspace join` (renewers only). A new
    /// renewer can read every token at once: they are sealed to them in the same change.
    Invite {
        name: String,
        /// Their age public key (age1…).
        #[arg(long)]
        key: String,
        /// renewer (reads and renews tokens) or viewer (health and history only).
        #[arg(long)]
        role: String,
        #[arg(long)]
        json: bool,
    },
    /// Removes a member (renewers only): every token is sealed again to the remaining
    /// renewers, and the channels whose tokens they could read are listed, to renew.
    Remove {
        name: String,
        /// Remove without asking (needed when not run on a terminal).
        #[arg(long)]
        yes: bool,
        #[arg(long)]
        json: bool,
    },
    /// Copies a local profile's apps and channels into this workspace (renewers only); every
    /// token is sealed to the workspace's renewers. The local profile is left as it is.
    Import {
        /// The local profile folder to copy from.
        #[arg(long, value_name = "DIR")]
        from: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Copies this workspace's apps, channels and history into a new local profile (renewers
    /// only): every token, previous token and app secret is opened with your key and saved in
    /// the new profile's own secret store. The workspace is left as it is.
    Export {
        /// The new profile folder: it must not exist yet, or be empty.
        #[arg(long, value_name = "DIR")]
        to: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Which workspace this profile is on, as whom, and whether the server answers.
    Status {
        #[arg(long)]
        json: bool,
    },
}

pub async fn run(profile: Option<PathBuf>, command: WorkspaceCommand) -> i32 {
    let result = match command {
        WorkspaceCommand::Init {
            url,
            url_stdin,
            name,
            json,
        } => start(profile, url, url_stdin, name, json, true),
        WorkspaceCommand::Join {
            url,
            url_stdin,
            name,
            json,
        } => start(profile, url, url_stdin, name, json, false),
        WorkspaceCommand::Members { json } => members(profile, json),
        WorkspaceCommand::Invite {
            name,
            key,
            role,
            json,
        } => invite(profile, &name, &key, &role, json),
        WorkspaceCommand::Remove { name, yes, json } => {
            let question = t_args("ws-remove-question", &[("name", name.trim().into())]);
            let command = format!("tokenwarden workspace remove {}", shell_quote(name.trim()));
            if let Err(code) = super::lifecycle::confirm(yes, &question, &command) {
                return code;
            }
            remove(profile, &name, json)
        }
        WorkspaceCommand::Status { json } => status(profile, json),
        WorkspaceCommand::Import { from, json } => return import(profile, from, json).await,
        WorkspaceCommand::Export { to, json } => return export::export(profile, to, json).await,
    };
    match result {
        Ok(()) => 0,
        Err(e) => fail(&usage_or(e)),
    }
}

/// `workspace import --json`: what moved in, by name, and what was left out.
#[derive(serde::Serialize)]
struct ImportedJson<'a> {
    channels: &'a [String],
    apps: &'a [String],
    /// Channels left out because the workspace has one with that id or name.
    skipped: &'a [String],
    previous_tokens: usize,
    history_lines: usize,
}

/// Opens both profiles (each with its own secret store, chosen by the same settings) and
/// copies the local one in.
async fn import(profile: Option<PathBuf>, from: PathBuf, as_json: bool) -> i32 {
    let result = async move {
        let service = super::open_service(profile)?;
        let from = Profile::resolve(Some(from))?;
        if service.store.catalog.workspace().is_none() || workspace::of(&from).is_some() {
            return Err(ServiceError::said(t("ws-import-not-local")));
        }
        let backend = super::choose_backend(&from)?;
        let local = crate::store::Store::open(from, backend)?;
        service.import_profile(local).await
    }
    .await;
    match result {
        Ok(done) if as_json => {
            super::json::print(&ImportedJson {
                channels: &done.channels,
                apps: &done.apps,
                skipped: &done.skipped,
                previous_tokens: done.previous_tokens,
                history_lines: done.history_lines,
            });
            0
        }
        Ok(done) => {
            println!(
                "{}",
                t_args(
                    "ws-imported",
                    &[
                        ("channels", done.channels.len().into()),
                        ("apps", done.apps.len().into()),
                    ]
                )
            );
            for name in &done.skipped {
                println!(
                    "{}",
                    t_args("ws-import-skipped", &[("name", name.as_str().into())])
                );
            }
            0
        }
        Err(e) => fail(&usage_or(e)),
    }
}

/// Mistakes of the person typing are usage errors (exit 2); the rest stay failures.
fn usage_or(e: ServiceError) -> ServiceError {
    use workspace::WorkspaceError as W;
    match &e {
        ServiceError::Store(StoreError::Workspace(
            w @ (W::BadUrl(_)
            | W::BadSslMode(_)
            | W::RootCert { .. }
            | W::MemberExists(_)
            | W::NoSuchMember(_)
            | W::BadKey(_)
            | W::AlreadyJoined
            | W::ProfileNotEmpty
            | W::LastRenewer),
        )) => ServiceError::said(crate::words::workspace::error(w)),
        _ => e,
    }
}

fn url_from(url: Option<String>, url_stdin: bool) -> Result<Secret, ServiceError> {
    let url = match (url, url_stdin) {
        // Other users of the computer can read a command line: a password there is refused,
        // before anything is connected or saved, and the safe ways are named.
        (Some(u), _) if workspace::holds_password(&Secret::new(u.as_str())) => {
            return Err(ServiceError::said(t("ws-url-password-in-argv")));
        }
        (Some(u), _) => Secret::new(u),
        (None, true) => input::read_secret_text(&t("ws-url-prompt"))?,
        (None, false) => crate::env::var(WORKSPACE_URL_ENV)
            .map(Secret::new)
            .ok_or_else(|| ServiceError::said(t("ws-url-missing")))?,
    };
    Ok(Secret::new(url.expose().trim()))
}

#[derive(Serialize)]
struct StartedJson<'a> {
    workspace_id: &'a str,
    member: &'a str,
    public_key: &'a str,
    role: Option<&'static str>,
}

fn start(
    profile: Option<PathBuf>,
    url: Option<String>,
    url_stdin: bool,
    name: Option<String>,
    as_json: bool,
    first: bool,
) -> Result<(), ServiceError> {
    let url = url_from(url, url_stdin)?;
    let profile = Profile::resolve(profile)?;
    let name = name
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(os_user);
    let backend = super::choose_backend(&profile)?;
    let started = if first {
        workspace::init(&profile, backend, &url, &name)?
    } else {
        workspace::join(&profile, backend, &url, &name)?
    };
    let m = &started.membership;
    if as_json {
        json::print(&StartedJson {
            workspace_id: &m.workspace_id,
            member: &m.member,
            public_key: &m.public_key,
            role: started.member.then_some(Role::Renewer.code()),
        });
    } else if started.member {
        println!(
            "{}",
            t_args("ws-started", &[("name", m.member.as_str().into())])
        );
    } else {
        println!(
            "{}",
            t_args(
                "ws-joined",
                &[
                    ("name", m.member.as_str().into()),
                    ("key", m.public_key.as_str().into()),
                ]
            )
        );
    }
    Ok(())
}

fn workspace_of(profile: &Profile) -> Result<std::sync::Arc<Workspace>, ServiceError> {
    workspace::of(profile).ok_or_else(|| ServiceError::said(t("ws-not-on-workspace")))
}

#[derive(Serialize)]
struct MemberJson<'a> {
    name: &'a str,
    role: &'static str,
    public_key: &'a str,
    added_by: &'a str,
    added_at: chrono::DateTime<chrono::Utc>,
    you: bool,
}

fn members(profile: Option<PathBuf>, as_json: bool) -> Result<(), ServiceError> {
    let profile = Profile::resolve(profile)?;
    let ws = workspace_of(&profile)?;
    let me = ws
        .membership()
        .map_err(StoreError::from)?
        .public_key
        .clone();
    let list: Vec<Member> = ws.members().map_err(StoreError::from)?;
    if as_json {
        let members: Vec<MemberJson> = list
            .iter()
            .map(|m| MemberJson {
                name: &m.name,
                role: m.role.code(),
                public_key: &m.public_key,
                added_by: &m.added_by,
                added_at: m.added_at,
                you: m.public_key == me,
            })
            .collect();
        json::print(&serde_json::json!({ "members": members }));
        return Ok(());
    }
    for m in &list {
        let id = if m.public_key == me {
            "ws-member-line-you"
        } else {
            "ws-member-line"
        };
        println!(
            "{}",
            t_args(
                id,
                &[
                    ("name", m.name.as_str().into()),
                    ("role", role_words(m.role).into()),
                    ("by", m.added_by.as_str().into()),
                    ("at", crate::words::time::at(m.added_at).into()),
                    ("key", m.public_key.as_str().into()),
                ]
            )
        );
    }
    Ok(())
}

fn role_words(role: Role) -> String {
    crate::words::workspace::role(role)
}

/// The workspace with this member's identity, from the profile's own secret store.
fn as_member(
    profile: Option<PathBuf>,
) -> Result<(std::sync::Arc<Workspace>, age::x25519::Identity), ServiceError> {
    let profile = Profile::resolve(profile)?;
    let ws = workspace_of(&profile)?;
    let backend = super::choose_backend(&profile)?;
    Ok(workspace::open_member(&profile, &ws, backend)?)
}

/// `workspace invite|remove --json`: the member, and what the change sealed again.
#[derive(Serialize)]
struct MemberChangeJson<'a> {
    member: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'static str>,
    removed: bool,
    /// How many tokens and app secrets were sealed again.
    resealed: usize,
    /// After a removal: the channels whose tokens they could read, to renew.
    #[serde(skip_serializing_if = "Option::is_none")]
    to_renew: Option<&'a [String]>,
}

fn invite(
    profile: Option<PathBuf>,
    name: &str,
    key: &str,
    role: &str,
    as_json: bool,
) -> Result<(), ServiceError> {
    let role = Role::from_code(role)
        .ok_or_else(|| ServiceError::said(t_args("ws-unknown-role", &[("role", role.into())])))?;
    if name.trim().is_empty() {
        return Err(ServiceError::said(t("ws-name-missing")));
    }
    let (ws, identity) = as_member(profile)?;
    let resealed = ws
        .invite(&identity, name, key, role)
        .map_err(StoreError::from)?;
    if as_json {
        super::json::print(&MemberChangeJson {
            member: name.trim(),
            role: Some(role.code()),
            removed: false,
            resealed,
            to_renew: None,
        });
        return Ok(());
    }
    println!(
        "{}",
        t_args(
            "ws-invited",
            &[
                ("name", name.trim().into()),
                ("role", role_words(role).into()),
                ("count", resealed.into()),
            ]
        )
    );
    Ok(())
}

fn remove(profile: Option<PathBuf>, name: &str, as_json: bool) -> Result<(), ServiceError> {
    let (ws, identity) = as_member(profile)?;
    let removed = ws.remove(&identity, name).map_err(StoreError::from)?;
    if as_json {
        super::json::print(&MemberChangeJson {
            member: name.trim(),
            role: None,
            removed: true,
            resealed: removed.resealed,
            to_renew: Some(&removed.exposed_channels),
        });
        return Ok(());
    }
    println!(
        "{}",
        t_args(
            "ws-removed",
            &[
                ("name", name.trim().into()),
                ("count", removed.resealed.into()),
            ]
        )
    );
    if !removed.exposed_channels.is_empty() {
        println!(
            "{}",
            t_args(
                "ws-removed-renew",
                &[("count", removed.exposed_channels.len().into())]
            )
        );
        for c in &removed.exposed_channels {
            println!("  tokenwarden renew {c:?}");
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct StatusJson<'a> {
    workspace_id: &'a str,
    member: &'a str,
    public_key: &'a str,
    role: Option<&'static str>,
    online: bool,
    schema_version: i32,
}

fn status(profile: Option<PathBuf>, as_json: bool) -> Result<(), ServiceError> {
    let profile = Profile::resolve(profile)?;
    let ws = workspace_of(&profile)?;
    let m = ws.membership().map_err(StoreError::from)?.clone();
    let role = ws.my_role();
    let online = !matches!(role, Err(workspace::WorkspaceError::Offline(_)));
    let role = match role {
        Ok(r) => r,
        Err(workspace::WorkspaceError::Offline(_)) => None,
        Err(e) => return Err(StoreError::from(e).into()),
    };
    if as_json {
        json::print(&StatusJson {
            workspace_id: &m.workspace_id,
            member: &m.member,
            public_key: &m.public_key,
            role: role.map(Role::code),
            online,
            schema_version: workspace::SCHEMA_VERSION,
        });
        return Ok(());
    }
    let role = match (online, role) {
        (false, _) => t("ws-status-offline"),
        (true, None) => t("ws-status-not-invited"),
        (true, Some(r)) => role_words(r),
    };
    println!(
        "{}",
        t_args(
            "ws-status",
            &[
                ("id", m.workspace_id.as_str().into()),
                ("name", m.member.as_str().into()),
                ("role", role.into()),
                ("key", m.public_key.as_str().into()),
            ]
        )
    );
    Ok(())
}
