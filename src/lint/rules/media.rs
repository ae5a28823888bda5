//! Media and embedded documents: videos have captions
//! (`a11y/video-captions`), nothing plays by itself (`a11y/media-autoplay`),
//! iframes have a title (`a11y/iframe-title`).

use crate::lint::pass::{Kind, Scan, Tag};

#[derive(Default)]
pub(super) struct State {
    /// Per video: whether it has a captions track, and where it starts.
    videos: Vec<(bool, usize)>,
}

pub(super) fn element(s: &mut Scan, tag: &Tag) -> Option<Kind> {
    match tag.name.as_str() {
        "video" | "audio" if tag.attr("autoplay").is_some() => {
            let src = tag.attr("src").unwrap_or_default();
            s.report(
                "a11y/media-autoplay",
                format!("the {} {src} plays by itself (autoplay)", tag.name),
                Some(tag.at),
            );
        }
        "iframe" if tag.attr("title").is_none_or(|t| t.trim().is_empty()) => {
            let src = tag.attr("src").unwrap_or_default();
            s.report(
                "a11y/iframe-title",
                format!("the iframe {src} has no title"),
                Some(tag.at),
            );
        }
        "track" => {
            let captions = tag
                .attr("kind")
                .is_some_and(|k| k.eq_ignore_ascii_case("captions"));
            let video = s.innermost(|k| match k {
                Kind::Video(i) => Some(i),
                _ => None,
            });
            if captions && let Some((has, _)) = video.and_then(|i| s.rules.media.videos.get_mut(i))
            {
                *has = true;
            }
        }
        _ => {}
    }
    (tag.name == "video").then(|| {
        s.rules.media.videos.push((false, tag.at));
        Kind::Video(s.rules.media.videos.len() - 1)
    })
}

pub(super) fn finish(s: &mut Scan) {
    for (has_captions, at) in std::mem::take(&mut s.rules.media.videos) {
        if !has_captions {
            s.report(
                "a11y/video-captions",
                "a video has no captions track".into(),
                Some(at),
            );
        }
    }
}
