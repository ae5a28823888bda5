//! Setting one top-level key of a page's front matter, leaving every other
//! line as it is (line endings follow the file).

use crate::frontmatter::{self, Format};

/// A front-matter value import writes.
pub enum Value<'a> {
    Str(&'a str),
    Bool(bool),
}

/// `text` with `key` set to `value`: an existing top-level line for the
/// key is replaced; otherwise a line is added after the `title` line (or
/// after the opening fence). `None` when the file has no front matter or
/// the key's current value spans several lines (a multi-line string).
pub fn set_key(text: &str, key: &str, value: &Value) -> Option<String> {
    let split = frontmatter::split(text).ok()?;
    let yaml = split.format == Format::Yaml;
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let literal = match value {
        Value::Bool(b) => b.to_string(),
        // A JSON string is a TOML basic string and a YAML double-quoted one.
        Value::Str(s) => serde_json::to_string(s).ok()?,
    };
    let new_line = if yaml {
        format!("{key}: {literal}")
    } else {
        format!("{key} = {literal}")
    };
    let front_start = split.front_offset;
    let front_end = front_start + split.front.len();
    let mut offset = front_start;
    let mut after_title: Option<usize> = None;
    for line in text.get(front_start..front_end)?.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if !yaml && content.trim_start().starts_with('[') {
            break;
        }
        let (name, rest) = content
            .split_once(if yaml { ':' } else { '=' })
            .unwrap_or((content, ""));
        let top_level = !content.starts_with([' ', '\t']);
        if top_level && name.trim() == key {
            let rest = rest.trim_start();
            if rest.starts_with("\"\"\"")
                || rest.starts_with("'''")
                || rest.is_empty()
                || rest.starts_with(['|', '>'])
            {
                return None;
            }
            return Some(format!(
                "{}{new_line}{}",
                text.get(..offset)?,
                text.get(offset + content.len()..)?
            ));
        }
        if top_level && name.trim() == "title" && after_title.is_none() {
            after_title = Some(offset + line.len());
        }
        offset += line.len();
    }
    let at = after_title.unwrap_or(front_start);
    Some(format!(
        "{}{new_line}{newline}{}",
        text.get(..at)?,
        text.get(at..)?
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_or_inserts_one_line() {
        let t = "+++\ntitle = \"A\"\nweight = 1\n[extra]\nreviewed = 1\n+++\nBody\n";
        assert_eq!(
            set_key(t, "title", &Value::Str("B \"q\"")).as_deref(),
            Some("+++\ntitle = \"B \\\"q\\\"\"\nweight = 1\n[extra]\nreviewed = 1\n+++\nBody\n")
        );
        assert_eq!(
            set_key(t, "reviewed", &Value::Bool(true)).as_deref(),
            Some(
                "+++\ntitle = \"A\"\nreviewed = true\nweight = 1\n[extra]\nreviewed = 1\n+++\nBody\n"
            )
        );
        let y = "---\r\ntitle: A\r\n---\r\nBody";
        assert_eq!(
            set_key(y, "description", &Value::Str("d")).as_deref(),
            Some("---\r\ntitle: A\r\ndescription: \"d\"\r\n---\r\nBody")
        );
        assert_eq!(
            set_key(
                "+++\ntitle = \"\"\"\nA\"\"\"\n+++\n",
                "title",
                &Value::Str("B")
            ),
            None
        );
    }
}
