//! A new profile folder made aside and put in place whole: it is built in a hidden sibling of
//! the folder asked for and renamed at the end, so a failure halfway leaves nothing where the
//! user asked (the sibling is removed when the staging is dropped unfinished).

use std::path::{Path, PathBuf};

use super::{Profile, StoreError};

pub struct StagedProfile {
    staging: Profile,
    dest: PathBuf,
    done: bool,
}

/// True when `dir` is missing or an empty folder: the only places a new profile may go, so
/// nothing of the user's is ever overwritten.
pub fn is_free(dir: &Path) -> bool {
    match std::fs::symlink_metadata(dir) {
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
        Ok(m) => {
            m.is_dir()
                && std::fs::read_dir(dir)
                    .map(|mut entries| entries.next().is_none())
                    .unwrap_or(false)
        }
    }
}

impl StagedProfile {
    /// A private, empty sibling folder of `dest` to build the profile in.
    pub fn new(dest: &Path) -> Result<StagedProfile, StoreError> {
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "profile".into());
        let parent = match dest.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let staging = parent.join(format!(
            ".{name}.tokenwarden-{}",
            uuid::Uuid::new_v4().simple()
        ));
        let profile = Profile::resolve(Some(staging.clone()))?;
        Ok(StagedProfile {
            staging: profile,
            dest: dest.to_path_buf(),
            done: false,
        })
    }

    /// The folder being built.
    pub fn profile(&self) -> &Profile {
        &self.staging
    }

    /// Puts the built folder in place. `dest` may have appeared meanwhile: only a missing or
    /// empty one is replaced (a rename never replaces a folder with something in it).
    pub fn commit(mut self) -> Result<Profile, StoreError> {
        let fail = |e| StoreError::io("put the new profile in place at", &self.dest, e);
        if self.dest.is_dir() {
            // Fails unless empty; on Windows a rename does not replace even an empty folder.
            std::fs::remove_dir(&self.dest).map_err(fail)?;
        }
        std::fs::rename(&self.staging.dir, &self.dest).map_err(fail)?;
        self.done = true;
        Ok(Profile {
            dir: self.dest.clone(),
        })
    }
}

impl Drop for StagedProfile {
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_dir_all(&self.staging.dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_missing_or_empty_folder_is_free() {
        let base = tempfile::tempdir().unwrap();
        assert!(is_free(&base.path().join("new")));
        assert!(is_free(base.path()));
        std::fs::write(base.path().join("notes.txt"), "mine").unwrap();
        assert!(!is_free(base.path()));
        assert!(!is_free(&base.path().join("notes.txt")));
    }

    #[test]
    fn a_dropped_staging_leaves_nothing_and_a_committed_one_is_in_place() {
        let base = tempfile::tempdir().unwrap();
        let dest = base.path().join("exported");
        let staged = StagedProfile::new(&dest).unwrap();
        std::fs::write(staged.profile().dir.join("catalog.json"), "{}").unwrap();
        drop(staged);
        assert_eq!(std::fs::read_dir(base.path()).unwrap().count(), 0);

        std::fs::create_dir(&dest).unwrap();
        let staged = StagedProfile::new(&dest).unwrap();
        std::fs::write(staged.profile().dir.join("catalog.json"), "{}").unwrap();
        let profile = staged.commit().unwrap();
        assert_eq!(profile.dir, dest);
        assert!(dest.join("catalog.json").is_file());
        assert_eq!(std::fs::read_dir(base.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_folder_filled_meanwhile_is_not_replaced() {
        let base = tempfile::tempdir().unwrap();
        let dest = base.path().join("exported");
        let staged = StagedProfile::new(&dest).unwrap();
        std::fs::create_dir(&dest).unwrap();
        std::fs::write(dest.join("notes.txt"), "mine").unwrap();
        assert!(staged.commit().is_err());
        assert_eq!(
            std::fs::read_to_string(dest.join("notes.txt")).unwrap(),
            "mine"
        );
        assert_eq!(std::fs::read_dir(base.path()).unwrap().count(), 1);
    }
}
