//! Inline markup as placeholders. A unit's Markdown is cut into plain text
//! and the markup around it: the brackets and destination of a link or
//! image, emphasis markers, inline code, footnote references, inline HTML
//! (`lang`/`dir` spans, `<bdi>`, `<br>`) and hard breaks. Translators see
//! the markup as placeholders they move but do not edit; joining text and
//! markup gives back the exact bytes.

use std::ops::Range;

use pulldown_cmark::Event;

/// A piece of a unit: text to translate, or markup to keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    /// Markup that opens a span of text (`[`, `**`); `id` pairs it with its `Close`.
    Open {
        id: usize,
        data: String,
    },
    Close {
        id: usize,
        data: String,
    },
    /// Markup standing alone (`` `code` ``, `[^1]`, `<span lang="ar">`).
    Ph {
        id: usize,
        data: String,
    },
}

/// An open inline container: its range, its marker id and the extent of
/// its children so far.
type Frame = (Range<usize>, usize, Option<Range<usize>>);

/// Markup found in a run, by byte range relative to the run.
struct Marker {
    range: Range<usize>,
    kind: MarkerKind,
}

enum MarkerKind {
    Open(usize),
    Close(usize),
    Ph(usize),
}

/// Cuts `slice` (the text of a run that starts at `base` in the parsed
/// body) into pieces, using the run's events and their body ranges.
pub fn pieces(slice: &str, run: &[(Event, Range<usize>)], base: usize) -> Vec<Piece> {
    let rel = |r: &Range<usize>| r.start.saturating_sub(base)..r.end.saturating_sub(base);
    let mut markers: Vec<Marker> = Vec::new();
    let mut frames: Vec<Frame> = Vec::new();
    let mut next_id = 1;
    let widen = |frames: &mut Vec<Frame>, r: &Range<usize>| {
        if let Some((_, _, extent)) = frames.last_mut() {
            *extent = Some(match extent.take() {
                Some(e) => e.start.min(r.start)..e.end.max(r.end),
                None => r.clone(),
            });
        }
    };
    for (event, range) in run {
        let r = rel(range);
        match event {
            Event::Start(_) => {
                frames.push((r, next_id, None));
                next_id += 1;
            }
            Event::End(_) => {
                let Some((outer, id, extent)) = frames.pop() else {
                    continue;
                };
                match extent {
                    Some(inner) if inner.start > outer.start && inner.end < outer.end => {
                        markers.push(Marker {
                            range: outer.start..inner.start,
                            kind: MarkerKind::Open(id),
                        });
                        markers.push(Marker {
                            range: inner.end..outer.end,
                            kind: MarkerKind::Close(id),
                        });
                    }
                    _ => markers.push(Marker {
                        range: outer.clone(),
                        kind: MarkerKind::Ph(id),
                    }),
                }
                widen(&mut frames, &outer);
            }
            Event::Text(_) | Event::SoftBreak => widen(&mut frames, &r),
            _ => {
                markers.push(Marker {
                    range: r.clone(),
                    kind: MarkerKind::Ph(next_id),
                });
                next_id += 1;
                widen(&mut frames, &r);
            }
        }
    }
    // A container shown whole (a `Ph`) swallows the markers inside it.
    markers.sort_by_key(|m| (m.range.start, std::cmp::Reverse(m.range.end)));
    let mut out = Vec::new();
    let mut at = 0;
    for m in markers {
        if m.range.start < at || m.range.is_empty() {
            continue;
        }
        if m.range.start > at {
            out.push(Piece::Text(
                slice.get(at..m.range.start).unwrap_or_default().into(),
            ));
        }
        let data = slice.get(m.range.clone()).unwrap_or_default().to_string();
        out.push(match m.kind {
            MarkerKind::Open(id) => Piece::Open { id, data },
            MarkerKind::Close(id) => Piece::Close { id, data },
            MarkerKind::Ph(id) => Piece::Ph { id, data },
        });
        at = m.range.end;
    }
    if at < slice.len() {
        out.push(Piece::Text(slice.get(at..).unwrap_or_default().into()));
    }
    out
}

/// Joins pieces back into Markdown.
pub fn markdown(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for p in pieces {
        out.push_str(match p {
            Piece::Text(s) => s,
            Piece::Open { data, .. } | Piece::Close { data, .. } | Piece::Ph { data, .. } => data,
        });
    }
    out
}

/// Placeholder ids for `pieces` in an exchange file: a placeholder gets
/// the id of the first unused one of `source` with the same markup (for a
/// pair: the same opening and closing markup), else `t1`, `t2`, …. Text
/// pieces get an empty id.
pub fn match_ids(pieces: &[Piece], source: &[Piece]) -> Vec<String> {
    let close_of = |ps: &[Piece], own: usize| {
        ps.iter()
            .find_map(|q| match q {
                Piece::Close { id, data } if *id == own => Some(data.clone()),
                _ => None,
            })
            .unwrap_or_default()
    };
    let key = |ps: &[Piece], p: &Piece| match p {
        Piece::Text(_) | Piece::Close { .. } => None,
        Piece::Ph { id, data } => Some((*id, format!("ph {data}"))),
        Piece::Open { id, data } => Some((*id, format!("pc {data} {}", close_of(ps, *id)))),
    };
    let mut free: Vec<(usize, String)> = source.iter().filter_map(|p| key(source, p)).collect();
    let mut own_to_id: Vec<(usize, String)> = Vec::new();
    let mut extra = 0;
    let mut out = Vec::with_capacity(pieces.len());
    for p in pieces {
        let id = match p {
            Piece::Text(_) => String::new(),
            Piece::Close { id, .. } => own_to_id
                .iter()
                .find(|(own, _)| own == id)
                .map(|(_, i)| i.clone())
                .unwrap_or_default(),
            _ => {
                let (own, k) = key(pieces, p).unwrap_or_default();
                let id = match free.iter().position(|(_, f)| *f == k) {
                    Some(i) => free.remove(i).0.to_string(),
                    None => {
                        extra += 1;
                        format!("t{extra}")
                    }
                };
                own_to_id.push((own, id.clone()));
                id
            }
        };
        out.push(id);
    }
    out
}

/// The markup of some pieces, sorted: two texts with the same markup in
/// any order have equal signatures.
pub fn signature(pieces: &[Piece]) -> Vec<&str> {
    let mut out: Vec<&str> = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Text(_) => None,
            Piece::Open { data, .. } | Piece::Close { data, .. } | Piece::Ph { data, .. } => {
                Some(data.as_str())
            }
        })
        .collect();
    out.sort_unstable();
    out
}

/// What differs between the markup of a source and of a translation, in
/// words; `None` when it is the same.
pub fn compare(source: &[Piece], target: &[Piece]) -> Option<String> {
    let (a, b) = (signature(source), signature(target));
    if a == b {
        return None;
    }
    let missing = difference(&a, &b);
    let extra = difference(&b, &a);
    let mut parts = Vec::new();
    if !missing.is_empty() {
        parts.push(format!("missing {}", quoted(&missing)));
    }
    if !extra.is_empty() {
        parts.push(format!("not in the source {}", quoted(&extra)));
    }
    if parts.is_empty() {
        parts.push("the markup is nested differently".into());
    }
    Some(parts.join("; "))
}

/// The items of sorted `a` that sorted `b` does not have (as multisets).
fn difference<'a>(a: &[&'a str], b: &[&str]) -> Vec<&'a str> {
    let mut b = b.to_vec();
    let mut out = Vec::new();
    for x in a {
        match b.iter().position(|y| y == x) {
            Some(i) => {
                b.remove(i);
            }
            None => out.push(*x),
        }
    }
    out
}

fn quoted(items: &[&str]) -> String {
    items
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(md: &str) -> Vec<Piece> {
        let units = super::super::units::page_units(md, 0, "t", None);
        units[1].pieces.clone()
    }

    #[test]
    fn links_emphasis_code_and_spans_become_placeholders() {
        let md = "Das [*Leitbild*](@/leitbild.md#vision), `code`, <span lang=\"ar\" dir=\"rtl\">نص</span> und Fußnote[^1].\n\n[^1]: x\n";
        let p = cut(md);
        let text = |s: &str| Piece::Text(s.into());
        assert_eq!(
            p,
            vec![
                text("Das "),
                Piece::Open {
                    id: 1,
                    data: "[".into()
                },
                Piece::Open {
                    id: 2,
                    data: "*".into()
                },
                text("Leitbild"),
                Piece::Close {
                    id: 2,
                    data: "*".into()
                },
                Piece::Close {
                    id: 1,
                    data: "](@/leitbild.md#vision)".into()
                },
                text(", "),
                Piece::Ph {
                    id: 3,
                    data: "`code`".into()
                },
                text(", "),
                Piece::Ph {
                    id: 4,
                    data: "<span lang=\"ar\" dir=\"rtl\">".into()
                },
                text("نص"),
                Piece::Ph {
                    id: 5,
                    data: "</span>".into()
                },
                text(" und Fußnote"),
                Piece::Ph {
                    id: 6,
                    data: "[^1]".into()
                },
                text("."),
            ]
        );
        assert_eq!(markdown(&p), md.split("\n\n").next().expect("paragraph"));
    }

    #[test]
    fn differences_are_named() {
        let a = cut("A [b](@/x.md) c.\n");
        let b = cut("A b c.\n");
        assert_eq!(compare(&a, &b).as_deref(), Some("missing `[`, `](@/x.md)`"));
        assert_eq!(compare(&a, &a), None);
    }
}
