//! Finding glossary terms in running text, for the first-use links on easy
//! pages and for `plain/glossary-unexplained`.
//!
//! A term matches by its `term` or any of its `forms`, case-insensitively,
//! as whole words (no letter or digit right before or after), ignoring a
//! Mediopunkt or soft hyphen in the text ("Integrations·konzept" is
//! "Integrationskonzept") and treating any whitespace as a space. At one
//! position the longest form wins, so "Integrationskonzept" is not read as
//! "Integration".

use std::ops::Range;

use crate::glossary::Term;

/// A found term: a byte range of the searched text and the term's id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub range: Range<usize>,
    pub id: String,
}

/// The terms of one language, ready to search for.
#[derive(Debug, Clone, Default)]
pub struct Matcher {
    /// (normalised form, term id), longest first.
    forms: Vec<(Vec<char>, String)>,
}

fn fold(c: char) -> char {
    if c.is_whitespace() {
        ' '
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

fn is_ignored(c: char) -> bool {
    c == '·' || c == '\u{ad}'
}

impl Matcher {
    pub fn new(terms: &[Term]) -> Matcher {
        let mut forms: Vec<(Vec<char>, String)> = Vec::new();
        for t in terms {
            for form in std::iter::once(&t.term).chain(&t.forms) {
                let chars: Vec<char> = form.chars().filter(|c| !is_ignored(*c)).map(fold).collect();
                if !chars.is_empty() {
                    forms.push((chars, t.id.clone()));
                }
            }
        }
        forms.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.1.cmp(&b.1)));
        Matcher { forms }
    }

    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    /// Every non-overlapping match in `text`, leftmost first.
    pub fn find(&self, text: &str) -> Vec<Match> {
        // The text without ignored characters, folded, with each char's
        // byte range in the original.
        let chars: Vec<(char, Range<usize>)> = text
            .char_indices()
            .filter(|(_, c)| !is_ignored(*c))
            .map(|(i, c)| (fold(c), i..i + c.len_utf8()))
            .collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let boundary_before =
                i == 0 || chars.get(i - 1).is_some_and(|&(c, _)| !c.is_alphanumeric());
            let found = boundary_before
                .then(|| {
                    self.forms.iter().find(|(form, _)| {
                        let end = i + form.len();
                        end <= chars.len()
                            && chars[i..end]
                                .iter()
                                .map(|(c, _)| *c)
                                .eq(form.iter().copied())
                            && chars.get(end).is_none_or(|&(c, _)| !c.is_alphanumeric())
                    })
                })
                .flatten();
            match found {
                Some((form, id)) => {
                    let start = chars[i].1.start;
                    let end = chars[i + form.len() - 1].1.end;
                    out.push(Match {
                        range: start..end,
                        id: id.clone(),
                    });
                    i += form.len();
                }
                None => i += 1,
            }
        }
        out
    }
}

/// What the Markdown renderer needs to link first uses on an easy page.
#[derive(Debug, Clone)]
pub struct GlossaryLinks {
    pub matcher: Matcher,
    /// URL of the glossary page of the page's language and variant.
    pub url: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(id: &str, term: &str, forms: &[&str]) -> Term {
        Term {
            id: id.into(),
            term: term.into(),
            forms: forms.iter().map(|s| s.to_string()).collect(),
            explanation: String::new(),
            easy: None,
        }
    }

    #[test]
    fn matches_forms_with_mediopunkt_case_and_word_edges() {
        let m = Matcher::new(&[
            term("integration", "Integration", &["Integrationsprozess"]),
            term(
                "integrationskonzept",
                "Integrationskonzept",
                &["Integrationskonzeptes"],
            ),
            term(
                "oeffnung",
                "interkulturelle Öffnung",
                &["interkulturellen Öffnung"],
            ),
        ]);
        let text = "Das Integrations·konzept und des Integrationskonzeptes; Integration!\nDie interkulturellen\nÖffnung. Reintegration nicht.";
        let found = m.find(text);
        let got: Vec<(&str, &str)> = found
            .iter()
            .map(|x| (&text[x.range.clone()], x.id.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("Integrations·konzept", "integrationskonzept"),
                ("Integrationskonzeptes", "integrationskonzept"),
                ("Integration", "integration"),
                ("interkulturellen\nÖffnung", "oeffnung"),
            ]
        );
    }
}
