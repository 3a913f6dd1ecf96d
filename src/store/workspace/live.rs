//! Live: every committed change notifies the workspace's PostgreSQL channel (NOTIFY is
//! delivered on commit only, so a rolled-back change tells no one), and an open window listens
//! on a connection of its own and reloads. A notice names the changed channel and its row
//! version, never a secret: anyone who can LISTEN on the server may read it.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use postgres::fallible_iterator::FallibleIterator;
use serde::{Deserialize, Serialize};

use super::{Workspace, WorkspaceError};
use crate::store::StoreError;

/// More changes than this in one transaction (a check-all) are told as one "reload all".
const MAX_NOTICES: usize = 32;
/// How often a listener looks whether it should stop, and waits before connecting again.
const LOOK_EVERY: Duration = Duration::from_millis(500);
const RETRY_AFTER: Duration = Duration::from_secs(2);

/// One committed change: the channel and its row version after it (`None`: removed); both
/// `None` for a change of apps, of many channels, or a reconnection (reload everything).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub channel: Option<String>,
    pub row_version: Option<i64>,
}

impl Notice {
    pub(super) fn channel(id: &str, row_version: Option<i64>) -> Notice {
        Notice {
            channel: Some(id.to_string()),
            row_version,
        }
    }
}

/// The PostgreSQL channel of a workspace; its id is a UUID, anything else is refused rather
/// than put in a statement.
fn pg_channel(workspace_id: &str) -> Result<String, WorkspaceError> {
    if workspace_id.is_empty()
        || !workspace_id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        return Err(WorkspaceError::Db("the workspace id is not a UUID".into()));
    }
    Ok(format!("tokenwarden_{workspace_id}"))
}

/// Queues the notices in `tx`: they reach listeners when (and only if) it commits.
pub(super) fn notify(
    tx: &mut postgres::Transaction<'_>,
    workspace_id: &str,
    notices: &[Notice],
) -> Result<(), WorkspaceError> {
    if notices.is_empty() {
        return Ok(());
    }
    let channel = pg_channel(workspace_id)?;
    let all = [Notice::default()];
    let notices = if notices.len() > MAX_NOTICES {
        &all[..]
    } else {
        notices
    };
    for n in notices {
        // A plain struct of strings and numbers always serialises.
        let payload = serde_json::to_string(n).unwrap_or_default();
        tx.execute("SELECT pg_notify($1, $2)", &[&channel, &payload])
            .map_err(super::conn::db)?;
    }
    Ok(())
}

/// Stops its listener when dropped (within `LOOK_EVERY`).
#[derive(Debug)]
pub struct Listening {
    stop: Arc<AtomicBool>,
}

impl Drop for Listening {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

impl Workspace {
    /// Listens for the workspace's changes on a second connection, on a thread of its own, and
    /// calls `on_change` for each. After every (re)connection, and when the connection is lost,
    /// it calls it once with a "reload all" notice: changes made while it was not listening were
    /// not told, and a reader should learn the server is away. A server that goes away is tried
    /// again every `RETRY_AFTER`.
    pub fn listen(
        &self,
        mut on_change: impl FnMut(Notice) + Send + 'static,
    ) -> Result<Listening, StoreError> {
        let channel = pg_channel(&self.membership()?.workspace_id)?;
        let conn = self.conn()?;
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        std::thread::Builder::new()
            .name("workspace-listen".into())
            .spawn(move || {
                while !stopped.load(Ordering::Relaxed) {
                    let Ok(mut client) = conn.connect_another() else {
                        std::thread::sleep(RETRY_AFTER);
                        continue;
                    };
                    if client
                        .batch_execute(&format!("LISTEN \"{channel}\""))
                        .is_err()
                    {
                        std::thread::sleep(RETRY_AFTER);
                        continue;
                    }
                    on_change(Notice::default());
                    while !stopped.load(Ordering::Relaxed) {
                        match client.notifications().timeout_iter(LOOK_EVERY).next() {
                            Ok(Some(n)) => on_change(
                                serde_json::from_str(n.payload()).unwrap_or_default(),
                            ),
                            Ok(None) => {}
                            Err(e) => {
                                tracing::warn!(error = %e, "workspace listener lost its connection");
                                // The reader looks again and finds the server away (offline).
                                on_change(Notice::default());
                                break;
                            }
                        }
                    }
                }
            })
            .map_err(|e| WorkspaceError::Db(format!("could not start its thread: {e}")))?;
        Ok(Listening { stop })
    }
}
