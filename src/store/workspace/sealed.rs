//! Tokens and app secrets on a workspace: sealed with age to the X25519 public keys of every
//! renewer and stored as ciphertext; opened with this member's own identity. The database (and
//! any dump of it) holds fingerprints and ciphertext, never a secret in clear.

use std::io::{Read, Write};
use std::sync::Arc;

use postgres::GenericClient;
use zeroize::Zeroizing;

use super::conn::db;
use super::{Membership, Role, Workspace, WorkspaceError};
use crate::model::{Secret, SecretRef};
use crate::store::{SecretError, SecretStore, SecretStoreKind};

/// The secret store of a workspace profile.
pub struct WorkspaceSecrets {
    ws: Arc<Workspace>,
    identity: age::x25519::Identity,
}

impl WorkspaceSecrets {
    /// With this member's identity, read from the profile's own secret store.
    pub(crate) fn open(
        ws: Arc<Workspace>,
        local: &dyn SecretStore,
    ) -> Result<WorkspaceSecrets, WorkspaceError> {
        ws.attach(local)?;
        let identity = Workspace::identity(local)?;
        Ok(WorkspaceSecrets { ws, identity })
    }

    pub fn workspace(&self) -> &Arc<Workspace> {
        &self.ws
    }

    pub fn identity(&self) -> &age::x25519::Identity {
        &self.identity
    }

    fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(
            &mut postgres::Client,
            &Membership,
            &age::x25519::Identity,
        ) -> Result<T, WorkspaceError>
        + Send
        + 'static,
    ) -> Result<T, SecretError> {
        let me = self
            .ws
            .membership()
            .map_err(SecretError::Workspace)?
            .clone();
        let identity = self.identity.clone();
        self.ws
            .conn()
            .and_then(|conn| conn.run(move |client| f(client, &me, &identity)))
            .map_err(SecretError::Workspace)
    }
}

impl std::fmt::Debug for WorkspaceSecrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WorkspaceSecrets")
            .field("workspace", &self.ws)
            .finish_non_exhaustive()
    }
}

/// Why a secret could not be opened, or the secrets in the order asked.
enum Opened {
    Missing(SecretRef),
    Secrets(Vec<Secret>),
}

impl SecretStore for WorkspaceSecrets {
    fn kind(&self) -> SecretStoreKind {
        SecretStoreKind::Workspace
    }

    fn get(&self, r: &SecretRef) -> Result<Secret, SecretError> {
        let mut all = self.get_all(std::slice::from_ref(r))?;
        all.pop().ok_or_else(|| SecretError::Missing(r.clone()))
    }

    fn get_all(&self, refs: &[SecretRef]) -> Result<Vec<Secret>, SecretError> {
        let refs = refs.to_vec();
        let opened = self.run(move |client, me, identity| {
            let names: Vec<&str> = refs.iter().map(|r| r.0.as_str()).collect();
            let rows = client
                .query(
                    "SELECT ref, ciphertext, sealed_for FROM sealed_secrets WHERE ref = ANY($1)",
                    &[&names],
                )
                .map_err(db)?;
            let mut out = Vec::with_capacity(refs.len());
            for r in &refs {
                let Some(row) = rows.iter().find(|row| row.get::<_, &str>(0) == r.0) else {
                    return Ok(Opened::Missing(r.clone()));
                };
                let sealed_for: Vec<String> = row.get(2);
                if !sealed_for.contains(&me.public_key) {
                    return Err(match Role::of_member(client, me)? {
                        Some(Role::Viewer) => WorkspaceError::Viewer(me.member.clone()),
                        None => WorkspaceError::NotMember(me.member.clone()),
                        Some(Role::Renewer) => WorkspaceError::NotSealedToYou(me.member.clone()),
                    });
                }
                out.push(unseal(row.get(1), identity)?);
            }
            Ok(Opened::Secrets(out))
        })?;
        match opened {
            Opened::Secrets(s) => Ok(s),
            Opened::Missing(r) => Err(SecretError::Missing(r)),
        }
    }

    fn set(&self, r: &SecretRef, value: &Secret) -> Result<(), SecretError> {
        self.set_all(&[(r.clone(), value.clone())])
    }

    fn set_all(&self, entries: &[(SecretRef, Secret)]) -> Result<(), SecretError> {
        let entries = entries.to_vec();
        self.run(move |client, me, _| {
            let mut tx = client.transaction().map_err(db)?;
            // Membership changes re-seal under an exclusive lock: never seal to an old set.
            tx.batch_execute("LOCK TABLE members IN SHARE MODE")
                .map_err(db)?;
            match Role::of_member(&mut tx, me)? {
                Some(Role::Renewer) => {}
                Some(Role::Viewer) => return Err(WorkspaceError::Viewer(me.member.clone())),
                None => return Err(WorkspaceError::NotMember(me.member.clone())),
            }
            let recipients = renewer_keys(&mut tx)?;
            for (r, value) in &entries {
                let sealed = seal(value.expose().as_bytes(), &recipients)?;
                tx.execute(
                    "INSERT INTO sealed_secrets (ref, ciphertext, fingerprint, sealed_for, \
                     sealed_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (ref) DO UPDATE SET \
                     ciphertext = $2, fingerprint = $3, sealed_for = $4, sealed_by = $5, \
                     sealed_at = now()",
                    &[&r.0, &sealed, &value.fingerprint(), &recipients, &me.member],
                )
                .map_err(db)?;
            }
            tx.commit().map_err(db)
        })
    }

    fn delete(&self, r: &SecretRef) -> Result<(), SecretError> {
        self.delete_all(std::slice::from_ref(r))
    }

    fn delete_all(&self, refs: &[SecretRef]) -> Result<(), SecretError> {
        let names: Vec<String> = refs.iter().map(|r| r.0.clone()).collect();
        self.run(move |client, _, _| {
            client
                .execute("DELETE FROM sealed_secrets WHERE ref = ANY($1)", &[&names])
                .map_err(db)?;
            Ok(())
        })
    }
}

fn renewer_keys(client: &mut impl GenericClient) -> Result<Vec<String>, WorkspaceError> {
    Ok(client
        .query(
            "SELECT public_key FROM members WHERE role = 'renewer' ORDER BY name",
            &[],
        )
        .map_err(db)?
        .into_iter()
        .map(|r| r.get(0))
        .collect())
}

fn seal(plain: &[u8], recipients: &[String]) -> Result<Vec<u8>, WorkspaceError> {
    let keys = recipients
        .iter()
        .map(|k| k.parse::<age::x25519::Recipient>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| WorkspaceError::BadKey(e.to_string()))?;
    let failed = |e: &dyn std::fmt::Display| WorkspaceError::Db(format!("could not seal: {e}"));
    let encryptor = age::Encryptor::with_recipients(keys.iter().map(|k| k as &dyn age::Recipient))
        .map_err(|e| failed(&e))?;
    let mut out = Vec::new();
    let mut writer = encryptor.wrap_output(&mut out).map_err(|e| failed(&e))?;
    writer.write_all(plain).map_err(|e| failed(&e))?;
    writer.finish().map_err(|e| failed(&e))?;
    Ok(out)
}

fn unseal(ciphertext: &[u8], identity: &age::x25519::Identity) -> Result<Secret, WorkspaceError> {
    let damaged = |e: &dyn std::fmt::Display| {
        WorkspaceError::Db(format!("a sealed secret cannot be opened: {e}"))
    };
    let decryptor = age::Decryptor::new(ciphertext).map_err(|e| damaged(&e))?;
    let mut reader = decryptor
        .decrypt(std::iter::once(identity as &dyn age::Identity))
        .map_err(|e| damaged(&e))?;
    let mut plain = Zeroizing::new(Vec::new());
    reader.read_to_end(&mut plain).map_err(|e| damaged(&e))?;
    let text = std::str::from_utf8(&plain).map_err(|e| damaged(&e))?;
    Ok(Secret::new(text))
}

/// Seals every secret again to the current renewers, inside the caller's transaction (which
/// holds the members lock). A secret this member cannot open refuses the whole change.
pub(super) fn reseal_all(
    tx: &mut postgres::Transaction<'_>,
    identity: &age::x25519::Identity,
    by: &str,
) -> Result<usize, WorkspaceError> {
    let recipients = renewer_keys(tx)?;
    let mine = identity.to_public().to_string();
    let rows = tx
        .query(
            "SELECT ref, ciphertext, sealed_for FROM sealed_secrets ORDER BY ref FOR UPDATE",
            &[],
        )
        .map_err(db)?;
    let unreadable = rows
        .iter()
        .filter(|r| !r.get::<_, Vec<String>>(2).contains(&mine))
        .count();
    if unreadable > 0 {
        return Err(WorkspaceError::Unreadable { count: unreadable });
    }
    for row in &rows {
        let plain = unseal(row.get(1), identity)?;
        let sealed = seal(plain.expose().as_bytes(), &recipients)?;
        tx.execute(
            "UPDATE sealed_secrets SET ciphertext = $2, sealed_for = $3, sealed_by = $4, \
             sealed_at = now() WHERE ref = $1",
            &[&row.get::<_, &str>(0), &sealed, &recipients, &by],
        )
        .map_err(db)?;
    }
    Ok(rows.len())
}

/// Names of the channels whose current or previous token is sealed to `key`.
pub(super) fn sealed_channels(
    client: &mut impl GenericClient,
    key: &str,
) -> Result<Vec<String>, WorkspaceError> {
    Ok(client
        .query(
            "SELECT c.name FROM channels c WHERE EXISTS (SELECT 1 FROM sealed_secrets s \
             WHERE $1 = ANY (s.sealed_for) AND s.ref IN (c.data->'token'->>'secret', \
             c.data->'previous_token'->>'secret')) ORDER BY c.name",
            &[&key],
        )
        .map_err(db)?
        .into_iter()
        .map(|r| r.get(0))
        .collect())
}

/// Deletes the sealed secrets no channel (token in use or previous token) and no app refers to,
/// sealed more than `older_than` ago: what a change left that stopped between sealing its new
/// token and writing its channel. Younger ones may belong to a change still in flight on
/// another member's machine (the same rule as a local profile's `sweep::ORPHAN_AGE`).
pub(super) fn sweep(
    client: &mut impl GenericClient,
    older_than: std::time::Duration,
) -> Result<u64, WorkspaceError> {
    let app_prefix = SecretRef::app_secret("").0;
    client
        .execute(
            "DELETE FROM sealed_secrets s \
             WHERE s.sealed_at < now() - make_interval(secs => $1) \
             AND NOT EXISTS (SELECT 1 FROM channels c WHERE s.ref IN \
                 (c.data->'token'->>'secret', c.data->'previous_token'->>'secret')) \
             AND NOT EXISTS (SELECT 1 FROM apps a WHERE s.ref = $2 || a.id)",
            &[&older_than.as_secs_f64(), &app_prefix],
        )
        .map_err(db)
}
