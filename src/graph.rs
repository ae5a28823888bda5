//! Cycles in the small reference graphs the checks build (templates and
//! macros, Fluent messages and terms).

use std::collections::{BTreeMap, VecDeque};

/// The shortest way from `start` back to itself (breadth-first, following
/// `next` in its order), as the nodes on it, `start` first and last; `None`
/// when there is none.
pub fn way_back<N, I>(start: &N, next: impl Fn(&N) -> I) -> Option<Vec<N>>
where
    N: Ord + Clone,
    I: IntoIterator<Item = N>,
{
    let mut came_from: BTreeMap<N, N> = BTreeMap::new();
    let mut queue = VecDeque::from([start.clone()]);
    while let Some(at) = queue.pop_front() {
        for n in next(&at) {
            if &n == start {
                let mut path = vec![start.clone()];
                let mut back = at;
                while &back != start {
                    let prev = came_from
                        .get(&back)
                        .cloned()
                        .unwrap_or_else(|| start.clone());
                    path.push(back);
                    back = prev;
                }
                path.push(start.clone());
                path.reverse();
                return Some(path);
            }
            if !came_from.contains_key(&n) {
                came_from.insert(n.clone(), at.clone());
                queue.push_back(n);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::way_back;

    #[test]
    fn the_shortest_way_back_is_found() {
        // 1 → 2 → 3 → 1 and 1 → 4 → 1; 5 → 1 is no way back to 5.
        let edges = |n: &u8| -> Vec<u8> {
            match n {
                1 => vec![2, 4],
                2 => vec![3],
                3 | 4 => vec![1],
                5 => vec![1],
                _ => vec![],
            }
        };
        assert_eq!(way_back(&1, edges), Some(vec![1, 4, 1]));
        assert_eq!(way_back(&2, edges), Some(vec![2, 3, 1, 2]));
        assert_eq!(way_back(&5, edges), None);
        assert_eq!(way_back(&6, edges), None);
    }
}
