//! The profile folder: where the catalog (and, for the vault store, `vault.age`) live.
//! Chosen by `--profile`, else `TOKENWARDEN_PROFILE`, else the platform's data folder; it must
//! be the user's own (see `private`).

use std::ffi::OsString;
use std::path::PathBuf;

use super::StoreError;

/// Names the setting that overrides the profile folder.
pub const PROFILE_ENV: &str = "TOKENWARDEN_PROFILE";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub dir: PathBuf,
}

impl Profile {
    /// `explicit` (`--profile`) > env `TOKENWARDEN_PROFILE` > the platform data folder.
    /// Creates the folder (owner-only on unix) when it does not exist yet, and refuses one that
    /// is not the user's own or that others may write to (see `private`). Files left readable
    /// by others by earlier versions are made owner-only.
    pub fn resolve(explicit: Option<PathBuf>) -> Result<Profile, StoreError> {
        let env = crate::env::var(PROFILE_ENV).map(OsString::from);
        let dir = choose_dir(explicit, env, default_dir)?;
        create_private_dir(&dir)?;
        super::private::check_folder(&dir)?;
        super::private::tighten(&dir);
        Ok(Profile { dir })
    }

    pub fn catalog_path(&self) -> PathBuf {
        self.dir.join("catalog.json")
    }

    pub fn vault_path(&self) -> PathBuf {
        self.dir.join("vault.age")
    }

    pub(crate) fn catalog_lock_path(&self) -> PathBuf {
        self.dir.join("catalog.lock")
    }

    pub(crate) fn vault_lock_path(&self) -> PathBuf {
        self.dir.join("vault.lock")
    }
}

fn choose_dir(
    explicit: Option<PathBuf>,
    env: Option<OsString>,
    default: impl FnOnce() -> Option<PathBuf>,
) -> Result<PathBuf, StoreError> {
    explicit
        .filter(|p| !p.as_os_str().is_empty())
        .or_else(|| env.filter(|v| !v.is_empty()).map(PathBuf::from))
        .or_else(default)
        .ok_or(StoreError::NoProfileDir)
}

fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("com", "Tokenwarden", "Tokenwarden")
        .map(|dirs| dirs.data_dir().to_path_buf())
}

fn create_private_dir(dir: &std::path::Path) -> Result<(), StoreError> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .map_err(|e| StoreError::io("create the profile folder", dir, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explicit_beats_environment_beats_default() {
        let default = || Some(PathBuf::from("/default"));
        let env = Some(OsString::from("/env"));
        let pick = |explicit: Option<&str>, env: Option<OsString>| {
            choose_dir(explicit.map(PathBuf::from), env, default).unwrap()
        };
        assert_eq!(pick(Some("/cli"), env.clone()), PathBuf::from("/cli"));
        assert_eq!(pick(None, env.clone()), PathBuf::from("/env"));
        assert_eq!(pick(None, Some(OsString::new())), PathBuf::from("/default"));
        assert_eq!(pick(None, None), PathBuf::from("/default"));
    }

    #[test]
    fn no_home_folder_is_a_clear_error() {
        let err = choose_dir(None, None, || None).unwrap_err();
        assert!(err.to_string().contains("--profile"));
    }

    #[test]
    fn resolve_creates_a_private_folder() {
        let base = tempfile::tempdir().unwrap();
        let dir = base.path().join("a").join("profile");
        let profile = Profile::resolve(Some(dir.clone())).unwrap();
        assert!(dir.is_dir());
        assert_eq!(profile.catalog_path(), dir.join("catalog.json"));
        assert_eq!(profile.vault_path(), dir.join("vault.age"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&dir).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o700);
        }
    }
}
