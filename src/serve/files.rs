//! `serve`'s in-memory output: a persistent map of the site's files, and
//! the sink the pipeline writes into when it renders for `serve`.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};

use crate::output::Sink;

/// The output of a site: path below the output folder → bytes.
///
/// A persistent map: a clone shares everything with the original, and a
/// change afterwards copies only the small bucket it falls into. `serve`
/// publishes a clone after every update while requests may still read
/// the one before; publishing therefore costs what the update changed,
/// not the size of the site (a 12,000-page site has ~14,000 files).
#[derive(Clone)]
pub struct Files {
    buckets: Vec<Arc<BTreeMap<String, Arc<[u8]>>>>,
    len: usize,
}

/// Buckets of `Files`: sites of 10,000–100,000 files give buckets of some
/// tens to hundreds of entries.
const BUCKETS: usize = 256;

impl Default for Files {
    fn default() -> Self {
        Files::new()
    }
}

impl std::fmt::Debug for Files {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Files").field("len", &self.len).finish()
    }
}

impl Files {
    pub fn new() -> Files {
        Files {
            buckets: (0..BUCKETS).map(|_| Arc::new(BTreeMap::new())).collect(),
            len: 0,
        }
    }

    /// FNV-1a of the path: stable, and paths are our own output's.
    fn bucket(path: &str) -> usize {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in path.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        usize::try_from(h % BUCKETS as u64).unwrap_or(0)
    }

    pub fn get(&self, path: &str) -> Option<&Arc<[u8]>> {
        self.buckets.get(Self::bucket(path))?.get(path)
    }

    pub fn contains_key(&self, path: &str) -> bool {
        self.get(path).is_some()
    }

    pub fn insert(&mut self, path: String, bytes: Arc<[u8]>) {
        if let Some(bucket) = self.buckets.get_mut(Self::bucket(&path))
            && Arc::make_mut(bucket).insert(path, bytes).is_none()
        {
            self.len += 1;
        }
    }

    pub fn remove(&mut self, path: &str) {
        if let Some(bucket) = self.buckets.get_mut(Self::bucket(path))
            && bucket.contains_key(path)
            && Arc::make_mut(bucket).remove(path).is_some()
        {
            self.len -= 1;
        }
    }

    pub fn clear(&mut self) {
        *self = Files::new();
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Every file, sorted by path.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Arc<[u8]>)> {
        let mut all: Vec<(&String, &Arc<[u8]>)> =
            self.buckets.iter().flat_map(|b| b.iter()).collect();
        all.sort_by(|a, b| a.0.cmp(b.0));
        all.into_iter()
    }
}

/// Collects what the pipeline writes, for [`Files`].
#[derive(Default)]
pub struct Memory(Mutex<Vec<(String, Arc<[u8]>)>>);

impl Sink for Memory {
    fn write(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((path.to_string(), Arc::from(bytes)));
        Ok(())
    }
}

impl Memory {
    pub fn into_files(self) -> Vec<(String, Arc<[u8]>)> {
        self.0.into_inner().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_clones_share_and_diverge() {
        let mut a = Files::new();
        for i in 0..1000 {
            a.insert(format!("de/{i}/index.html"), Arc::from(vec![1u8]));
        }
        let b = a.clone();
        a.insert("de/7/index.html".into(), Arc::from(vec![2u8]));
        a.remove("de/8/index.html");
        a.insert("neu.html".into(), Arc::from(vec![3u8]));
        assert_eq!((a.len(), b.len()), (1000, 1000));
        assert_eq!(a.get("de/7/index.html").map(|v| v[0]), Some(2));
        assert_eq!(b.get("de/7/index.html").map(|v| v[0]), Some(1));
        assert!(!a.contains_key("de/8/index.html") && b.contains_key("de/8/index.html"));
        assert!(a.contains_key("neu.html") && !b.contains_key("neu.html"));
        let paths: Vec<&String> = a.iter().map(|(p, _)| p).collect();
        assert!(paths.windows(2).all(|w| w[0] < w[1]), "sorted");
        // Buckets not written to are still shared.
        let shared = a
            .buckets
            .iter()
            .zip(&b.buckets)
            .filter(|(x, y)| Arc::ptr_eq(x, y))
            .count();
        assert!(shared >= BUCKETS - 3, "{shared} buckets shared");
    }
}
