//! A team workspace: the catalog, the history and sealed secrets of a profile kept in PostgreSQL
//! instead of the profile folder, behind the same seams (`CatalogFile`, `SecretStore`,
//! `HistoryFile`), so every command works the same on it.
//!
//! The model: a profile is local or on one workspace; `workspace.json` in its folder says which
//! (workspace id, member name, public key; never the connection string, which is kept in the
//! profile's own secret store). Each member has an age X25519 identity kept in their own secret
//! store; the database holds only public keys. Renewers are the recipients of every token and
//! app secret; viewers read health and history and are never recipients. Each change is one
//! transaction that writes only the rows it changed, each guarded by its row version: a lost
//! race is a conflict naming who changed the row and when. The last catalog read is kept in the
//! profile folder (facts only, no secret) for reading while the server cannot be reached.

mod catalog;
mod conn;
mod history;
mod live;
mod members;
mod schema;
mod sealed;
mod tls;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{KeyringStore, Profile, SecretBackend, SecretStore, VaultStore};
use crate::model::{Secret, SecretRef};
use conn::Conn;
pub use conn::holds_password;

pub use catalog::Snapshot;
pub use live::{Listening, Notice};
pub use members::{Member, Removed, Role, Started, init, join};
pub use schema::SCHEMA_VERSION;
pub use sealed::WorkspaceSecrets;

/// Names the setting that may hold the connection string (keeps a password out of argv).
pub const WORKSPACE_URL_ENV: &str = "TOKENWARDEN_WORKSPACE_URL";
/// The profile's own secret store keeps the connection string and this member's age identity.
const URL_REF: &str = "workspace-url";
const IDENTITY_REF: &str = "workspace-identity";
const MEMBERSHIP_FILE: &str = "workspace.json";
const OFFLINE_COPY_FILE: &str = "workspace-copy.json";

#[derive(Debug, Clone, thiserror::Error)]
pub enum WorkspaceError {
    #[error("the connection string is not understood: {0}")]
    BadUrl(String),
    #[error("sslmode={0} is not one of disable, prefer, require, verify-ca, verify-full")]
    BadSslMode(String),
    #[error("the root certificate {path} cannot be used: {detail}")]
    RootCert { path: PathBuf, detail: String },
    #[error("the workspace server's TLS was not accepted: {0}")]
    Tls(String),
    #[error("the workspace server cannot be reached: {0}")]
    Offline(String),
    #[error("the workspace database refused: {0}")]
    Db(String),
    #[error(
        "the workspace database is at version {found}; this Tokenwarden reads up to {supported}"
    )]
    NewerSchema { found: i32, supported: i32 },
    #[error("there is no workspace in this database yet")]
    NotInitialised,
    #[error("this database holds a workspace already")]
    AlreadyInitialised,
    #[error("this profile is on a workspace already")]
    AlreadyJoined,
    #[error("this profile has channels or apps of its own")]
    ProfileNotEmpty,
    #[error("the connection string is not known (locked secret store: {0})")]
    Locked(String),
    #[error("{0} is not a member of the workspace yet")]
    NotMember(String),
    #[error("{0} is a viewer; only renewers change the workspace or read its tokens")]
    Viewer(String),
    #[error("this secret is not sealed to {0}")]
    NotSealedToYou(String),
    #[error("{what} was changed by {by} at {at:?}")]
    Conflict {
        what: String,
        by: String,
        at: Option<DateTime<Utc>>,
    },
    #[error("{0} is a member already")]
    MemberExists(String),
    #[error("no member is called {0}")]
    NoSuchMember(String),
    #[error("the last renewer cannot be removed")]
    LastRenewer,
    #[error("not an age public key: {0}")]
    BadKey(String),
    #[error("{count} secrets are not sealed to you and cannot be sealed again")]
    Unreadable { count: usize },
    #[error("the workspace file {path} is damaged: {detail}")]
    Membership { path: PathBuf, detail: String },
    #[error("the key of this member is missing or damaged: {0}")]
    Identity(String),
}

/// What `workspace.json` records: which workspace and who this profile is on it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Membership {
    pub workspace_id: String,
    pub member: String,
    /// This member's age recipient ("age1…"); the identity stays in the secret store.
    pub public_key: String,
    /// Namespaces this profile's own keychain entries, as a local catalog's profile id does.
    pub local_profile_id: String,
    pub joined_at: DateTime<Utc>,
}

/// One profile's workspace in this process: its membership and its connection.
pub struct Workspace {
    dir: PathBuf,
    membership: Result<Membership, WorkspaceError>,
    conn: Mutex<Option<Arc<Conn>>>,
    /// Set when the last read came from the offline copy: as of when it was synced.
    offline: Mutex<Option<DateTime<Utc>>>,
    /// Set when the last read came from the offline copy because the connection string could
    /// not be read (the vault's passphrase not given, the keychain locked): the server was not
    /// asked, so it is not "offline".
    locked_copy: Mutex<Option<DateTime<Utc>>>,
}

impl std::fmt::Debug for Workspace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workspace")
            .field("dir", &self.dir)
            .field("membership", &self.membership)
            .finish_non_exhaustive()
    }
}

static OPEN: LazyLock<Mutex<HashMap<PathBuf, Arc<Workspace>>>> = LazyLock::new(Default::default);

/// The workspace of `profile`, or `None` for a local profile. One per profile per process.
pub fn of(profile: &Profile) -> Option<Arc<Workspace>> {
    let mut open = OPEN.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(ws) = open.get(&profile.dir) {
        return Some(ws.clone());
    }
    let path = profile.dir.join(MEMBERSHIP_FILE);
    let bytes = match super::private::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => {
            return Some(Arc::new(Workspace::broken(profile, &path, e.to_string())));
        }
    };
    let membership =
        serde_json::from_slice::<Membership>(&bytes).map_err(|e| WorkspaceError::Membership {
            path: path.clone(),
            detail: e.to_string(),
        });
    let ws = Arc::new(Workspace {
        dir: profile.dir.clone(),
        membership,
        conn: Mutex::new(None),
        offline: Mutex::new(None),
        locked_copy: Mutex::new(None),
    });
    open.insert(profile.dir.clone(), ws.clone());
    Some(ws)
}

impl Workspace {
    fn broken(profile: &Profile, path: &Path, detail: String) -> Workspace {
        Workspace {
            dir: profile.dir.clone(),
            membership: Err(WorkspaceError::Membership {
                path: path.to_path_buf(),
                detail,
            }),
            conn: Mutex::new(None),
            offline: Mutex::new(None),
            locked_copy: Mutex::new(None),
        }
    }

    pub fn membership(&self) -> Result<&Membership, WorkspaceError> {
        self.membership.as_ref().map_err(Clone::clone)
    }

    /// The offline copy's path (facts only), shown where a catalog path is asked for.
    pub fn copy_path(&self) -> PathBuf {
        self.dir.join(OFFLINE_COPY_FILE)
    }

    /// As of when the last read's facts were synced, when it came from the offline copy.
    pub fn offline_as_of(&self) -> Option<DateTime<Utc>> {
        *self.offline.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// As of when the last read's facts were synced, when it came from the offline copy
    /// because the server's address could not be read here (see `locked_copy`).
    pub fn locked_copy_as_of(&self) -> Option<DateTime<Utc>> {
        *self
            .locked_copy
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Connects with the connection string kept in the profile's secret store (`Store::open`
    /// has it open already); an explicit `TOKENWARDEN_WORKSPACE_URL` wins.
    pub(crate) fn attach(&self, local: &dyn SecretStore) -> Result<(), WorkspaceError> {
        if self
            .conn
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_some()
        {
            return Ok(());
        }
        let url = match crate::env::var(WORKSPACE_URL_ENV) {
            Some(url) => Secret::new(url),
            None => local
                .get(&SecretRef(URL_REF.into()))
                .map_err(|e| WorkspaceError::Locked(e.to_string()))?,
        };
        self.set_url(&url)
    }

    fn set_url(&self, url: &Secret) -> Result<(), WorkspaceError> {
        let conn = Arc::new(Conn::start(url)?);
        *self.conn.lock().unwrap_or_else(PoisonError::into_inner) = Some(conn);
        Ok(())
    }

    /// The connection; for a caller that did not open the secret store (`list`), the
    /// connection string is looked up without asking anyone: the environment, the keychain, or
    /// a vault whose passphrase is in the environment.
    fn conn(&self) -> Result<Arc<Conn>, WorkspaceError> {
        if let Some(c) = self
            .conn
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
        {
            return Ok(c.clone());
        }
        let membership = self.membership()?;
        let profile = Profile {
            dir: self.dir.clone(),
        };
        let local = open_local(
            &profile,
            &membership.local_profile_id,
            SecretBackend::from_env(|| None).map_err(|e| WorkspaceError::Locked(e.to_string()))?,
        )
        .map_err(|e| WorkspaceError::Locked(e.to_string()))?;
        self.attach(local.as_ref())?;
        self.conn
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
            .ok_or_else(|| WorkspaceError::Locked("no connection string".into()))
    }

    /// Where its server is ("host:port/database"; never the user or password).
    pub fn server(&self) -> Result<String, WorkspaceError> {
        Ok(self.conn()?.server())
    }

    /// This member's age identity, from the profile's own secret store.
    pub(crate) fn identity(
        local: &dyn SecretStore,
    ) -> Result<age::x25519::Identity, WorkspaceError> {
        let text = local
            .get(&SecretRef(IDENTITY_REF.into()))
            .map_err(|e| WorkspaceError::Identity(e.to_string()))?;
        text.expose()
            .parse::<age::x25519::Identity>()
            .map_err(|e| WorkspaceError::Identity(e.to_string()))
    }
}

/// The profile's own secret store, without the ledger of `sweep`: on a workspace it keeps only
/// the connection string and the member's identity, which nothing in the catalog refers to.
pub(crate) fn open_local(
    profile: &Profile,
    local_profile_id: &str,
    backend: SecretBackend,
) -> Result<Arc<dyn SecretStore>, super::StoreError> {
    Ok(match backend {
        SecretBackend::Keyring => Arc::new(KeyringStore::open(local_profile_id)?),
        SecretBackend::Vault { passphrase } => Arc::new(VaultStore::open(profile, passphrase)?),
        SecretBackend::Memory => Arc::new(super::MemoryStore::new()),
    })
}

/// The workspace's connection and this member's identity, for the member commands: the
/// profile's own secret store is opened with `backend` to read both.
pub fn open_member(
    profile: &Profile,
    ws: &Workspace,
    backend: SecretBackend,
) -> Result<(Arc<Workspace>, age::x25519::Identity), super::StoreError> {
    let membership = ws.membership()?;
    let local = open_local(profile, &membership.local_profile_id, backend)?;
    ws.attach(local.as_ref())?;
    let identity = Workspace::identity(local.as_ref())?;
    let ws = of(profile).ok_or(WorkspaceError::NotInitialised)?;
    Ok((ws, identity))
}
