//! Writing the output folder so that a failed or killed build never
//! destroys the published site.
//!
//! A build writes into a sibling folder (`.public.vielfalt-tmp-PID`) and
//! swaps it into place only when everything succeeded, atomically where the
//! platform allows. Leftovers of killed builds are repaired on the next run,
//! and a two-rename swap that was killed half-way is completed then.
//!
//! The output that a swap replaces is not deleted but kept as the *spare*
//! (`.public.vielfalt-spare`), and the next build writes into the spare
//! instead of an empty folder: folders already exist, files are rewritten in
//! place and a file whose bytes did not change is not written at all (it
//! keeps its modification time). Files the new build did not write are
//! removed before the swap, so the output never holds stale pages. Reusing
//! the spare saves creating and deleting tens of thousands of files per
//! build; it costs one more copy of the output on disk.

use std::collections::HashSet;
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Where rendered files go. `build` writes to disk; `check` and tests
/// may collect or discard.
pub trait Sink: Sync {
    fn write(&self, path: &str, bytes: &[u8]) -> std::io::Result<()>;

    /// A page just written that belongs in the search index: a real page
    /// (no fallback), the first of its list. Only the search indexer
    /// (`search::Indexer`) takes it.
    fn searchable(&self, _url: &str, _html: &str) {}
}

/// Discards everything (for `check`).
pub struct NullSink;

impl Sink for NullSink {
    fn write(&self, _path: &str, _bytes: &[u8]) -> std::io::Result<()> {
        Ok(())
    }
}

/// A staging folder beside the output folder; the build writes into it as a
/// [`Sink`].
#[derive(Debug)]
pub struct Staging {
    target: PathBuf,
    staging: PathBuf,
    /// The staging folder is a reused spare that may hold files of an older
    /// build.
    reused: bool,
    /// Paths written by this build, relative to the staging folder.
    written: Mutex<HashSet<String>>,
    /// What a reused spare held: its files (relative, `/`-separated) and
    /// folders (parents before children), for pruning without a second walk.
    found: Survey,
}

#[derive(Debug, Default)]
struct Survey {
    files: Vec<String>,
    dirs: Vec<String>,
}

/// `.NAME.vielfalt-KINDID` beside the output folder `target` (NAME: its name).
pub(crate) fn sibling(target: &Path, kind: &str, id: &str) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "public".into());
    target.with_file_name(format!(".{name}.vielfalt-{kind}{id}"))
}

fn spare(target: &Path) -> PathBuf {
    sibling(target, "spare", "")
}

fn leftovers(target: &Path, kind: &str) -> Vec<PathBuf> {
    let prefix = sibling(target, kind, "-");
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
    /// A file this build wrote, read back (the search index reads the
    /// pages it indexes).
    pub fn read(&self, path: &str) -> std::io::Result<Vec<u8>> {
        std::fs::read(self.staging.join(path))
    }

    /// Prepares a staging folder for `target`, first repairing what an
    /// earlier killed build left behind. The spare is claimed when there is
    /// one (by an atomic rename, so two builds never share it).
    pub fn begin(target: &Path) -> std::io::Result<Staging> {
        recover(target)?;
        let staging = sibling(target, "tmp", &format!("-{}", std::process::id()));
        if staging.exists() {
            std::fs::remove_dir_all(&staging)?;
        }
        let mut reused = std::fs::symlink_metadata(spare(target)).is_ok_and(|m| m.is_dir())
            && std::fs::rename(spare(target), &staging).is_ok();
        // Links someone placed in the output (a folder linked to elsewhere on
        // the server, say) must not lead this build's writes out of it.
        let mut found = Survey::default();
        if reused && survey(&staging, "", &mut found).is_err() {
            std::fs::remove_dir_all(&staging)?;
            reused = false;
        }
        if !reused {
            std::fs::create_dir_all(&staging)?;
        }
        Ok(Staging {
            target: target.to_path_buf(),
            staging,
            reused,
            written: Mutex::new(HashSet::new()),
            found,
        })
    }

    /// Puts the staging folder in place of the target. On Linux both are
    /// swapped in one atomic `renameat2(RENAME_EXCHANGE)`, so the target is
    /// never missing, not even for an instant; elsewhere (or where the file
    /// system refuses the exchange) the old output is moved aside first and
    /// `recover` completes a swap that was killed half-way. The replaced
    /// output becomes the spare.
    pub fn commit(self) -> std::io::Result<()> {
        if self.reused {
            let written = self.written.into_inner().unwrap_or_else(|e| e.into_inner());
            prune(&self.staging, &self.found, &written)?;
        }
        if !self.target.exists() {
            return std::fs::rename(&self.staging, &self.target);
        }
        if exchange(&self.staging, &self.target).is_ok() {
            // The staging path now holds the previous output.
            return keep_as_spare(&self.target, &self.staging);
        }
        let old = sibling(&self.target, "old", &format!("-{}", std::process::id()));
        std::fs::rename(&self.target, &old)?;
        if let Err(e) = std::fs::rename(&self.staging, &self.target) {
            let _ = std::fs::rename(&old, &self.target);
            return Err(e);
        }
        keep_as_spare(&self.target, &old)
    }

    /// The staging folder (for the leak scan, `profile::Guard::scan`).
    pub fn path(&self) -> &Path {
        &self.staging
    }

    /// The files this build has written, relative and `/`-separated, sorted.
    pub fn written(&self) -> Vec<String> {
        let mut paths: Vec<String> = if self.reused {
            let written = self.written.lock().unwrap_or_else(|e| e.into_inner());
            written.iter().cloned().collect()
        } else {
            // A fresh folder holds only this build's files (which are not
            // recorded one by one: nothing needs pruning).
            walkdir::WalkDir::new(&self.staging)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .filter_map(|e| {
                    let rel = e.path().strip_prefix(&self.staging).ok()?;
                    Some(rel.to_string_lossy().replace('\\', "/"))
                })
                .collect()
        };
        paths.sort();
        paths
    }

    /// Removes the staging folder; the target is untouched.
    pub fn abort(self) {
        let _ = std::fs::remove_dir_all(&self.staging);
    }
}

impl Sink for Staging {
    fn write(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        if path
            .split(['/', '\\'])
            .any(|part| part == ".." || part == ".")
        {
            return Err(std::io::Error::other(format!(
                "refusing to write outside the output folder: {path}"
            )));
        }
        let rel = path
            .split('/')
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join("/");
        let full = self.staging.join(&rel);
        if !self.reused {
            return write_new(&full, bytes);
        }
        self.written
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(rel.clone());
        write_if_changed(&full, bytes).or_else(|_| {
            // A file of the older build stands where this build needs a
            // folder: remove it and try once more.
            let mut at = self.staging.clone();
            for part in rel.split('/') {
                at.push(part);
                if std::fs::symlink_metadata(&at).is_ok_and(|m| !m.is_dir()) {
                    std::fs::remove_file(&at)?;
                    break;
                }
            }
            write_new(&full, bytes)
        })
    }
}

/// Writes a file into a fresh folder, creating parent folders as needed.
fn write_new(full: &Path, bytes: &[u8]) -> std::io::Result<()> {
    match std::fs::write(full, bytes) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(parent) = full.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(full, bytes)
        }
        other => other,
    }
}

/// Writes a file of a reused folder: left alone when it already holds
/// exactly `bytes`, else rewritten in place. Anything that is not a plain
/// file (a folder or a link an older build cannot have made) is replaced.
fn write_if_changed(full: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let linked = match std::fs::symlink_metadata(full) {
        Ok(meta) if meta.is_file() => has_other_links(&meta),
        Ok(meta) => {
            remove(full, meta.is_dir())?;
            return write_new(full, bytes);
        }
        Err(_) => return write_new(full, bytes),
    };
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(full)?;
    let len = file.metadata()?.len();
    if len == bytes.len() as u64 {
        if same_bytes(&mut file, bytes)? {
            return Ok(());
        }
        file.rewind()?;
    }
    if linked {
        // A hard link elsewhere (a snapshot made with `cp -al`, say) shares
        // this file's bytes: write a new file instead of changing them.
        drop(file);
        std::fs::remove_file(full)?;
        return write_new(full, bytes);
    }
    file.write_all(bytes)?;
    if len != bytes.len() as u64 {
        file.set_len(bytes.len() as u64)?;
    }
    Ok(())
}

/// Removes a folder with all it holds, or anything else (never following
/// a link: `is_dir` comes from the entry itself).
fn remove(path: &Path, is_dir: bool) -> std::io::Result<()> {
    if is_dir {
        std::fs::remove_dir_all(path)
    } else {
        std::fs::remove_file(path)
    }
}

/// Whether a file has hard links besides this name.
#[cfg(unix)]
fn has_other_links(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    meta.nlink() > 1
}

/// Elsewhere the link count is not known: assume there may be others.
#[cfg(not(unix))]
fn has_other_links(_meta: &std::fs::Metadata) -> bool {
    true
}

/// Walks a reused spare once: removes every symbolic link, anything that is
/// neither a file nor a folder, and names that are not UTF-8 (no build
/// writes them), without following any link; records the rest.
fn survey(dir: &Path, rel: &str, found: &mut Survey) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let path = entry.path();
        let Some(name) = entry.file_name().to_str().map(str::to_string) else {
            remove(&path, kind.is_dir())?;
            continue;
        };
        let rel = if rel.is_empty() {
            name
        } else {
            format!("{rel}/{name}")
        };
        if kind.is_dir() {
            found.dirs.push(rel.clone());
            survey(&path, &rel, found)?;
        } else if kind.is_file() {
            found.files.push(rel);
        } else {
            std::fs::remove_file(&path)?;
        }
    }
    Ok(())
}

/// Whether the rest of `file` holds exactly `bytes` (read through a small
/// buffer: no allocation per file).
fn same_bytes(file: &mut std::fs::File, bytes: &[u8]) -> std::io::Result<bool> {
    let mut buf = [0u8; 8192];
    let mut at = 0;
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            return Ok(at == bytes.len());
        }
        if bytes.get(at..at + n) != buf.get(..n) {
            return Ok(false);
        }
        at += n;
    }
}

/// Removes what this build did not write from a reused folder: the files
/// the survey found that were not written again, then the folders that hold
/// no written file (children first). What the build itself removed (a file
/// where it needed a folder) is already gone.
fn prune(root: &Path, found: &Survey, written: &HashSet<String>) -> std::io::Result<()> {
    // The folders this build's files are in.
    let mut needed: HashSet<&str> = HashSet::new();
    for path in written {
        let mut at = path.as_str();
        while let Some((parent, _)) = at.rsplit_once('/') {
            if !needed.insert(parent) {
                break;
            }
            at = parent;
        }
    }
    // Not found (or under a name that is now a file): already gone.
    let gone = |r: std::io::Result<()>| match r {
        Err(e)
            if !matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            Err(e)
        }
        _ => Ok(()),
    };
    for file in &found.files {
        // (A name that is now a folder of this build stays.)
        if !written.contains(file) && !needed.contains(file.as_str()) {
            gone(std::fs::remove_file(root.join(file)))?;
        }
    }
    for dir in found.dirs.iter().rev() {
        // (A name that is now a file of this build stays.)
        if !needed.contains(dir.as_str()) && !written.contains(dir) {
            gone(std::fs::remove_dir(root.join(dir)))?;
        }
    }
    Ok(())
}

/// Keeps a replaced output as the spare for the next build (or removes it
/// when another build already left one).
fn keep_as_spare(target: &Path, old: &Path) -> std::io::Result<()> {
    let spare = spare(target);
    if spare.exists() || std::fs::rename(old, &spare).is_err() {
        return std::fs::remove_dir_all(old);
    }
    Ok(())
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
/// moved-aside old output gets it back; staging and old folders become the
/// spare (a killed build's staging folder is as good a start as any, since
/// the next build prunes what it does not write) or are removed.
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
        keep_as_spare(target, &dir)?;
    }
    Ok(())
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
        s.write("/new.html", b"new").expect("write");
        s.abort();
        assert!(target.join("old.html").exists());

        let s = Staging::begin(&target).expect("begin");
        s.write("/new.html", b"new").expect("write");
        s.commit().expect("commit");
        assert!(target.join("new.html").exists());
        assert!(!target.join("old.html").exists(), "no stale files");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("ls")
            .map(|e| e.expect("e").file_name())
            .collect();
        assert_eq!(names.len(), 2, "no leftovers but the spare: {names:?}");
        assert!(spare(&target).join("old.html").exists(), "{names:?}");
    }

    fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
        let mut out = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).expect("ls").flatten() {
                if e.file_type().expect("type").is_dir() {
                    stack.push(e.path());
                } else {
                    let rel = e
                        .path()
                        .strip_prefix(dir)
                        .expect("rel")
                        .display()
                        .to_string();
                    out.push((rel, std::fs::read(e.path()).expect("read")));
                }
            }
        }
        out.sort();
        out
    }

    fn build(target: &Path, files: &[(&str, &str)]) {
        let s = Staging::begin(target).expect("begin");
        for (path, text) in files {
            s.write(path, text.as_bytes()).expect("write");
        }
        s.commit().expect("commit");
    }

    #[test]
    fn the_spare_is_reused_without_stale_files_and_unchanged_files_are_not_rewritten() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("public");
        let first = [
            ("/a/index.html", "a1"),
            ("/gone/index.html", "gone"),
            ("/gone/deep/x.css", "x"),
            ("/same.html", "same"),
            ("/f", "a file that becomes a folder"),
            ("/g/deep/index.html", "a folder that becomes a file"),
            ("/longer.html", "a long text"),
        ];
        build(&target, &first);
        build(&target, &first);
        assert!(spare(&target).is_dir(), "the second build leaves a spare");
        let same = spare(&target).join("same.html");
        let before = std::fs::metadata(&same)
            .expect("meta")
            .modified()
            .expect("mtime");
        std::thread::sleep(std::time::Duration::from_millis(20));
        let third = [
            ("/a/index.html", "a2"),
            ("/same.html", "same"),
            ("/f/index.html", "now a folder"),
            ("/g", "now a file"),
            ("/longer.html", "short"),
            ("/new/index.html", "new"),
        ];
        build(&target, &third);
        let expected: Vec<(String, Vec<u8>)> = {
            let mut v: Vec<_> = third
                .iter()
                .map(|(p, t)| (p.trim_start_matches('/').to_string(), t.as_bytes().to_vec()))
                .collect();
            v.sort();
            v
        };
        assert_eq!(tree(&target), expected, "exactly the third build's files");
        let after = std::fs::metadata(target.join("same.html"))
            .expect("meta")
            .modified()
            .expect("mtime");
        assert_eq!(before, after, "an unchanged file is not rewritten");
        assert_eq!(
            tree(&spare(&target)).len(),
            first.len(),
            "the spare is the second build"
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_in_the_spare_are_never_written_through() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("public");
        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir_all(&elsewhere).expect("mkdir");
        build(&target, &[("/a/index.html", "a1"), ("/b.html", "b1")]);
        build(&target, &[("/a/index.html", "a1"), ("/b.html", "b1")]);
        // In the spare: the folder `a` becomes a link to a folder elsewhere,
        // and `b.html` gets a second hard link elsewhere.
        let spare = spare(&target);
        std::fs::remove_dir_all(spare.join("a")).expect("rm");
        std::os::unix::fs::symlink(&elsewhere, spare.join("a")).expect("symlink");
        std::fs::hard_link(spare.join("b.html"), elsewhere.join("snapshot.html")).expect("link");
        build(&target, &[("/a/index.html", "a2"), ("/b.html", "b2")]);
        assert_eq!(
            tree(&target),
            [
                ("a/index.html".to_string(), b"a2".to_vec()),
                ("b.html".to_string(), b"b2".to_vec())
            ]
        );
        assert!(
            !elsewhere.join("index.html").exists(),
            "written through a link"
        );
        assert_eq!(
            std::fs::read(elsewhere.join("snapshot.html")).expect("read"),
            b"b1",
            "a hard-linked file was changed in place"
        );
    }

    #[test]
    fn a_killed_builds_staging_folder_becomes_the_spare() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("public");
        build(&target, &[("/index.html", "published")]);
        let killed = sibling(&target, "tmp", "-999");
        std::fs::create_dir_all(killed.join("half")).expect("mkdir");
        std::fs::write(killed.join("half/index.html"), "half").expect("write");
        build(&target, &[("/index.html", "next")]);
        assert_eq!(
            tree(&target),
            [("index.html".to_string(), b"next".to_vec())]
        );
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("ls")
            .map(|e| e.expect("e").file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 2, "the output and the spare: {names:?}");
    }

    #[test]
    fn a_swap_killed_between_renames_is_completed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("public");
        let old = sibling(&target, "old", "-123");
        std::fs::create_dir_all(&old).expect("mkdir");
        std::fs::write(old.join("index.html"), "published").expect("write");
        std::fs::create_dir_all(sibling(&target, "tmp", "-123")).expect("mkdir");
        recover(&target).expect("recover");
        assert_eq!(
            std::fs::read_to_string(target.join("index.html")).expect("read"),
            "published"
        );
        assert!(!sibling(&target, "old", "-123").exists());
        assert!(!sibling(&target, "tmp", "-123").exists());
    }
}
