//! The bad-input catalog (issue #8): tests/fixtures/hardening/catalog.toml
//! expands to well over 1,000 broken sites. Every one is checked as a
//! library call (`build::run` without writing, two at a time, each with a
//! time limit); a deterministic sample and every heavy case also run through
//! the real binary under a memory limit (`ulimit -v`), with its peak RSS
//! read from /proc. A case passes when nothing panics or hangs, the exit
//! code is the expected one, and the finding names the file (and line, where
//! the catalog gives one) and carries a hint.

use std::collections::{BTreeMap, HashMap};
use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::Deserialize;
use vielfalt::build::{self, BuildOptions};
use vielfalt::diag::{self, Diagnostic, Severity};

use crate::harness::{fixtures, walk};

#[derive(Debug, Deserialize)]
struct Catalog {
    group: Vec<Group>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Group {
    name: String,
    files: BTreeMap<String, String>,
    #[serde(default)]
    vars: BTreeMap<String, Vec<String>>,
    expect: Expect,
    rule: Option<String>,
    file: Option<String>,
    line: Option<usize>,
    timeout: Option<u64>,
    /// A known gap: what vielfalt does not report yet. Failing cases of
    /// such a group are counted and listed, not failed.
    gap: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Expect {
    Error,
    Warning,
    Any,
}

/// One expanded case: files to write (path bytes, content bytes or a
/// removal or a symbolic link) and what must come out.
#[derive(Debug, Clone)]
pub struct Case {
    pub name: String,
    files: Vec<(Vec<u8>, Change)>,
    expect: Expect,
    rule: Option<String>,
    file: PathBuf,
    line: Option<usize>,
    timeout: Duration,
    gap: bool,
}

#[derive(Debug, Clone)]
enum Change {
    Write(Vec<u8>),
    Remove,
    Symlink(PathBuf),
}

/// Replaces `{var}` with the case's values (repeatedly, so values may name
/// other vars) and then expands the `«bytes:..»` and `«repeat:N:..»` markers.
fn expand(template: &str, values: &HashMap<&str, &str>) -> Vec<u8> {
    let mut text = template.to_string();
    for _ in 0..3 {
        let before = text.clone();
        for (k, v) in values {
            text = text.replace(&format!("{{{k}}}"), v);
        }
        if text == before {
            break;
        }
    }
    markers(&text)
}

fn markers(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('«') {
        out.extend_from_slice(&rest.as_bytes()[..start]);
        let after = &rest[start + '«'.len_utf8()..];
        // Markers nest (`«repeat:3:«bytes:00»»`): find the matching close.
        let mut depth = 1;
        let mut end = None;
        for (i, c) in after.char_indices() {
            match c {
                '«' => depth += 1,
                '»' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(i);
                        break;
                    }
                }
                _ => {}
            }
        }
        let end = end.unwrap_or_else(|| panic!("unclosed marker in {text:?}"));
        let inner = &after[..end];
        if let Some(hex) = inner.strip_prefix("bytes:") {
            for byte in hex.split_whitespace() {
                out.push(u8::from_str_radix(byte, 16).expect("hex byte"));
            }
        } else if let Some(spec) = inner.strip_prefix("repeat:") {
            let (n, body) = spec.split_once(':').expect("repeat:N:text");
            let n: usize = n.parse().expect("repeat count");
            let body = markers(body);
            for _ in 0..n {
                out.extend_from_slice(&body);
            }
        } else {
            panic!("unknown marker «{inner}»");
        }
        rest = &after[end + '»'.len_utf8()..];
    }
    out.extend_from_slice(rest.as_bytes());
    out
}

fn product(vars: &BTreeMap<String, Vec<String>>) -> Vec<HashMap<&str, &str>> {
    let mut out = vec![HashMap::new()];
    for (name, values) in vars {
        let mut next = Vec::new();
        for partial in &out {
            for v in values {
                let mut p: HashMap<&str, &str> = partial.clone();
                p.insert(name.as_str(), v.as_str());
                next.push(p);
            }
        }
        out = next;
    }
    out
}

/// The catalog's cases; `CATALOG_ONLY=text` keeps those whose name
/// contains `text` (for debugging one group).
pub fn load_cases() -> Vec<Case> {
    let mut cases = all_cases();
    if let Ok(only) = std::env::var("CATALOG_ONLY") {
        cases.retain(|c| c.name.contains(&only));
    }
    cases
}

fn all_cases() -> Vec<Case> {
    let text = std::fs::read_to_string(fixtures().join("hardening/catalog.toml")).expect("catalog");
    let catalog: Catalog = toml::from_str(&text).expect("catalog parses");
    let mut cases = Vec::new();
    for group in &catalog.group {
        for (i, values) in product(&group.vars).into_iter().enumerate() {
            let mut files = Vec::new();
            for (path, content) in &group.files {
                let change = if content == "«remove»" {
                    Change::Remove
                } else if let Some(target) = content
                    .strip_prefix("«symlink:")
                    .and_then(|t| t.strip_suffix('»'))
                {
                    Change::Symlink(PathBuf::from(target))
                } else {
                    Change::Write(expand(content, &values))
                };
                files.push((expand(path, &values), change));
            }
            let file = match &group.file {
                Some(f) => PathBuf::from(OsString::from_vec(expand(f, &values))),
                None => PathBuf::from(OsString::from_vec(files[0].0.clone())),
            };
            cases.push(Case {
                name: format!("{} #{i}", group.name),
                files,
                expect: group.expect,
                rule: group.rule.clone(),
                file,
                line: group.line,
                timeout: Duration::from_secs(group.timeout.unwrap_or(30)),
                gap: group.gap.is_some(),
            });
        }
    }
    cases
}

/// Copies the base site into a fresh folder and applies the case.
fn make_site(case: &Case) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let base = fixtures().join("hardening/base");
    for path in walk(&base) {
        let target = dir
            .path()
            .join(path.strip_prefix(&base).expect("under base"));
        std::fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
        std::fs::copy(&path, &target).expect("copy");
    }
    for (rel, change) in &case.files {
        let path = dir.path().join(OsString::from_vec(rel.clone()));
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        match change {
            Change::Write(bytes) => std::fs::write(&path, bytes).expect("write"),
            Change::Remove => {
                let _ = std::fs::remove_file(&path);
            }
            Change::Symlink(target) => {
                if path.is_dir() {
                    std::fs::remove_dir_all(&path).expect("rm dir");
                } else if path.exists() {
                    std::fs::remove_file(&path).expect("rm");
                }
                std::os::unix::fs::symlink(target, &path).expect("symlink");
            }
        }
    }
    dir
}

/// What is wrong with a case's diagnostics, if anything.
fn judge(case: &Case, diagnostics: &[Diagnostic]) -> Result<(), String> {
    let code = diag::exit_code(diagnostics, false);
    let show = || diag::render_text(diagnostics);
    for d in diagnostics.iter().filter(|d| d.severity != Severity::Note) {
        if d.hint.as_deref().is_none_or(str::is_empty) {
            return Err(format!("a finding has no hint:\n{}", show()));
        }
        if d.is_error() && d.file.is_none() {
            return Err(format!("an error names no file:\n{}", show()));
        }
    }
    let wanted = match case.expect {
        Expect::Any => return Ok(()),
        Expect::Error => Severity::Error,
        Expect::Warning => Severity::Warning,
    };
    let expected_code = i32::from(wanted == Severity::Error);
    if code != expected_code {
        return Err(format!(
            "exit code {code}, expected {expected_code}:\n{}",
            show()
        ));
    }
    let found = diagnostics.iter().any(|d| {
        d.severity == wanted
            && d.file.as_deref() == Some(case.file.as_path())
            && case.line.is_none_or(|l| d.line == Some(l))
            && case.rule.as_deref().is_none_or(|r| d.rule.contains(r))
    });
    if found {
        Ok(())
    } else {
        Err(format!(
            "no {} naming {}{}{}:\n{}",
            wanted.as_str(),
            case.file.display(),
            case.line.map(|l| format!(" line {l}")).unwrap_or_default(),
            case.rule
                .as_deref()
                .map(|r| format!(" with rule {r}"))
                .unwrap_or_default(),
            show()
        ))
    }
}

#[derive(Debug)]
struct Verdict {
    index: usize,
    code: Option<i32>,
    problem: Option<String>,
    elapsed: Duration,
}

fn run_in_process(index: usize, case: &Case) -> Verdict {
    if std::env::var_os("CATALOG_TRACE").is_some() {
        eprintln!("case {index}: {}", case.name);
    }
    let site = make_site(case);
    let start = Instant::now();
    let mut options = BuildOptions::new(site.path());
    options.write = false;
    let result = std::panic::catch_unwind(|| build::run(&options));
    let elapsed = start.elapsed();
    match result {
        Ok(outcome) => {
            let code = diag::exit_code(&outcome.diagnostics, false);
            Verdict {
                index,
                code: Some(code),
                problem: judge(case, &outcome.diagnostics).err(),
                elapsed,
            }
        }
        Err(_) => Verdict {
            index,
            code: None,
            problem: Some("PANIC (see the panic message above)".into()),
            elapsed,
        },
    }
}

/// Runs `cases` on `threads` workers; a case still running after its
/// timeout is reported as a hang (its thread is abandoned).
fn run_all(cases: &Arc<Vec<Case>>, threads: usize) -> Vec<Verdict> {
    let next = Arc::new(Mutex::new(0usize));
    let running: Arc<Mutex<HashMap<usize, Instant>>> = Arc::new(Mutex::new(HashMap::new()));
    let (tx, rx) = mpsc::channel();
    for _ in 0..threads {
        let (cases, next, running, tx) = (
            Arc::clone(cases),
            Arc::clone(&next),
            Arc::clone(&running),
            tx.clone(),
        );
        // The binary loads a site on its main thread (8 MiB of stack).
        let builder = std::thread::Builder::new().stack_size(8 << 20);
        builder
            .spawn(move || {
                loop {
                    let index = {
                        let mut n = next.lock().expect("lock");
                        let i = *n;
                        *n += 1;
                        i
                    };
                    let Some(case) = cases.get(index) else { break };
                    running.lock().expect("lock").insert(index, Instant::now());
                    let verdict = run_in_process(index, case);
                    running.lock().expect("lock").remove(&index);
                    if tx.send(verdict).is_err() {
                        break;
                    }
                }
            })
            .expect("spawn worker");
    }
    drop(tx);
    let mut verdicts = Vec::new();
    loop {
        match rx.recv_timeout(Duration::from_secs(1)) {
            Ok(v) => verdicts.push(v),
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
            Err(mpsc::RecvTimeoutError::Timeout) => {}
        }
        let hung: Vec<(usize, Duration)> = running
            .lock()
            .expect("lock")
            .iter()
            .map(|(i, t)| (*i, t.elapsed()))
            .filter(|(i, e)| *e > cases[*i].timeout)
            .collect();
        if let Some((i, e)) = hung.first() {
            panic!(
                "HANG: case `{}` still running after {e:?} (limit {:?})",
                cases[*i].name, cases[*i].timeout
            );
        }
    }
    verdicts.sort_by_key(|v| v.index);
    verdicts
}

/// Memory limit for the binary runs (virtual memory, KiB).
const MEMORY_LIMIT_KIB: u64 = 4 * 1024 * 1024;

struct BinaryRun {
    code: Option<i32>,
    stderr: String,
    peak_rss_kib: u64,
    elapsed: Duration,
}

/// Runs `vielfalt check` on a case under `ulimit -v`, sampling the peak RSS
/// (VmHWM) from /proc while it runs, and kills it after the case's timeout.
fn run_binary(case: &Case) -> BinaryRun {
    let site = make_site(case);
    let bin = assert_cmd::cargo::cargo_bin("vielfalt");
    let stderr_path = site.path().join(".stderr");
    let stderr = std::fs::File::create(&stderr_path).expect("stderr file");
    let start = Instant::now();
    let mut child = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "ulimit -v {MEMORY_LIMIT_KIB} && exec \"$0\" check --root \"$1\""
        ))
        .arg(&bin)
        .arg(site.path())
        .stdout(std::process::Stdio::null())
        .stderr(stderr)
        .spawn()
        .expect("spawn");
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break Some(status);
        }
        if let Ok(text) = std::fs::read_to_string(&status_file)
            && let Some(kib) = text
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        {
            peak = peak.max(kib);
        }
        if start.elapsed() > case.timeout {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    BinaryRun {
        code: status.and_then(|s| s.code()),
        stderr: std::fs::read_to_string(&stderr_path).unwrap_or_default(),
        peak_rss_kib: peak,
        elapsed: start.elapsed(),
    }
}

/// The shown path of a case's file, as the binary prints it.
fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// (`CATALOG_SHOW_GAPS=1` prints why each case of a known gap fails.)
///
/// `CATALOG_DUMP=DIR cargo test catalog::dump -- --ignored` writes every
/// case's site to DIR/N (for running the binary on them by hand).
#[test]
#[ignore = "a tool, not a test"]
fn dump() {
    let Some(dir) = std::env::var_os("CATALOG_DUMP") else {
        return;
    };
    for (i, case) in load_cases().iter().enumerate() {
        let site = make_site(case);
        let target = Path::new(&dir).join(i.to_string());
        std::fs::create_dir_all(Path::new(&dir)).expect("mkdir");
        let _ = std::fs::remove_dir_all(&target);
        std::fs::rename(site.keep(), &target).expect("move");
        std::fs::write(Path::new(&dir).join(format!("{i}.name")), &case.name).expect("name");
    }
}

#[test]
fn every_catalog_case_fails_cleanly_with_an_explanation() {
    let cases = Arc::new(load_cases());
    assert!(
        cases.len() >= 1000 || std::env::var_os("CATALOG_ONLY").is_some(),
        "the catalog has only {} cases",
        cases.len()
    );
    // The base site itself is clean.
    let base = Case {
        name: "base".into(),
        files: Vec::new(),
        expect: Expect::Any,
        rule: None,
        file: PathBuf::new(),
        line: None,
        timeout: Duration::from_secs(30),
        gap: false,
    };
    let v = run_in_process(0, &base);
    assert_eq!(v.code, Some(0), "the base site must build");

    let start = Instant::now();
    let verdicts = run_all(&cases, 2);
    let mut failures = Vec::new();
    let mut gaps: BTreeMap<String, usize> = BTreeMap::new();
    let mut by_code: BTreeMap<&str, usize> = BTreeMap::new();
    let mut slowest = (Duration::ZERO, String::new());
    for v in &verdicts {
        let case = &cases[v.index];
        let outcome = match v.code {
            Some(1) => "exit 1 (error)",
            Some(_) => "exit 0",
            None => "panic",
        };
        *by_code.entry(outcome).or_default() += 1;
        if v.elapsed > slowest.0 {
            slowest = (v.elapsed, case.name.clone());
        }
        if let Some(p) = &v.problem {
            let group = case.name.split(" #").next().unwrap_or_default().to_string();
            // A panic is never a known gap.
            if case.gap && v.code.is_some() {
                *gaps.entry(group).or_default() += 1;
                if std::env::var_os("CATALOG_SHOW_GAPS").is_some() {
                    eprintln!("gap: {}: {p}", case.name);
                }
            } else {
                failures.push(format!("{}: {p}", case.name));
            }
        }
    }
    eprintln!(
        "catalog: {} cases in {:?}: {by_code:?}; slowest {:?} ({})",
        cases.len(),
        start.elapsed(),
        slowest.0,
        slowest.1
    );
    eprintln!("catalog: known gaps (failing cases per group): {gaps:?}");
    let mut failing_groups: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &failures {
        *failing_groups
            .entry(f.split(" #").next().unwrap_or_default())
            .or_default() += 1;
    }
    assert!(
        failures.is_empty(),
        "{} of {} catalog cases failed ({failing_groups:?}):\n\n{}",
        failures.len(),
        cases.len(),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n\n")
    );
}

#[test]
fn catalog_sample_through_the_binary_stays_in_bounds() {
    let cases = load_cases();
    // Every 20th case, and every case the catalog marks as heavy.
    let sample: Vec<&Case> = cases
        .iter()
        .enumerate()
        .filter(|(i, c)| i % 20 == 0 || c.timeout > Duration::from_secs(30))
        .map(|(_, c)| c)
        .collect();
    let mut failures = Vec::new();
    let mut peak = (0, String::new());
    for case in &sample {
        let run = run_binary(case);
        if run.peak_rss_kib > peak.0 {
            peak = (run.peak_rss_kib, case.name.clone());
        }
        let problem = match run.code {
            None => Some(format!("killed after {:?} (hang or signal)", run.elapsed)),
            Some(101) => Some("exit 101 (panic)".to_string()),
            Some(c) if c > 1 => Some(format!("exit {c}")),
            _ if run.stderr.contains("panicked") => Some("panicked".to_string()),
            Some(1) if !run.stderr.contains("hint:") => Some("no hint".to_string()),
            // Known gaps (see the catalog) are held only to the bounds above.
            _ if case.gap => None,
            Some(c) if case.expect == Expect::Error && c != 1 => Some(format!("exit {c}")),
            Some(1) if case.expect == Expect::Error && !run.stderr.contains(&shown(&case.file)) => {
                Some(format!("stderr does not name {}", shown(&case.file)))
            }
            _ => None,
        };
        if let Some(p) = problem {
            failures.push(format!("{}: {p}\n{}", case.name, run.stderr));
        }
    }
    eprintln!(
        "catalog through the binary: {} cases, peak RSS {} MiB ({}), limit {} MiB virtual",
        sample.len(),
        peak.0 / 1024,
        peak.1,
        MEMORY_LIMIT_KIB / 1024
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
