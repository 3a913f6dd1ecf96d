//! `history.jsonl`: what happened to each channel, one JSON object per line, only ever appended
//! (under `history.lock`). Fingerprints, health and reason codes only: never a token or secret.
//!
//! Reading is forgiving: a line cut short by a crash, or written by a newer Tokenwarden, is
//! skipped rather than hiding the rest of the history.

use std::io::{Read, Seek, SeekFrom, Write};
use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::lock::FileLock;
use super::{Profile, StoreError};
use crate::model::{Health, ReasonCode};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub at: DateTime<Utc>,
    /// The account on this computer that made the change ("alice").
    pub os_user: String,
    pub channel_id: String,
    /// The channel's name at the time (it may be renamed later).
    pub channel_name: String,
    #[serde(flatten)]
    pub event: HistoryEvent,
}

/// One line's event; `event` holds its snake_case name, the other fields sit beside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum HistoryEvent {
    /// A check found the channel in another state than before.
    HealthChanged {
        from: Health,
        to: Health,
        /// The main reason of the new state; none when it turned healthy.
        reason_code: Option<ReasonCode>,
    },
    /// A new token took the place of the old one (renew, login).
    Replaced {
        old_fingerprint: String,
        new_fingerprint: String,
        /// `"user_token"` when the Page token was derived from a User token.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        derived_from: Option<String>,
    },
    RolledBack {
        from_fingerprint: String,
        to_fingerprint: String,
    },
    /// The token came back from a backup file.
    Restored {
        /// The token it replaced; none when the restore added the channel.
        from_fingerprint: Option<String>,
        to_fingerprint: String,
    },
    Added {
        fingerprint: String,
    },
    /// The channel was given another name; `channel_name` holds the new one.
    Renamed {
        from_name: String,
    },
    /// The channel was removed and its tokens deleted from the secret store; the history stays.
    Removed {
        fingerprint: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        previous_fingerprint: Option<String>,
    },
}

impl HistoryEntry {
    /// An entry made now by the current OS user.
    pub fn now(channel_id: &str, channel_name: &str, event: HistoryEvent) -> HistoryEntry {
        HistoryEntry {
            at: Utc::now(),
            os_user: os_user(),
            channel_id: channel_id.to_string(),
            channel_name: channel_name.to_string(),
            event,
        }
    }
}

/// The login name of whoever runs Tokenwarden; "unknown user" when the OS does not say.
pub fn os_user() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .ok()
        .map(|u| u.trim().to_string())
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| "unknown user".into())
}

/// The history file of one profile; on a team workspace, its rows in the database.
#[derive(Debug, Clone)]
pub struct HistoryFile {
    path: PathBuf,
    lock_path: PathBuf,
    workspace: Option<Arc<super::workspace::Workspace>>,
}

impl HistoryFile {
    pub fn new(profile: &Profile) -> HistoryFile {
        HistoryFile {
            path: profile.dir.join("history.jsonl"),
            lock_path: profile.dir.join("history.lock"),
            workspace: super::workspace::of(profile),
        }
    }

    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// Appends `entries` in one write under the lock, so lines of two processes never mix.
    pub fn append(&self, entries: &[HistoryEntry]) -> Result<(), StoreError> {
        if entries.is_empty() {
            return Ok(());
        }
        if let Some(ws) = &self.workspace {
            return ws.append_history(entries);
        }
        let mut bytes = Vec::new();
        for e in entries {
            // Plain structs with string keys always serialise.
            serde_json::to_writer(&mut bytes, e)
                .map_err(|e| StoreError::io("write the history", &self.path, e.into()))?;
            bytes.push(b'\n');
        }
        let _lock = FileLock::exclusive(&self.lock_path)
            .map_err(|source| StoreError::lock(&self.lock_path, source))?;
        let mut file = super::private::options()
            .create(true)
            .read(true)
            .append(true)
            .open(&self.path)
            .map_err(super::private::explain_link)
            .map_err(|e| StoreError::io("open the history", &self.path, e))?;
        // A line torn by a crash must not swallow the next entry: start on a fresh line.
        if !ends_with_newline(&mut file) {
            bytes.insert(0, b'\n');
        }
        file.write_all(&bytes)
            .and_then(|()| file.sync_data())
            .map_err(|e| StoreError::io("write the history", &self.path, e))
    }

    /// Every readable entry, oldest first; no file yet is an empty history.
    pub fn read_all(&self) -> Result<Vec<HistoryEntry>, StoreError> {
        if let Some(ws) = &self.workspace {
            return ws.read_history();
        }
        let text = match super::private::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(vec![]),
            Err(e) => return Err(StoreError::io("read the history", &self.path, e)),
        };
        Ok(text
            .split(|b| *b == b'\n')
            .filter(|line| !line.iter().all(u8::is_ascii_whitespace))
            .filter_map(|line| serde_json::from_slice(line).ok())
            .collect())
    }
}

/// True for an empty file too; an unreadable tail counts as torn (one blank line is harmless).
fn ends_with_newline(file: &mut std::fs::File) -> bool {
    let mut last = [0u8; 1];
    match file.seek(SeekFrom::End(-1)) {
        Ok(_) => file.read_exact(&mut last).is_ok() && last[0] == b'\n',
        // Seeking before the start: the file is empty.
        Err(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs::OpenOptions;

    fn file() -> (tempfile::TempDir, HistoryFile) {
        let dir = tempfile::tempdir().unwrap();
        let profile = Profile {
            dir: dir.path().into(),
        };
        (dir, HistoryFile::new(&profile))
    }

    #[test]
    fn entries_come_back_in_order_with_their_event() {
        let (_dir, history) = file();
        assert!(history.read_all().unwrap().is_empty());
        let added = HistoryEntry::now(
            "c1",
            "Shoes",
            HistoryEvent::Added {
                fingerprint: "sha256:aaa".into(),
            },
        );
        let changed = HistoryEntry::now(
            "c1",
            "Shoes",
            HistoryEvent::HealthChanged {
                from: Health::Healthy,
                to: Health::Broken,
                reason_code: Some(ReasonCode::PasswordChanged),
            },
        );
        history.append(std::slice::from_ref(&added)).unwrap();
        history.append(std::slice::from_ref(&changed)).unwrap();
        assert_eq!(history.read_all().unwrap(), vec![added, changed]);
        let text = std::fs::read_to_string(history.path()).unwrap();
        assert!(text.contains(r#""event":"health_changed""#), "{text}");
        assert!(
            text.contains(r#""reason_code":"password_changed""#),
            "{text}"
        );
    }

    #[test]
    fn a_torn_or_unknown_line_does_not_hide_the_rest() {
        let (_dir, history) = file();
        let entry = HistoryEntry::now(
            "c1",
            "Shoes",
            HistoryEvent::RolledBack {
                from_fingerprint: "sha256:b".into(),
                to_fingerprint: "sha256:a".into(),
            },
        );
        history.append(std::slice::from_ref(&entry)).unwrap();
        let mut f = OpenOptions::new()
            .append(true)
            .open(history.path())
            .unwrap();
        f.write_all(b"{\"at\":\"2026-01-01T00:00:00Z\",\"event\":\"teleported\"}\n{\"at\":")
            .unwrap();
        history.append(std::slice::from_ref(&entry)).unwrap();
        assert_eq!(history.read_all().unwrap(), vec![entry.clone(), entry]);
    }
}
