//! A full disk never costs the published site (issue #8): the output lives
//! on a 1 MiB tmpfs; a build that runs out of space fails with an error
//! naming the problem, without a panic, and leaves the previous output
//! byte-identical and no temporary folder behind. Needs root for `mount`,
//! so it is ignored unless asked for (`cargo test -- --include-ignored`, as
//! `.ci/run` does as root); asked for without root, it fails and says so.

use std::process::Command;

use crate::harness::SiteTest;

struct Tmpfs(std::path::PathBuf);

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
#[ignore = "needs root to mount a tmpfs: run scripts/setup-test-deps, then cargo test -- --include-ignored"]
fn a_full_disk_keeps_the_previous_output() {
    let mount = tempfile::tempdir().expect("temp dir");
    let status = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"])
        .arg(mount.path())
        .status();
    assert!(
        status.is_ok_and(|s| s.success()),
        "this test needs to mount a 1 MiB tmpfs (`mount -t tmpfs`), which needs root; run it as root as .ci/run does"
    );
    let _guard = Tmpfs(mount.path().to_path_buf());
    let out = mount.path().join("public");
    let out_arg = out.display().to_string();

    let site = SiteTest::fixture("hardening/base");
    let run = site.run(&["build", "--output", &out_arg]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let before = crate::harness::walk(&out)
        .into_iter()
        .map(|p| (p.clone(), std::fs::read(&p).expect("read")))
        .collect::<Vec<_>>();
    assert!(!before.is_empty());

    // 2 MB of text cannot fit next to the old output in 1 MiB.
    let body = "Ein Satz mit Wörtern. ".repeat(100_000);
    let site = site.write(
        "content/gross.md",
        &format!("+++\ntitle = \"Groß\"\n+++\n\n{body}\n"),
    );
    let run = site.run(&["build", "--output", &out_arg]);
    assert_eq!(run.code, 1, "the build must fail:\n{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(
        run.stderr.contains("error[output/io]") && run.stderr.contains("No space left on device"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("hint: check the disk space"),
        "{}",
        run.stderr
    );
    let after = crate::harness::walk(&out)
        .into_iter()
        .map(|p| (p.clone(), std::fs::read(&p).expect("read")))
        .collect::<Vec<_>>();
    assert!(before == after, "the previous output changed");
    let names: Vec<String> = std::fs::read_dir(mount.path())
        .expect("ls")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["public"], "leftovers on the full disk");
}
