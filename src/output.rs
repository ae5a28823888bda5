//! Writing the output folder so that a failed or killed build never
//! destroys the published site.
//!
//! A build writes into a fresh sibling folder (`.public.vielfalt-tmp-PID`)
//! and swaps it into place only when everything succeeded, atomically where
//! the platform allows. Leftovers of killed builds are removed on the next
//! run, and a two-rename swap that was killed half-way is completed then.

use std::path::{Path, PathBuf};

/// Where rendered files go. `build` writes to disk; `check` and tests
/// may collect or discard.
pub trait Sink: Sync {
    fn write(&self, path: &str, bytes: &[u8]) -> std::io::Result<()>;
}

/// Discards everything (for `check`).
pub struct NullSink;

impl Sink for NullSink {
    fn write(&self, _path: &str, _bytes: &[u8]) -> std::io::Result<()> {
        Ok(())
    }
}

/// A staging folder beside the output folder.
#[derive(Debug)]
pub struct Staging {
    target: PathBuf,
    staging: PathBuf,
}

fn sibling(target: &Path, kind: &str, id: &str) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "public".into());
    target.with_file_name(format!(".{name}.vielfalt-{kind}-{id}"))
}

fn leftovers(target: &Path, kind: &str) -> Vec<PathBuf> {
    let prefix = sibling(target, kind, "");
    let prefix = prefix
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let parent = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Ok(entries) = std::fs::read_dir(parent) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}

impl Staging {
    /// Prepares a new staging folder for `target`, first repairing what an
    /// earlier killed build left behind.
    pub fn begin(target: &Path) -> std::io::Result<Staging> {
        recover(target)?;
        let staging = sibling(target, "tmp", &std::process::id().to_string());
        if staging.exists() {
            std::fs::remove_dir_all(&staging)?;
        }
        std::fs::create_dir_all(&staging)?;
        Ok(Staging {
            target: target.to_path_buf(),
            staging,
        })
    }

    pub fn path(&self) -> &Path {
        &self.staging
    }

    /// Puts the staging folder in place of the target. On Linux both are
    /// swapped in one atomic `renameat2(RENAME_EXCHANGE)`, so the target is
    /// never missing, not even for an instant; elsewhere (or where the file
    /// system refuses the exchange) the old output is moved aside first and
    /// `recover` completes a swap that was killed half-way.
    pub fn commit(self) -> std::io::Result<()> {
        if !self.target.exists() {
            return std::fs::rename(&self.staging, &self.target);
        }
        if exchange(&self.staging, &self.target).is_ok() {
            // The staging path now holds the previous output.
            return std::fs::remove_dir_all(&self.staging);
        }
        let old = sibling(&self.target, "old", &std::process::id().to_string());
        std::fs::rename(&self.target, &old)?;
        if let Err(e) = std::fs::rename(&self.staging, &self.target) {
            let _ = std::fs::rename(&old, &self.target);
            return Err(e);
        }
        std::fs::remove_dir_all(&old)
    }

    /// Removes the staging folder; the target is untouched.
    pub fn abort(self) {
        let _ = std::fs::remove_dir_all(&self.staging);
    }
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> std::io::Result<()> {
    Err(std::io::Error::other("no atomic exchange on this platform"))
}

/// Completes or undoes what a killed build left: a missing target with a
/// moved-aside old output gets it back; staging and old folders are removed.
pub fn recover(target: &Path) -> std::io::Result<()> {
    let olds = leftovers(target, "old");
    if !target.exists()
        && let Some(last) = olds.last()
    {
        std::fs::rename(last, target)?;
    }
    for dir in leftovers(target, "old")
        .into_iter()
        .chain(leftovers(target, "tmp"))
    {
        std::fs::remove_dir_all(&dir)?;
    }
    Ok(())
}

/// Writes files below a folder, creating parent folders as needed.
pub struct DirSink {
    pub root: PathBuf,
}

impl Sink for DirSink {
    fn write(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        let rel = path.trim_start_matches('/');
        if rel
            .split(['/', '\\'])
            .any(|part| part == ".." || part == ".")
        {
            return Err(std::io::Error::other(format!(
                "refusing to write outside the output folder: {path}"
            )));
        }
        let full = self.root.join(rel);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(full, bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_replaces_and_abort_keeps() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("public");
        std::fs::create_dir_all(&target).expect("mkdir");
        std::fs::write(target.join("old.html"), "old").expect("write");

        let s = Staging::begin(&target).expect("begin");
        std::fs::write(s.path().join("new.html"), "new").expect("write");
        s.abort();
        assert!(target.join("old.html").exists());

        let s = Staging::begin(&target).expect("begin");
        std::fs::write(s.path().join("new.html"), "new").expect("write");
        s.commit().expect("commit");
        assert!(target.join("new.html").exists());
        assert!(!target.join("old.html").exists(), "no stale files");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("ls")
            .map(|e| e.expect("e").file_name())
            .collect();
        assert_eq!(names.len(), 1, "no leftovers: {names:?}");
    }

    #[test]
    fn a_swap_killed_between_renames_is_completed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("public");
        let old = sibling(&target, "old", "123");
        std::fs::create_dir_all(&old).expect("mkdir");
        std::fs::write(old.join("index.html"), "published").expect("write");
        std::fs::create_dir_all(sibling(&target, "tmp", "123")).expect("mkdir");
        recover(&target).expect("recover");
        assert_eq!(
            std::fs::read_to_string(target.join("index.html")).expect("read"),
            "published"
        );
        assert_eq!(std::fs::read_dir(dir.path()).expect("ls").count(), 1);
    }
}
