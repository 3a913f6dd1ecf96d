//! The catalog as rows: read in one consistent snapshot, changed by writing only the rows that
//! differ, each guarded by the row version it was read at. The last read is copied to the
//! profile folder (facts only) for reading while the server is away.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use postgres::Client;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::conn::db;
use super::live::Notice;
use super::{Membership, Role, Workspace, WorkspaceError};
use crate::model::{Channel, MetaApp};
use crate::store::{CATALOG_SCHEMA, Catalog, StoreError};

/// One read of the catalog and the row version of each app and channel in it.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub catalog: Catalog,
    channel_versions: HashMap<String, i64>,
    app_versions: HashMap<String, i64>,
}

/// The offline copy: the catalog's facts and when they were read from the server.
#[derive(Serialize, Deserialize)]
struct OfflineCopy {
    synced_at: DateTime<Utc>,
    catalog: Catalog,
}

impl Workspace {
    /// The catalog from the server, or (server unreachable) from the offline copy, marked so.
    pub fn load(&self) -> Result<Catalog, StoreError> {
        let membership = self.membership()?.clone();
        let online = self
            .conn()
            .and_then(|conn| conn.run(move |client| read(client, &membership)));
        let mut offline = None;
        let mut locked = None;
        let read = match online {
            Ok(snapshot) => {
                self.save_copy(&snapshot.catalog);
                Ok(snapshot.catalog)
            }
            Err(WorkspaceError::Offline(detail)) => {
                let copy = self.read_copy().ok_or(WorkspaceError::Offline(detail))?;
                offline = Some(copy.synced_at);
                Ok(copy.catalog)
            }
            // Reading needs no secret: without the address (a vault whose passphrase was not
            // given) the copy is shown, said so; every change still needs the server.
            Err(WorkspaceError::Locked(detail)) => {
                let copy = self.read_copy().ok_or(WorkspaceError::Locked(detail))?;
                locked = Some(copy.synced_at);
                Ok(copy.catalog)
            }
            Err(e) => Err(e.into()),
        };
        *self.offline.lock().unwrap_or_else(|e| e.into_inner()) = offline;
        *self.locked_copy.lock().unwrap_or_else(|e| e.into_inner()) = locked;
        read
    }

    /// Read, apply `f`, write what changed and the history lines `f` left in
    /// `Catalog::history`, in one transaction, in the way `CatalogFile::update` promises: when
    /// `f` fails nothing is written; a row someone else changed since the read fails the whole
    /// change with a conflict that names them. With `per_channel` (facts about tokens, see
    /// `CatalogFile::update_per_channel`) such a channel is left as they left it instead, and
    /// counted. Renewers only; never from the offline copy.
    pub fn update<T, E: From<StoreError>>(
        &self,
        f: impl FnOnce(&mut Catalog) -> Result<T, E>,
        per_channel: bool,
    ) -> Result<(T, usize), E> {
        let membership = self.membership().map_err(StoreError::from)?.clone();
        let conn = self.conn().map_err(StoreError::from)?;
        let me = membership.clone();
        let (snapshot, role) = conn
            .run(move |client| Ok((read(client, &me)?, Role::of_member(client, &me)?)))
            .map_err(StoreError::from)?;
        match role {
            Some(Role::Renewer) => {}
            Some(Role::Viewer) => {
                return Err(StoreError::from(WorkspaceError::Viewer(membership.member)).into());
            }
            None => {
                return Err(StoreError::from(WorkspaceError::NotMember(membership.member)).into());
            }
        }
        let mut catalog = snapshot.catalog.clone();
        let result = f(&mut catalog)?;
        crate::env::test_pause("before_workspace_write");
        let (member, workspace_id) = (membership.member.clone(), membership.workspace_id);
        let skipped = conn
            .run(move |client| {
                let change = Change {
                    before: &snapshot,
                    after: &catalog,
                    member: &member,
                    workspace_id: &workspace_id,
                    per_channel,
                };
                write(client, &change)
            })
            .map_err(StoreError::from)?;
        Ok((result, skipped))
    }

    fn save_copy(&self, catalog: &Catalog) {
        let copy = OfflineCopy {
            synced_at: Utc::now(),
            catalog: catalog.clone(),
        };
        // Best effort: the copy only serves reading while offline.
        if let Ok(bytes) = serde_json::to_vec(&copy)
            && let Err(e) = crate::store::atomic::write_atomic(&self.copy_path(), &bytes)
        {
            tracing::warn!(error = %e, "could not keep the workspace's offline copy");
        }
    }

    fn read_copy(&self) -> Option<OfflineCopy> {
        let bytes = crate::store::private::read(&self.copy_path()).ok()?;
        serde_json::from_slice(&bytes).ok()
    }
}

fn json<T: for<'de> Deserialize<'de>>(v: Value) -> Result<T, WorkspaceError> {
    serde_json::from_value(v).map_err(|e| WorkspaceError::Db(format!("a row is damaged: {e}")))
}

/// The whole catalog in one repeatable-read snapshot.
fn read(client: &mut Client, membership: &Membership) -> Result<Snapshot, WorkspaceError> {
    let mut tx = client
        .build_transaction()
        .isolation_level(postgres::IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()
        .map_err(db)?;
    super::schema::check(&mut tx)?;
    let head = tx
        .query_opt("SELECT last_check_at FROM workspace", &[])
        .map_err(db)?
        .ok_or(WorkspaceError::NotInitialised)?;
    let mut snapshot = Snapshot {
        catalog: Catalog {
            schema: CATALOG_SCHEMA,
            profile_id: membership.local_profile_id.clone(),
            last_check_at: head.get(0),
            ..Catalog::default()
        },
        channel_versions: HashMap::new(),
        app_versions: HashMap::new(),
    };
    for row in tx
        .query(
            "SELECT id, data, row_version FROM apps ORDER BY name, id",
            &[],
        )
        .map_err(db)?
    {
        snapshot.app_versions.insert(row.get(0), row.get(2));
        snapshot.catalog.apps.push(json::<MetaApp>(row.get(1))?);
    }
    for row in tx
        .query(
            "SELECT id, data, row_version, changed_by, changed_at FROM channels \
             ORDER BY data->>'added_at', id",
            &[],
        )
        .map_err(db)?
    {
        snapshot.channel_versions.insert(row.get(0), row.get(2));
        snapshot
            .catalog
            .changed
            .insert(row.get(0), (row.get(3), row.get(4)));
        snapshot.catalog.channels.push(json::<Channel>(row.get(1))?);
    }
    tx.commit().map_err(db)?;
    Ok(snapshot)
}

/// Which row a change lost its race on.
enum Lost {
    Channel { id: String, name: String },
    App { id: String, name: String },
    Other(WorkspaceError),
}

impl From<postgres::Error> for Lost {
    fn from(e: postgres::Error) -> Lost {
        Lost::Other(db(e))
    }
}

/// One change to write: the rows `after` changed against `before`, by `member`.
struct Change<'a> {
    before: &'a Snapshot,
    after: &'a Catalog,
    member: &'a str,
    workspace_id: &'a str,
    /// A channel changed since the read is skipped (and counted), not a conflict.
    per_channel: bool,
}

/// Writes the change in one transaction; returns how many channels were skipped.
fn write(client: &mut Client, change: &Change<'_>) -> Result<usize, WorkspaceError> {
    match write_rows(client, change) {
        Ok(skipped) => Ok(skipped),
        Err(Lost::Other(e)) => Err(e),
        // The transaction is gone; who won is read as committed now.
        Err(Lost::Channel { id, name }) => Err(who_changed(client, "channels", &id, name)),
        Err(Lost::App { id, name }) => Err(who_changed(client, "apps", &id, name)),
    }
}

fn write_rows(client: &mut Client, change: &Change<'_>) -> Result<usize, Lost> {
    let Change {
        before,
        after,
        member,
        ..
    } = *change;
    let mut tx = client.transaction()?;
    let old_channels: HashMap<&str, &Channel> = before
        .catalog
        .channels
        .iter()
        .map(|c| (c.id.as_str(), c))
        .collect();
    let mut channels: Vec<&Channel> = after.channels.iter().collect();
    // One order for every writer, so two changes of the same rows queue instead of deadlocking.
    channels.sort_by(|a, b| a.id.cmp(&b.id));
    let mut notices: Vec<Notice> = Vec::new();
    let mut skipped: Vec<&str> = Vec::new();
    for c in channels {
        let lost = || Lost::Channel {
            id: c.id.clone(),
            name: c.name.clone(),
        };
        let data = serde_json::to_value(c).map_err(|e| Lost::Other(encode(e)))?;
        let kind = c.kind.code();
        match old_channels.get(c.id.as_str()) {
            None => {
                let inserted = tx.query_opt(
                    "INSERT INTO channels (id, name, kind, app_id, page_id, token_fingerprint, \
                     data, changed_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
                     ON CONFLICT DO NOTHING RETURNING row_version",
                    &[
                        &c.id,
                        &c.name,
                        &kind,
                        &c.app_id,
                        &c.page_id,
                        &c.token.fingerprint,
                        &data,
                        &member,
                    ],
                )?;
                let Some(row) = inserted else {
                    return Err(lost());
                };
                notices.push(Notice::channel(&c.id, Some(row.get(0))));
            }
            Some(old) => {
                if serde_json::to_value(old).ok().as_ref() == Some(&data) {
                    continue;
                }
                let version = before.channel_versions.get(&c.id).copied().unwrap_or(0);
                let updated = tx.query_opt(
                    "UPDATE channels SET name = $3, kind = $4, app_id = $5, page_id = $6, \
                     token_fingerprint = $7, data = $8, changed_by = $9, changed_at = now(), \
                     row_version = row_version + 1 WHERE id = $1 AND row_version = $2 \
                     RETURNING row_version",
                    &[
                        &c.id,
                        &version,
                        &c.name,
                        &kind,
                        &c.app_id,
                        &c.page_id,
                        &c.token.fingerprint,
                        &data,
                        &member,
                    ],
                );
                match updated {
                    Ok(Some(row)) => notices.push(Notice::channel(&c.id, Some(row.get(0)))),
                    // Someone changed the row since the read: their change stands.
                    Ok(None) if change.per_channel => skipped.push(&c.id),
                    Ok(None) => return Err(lost()),
                    Err(e) if is_race(&e) => return Err(lost()),
                    Err(e) => return Err(e.into()),
                }
            }
        }
    }
    let gone = before
        .catalog
        .channels
        .iter()
        .filter(|old| !after.channels.iter().any(|c| c.id == old.id));
    for old in gone {
        delete_row(&mut tx, Table::Channels, &old.id, &before.channel_versions).map_err(|e| {
            e.unwrap_or_else(|| Lost::Channel {
                id: old.id.clone(),
                name: old.name.clone(),
            })
        })?;
        notices.push(Notice::channel(&old.id, None));
    }
    if write_apps(&mut tx, before, after, member)? {
        notices.push(Notice::default());
    }
    if after.last_check_at != before.catalog.last_check_at
        && let Some(at) = after.last_check_at
    {
        // A time, not a fact two people can disagree on: the later check stays.
        tx.execute(
            "UPDATE workspace SET last_check_at = greatest(coalesce(last_check_at, $1), $1)",
            &[&at],
        )?;
    }
    // The lines of what was written, not of what was skipped.
    let history: Vec<_> = after
        .history
        .iter()
        .filter(|e| !skipped.contains(&e.channel_id.as_str()))
        .cloned()
        .collect();
    super::history::insert(&mut tx, &history, member).map_err(Lost::Other)?;
    super::live::notify(&mut tx, change.workspace_id, &notices).map_err(Lost::Other)?;
    tx.commit().map_err(|e| {
        if is_race(&e) {
            Lost::Other(WorkspaceError::Conflict {
                what: String::new(),
                by: String::new(),
                at: None,
            })
        } else {
            e.into()
        }
    })?;
    Ok(skipped.len())
}

/// Writes the apps that changed; true when any did.
fn write_apps(
    tx: &mut postgres::Transaction<'_>,
    before: &Snapshot,
    after: &Catalog,
    member: &str,
) -> Result<bool, Lost> {
    let mut changed = false;
    for app in &after.apps {
        let lost = || Lost::App {
            id: app.id.clone(),
            name: app.name.clone(),
        };
        let data = serde_json::to_value(app).map_err(|e| Lost::Other(encode(e)))?;
        match before.catalog.apps.iter().find(|a| a.id == app.id) {
            None => {
                let n = tx.execute(
                    "INSERT INTO apps (id, name, data, changed_by) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT DO NOTHING",
                    &[&app.id, &app.name, &data, &member],
                )?;
                if n != 1 {
                    return Err(lost());
                }
                changed = true;
            }
            Some(old) if serde_json::to_value(old).ok().as_ref() == Some(&data) => {}
            Some(_) => {
                let version = before.app_versions.get(&app.id).copied().unwrap_or(0);
                let n = tx.execute(
                    "UPDATE apps SET name = $3, data = $4, changed_by = $5, changed_at = now(), \
                     row_version = row_version + 1 WHERE id = $1 AND row_version = $2",
                    &[&app.id, &version, &app.name, &data, &member],
                )?;
                if n != 1 {
                    return Err(lost());
                }
                changed = true;
            }
        }
    }
    let gone = before
        .catalog
        .apps
        .iter()
        .filter(|old| !after.apps.iter().any(|a| a.id == old.id));
    for old in gone {
        delete_row(tx, Table::Apps, &old.id, &before.app_versions).map_err(|e| {
            e.unwrap_or_else(|| Lost::App {
                id: old.id.clone(),
                name: old.name.clone(),
            })
        })?;
        changed = true;
    }
    Ok(changed)
}

#[derive(Clone, Copy)]
enum Table {
    Channels,
    Apps,
}

/// Deletes a row the change removed, if it is still at the version read. `Err(None)`: someone
/// changed or removed it meanwhile (the caller names the row); `Err(Some(_))`: the database
/// failed.
fn delete_row(
    tx: &mut postgres::Transaction<'_>,
    table: Table,
    id: &str,
    versions: &HashMap<String, i64>,
) -> Result<(), Option<Lost>> {
    let version = versions.get(id).copied().unwrap_or(0);
    // The table name is one of two constants, never input.
    let sql = match table {
        Table::Channels => "DELETE FROM channels WHERE id = $1 AND row_version = $2",
        Table::Apps => "DELETE FROM apps WHERE id = $1 AND row_version = $2",
    };
    match tx.execute(sql, &[&id, &version]) {
        Ok(1) => Ok(()),
        Ok(_) => Err(None),
        Err(e) => Err(Some(e.into())),
    }
}

/// A deadlock or serialisation failure: two changes raced; the loser changed nothing.
fn is_race(e: &postgres::Error) -> bool {
    use postgres::error::SqlState;
    e.code().is_some_and(|c| {
        *c == SqlState::T_R_DEADLOCK_DETECTED || *c == SqlState::T_R_SERIALIZATION_FAILURE
    })
}

fn encode(e: serde_json::Error) -> WorkspaceError {
    WorkspaceError::Db(format!("could not encode a row: {e}"))
}

/// The conflict of a lost race: who last changed the row (by id, else by name) and when.
fn who_changed(client: &mut Client, table: &str, id: &str, name: String) -> WorkspaceError {
    let sql = format!(
        "SELECT changed_by, changed_at FROM {table} WHERE id = $1 OR name = $2 \
         ORDER BY (id = $1) DESC LIMIT 1"
    );
    match client.query_opt(&sql, &[&id, &name]) {
        Ok(Some(row)) => WorkspaceError::Conflict {
            what: name,
            by: row.get(0),
            at: row.get(1),
        },
        // Removed meanwhile: who removed it is in the history, not in a row.
        Ok(None) | Err(_) => WorkspaceError::Conflict {
            what: name,
            by: String::new(),
            at: None,
        },
    }
}
