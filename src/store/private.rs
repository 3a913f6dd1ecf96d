//! Keeping the profile folder the user's own: the folder must belong to them and not be
//! writable by others, files are opened without following symbolic links (a planted link
//! could point a read or write at another file), files are 0600 and folders 0700.
//! On other platforms than Unix the checks compile to nothing: the folder's ACLs decide.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

use super::StoreError;
use super::Unsafe;

/// Options for a file in the profile: owner-only when created, never through a link.
#[cfg_attr(not(unix), allow(unused_mut))]
pub(crate) fn options() -> OpenOptions {
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    options
}

/// Opens `path` for reading without following a link.
pub(crate) fn open_read(path: &Path) -> io::Result<File> {
    options().read(true).open(path).map_err(explain_link)
}

/// The whole file, read without following a link.
pub(crate) fn read(path: &Path) -> io::Result<Vec<u8>> {
    let mut file = open_read(path)?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// True when opening failed because the name is a symbolic link.
pub(crate) fn is_link(e: &io::Error) -> bool {
    e.get_ref().is_some_and(|inner| inner.is::<LinkRefused>())
}

/// Only Unix refuses links on open (elsewhere the type is named but never made).
#[derive(Debug)]
#[cfg_attr(not(unix), allow(dead_code))]
struct LinkRefused;

impl std::fmt::Display for LinkRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(
            "it is a symbolic link, and Tokenwarden does not follow links inside the profile \
             folder; replace the link with the real file",
        )
    }
}

impl std::error::Error for LinkRefused {}

/// O_NOFOLLOW on a link fails with ELOOP: say so in words.
pub(crate) fn explain_link(e: io::Error) -> io::Error {
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::ELOOP) {
        return io::Error::new(io::ErrorKind::InvalidInput, LinkRefused);
    }
    e
}

/// The error for a file in the profile that is a link.
pub(crate) fn link_error(path: &Path) -> StoreError {
    StoreError::UnsafeProfile {
        path: path.to_path_buf(),
        problem: Unsafe::Link,
    }
}

/// Refuses a profile folder that another user owns or that others may write to: they could
/// swap the catalog or plant links. Nothing is read or written when it is refused.
pub(crate) fn check_folder(dir: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::metadata(dir)
            .map_err(|e| StoreError::io("look at the profile folder", dir, e))?;
        // SAFETY: geteuid has no preconditions and cannot fail.
        let me = unsafe { libc::geteuid() };
        if meta.uid() != me {
            return Err(StoreError::UnsafeProfile {
                path: dir.to_path_buf(),
                problem: Unsafe::OtherOwner {
                    owner: meta.uid(),
                    me,
                },
            });
        }
        let mode = meta.mode() & 0o777;
        if mode & 0o022 != 0 {
            return Err(StoreError::UnsafeProfile {
                path: dir.to_path_buf(),
                problem: Unsafe::OpenToOthers { mode },
            });
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Makes the profile folder and files of earlier versions (lock files, logs) owner-only: 0700
/// for the folder and folders in it, 0600 for files, one level deep. Others may at most have
/// read it (writable was refused by `check_folder`); the list of channels is nobody else's
/// business either. Best effort: what cannot be changed is left as it is; links are never
/// followed.
pub(crate) fn tighten(dir: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        fn fix(path: &Path, meta: &std::fs::Metadata) {
            let want = if meta.is_dir() { 0o700 } else { 0o600 };
            if meta.mode() & 0o077 != 0 {
                let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(want));
            }
        }
        if let Ok(meta) = std::fs::metadata(dir) {
            fix(dir, &meta);
        }
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(meta) = std::fs::symlink_metadata(&path) else {
                continue;
            };
            if meta.file_type().is_symlink() {
                continue;
            }
            fix(&path, &meta);
            if meta.is_dir() {
                for inner in std::fs::read_dir(&path).into_iter().flatten().flatten() {
                    let inner_path = inner.path();
                    if let Ok(m) = std::fs::symlink_metadata(&inner_path)
                        && !m.file_type().is_symlink()
                    {
                        fix(&inner_path, &m);
                    }
                }
            }
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_group_writable_folder_is_refused_with_the_fix() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o770)).unwrap();
        let err = check_folder(dir.path()).unwrap_err().to_string();
        assert!(err.contains("chmod 700"), "{err}");
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
        check_folder(dir.path()).unwrap();
    }

    #[test]
    fn a_link_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("real"), b"x").unwrap();
        std::os::unix::fs::symlink(dir.path().join("real"), dir.path().join("link")).unwrap();
        let e = read(&dir.path().join("link")).unwrap_err();
        assert!(is_link(&e), "{e}");
        assert_eq!(read(&dir.path().join("real")).unwrap(), b"x");
    }
}
