//! The data folder holds names, IINs, addresses, password hashes, the signing secret and
//! suppliers' documents: it is created `0700` and every file in it `0600`, from the first
//! byte and whatever the process's umask, so no other local account can read any of it.
use std::io::Write;
use std::path::Path;

/// Creates `dir` (and its parents) if needed and makes it readable by the owner only.
pub fn private_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
    }
    #[cfg(not(unix))]
    {
        std::fs::create_dir_all(dir)
    }
}

fn owner_only() -> std::fs::OpenOptions {
    let mut o = std::fs::OpenOptions::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    o
}

/// Makes sure `file` exists with owner-only permissions (an existing file is tightened), so
/// a database engine that opens it afterwards (and its journal files, which SQLite creates
/// with the database file's permissions) never exposes it.
pub fn private_file(file: &Path) -> std::io::Result<()> {
    owner_only().create(true).append(true).open(file)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(())
}

/// Writes `bytes` to a new file that is owner-only from its creation; an existing file is
/// replaced through a fresh temporary file, never rewritten in place.
pub fn write_private(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let part = file.with_extension(format!("part-{}", uuid::Uuid::new_v4().simple()));
    let mut f = owner_only().create_new(true).write(true).open(&part)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    drop(f);
    std::fs::rename(&part, file)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p).map(|m| m.permissions().mode() & 0o777).unwrap_or(0)
    }

    #[test]
    fn folders_and_files_are_the_owners_alone() {
        let dir = std::env::temp_dir().join(format!("ssp-private-{}", uuid::Uuid::new_v4().simple())).join("data");
        private_dir(&dir).unwrap();
        assert_eq!(mode(&dir), 0o700);
        let db = dir.join("portal.db");
        std::fs::write(&db, b"").unwrap();
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
        private_file(&db).unwrap();
        assert_eq!(mode(&db), 0o600);
        let secret = dir.join("jwt-secret");
        write_private(&secret, b"s3cret").unwrap();
        assert_eq!(mode(&secret), 0o600);
        assert_eq!(std::fs::read(&secret).unwrap(), b"s3cret");
        std::fs::remove_dir_all(dir.parent().unwrap()).unwrap();
    }
}
