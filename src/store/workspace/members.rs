//! Starting, joining and managing the members of a workspace. Adding or removing a renewer
//! changes who the secrets are sealed to, in the same transaction as the member row.

use age::secrecy::ExposeSecret;
use chrono::{DateTime, Utc};
use postgres::{Client, GenericClient};

use super::conn::{Conn, db};
use super::sealed::{reseal_all, sealed_channels};
use super::{
    IDENTITY_REF, MEMBERSHIP_FILE, Membership, URL_REF, Workspace, WorkspaceError, open_local,
    schema,
};
use crate::model::{Secret, SecretRef};
use crate::store::{CatalogFile, Profile, SecretBackend, StoreError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Reads and renews tokens: a recipient of every secret.
    Renewer,
    /// Sees health and history; never a recipient.
    Viewer,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Role::Renewer => "renewer",
            Role::Viewer => "viewer",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        match code.trim() {
            "renewer" => Some(Role::Renewer),
            "viewer" => Some(Role::Viewer),
            _ => None,
        }
    }

    /// The role of the member with this name and key; `None` when not (or no longer) a member.
    pub(super) fn of_member(
        client: &mut impl GenericClient,
        me: &Membership,
    ) -> Result<Option<Role>, WorkspaceError> {
        let row = client
            .query_opt(
                "SELECT role FROM members WHERE name = $1 AND public_key = $2",
                &[&me.member, &me.public_key],
            )
            .map_err(db)?;
        Ok(row.and_then(|r| Role::from_code(r.get(0))))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub name: String,
    pub public_key: String,
    pub role: Role,
    pub added_by: String,
    pub added_at: DateTime<Utc>,
}

/// What `init` and `join` did: who this profile is on the workspace.
#[derive(Debug, Clone)]
pub struct Started {
    pub membership: Membership,
    /// Whether the profile is a member already (the one who started the workspace is).
    pub member: bool,
}

/// What `remove` did.
#[derive(Debug, Clone)]
pub struct Removed {
    /// Channels whose current or previous token the removed member could read: renew them.
    pub exposed_channels: Vec<String>,
    /// Secrets now sealed to the remaining renewers.
    pub resealed: usize,
}

/// Starts a workspace in the database at `url` with this profile as its first renewer.
pub fn init(
    profile: &Profile,
    backend: SecretBackend,
    url: &Secret,
    member: &str,
) -> Result<Started, StoreError> {
    start(profile, backend, url, member, true)
}

/// Connects this profile to the workspace at `url`; it becomes a member once a renewer
/// invites its public key.
pub fn join(
    profile: &Profile,
    backend: SecretBackend,
    url: &Secret,
    member: &str,
) -> Result<Started, StoreError> {
    start(profile, backend, url, member, false)
}

fn start(
    profile: &Profile,
    backend: SecretBackend,
    url: &Secret,
    member: &str,
    first: bool,
) -> Result<Started, StoreError> {
    let member = member.trim().to_string();
    if super::of(profile).is_some() {
        return Err(WorkspaceError::AlreadyJoined.into());
    }
    // A profile is local or on a workspace: its own channels would be hidden, not shared.
    let file = CatalogFile::new(profile);
    let local = file.load_existing()?;
    if local
        .as_ref()
        .is_some_and(|c| !c.channels.is_empty() || !c.apps.is_empty())
    {
        return Err(WorkspaceError::ProfileNotEmpty.into());
    }
    let local_profile_id = match local {
        Some(c) => c.profile_id,
        None => file.update(|c| Ok::<_, StoreError>(c.profile_id.clone()))?,
    };
    let conn = Conn::start(url)?;
    let identity = age::x25519::Identity::generate();
    let public_key = identity.to_public().to_string();
    let (name, key) = (member.clone(), public_key.clone());
    let workspace_id = conn.run(move |client| {
        schema::migrate(client)?;
        if first {
            create(client, &name, &key)
        } else {
            existing(client)
        }
    })?;
    let secrets = open_local(profile, &local_profile_id, backend)?;
    secrets.set_all(&[
        (SecretRef(URL_REF.into()), url.clone()),
        (
            SecretRef(IDENTITY_REF.into()),
            Secret::new(identity.to_string().expose_secret()),
        ),
    ])?;
    let membership = Membership {
        workspace_id,
        member,
        public_key,
        local_profile_id,
        joined_at: Utc::now(),
    };
    let bytes = serde_json::to_vec_pretty(&membership)
        .map_err(|e| StoreError::io("save the workspace", profile.dir.clone(), e.into()))?;
    let path = profile.dir.join(MEMBERSHIP_FILE);
    crate::store::atomic::write_atomic(&path, &bytes)
        .map_err(|e| StoreError::io("save the workspace", path, e))?;
    Ok(Started {
        membership,
        member: first,
    })
}

fn create(client: &mut Client, name: &str, key: &str) -> Result<String, WorkspaceError> {
    let mut tx = client.transaction().map_err(db)?;
    tx.batch_execute("LOCK TABLE workspace IN EXCLUSIVE MODE")
        .map_err(db)?;
    if tx
        .query_opt("SELECT id FROM workspace", &[])
        .map_err(db)?
        .is_some()
    {
        return Err(WorkspaceError::AlreadyInitialised);
    }
    let id = uuid::Uuid::new_v4().to_string();
    tx.execute(
        "INSERT INTO workspace (id, created_by) VALUES ($1, $2)",
        &[&id, &name],
    )
    .map_err(db)?;
    tx.execute(
        "INSERT INTO members (name, public_key, role, added_by) VALUES ($1, $2, 'renewer', $1)",
        &[&name, &key],
    )
    .map_err(db)?;
    tx.commit().map_err(db)?;
    Ok(id)
}

fn existing(client: &mut Client) -> Result<String, WorkspaceError> {
    client
        .query_opt("SELECT id FROM workspace", &[])
        .map_err(db)?
        .map(|r| r.get(0))
        .ok_or(WorkspaceError::NotInitialised)
}

fn read_members(client: &mut impl GenericClient) -> Result<Vec<Member>, WorkspaceError> {
    Ok(client
        .query(
            "SELECT name, public_key, role, added_by, added_at FROM members ORDER BY name",
            &[],
        )
        .map_err(db)?
        .into_iter()
        .map(|r| Member {
            name: r.get(0),
            public_key: r.get(1),
            role: Role::from_code(r.get(2)).unwrap_or(Role::Viewer),
            added_by: r.get(3),
            added_at: r.get(4),
        })
        .collect())
}

impl Workspace {
    pub fn members(&self) -> Result<Vec<Member>, WorkspaceError> {
        self.conn()?.run(read_members)
    }

    /// This profile's role now; `None` before a renewer invited it.
    pub fn my_role(&self) -> Result<Option<Role>, WorkspaceError> {
        let me = self.membership()?.clone();
        self.conn()?.run(move |client| Role::of_member(client, &me))
    }

    /// Refuses a viewer, or a profile not invited yet, before anything is read or made: what
    /// only a renewer can do (export, backup) says so up front rather than halfway.
    pub fn ensure_renewer(&self) -> Result<(), WorkspaceError> {
        let me = self.membership()?.clone();
        self.conn()?.run(move |client| require_renewer(client, &me))
    }

    /// Deletes orphan sealed secrets older than `older_than` (see `sealed::sweep`); a renewer's
    /// work, a viewer's sweep removes nothing. Returns how many went.
    pub fn sweep(&self, older_than: std::time::Duration) -> Result<usize, WorkspaceError> {
        let me = self.membership()?.clone();
        self.conn()?.run(move |client| {
            let mut tx = client.transaction().map_err(db)?;
            if Role::of_member(&mut tx, &me)? != Some(Role::Renewer) {
                return Ok(0);
            }
            let swept = super::sealed::sweep(&mut tx, older_than)?;
            tx.commit().map_err(db)?;
            Ok(swept as usize)
        })
    }

    /// Adds a member (renewers only). A new renewer becomes a recipient of every secret in the
    /// same transaction; what cannot be sealed again refuses the whole change.
    pub fn invite(
        &self,
        identity: &age::x25519::Identity,
        name: &str,
        key: &str,
        role: Role,
    ) -> Result<usize, WorkspaceError> {
        let key = key.trim().to_string();
        key.parse::<age::x25519::Recipient>()
            .map_err(|e| WorkspaceError::BadKey(e.to_string()))?;
        let (me, identity, name) = (
            self.membership()?.clone(),
            identity.clone(),
            name.trim().to_string(),
        );
        self.conn()?.run(move |client| {
            let mut tx = begin_as_renewer(client, &me)?;
            let taken = tx
                .query_opt(
                    "SELECT 1 FROM members WHERE name = $1 OR public_key = $2",
                    &[&name, &key],
                )
                .map_err(db)?;
            if taken.is_some() {
                return Err(WorkspaceError::MemberExists(name));
            }
            tx.execute(
                "INSERT INTO members (name, public_key, role, added_by) VALUES ($1, $2, $3, $4)",
                &[&name, &key, &role.code(), &me.member],
            )
            .map_err(db)?;
            let resealed = match role {
                Role::Renewer => reseal_all(&mut tx, &identity, &me.member)?,
                Role::Viewer => 0,
            };
            commit_member_change(tx, &me)?;
            Ok(resealed)
        })
    }

    /// Removes a member (renewers only; never the last renewer) and seals every secret to the
    /// remaining renewers in the same transaction.
    pub fn remove(
        &self,
        identity: &age::x25519::Identity,
        name: &str,
    ) -> Result<Removed, WorkspaceError> {
        let (me, identity, name) = (
            self.membership()?.clone(),
            identity.clone(),
            name.trim().to_string(),
        );
        self.conn()?.run(move |client| {
            let mut tx = begin_as_renewer(client, &me)?;
            let members = read_members(&mut tx)?;
            let gone = members
                .iter()
                .find(|m| m.name == name)
                .ok_or_else(|| WorkspaceError::NoSuchMember(name.clone()))?;
            let renewers = members.iter().filter(|m| m.role == Role::Renewer).count();
            if gone.role == Role::Renewer && renewers <= 1 {
                return Err(WorkspaceError::LastRenewer);
            }
            let exposed = sealed_channels(&mut tx, &gone.public_key)?;
            tx.execute("DELETE FROM members WHERE name = $1", &[&name])
                .map_err(db)?;
            let resealed = reseal_all(&mut tx, &identity, &me.member)?;
            commit_member_change(tx, &me)?;
            Ok(Removed {
                exposed_channels: exposed,
                resealed,
            })
        })
    }
}

/// A transaction that changes the members: they are locked first, so two renewers inviting or
/// removing at once take turns, and the caller must still be a renewer once it holds the lock.
fn begin_as_renewer<'a>(
    client: &'a mut postgres::Client,
    me: &Membership,
) -> Result<postgres::Transaction<'a>, WorkspaceError> {
    let mut tx = client.transaction().map_err(db)?;
    tx.batch_execute("LOCK TABLE members IN EXCLUSIVE MODE")
        .map_err(db)?;
    require_renewer(&mut tx, me)?;
    Ok(tx)
}

/// Commits a change of the members `begin_as_renewer` began, telling open windows (they show
/// the members in Settings and reload on the notice).
fn commit_member_change(
    mut tx: postgres::Transaction<'_>,
    me: &Membership,
) -> Result<(), WorkspaceError> {
    super::live::notify(&mut tx, &me.workspace_id, &[super::live::Notice::default()])?;
    tx.commit().map_err(db)
}

fn require_renewer(client: &mut impl GenericClient, me: &Membership) -> Result<(), WorkspaceError> {
    match Role::of_member(client, me)? {
        Some(Role::Renewer) => Ok(()),
        Some(Role::Viewer) => Err(WorkspaceError::Viewer(me.member.clone())),
        None => Err(WorkspaceError::NotMember(me.member.clone())),
    }
}
