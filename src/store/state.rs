//! `state.json`: this computer's bookkeeping beside the catalog — reminder settings, what each
//! channel was last notified about, snoozes, how far the clock was from Facebook's at the
//! last check, and which secret entries were stored (the ledger `store::sweep` cleans up by). Nothing in it is a secret, and nothing in it is precious: a damaged file is read
//! as empty (reminders may repeat once, unused secret entries made before stay) instead of
//! stopping the app.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::atomic::write_atomic;
use super::lock::FileLock;
use super::{Profile, StoreError};
use crate::model::{Health, ReasonCode};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LocalState {
    #[serde(default)]
    pub reminders: ReminderSettings,
    /// By channel id.
    #[serde(default)]
    pub channels: BTreeMap<String, ChannelReminder>,
    #[serde(default)]
    pub server_clock: Option<ServerClockReading>,
    /// The secret entries this profile stored, to find the unused ones (see `store::sweep`).
    #[serde(default)]
    pub secrets: SecretLedger,
}

/// Secret entries written down before they were stored. No secret, only references and times.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SecretLedger {
    /// The profile id of the catalog these entries belong to.
    #[serde(default)]
    pub catalog: Option<String>,
    /// Secret reference → when it was first stored.
    #[serde(default)]
    pub created: BTreeMap<String, DateTime<Utc>>,
}

/// Shared by the desktop app's scheduler and `check --notify`, so both remind alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderSettings {
    /// How often the running app checks every channel.
    pub interval_hours: u32,
    /// Remind this many days before a token or its data access expires.
    pub lead_days: u32,
}

impl Default for ReminderSettings {
    fn default() -> Self {
        ReminderSettings {
            interval_hours: 6,
            lead_days: 7,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ChannelReminder {
    /// What the user was last told about this channel; cleared when it is healthy again.
    #[serde(default)]
    pub notified: Option<NotifiedState>,
    /// No reminders for this channel until then.
    #[serde(default)]
    pub snoozed_until: Option<DateTime<Utc>>,
}

/// The state a reminder was raised for: the same state again is not worth a second one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotifiedState {
    pub health: Health,
    pub reason_code: Option<ReasonCode>,
    pub at: DateTime<Utc>,
}

/// Facebook's clock minus ours, seen in the `Date` header of the last answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerClockReading {
    pub skew_seconds: i64,
    pub observed_at: DateTime<Utc>,
}

/// The state file of one profile.
#[derive(Debug, Clone)]
pub struct StateFile {
    path: PathBuf,
    lock_path: PathBuf,
}

impl StateFile {
    pub fn new(profile: &Profile) -> StateFile {
        StateFile {
            path: profile.dir.join("state.json"),
            lock_path: profile.dir.join("state.lock"),
        }
    }

    /// The saved state; empty when there is none or it cannot be read.
    pub fn load(&self) -> Result<LocalState, StoreError> {
        match super::private::read(&self.path) {
            Ok(bytes) => Ok(parse(&bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(LocalState::default()),
            Err(e) => Err(StoreError::io("read the reminder state", &self.path, e)),
        }
    }

    /// Locked read–change–write with an atomic replace (two copies of the app may run).
    pub fn update<T>(&self, f: impl FnOnce(&mut LocalState) -> T) -> Result<T, StoreError> {
        let _lock = FileLock::exclusive(&self.lock_path)
            .map_err(|source| StoreError::lock(&self.lock_path, source))?;
        let mut state = self.load()?;
        let before = state.clone();
        let result = f(&mut state);
        if state != before {
            // Plain structs with string keys always serialise.
            let mut bytes = serde_json::to_vec_pretty(&state)
                .map_err(|e| StoreError::io("save the reminder state", &self.path, e.into()))?;
            bytes.push(b'\n');
            write_atomic(&self.path, &bytes)
                .map_err(|e| StoreError::io("save the reminder state", &self.path, e))?;
        }
        Ok(result)
    }
}

fn parse(bytes: &[u8]) -> LocalState {
    serde_json::from_slice(bytes).unwrap_or_else(|e| {
        tracing::warn!(error = %e, "state.json is damaged; starting with empty reminder state");
        LocalState::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saves_and_reads_back_and_survives_damage() {
        let dir = tempfile::tempdir().unwrap();
        let file = StateFile::new(&Profile {
            dir: dir.path().into(),
        });
        assert_eq!(file.load().unwrap(), LocalState::default());
        let until = Utc::now();
        file.update(|s| {
            s.channels.entry("c1".into()).or_default().snoozed_until = Some(until);
            s.reminders.lead_days = 3;
        })
        .unwrap();
        let back = file.load().unwrap();
        assert_eq!(back.channels["c1"].snoozed_until, Some(until));
        assert_eq!(back.reminders.lead_days, 3);
        assert_eq!(back.reminders.interval_hours, 6);
        std::fs::write(dir.path().join("state.json"), b"{\"channels\":").unwrap();
        assert_eq!(file.load().unwrap(), LocalState::default());
    }
}
