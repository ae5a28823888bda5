//! The lint cache: what the lint pass finds on a page is a pure function of
//! the page's address and bytes (and of this program), so a build keeps each
//! page's result beside the output (`.public.vielfalt-lint`) and the next
//! build reuses it for every page whose bytes did not change. A warm build
//! then hashes a page instead of parsing it again; the site-wide checks
//! still run over every page's facts, and where a finding points into the
//! Markdown is still looked up in the current source.
//!
//! The file is written to a temporary name and renamed into place when the
//! build's pages are done, so a killed build leaves the previous cache or
//! none. One written by another build of vielfalt (another executable, or
//! the same one rebuilt) is ignored, as is anything unreadable: the cache
//! can only save work, never change a result.
//!
//! Layout: a header (magic and the program's identity), the entries (each a
//! payload of length-prefixed fields), an index of (key, offset, length,
//! checksum) and a trailer with the index's offset. The index is read at
//! start (36 bytes per page); an entry is read only when its page is met
//! again, and used only when its checksum matches (two builds racing on
//! the same output, or a damaged disk, cost a re-lint, not a wrong answer).

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::{Facts, Finding, Links};

const MAGIC: &[u8; 16] = b"vielfalt-lint 3\n";
const HEADER: usize = MAGIC.len() + 32;
/// The trailer: the index's offset and the number of entries.
const TRAILER: usize = 8 + 8;
const ENTRY_INDEX: usize = 16 + 8 + 4 + 8;

/// A page's key: the xxh3-128 hash of its address and bytes. Not a
/// cryptographic hash (a site's pages are its authors' own, not an
/// adversary's); an accidental collision of 128 bits is far less likely
/// than an undetected disk error. blake3 took a sixth of the lint's time.
type Key = [u8; 16];
/// This program's identity ([`identity`]), in the header.
type Identity = [u8; 32];
type Check = [u8; 8];

fn check(payload: &[u8]) -> Check {
    xxhash_rust::xxh3::xxh3_64(payload).to_le_bytes()
}

/// One page's lint result for the next build, handed to [`Cache::keep`]
/// where the page is written. A page read from the cache has its key and
/// bytes; a page the pass scanned has its findings, and gets its key and
/// bytes in `keep` (in a first build, hashing the page and encoding the
/// result are work of the cache's file, like writing it, not of the lint).
pub struct Entry {
    key: Option<Key>,
    made: Made,
}

enum Made {
    Read(Vec<u8>),
    Found(Vec<Finding>),
}

/// A build's view of the cache: the previous build's entries (read side)
/// and the file the entries of this build go to (write side).
pub struct Cache {
    old: Option<Old>,
    new: Option<Mutex<New>>,
    path: PathBuf,
    reused: AtomicUsize,
    scanned: AtomicUsize,
}

struct Old {
    file: File,
    index: HashMap<Key, (u64, u32, Check)>,
}

struct New {
    out: BufWriter<File>,
    path: PathBuf,
    offset: u64,
    index: Vec<(Key, u64, u32, Check)>,
    failed: bool,
}

impl Cache {
    /// The cache of the output folder `target`: reads the previous build's
    /// index, and with `write` prepares the file this build writes.
    /// Anything that fails leaves that side off.
    pub fn open(target: &Path, write: bool) -> Cache {
        let path = crate::output::sibling(target, "lint", "");
        let identity = identity();
        let old = identity.and_then(|id| Old::open(&path, &id).ok());
        let new = match (write, identity) {
            (true, Some(id)) => New::create(&path, &id).ok().map(Mutex::new),
            _ => None,
        };
        Cache {
            old,
            new,
            path,
            ..Cache::none()
        }
    }

    /// No cache: every page is scanned.
    pub fn none() -> Cache {
        Cache {
            old: None,
            new: None,
            path: PathBuf::new(),
            reused: AtomicUsize::new(0),
            scanned: AtomicUsize::new(0),
        }
    }

    /// The lint result of the page `html` at `url`: from the cache when the
    /// same bytes were linted before, else from the pass; remembered for
    /// the next build.
    #[cfg(test)]
    pub(crate) fn findings(&self, html: &str, url: &str) -> (Facts, Vec<Finding>) {
        let (facts, findings, entry) = self.lint(html, url);
        self.keep(entry, html, url, &facts);
        (facts, findings)
    }

    /// [`Cache::findings`] without writing: the entry for the next build
    /// is handed back, and [`Cache::keep`] writes it. (The build keeps it
    /// where it writes the page: that takes the file's lock, its writes
    /// and, when there is no previous cache to look pages up in, the
    /// page's hash and the result's encoding off the lint.)
    pub(crate) fn lint(&self, html: &str, url: &str) -> (Facts, Vec<Finding>, Option<Entry>) {
        if self.old.is_none() && self.new.is_none() {
            self.scanned.fetch_add(1, Ordering::Relaxed);
            let (facts, findings) = super::findings_of(html, url);
            return (facts, findings, None);
        }
        // Without a previous cache there is nothing to look up: the key is
        // made when the entry is kept.
        let key = self.old.as_ref().map(|old| (old, key(url, html)));
        if let Some((old, key)) = &key
            && let Some(payload) = old.read(key)
            && let Some((facts, findings)) = decode(&payload, url)
        {
            self.reused.fetch_add(1, Ordering::Relaxed);
            let entry = self.new.is_some().then_some(Entry {
                key: Some(*key),
                made: Made::Read(payload),
            });
            return (facts, findings, entry);
        }
        let (facts, findings) = super::findings_of(html, url);
        self.scanned.fetch_add(1, Ordering::Relaxed);
        let entry = self.new.is_some().then(|| Entry {
            key: key.map(|(_, key)| key),
            made: Made::Found(findings.clone()),
        });
        (facts, findings, entry)
    }

    /// Writes a page's entry for the next build: `html` and `url` are the
    /// page's, `facts` what [`Cache::lint`] returned for it.
    pub fn keep(&self, entry: Option<Entry>, html: &str, url: &str, facts: &Facts) {
        if let (Some(new), Some(entry)) = (&self.new, entry) {
            let key = entry.key.unwrap_or_else(|| key(url, html));
            let payload = match entry.made {
                Made::Read(payload) => payload,
                Made::Found(findings) => encode(facts, &findings),
            };
            let mut new = new
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            new.push(&key, &payload);
        }
    }

    /// (pages whose result was reused, pages scanned).
    pub fn counts(&self) -> (usize, usize) {
        (
            self.reused.load(Ordering::Relaxed),
            self.scanned.load(Ordering::Relaxed),
        )
    }

    /// Puts this build's entries in place of the previous cache (or, when
    /// writing failed, removes both: a stale cache would only cost time).
    pub fn finish(self) {
        drop(self.old);
        let Some(new) = self.new else {
            return;
        };
        let new = new
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let tmp = new.path.clone();
        if new.finish().is_err() || std::fs::rename(&tmp, &self.path).is_err() {
            let _ = std::fs::remove_file(&tmp);
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// What must match for an old entry to be trusted: this program's version,
/// and the size and modification time of its executable (any rebuild of
/// vielfalt changes them, and with them possibly what the lint finds).
fn identity() -> Option<Identity> {
    let exe = std::env::current_exe().ok()?;
    let meta = std::fs::metadata(exe).ok()?;
    let modified = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    let mut h = blake3::Hasher::new();
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    h.update(&meta.len().to_le_bytes());
    h.update(&modified.as_nanos().to_le_bytes());
    Some(*h.finalize().as_bytes())
}

fn key(url: &str, html: &str) -> Key {
    // One pass over the page's bytes, seeded by its address, instead of
    // the streaming hasher (hashing was about a twentieth of the lint's
    // perf samples in a cold build).
    let seed = xxhash_rust::xxh3::xxh3_64(url.as_bytes());
    xxhash_rust::xxh3::xxh3_128_with_seed(html.as_bytes(), seed).to_le_bytes()
}

impl Old {
    fn open(path: &Path, identity: &Identity) -> std::io::Result<Old> {
        let mut file = File::open(path)?;
        let len = file.metadata()?.len();
        let bad = || std::io::Error::other("not a lint cache of this program");
        let mut header = [0u8; HEADER];
        file.read_exact(&mut header)?;
        if header[..MAGIC.len()] != MAGIC[..] || header[MAGIC.len()..] != identity[..] {
            return Err(bad());
        }
        let mut trailer = [0u8; TRAILER];
        file.seek(SeekFrom::End(-(TRAILER as i64)))?;
        file.read_exact(&mut trailer)?;
        let (at, count) = trailer.split_at(8);
        let at = u64::from_le_bytes(at.try_into().map_err(|_| bad())?);
        let count = u64::from_le_bytes(count.try_into().map_err(|_| bad())?);
        let size = count
            .checked_mul(ENTRY_INDEX as u64)
            .filter(|size| {
                at.checked_add(*size)
                    .and_then(|e| e.checked_add(TRAILER as u64))
                    == Some(len)
            })
            .ok_or_else(bad)?;
        let mut raw = vec![0u8; usize::try_from(size).map_err(|_| bad())?];
        file.seek(SeekFrom::Start(at))?;
        file.read_exact(&mut raw)?;
        let mut index = HashMap::with_capacity(raw.len() / ENTRY_INDEX);
        for entry in raw.chunks_exact(ENTRY_INDEX) {
            let (key, rest) = entry.split_at(16);
            let (offset, rest) = rest.split_at(8);
            let (length, sum) = rest.split_at(4);
            let key: Key = key.try_into().map_err(|_| bad())?;
            let offset = u64::from_le_bytes(offset.try_into().map_err(|_| bad())?);
            let length = u32::from_le_bytes(length.try_into().map_err(|_| bad())?);
            let sum: Check = sum.try_into().map_err(|_| bad())?;
            if offset < HEADER as u64 || offset + u64::from(length) > at {
                return Err(bad());
            }
            index.insert(key, (offset, length, sum));
        }
        Ok(Old { file, index })
    }

    fn read(&self, key: &Key) -> Option<Vec<u8>> {
        let &(offset, length, sum) = self.index.get(key)?;
        let mut payload = vec![0u8; usize::try_from(length).ok()?];
        read_at(&self.file, &mut payload, offset).ok()?;
        (check(&payload) == sum).then_some(payload)
    }
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(windows)]
fn read_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> std::io::Result<()> {
    while !buf.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, buf, offset)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}

impl New {
    fn create(final_path: &Path, identity: &Identity) -> std::io::Result<New> {
        let mut name = final_path.as_os_str().to_owned();
        name.push(".new");
        let path = PathBuf::from(name);
        let mut out = BufWriter::with_capacity(1 << 16, File::create(&path)?);
        out.write_all(MAGIC)?;
        out.write_all(identity)?;
        Ok(New {
            out,
            path,
            offset: HEADER as u64,
            index: Vec::new(),
            failed: false,
        })
    }

    fn push(&mut self, key: &Key, payload: &[u8]) {
        let Ok(length) = u32::try_from(payload.len()) else {
            return;
        };
        if self.failed {
            return;
        }
        if self.out.write_all(payload).is_err() {
            self.failed = true;
            return;
        }
        self.index.push((*key, self.offset, length, check(payload)));
        self.offset += u64::from(length);
    }

    fn finish(mut self) -> std::io::Result<()> {
        if self.failed {
            return Err(std::io::Error::other("writing the lint cache failed"));
        }
        let at = self.offset;
        for (key, offset, length, sum) in &self.index {
            self.out.write_all(key)?;
            self.out.write_all(&offset.to_le_bytes())?;
            self.out.write_all(&length.to_le_bytes())?;
            self.out.write_all(sum)?;
        }
        self.out.write_all(&at.to_le_bytes())?;
        self.out
            .write_all(&(self.index.len() as u64).to_le_bytes())?;
        self.out.into_inner().map_err(|e| e.into_error())?;
        Ok(())
    }
}

/// Writes a page's facts (but its address, which is part of the key, and
/// its source file, which the caller knows) and findings.
fn encode(facts: &Facts, findings: &[Finding]) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 * facts.links.len() + 256);
    put(&mut out, &facts.lang);
    put(&mut out, &facts.title);
    // Sorted, so the same page always gives the same bytes.
    let mut ids: Vec<&String> = facts.ids.iter().collect();
    ids.sort();
    put_len(&mut out, ids.len());
    for id in ids {
        put(&mut out, id);
    }
    put_len(&mut out, facts.links.len());
    for l in &facts.links {
        put(&mut out, l.href);
        match &l.hreflang {
            Some(h) => {
                out.push(1);
                put(&mut out, h);
            }
            None => out.push(0),
        }
        put(&mut out, l.lang);
    }
    put_len(&mut out, findings.len());
    for f in findings {
        put(&mut out, &f.rule);
        put(&mut out, &f.message);
        put(&mut out, &f.hint);
        put_len(&mut out, f.needles.len());
        for n in &f.needles {
            put(&mut out, n);
        }
    }
    out
}

/// Reads what [`encode`] wrote; `None` for anything else.
fn decode(payload: &[u8], url: &str) -> Option<(Facts, Vec<Finding>)> {
    let mut r = Reader(payload);
    let lang = r.string()?;
    let title = r.string()?;
    let ids = (0..r.len()?).map(|_| r.string()).collect::<Option<_>>()?;
    let mut links = Links::default();
    for _ in 0..r.len()? {
        let href = r.string()?;
        let hreflang = match r.byte()? {
            0 => None,
            1 => Some(super::lang_tag(&r.string()?)),
            _ => return None,
        };
        let lang = super::lang_tag(&r.string()?);
        if !links.push(&href, hreflang, lang) {
            return None;
        }
    }
    let findings = (0..r.len()?)
        .map(|_| {
            Some(Finding {
                rule: Cow::Owned(r.string()?),
                message: r.string()?,
                hint: Cow::Owned(r.string()?),
                needles: (0..r.len()?).map(|_| r.string()).collect::<Option<_>>()?,
            })
        })
        .collect::<Option<_>>()?;
    if !r.0.is_empty() {
        return None;
    }
    let facts = Facts {
        url: url.to_string(),
        file: None,
        lang,
        ids,
        links,
        title,
    };
    Some((facts, findings))
}

fn put_len(out: &mut Vec<u8>, len: usize) {
    out.extend_from_slice(&u32::try_from(len).unwrap_or(u32::MAX).to_le_bytes());
}

fn put(out: &mut Vec<u8>, s: &str) {
    put_len(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(b)
    }

    fn len(&mut self) -> Option<usize> {
        let (n, rest) = self.0.split_first_chunk::<4>()?;
        self.0 = rest;
        let n = usize::try_from(u32::from_le_bytes(*n)).ok()?;
        // No count can exceed the bytes left: a corrupt length fails here
        // instead of allocating.
        (n <= self.0.len()).then_some(n)
    }

    fn string(&mut self) -> Option<String> {
        let n = self.len()?;
        let (s, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        String::from_utf8(s.to_vec()).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r##"<!doctype html><html lang="de"><head><title>Start</title>
<meta name="viewport" content="width=device-width"></head><body>
<h1 id="top">Start</h1><p><a href="/en/" hreflang="en" lang="en">English</a>
<a href="/de/x/#fehlt">hier</a><img src="a.png"></p></body></html>"##;

    #[test]
    fn entries_read_back_as_the_pass_found_them() {
        let (facts, findings) = crate::lint::findings_of(PAGE, "/de/");
        assert!(!findings.is_empty(), "the page has planted faults");
        let back = decode(&encode(&facts, &findings), "/de/").expect("decodes");
        assert_eq!(back.0.lang, facts.lang);
        assert_eq!(back.0.title, facts.title);
        assert_eq!(back.0.ids, facts.ids);
        assert_eq!(back.0.links, facts.links);
        assert_eq!(back.1, findings);
    }

    #[test]
    fn damaged_entries_are_refused() {
        let (facts, findings) = crate::lint::findings_of(PAGE, "/de/");
        let payload = encode(&facts, &findings);
        for cut in 0..payload.len() {
            assert!(decode(&payload[..cut], "/de/").is_none(), "cut at {cut}");
        }
        let mut longer = payload.clone();
        longer.push(0);
        assert!(decode(&longer, "/de/").is_none());
        let mut huge = payload;
        huge[..4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(decode(&huge, "/de/").is_none());
    }

    #[test]
    fn a_second_build_reuses_unchanged_pages_and_scans_changed_ones() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("public");
        let other = PAGE.replace("Start</h1>", "Anders</h1>");

        let first = Cache::open(&target, true);
        let a = first.findings(PAGE, "/de/");
        assert_eq!(first.counts(), (0, 1));
        first.finish();
        assert!(dir.path().join(".public.vielfalt-lint").is_file());

        let second = Cache::open(&target, true);
        let b = second.findings(PAGE, "/de/");
        second.findings(&other, "/de/");
        // The same bytes at another address are another page.
        second.findings(PAGE, "/en/");
        assert_eq!(second.counts(), (1, 2));
        assert_eq!(b.1, a.1);
        assert_eq!(b.0.links, a.0.links);
        second.finish();

        // Read-only (as `check` uses it): reuses, writes nothing.
        let third = Cache::open(&target, false);
        third.findings(&other, "/de/");
        third.findings(PAGE, "/en/");
        assert_eq!(third.counts(), (2, 0));
        third.finish();
        assert!(!dir.path().join(".public.vielfalt-lint.new").exists());
    }

    #[test]
    fn a_damaged_or_foreign_file_is_ignored() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("public");
        let file = dir.path().join(".public.vielfalt-lint");
        let c = Cache::open(&target, true);
        let expected = c.findings(PAGE, "/de/");
        c.finish();
        let good = std::fs::read(&file).expect("read");

        let mut damaged = Vec::new();
        // Truncated anywhere; a flipped byte in the identity, the index
        // offsets and the payload; another program's header.
        for cut in [0, 10, HEADER, good.len() / 2, good.len() - 1] {
            damaged.push(good[..cut].to_vec());
        }
        for at in [MAGIC.len() + 3, good.len() - TRAILER - 6, good.len() - 3] {
            let mut d = good.clone();
            d[at] ^= 0xff;
            damaged.push(d);
        }
        // Any byte of the payload, even where the change still decodes (a
        // letter of a message): the checksum refuses it.
        for at in HEADER..HEADER + 40 {
            let mut payload = good.clone();
            payload[at] ^= 0x01;
            damaged.push(payload);
        }
        for bytes in damaged {
            std::fs::write(&file, &bytes).expect("write");
            let c = Cache::open(&target, false);
            let got = c.findings(PAGE, "/de/");
            assert_eq!(got.1, expected.1);
            assert_eq!(
                (&got.0.lang, &got.0.title, &got.0.ids, &got.0.links),
                (
                    &expected.0.lang,
                    &expected.0.title,
                    &expected.0.ids,
                    &expected.0.links
                )
            );
        }
    }
}
