//! `catalog.json`: the saved channels, Meta apps and last known facts. Never a secret, only
//! references to the secret store. Every change is a locked read–modify–write with an atomic
//! replace, so two running copies never lose each other's changes; it also clears temp files
//! that an interrupted write left behind.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::atomic::write_atomic;
use super::lock::FileLock;
use super::{Profile, StoreError};
use crate::model::{Channel, MetaApp};

/// The catalog format this version writes and reads. Older files are read as they are;
/// newer ones are refused rather than half understood.
pub const CATALOG_SCHEMA: u32 = 1;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Catalog {
    pub schema: u32,
    /// Tells profiles apart in a shared keychain; assigned when the file is first written. A
    /// file without one is damaged, never given a new one.
    pub profile_id: String,
    #[serde(default)]
    pub apps: Vec<MetaApp>,
    #[serde(default, deserialize_with = "channels::sized")]
    pub channels: Vec<Channel>,
    #[serde(default, deserialize_with = "crate::model::timestamp::utc_opt")]
    pub last_check_at: Option<DateTime<Utc>>,
    /// On a team workspace: who last changed each channel (by id) and when, so a change that
    /// finds a channel changed since it was read can say by whom. Never saved in the file.
    #[serde(skip)]
    pub changed: std::collections::HashMap<String, (String, DateTime<Utc>)>,
    /// The history lines of the change an `update` makes, written with it: on a workspace in
    /// the same transaction (a change and its line land together or not at all); in a local
    /// profile appended right after the file is replaced. Never saved in the catalog.
    #[serde(skip)]
    pub history: Vec<super::HistoryEntry>,
}

impl Catalog {
    /// By id first, then by exact name.
    pub fn channel(&self, id_or_exact_name: &str) -> Option<&Channel> {
        let index = self.channel_index(id_or_exact_name)?;
        self.channels.get(index)
    }

    pub fn channel_mut(&mut self, id_or_exact_name: &str) -> Option<&mut Channel> {
        let index = self.channel_index(id_or_exact_name)?;
        self.channels.get_mut(index)
    }

    /// The conflict to report when channel `id` was changed by someone else since it was read:
    /// who and when on a workspace; `None` where that is not known (a local profile).
    pub fn changed_since_read(&self, id: &str, name: &str) -> Option<StoreError> {
        let (by, at) = self.changed.get(id)?;
        Some(StoreError::Workspace(
            super::workspace::WorkspaceError::Conflict {
                what: name.to_string(),
                by: by.clone(),
                at: Some(*at),
            },
        ))
    }

    pub fn app(&self, app_id: &str) -> Option<&MetaApp> {
        self.apps.iter().find(|a| a.id == app_id)
    }

    fn channel_index(&self, id_or_exact_name: &str) -> Option<usize> {
        let by_id = self.channels.iter().position(|c| c.id == id_or_exact_name);
        by_id.or_else(|| {
            self.channels
                .iter()
                .position(|c| c.name == id_or_exact_name)
        })
    }
}

/// The channels are read into a vector of the right size from the start. serde_json cannot
/// tell an array's length before reading it, and grown by doubling, the vector of 10,000
/// channels (288 bytes each) was copied again and again and ended 4.7 MB large for 2.9 MB of
/// channels; in the command line's huge pages (see `cli::heap_in_huge_pages`) that unused
/// end was memory in use all the same.
mod channels {
    use std::cell::Cell;

    use serde::Deserializer;
    use serde::de::{SeqAccess, Visitor};

    use crate::model::Channel;

    thread_local! {
        /// The number of channels in the file being read, as counted by `counted_in`.
        static COUNTED: Cell<usize> = const { Cell::new(0) };
    }

    /// Runs `parse` on `file` with the channel vector sized for the channels counted in it:
    /// every channel has exactly one `"added_at":` key, and those bytes can be nothing else
    /// (a quote inside a JSON text is escaped, and a value is never followed by a colon).
    /// Only a key of that name in an unknown object would count too, or a file written with
    /// a blank before the colon would count fewer: then the vector ends a little larger, or
    /// grows as before. The count is a hint, never trusted for anything else, and capped by
    /// the most channels the file could hold: no channel is written in under 100 bytes (its
    /// required fields with empty texts take 144, or 107 as an array).
    pub(super) fn counted_in<T>(file: &[u8], parse: impl FnOnce() -> T) -> T {
        let keys = memchr::memmem::find_iter(file, b"\"added_at\":").count();
        let count = keys.min(file.len() / 100);
        let before = COUNTED.replace(count);
        let parsed = parse();
        COUNTED.set(before);
        parsed
    }

    /// As serde's own reader of a `Vec` (the same errors), with the counted capacity.
    pub(super) fn sized<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Channel>, D::Error> {
        struct Channels;
        impl<'de> Visitor<'de> for Channels {
            type Value = Vec<Channel>;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a sequence")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Channel>, A::Error> {
                let mut channels = Vec::with_capacity(COUNTED.get());
                while let Some(channel) = seq.next_element()? {
                    channels.push(channel);
                }
                Ok(channels)
            }
        }
        d.deserialize_seq(Channels)
    }
}

/// The catalog file of one profile; on a team workspace, its rows in the database (see
/// `store::workspace`) behind the same calls.
#[derive(Debug, Clone)]
pub struct CatalogFile {
    path: PathBuf,
    lock_path: PathBuf,
    workspace: Option<Arc<super::workspace::Workspace>>,
}

impl CatalogFile {
    pub fn new(profile: &Profile) -> CatalogFile {
        CatalogFile {
            path: profile.catalog_path(),
            lock_path: profile.catalog_lock_path(),
            workspace: super::workspace::of(profile),
        }
    }

    /// The team workspace this profile is on; `None` for a local profile.
    pub fn workspace(&self) -> Option<&Arc<super::workspace::Workspace>> {
        self.workspace.as_ref()
    }

    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// The saved catalog; an empty one when there is no file yet (nothing is written).
    pub fn load(&self) -> Result<Catalog, StoreError> {
        if let Some(ws) = &self.workspace {
            return ws.load();
        }
        Ok(self.read()?.0)
    }

    /// The saved catalog, or `None` when there is no file (a new profile, or one whose catalog
    /// was moved aside).
    pub fn load_existing(&self) -> Result<Option<Catalog>, StoreError> {
        if let Some(ws) = &self.workspace {
            return ws.load().map(Some);
        }
        let (catalog, bytes) = self.read()?;
        Ok(bytes.map(|_| catalog))
    }

    /// Read–modify–write under the catalog lock. When `f` fails nothing is written; otherwise
    /// the file is replaced atomically (unless nothing changed). The profile id and schema are
    /// filled in before `f` runs, so `f` sees them.
    pub fn update<T, E: From<StoreError>>(
        &self,
        f: impl FnOnce(&mut Catalog) -> Result<T, E>,
    ) -> Result<T, E> {
        if let Some(ws) = &self.workspace {
            return ws.update(f, false).map(|(result, _)| result);
        }
        self.update_file(f)
    }

    /// As `update`, for facts about tokens (check results): each channel row is written on its
    /// own terms, so a channel someone changed since the read (a renewal) keeps their change,
    /// its part of this change (and its history lines) is dropped, and the others land. Also
    /// returns how many channels were dropped so (always 0 for a local profile, whose lock
    /// lets no change in between).
    pub fn update_per_channel<T, E: From<StoreError>>(
        &self,
        f: impl FnOnce(&mut Catalog) -> Result<T, E>,
    ) -> Result<(T, usize), E> {
        if let Some(ws) = &self.workspace {
            return ws.update(f, true);
        }
        Ok((self.update_file(f)?, 0))
    }

    fn update_file<T, E: From<StoreError>>(
        &self,
        f: impl FnOnce(&mut Catalog) -> Result<T, E>,
    ) -> Result<T, E> {
        let _lock = FileLock::exclusive(&self.lock_path)
            .map_err(|source| StoreError::lock(&self.lock_path, source))?;
        // Temp files of writes a crash interrupted go with the next change (see `sweep`).
        if let Some(dir) = self.path.parent() {
            super::sweep::sweep_temp_files(dir, super::sweep::ORPHAN_AGE);
        }
        let (mut catalog, old_bytes) = self.read()?;
        catalog.schema = CATALOG_SCHEMA;
        if catalog.profile_id.is_empty() {
            catalog.profile_id = uuid::Uuid::new_v4().to_string();
        }
        let result = f(&mut catalog)?;
        // Plain structs with string keys always serialise; keep a clear error all the same.
        // Compact, and unknown facts left out rather than written as null (the model skips
        // `None`): with 10,000 channels 4.9 MB instead of 10.7 MB, and `list` reads it in about
        // two thirds of the time. Files written pretty and with nulls still load the same.
        let mut bytes = serde_json::to_vec(&catalog).map_err(|e| {
            StoreError::io("save the catalog", &self.path, std::io::Error::other(e))
        })?;
        bytes.push(b'\n');
        if old_bytes.as_deref() != Some(bytes.as_slice()) {
            write_atomic(&self.path, &bytes)
                .map_err(|e| StoreError::io("save the catalog", &self.path, e))?;
        }
        self.append_history(&catalog.history);
        Ok(result)
    }

    /// Best effort, as the history always was here: the change is saved already, and a line
    /// that cannot be written must not turn it into an error.
    fn append_history(&self, entries: &[super::HistoryEntry]) {
        for e in entries {
            tracing::info!(channel = %e.channel_id, event = ?e.event, "history");
        }
        let Some(dir) = self.path.parent() else {
            return;
        };
        let profile = Profile {
            dir: dir.to_path_buf(),
        };
        if let Err(e) = super::HistoryFile::new(&profile).append(entries) {
            tracing::warn!(error = %e, "could not write the history");
        }
    }

    /// The catalog and the bytes it was read from (`None`: no file yet).
    fn read(&self) -> Result<(Catalog, Option<Vec<u8>>), StoreError> {
        let bytes = match super::private::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let empty = Catalog {
                    schema: CATALOG_SCHEMA,
                    ..Catalog::default()
                };
                return Ok((empty, None));
            }
            Err(e) => return Err(StoreError::io("read the catalog", &self.path, e)),
        };
        let catalog = self.parse(&bytes)?;
        Ok((catalog, Some(bytes)))
    }

    fn parse(&self, bytes: &[u8]) -> Result<Catalog, StoreError> {
        let corrupt = |detail: String| StoreError::CorruptCatalog {
            path: self.path.clone(),
            detail,
        };
        // One pass into the structs (a serde_json::Value tree first cost ten times the file's
        // size in memory and most of `list`'s time with 10,000 channels). Only when that fails
        // is the schema number looked at alone: a newer file may not fit our structs at all,
        // and then that is the message, not the shape.
        let newer = |found: u64| StoreError::NewerSchema {
            path: self.path.clone(),
            found,
            supported: CATALOG_SCHEMA,
        };
        // From text checked once as a whole: from bytes, serde_json checks each string and key
        // on its own (300,000 checks with 10,000 channels). Bytes that are not UTF-8 go the
        // byte way, which says where.
        let parsed = channels::counted_in(bytes, || match std::str::from_utf8(bytes) {
            Ok(text) => serde_json::from_str(text),
            Err(_) => serde_json::from_slice(bytes),
        });
        let catalog: Catalog = match parsed {
            Ok(c) => c,
            Err(shape) => {
                #[derive(Deserialize)]
                struct SchemaOnly {
                    schema: Option<serde_json::Value>,
                }
                let head: SchemaOnly = serde_json::from_slice(bytes)
                    .map_err(|e| corrupt(format!("not valid JSON: {e}")))?;
                let schema = head
                    .schema
                    .as_ref()
                    .and_then(serde_json::Value::as_u64)
                    .ok_or_else(|| corrupt("it has no format number (\"schema\")".into()))?;
                if schema > u64::from(CATALOG_SCHEMA) {
                    return Err(newer(schema));
                }
                return Err(corrupt(shape.to_string()));
            }
        };
        if catalog.schema > CATALOG_SCHEMA {
            return Err(newer(u64::from(catalog.schema)));
        }
        // The id ties the catalog to its keychain entries: inventing a new one would silently
        // cut every channel off from its token.
        if catalog.profile_id.trim().is_empty() {
            return Err(corrupt(
                "its profile id (\"profile_id\") is empty, and without it the saved tokens \
                 cannot be found"
                    .into(),
            ));
        }
        Ok(catalog)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_newer_or_unnumbered_file_is_refused_whatever_its_shape() {
        let dir = tempfile::tempdir().unwrap();
        let profile = Profile {
            dir: dir.path().into(),
        };
        let load = |text: &str| {
            std::fs::write(profile.catalog_path(), text).unwrap();
            CatalogFile::new(&profile).load().unwrap_err()
        };
        // Fits our structs, yet newer: refused all the same.
        let fits = load(r#"{"schema":2,"profile_id":"p"}"#);
        assert!(
            matches!(fits, StoreError::NewerSchema { found: 2, .. }),
            "{fits}"
        );
        let other_shape = load(r#"{"schema":3,"profile_id":"p","channels":{"a":1}}"#);
        assert!(matches!(
            other_shape,
            StoreError::NewerSchema { found: 3, .. }
        ));
        let unnumbered = load(r#"{"profile_id":"p"}"#).to_string();
        assert!(unnumbered.contains("no format number"), "{unnumbered}");
        assert!(load("{not json").to_string().contains("not valid JSON"));
    }

    #[test]
    fn an_older_file_without_optional_fields_loads() {
        let dir = tempfile::tempdir().unwrap();
        let profile = Profile {
            dir: dir.path().into(),
        };
        std::fs::write(profile.catalog_path(), r#"{"schema":1,"profile_id":"p"}"#).unwrap();
        let catalog = CatalogFile::new(&profile).load().unwrap();
        assert_eq!(catalog.profile_id, "p");
        assert!(catalog.channels.is_empty() && catalog.apps.is_empty());
    }

    #[test]
    fn channels_load_whatever_the_count_of_their_added_at_keys_says() {
        let dir = tempfile::tempdir().unwrap();
        let profile = Profile {
            dir: dir.path().into(),
        };
        let token = r#"{"secret":"s","fingerprint":"f","saved_at":"2026-11-23T12:00:00Z"}"#;
        let channel = |id: &str, extra: &str, colon: &str| {
            format!(
                r#"{{"id":"{id}","name":"{id}","kind":"messenger","token":{token}{extra},"added_at"{colon}"2026-11-23T12:00:00Z"}}"#
            )
        };
        // Counted more (a key of that name in an unknown object) and fewer (a blank before the
        // colon) than there are channels: all of them load either way.
        let text = format!(
            r#"{{"schema":1,"profile_id":"p","channels":[{},{},{}]}}"#,
            channel("a", r#","x":{"added_at":1,"y":{"added_at":2}}"#, ":"),
            channel("b", "", " :"),
            channel("c", "", ": "),
        );
        std::fs::write(profile.catalog_path(), text).unwrap();
        let catalog = CatalogFile::new(&profile).load().unwrap();
        let ids: Vec<&str> = catalog.channels.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
    }

    #[test]
    fn an_update_that_changes_nothing_does_not_rewrite_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let profile = Profile {
            dir: dir.path().into(),
        };
        let file = CatalogFile::new(&profile);
        let id = file
            .update(|c| Ok::<_, StoreError>(c.profile_id.clone()))
            .unwrap();
        let before = std::fs::metadata(profile.catalog_path()).unwrap();
        let again = file
            .update(|c| Ok::<_, StoreError>(c.profile_id.clone()))
            .unwrap();
        let after = std::fs::metadata(profile.catalog_path()).unwrap();
        assert_eq!(id, again);
        assert_eq!(before.modified().unwrap(), after.modified().unwrap());
    }
}
