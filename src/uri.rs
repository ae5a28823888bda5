//! Addresses with letters of any script (`/ar/المبادئ/`). Inside the site
//! they are kept as IRIs (RFC 3987): output folder names, `href`s in HTML
//! and the link check's keys are UTF-8 in Unicode normalisation form C.
//! Where a format wants a URI (RFC 3986: sitemap `loc`, Atom ids and links,
//! HTTP headers) [`to_uri`] percent-encodes them; what comes in
//! percent-encoded (a request path, a hand-written link) [`decode`] turns
//! back into the IRI. This module does not touch hosts (no punycode): a
//! `base_url` is written as given.

use std::borrow::Cow;

use percent_encoding::{AsciiSet, CONTROLS, percent_decode_str, utf8_percent_encode};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// What RFC 3987 §3.1 encodes when an IRI becomes a URI: every non-ASCII
/// character (the encoder always does that), controls and the space. The
/// ASCII delimiters stay as they are, so an address keeps its meaning.
const IRI_TO_URI: &AsciiSet = &CONTROLS.add(b' ');

/// The URI of an IRI: non-ASCII characters as percent-encoded UTF-8 of
/// their NFC form; an ASCII address is returned as it is.
pub fn to_uri(iri: &str) -> Cow<'_, str> {
    if iri.is_ascii() && !iri.contains(' ') {
        return Cow::Borrowed(iri);
    }
    let iri = nfc(iri);
    Cow::Owned(utf8_percent_encode(&iri, IRI_TO_URI).to_string())
}

/// A percent-encoded path as the IRI the site uses (UTF-8, NFC). `None`
/// when the bytes are not UTF-8. A path without `%` is only normalised.
pub fn decode(path: &str) -> Option<Cow<'_, str>> {
    if !path.contains('%') {
        return Some(nfc(path));
    }
    let decoded = percent_decode_str(path).decode_utf8().ok()?;
    Some(Cow::Owned(nfc(&decoded).into_owned()))
}

/// `text` in Unicode normalisation form C (borrowed when it already is:
/// the quick check settles ASCII and nearly all real text).
pub fn nfc(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_ascii_letters_are_encoded_as_utf8_and_delimiters_kept() {
        assert_eq!(
            to_uri("https://example.org/de/x/"),
            "https://example.org/de/x/"
        );
        assert_eq!(
            to_uri("https://example.org/ar/المبادئ/"),
            "https://example.org/ar/%D8%A7%D9%84%D9%85%D8%A8%D8%A7%D8%AF%D8%A6/"
        );
        assert_eq!(
            to_uri("/ru/принципы/#шаг-1"),
            "/ru/%D0%BF%D1%80%D0%B8%D0%BD%D1%86%D0%B8%D0%BF%D1%8B/#%D1%88%D0%B0%D0%B3-1"
        );
        assert_eq!(to_uri("/a b/?q=1&r=%41"), "/a%20b/?q=1&r=%41");
    }

    #[test]
    fn decoding_gives_the_nfc_iri_back() {
        // ά as α + combining acute (NFD), percent-encoded, comes back as
        // the one precomposed letter U+03AC.
        assert_eq!(decode("/el/%CE%B1%CC%81/").as_deref(), Some("/el/\u{3ac}/"));
        assert_eq!(
            decode("/el/\u{3b1}\u{301}/").as_deref(),
            Some("/el/\u{3ac}/")
        );
        assert_eq!(decode("/de/x/").as_deref(), Some("/de/x/"));
        assert_eq!(decode("/%FF/"), None);
        let iri = "/uk/принципи/";
        assert_eq!(decode(&to_uri(iri)).as_deref(), Some(iri));
    }
}
