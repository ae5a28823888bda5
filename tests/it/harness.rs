//! `SiteTest`: a fixture site copied into a fresh temporary folder, changed
//! file by file, built with the real binary.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub struct SiteTest {
    dir: tempfile::TempDir,
}

/// What a run of the binary printed and returned.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// The stderr with the temporary folder replaced by `[SITE]`.
    pub fn stderr_in(&self, site: &SiteTest) -> String {
        self.stderr
            .replace(&site.path().display().to_string(), "[SITE]")
    }
}

impl SiteTest {
    pub fn fixture(name: &str) -> SiteTest {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_dir(&fixtures().join(name), dir.path());
        SiteTest { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(self, rel: &str, text: &str) -> SiteTest {
        let path = self.path().join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(path, text).expect("write");
        self
    }

    pub fn remove(self, rel: &str) -> SiteTest {
        std::fs::remove_file(self.path().join(rel)).expect("remove");
        self
    }

    pub fn run(&self, args: &[&str]) -> Run {
        let output = Command::cargo_bin("vielfalt")
            .expect("binary")
            // A fixed "today" (2026-11-24) for date-based checks such as the
            // accessibility statement's yearly review.
            .env("SOURCE_DATE_EPOCH", "1795478400")
            .args(args)
            .arg("--root")
            .arg(self.path())
            .output()
            .expect("runs");
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    pub fn build(&self) -> Run {
        self.run(&["build"])
    }

    /// Builds and fails the test unless the build succeeded.
    pub fn build_ok(self) -> SiteTest {
        let run = self.build();
        assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
        self
    }

    pub fn file(&self, rel: &str) -> String {
        let path = self.path().join(rel);
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.path().join(rel).exists()
    }

    /// Every file under `rel`, as (relative path, bytes), sorted.
    pub fn tree(&self, rel: &str) -> Vec<(String, Vec<u8>)> {
        let root = self.path().join(rel);
        let mut out: Vec<(String, Vec<u8>)> = walk(&root)
            .into_iter()
            .map(|p| {
                let name = p
                    .strip_prefix(&root)
                    .expect("under root")
                    .to_string_lossy()
                    .into_owned();
                (name, std::fs::read(&p).expect("read"))
            })
            .collect();
        out.sort();
        out
    }
}

pub fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

pub fn copy_dir(from: &Path, to: &Path) {
    for path in walk(from) {
        let rel = path.strip_prefix(from).expect("under fixture");
        let target = to.join(rel);
        std::fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
        std::fs::copy(&path, &target).expect("copy");
    }
}
