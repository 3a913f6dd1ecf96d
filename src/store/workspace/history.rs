//! The history of a workspace: one row per entry, stamped with the member who made the change
//! (from this profile's membership, not from the computer's login name).

use super::conn::db;
use super::{Workspace, WorkspaceError};
use crate::store::{HistoryEntry, StoreError};

impl Workspace {
    pub fn append_history(&self, entries: &[HistoryEntry]) -> Result<(), StoreError> {
        if entries.is_empty() {
            return Ok(());
        }
        let member = self.membership()?.member.clone();
        let entries = entries.to_vec();
        self.conn()?.run(move |client| {
            let mut tx = client.transaction().map_err(db)?;
            insert(&mut tx, &entries, &member)?;
            tx.commit().map_err(db)
        })?;
        Ok(())
    }

    /// Every readable entry, oldest first.
    pub fn read_history(&self) -> Result<Vec<HistoryEntry>, StoreError> {
        let rows = self.conn()?.run(|client| {
            client
                .query("SELECT entry FROM history ORDER BY id", &[])
                .map_err(db)
        })?;
        Ok(rows
            .into_iter()
            .filter_map(|r| serde_json::from_value(r.get(0)).ok())
            .collect())
    }
}

/// Inserts `entries` in `tx`, stamped with `member`: the caller's transaction decides whether
/// they land (with the change they describe) or not at all.
pub(super) fn insert(
    tx: &mut postgres::Transaction<'_>,
    entries: &[HistoryEntry],
    member: &str,
) -> Result<(), WorkspaceError> {
    for e in entries {
        let mut e = e.clone();
        e.os_user = member.to_string();
        let json = serde_json::to_value(&e)
            .map_err(|e| WorkspaceError::Db(format!("could not encode history: {e}")))?;
        tx.execute(
            "INSERT INTO history (at, member, channel_id, channel_name, entry) \
             VALUES ($1, $2, $3, $4, $5)",
            &[&e.at, &e.os_user, &e.channel_id, &e.channel_name, &json],
        )
        .map_err(db)?;
    }
    Ok(())
}
