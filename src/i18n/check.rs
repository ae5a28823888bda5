//! Load-time checks of a language's Fluent messages, so that a broken
//! reference is an error when the site is built, not only when (and if) a
//! template happens to format the message: references to messages, terms
//! and attributes that do not exist, functions (vielfalt provides none),
//! references that lead back to themselves (Fluent gives up on those at
//! format time), and plural variants a language does not have (`[few]` in
//! German is never chosen: a warning).
//!
//! Fluent's syntax tree has no positions; diagnostics point at the line of
//! the entry (`key =`), or of the variant key, found in the file's text.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use fluent_syntax::ast;
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use unic_langid::LanguageIdentifier;

use crate::diag::Diagnostic;

/// A message or term (`-name`) value, or one of its attributes.
type Node = (String, Option<String>);

#[derive(Debug, Clone)]
enum Reference {
    Entry(Node),
    Function(String),
    /// A named argument whose value is not a literal (Fluent's syntax
    /// allows only strings and numbers there; the parser lets it pass).
    NamedNotLiteral(String),
}

/// One node as the last file defining its entry has it.
#[derive(Debug, Clone)]
struct Defined {
    file: PathBuf,
    line: usize,
    column: usize,
    references: Vec<Reference>,
}

/// Everything one language's files define, later files replacing earlier
/// ones entry by entry (as `add_resource_overriding` does).
#[derive(Debug, Default)]
pub struct Checker {
    nodes: BTreeMap<Node, Defined>,
    diags: Vec<Diagnostic>,
}

impl Checker {
    /// Adds a parsed file; `plurals` are the language's cardinal plural
    /// categories (`None`: unknown to ICU4X, not checked).
    pub fn add<'a>(
        &mut self,
        file: &std::path::Path,
        text: &str,
        entries: impl Iterator<Item = &'a ast::Entry<&'a str>>,
        plurals: Option<&BTreeSet<&'static str>>,
    ) {
        for entry in entries {
            let (id, value, attributes) = match entry {
                ast::Entry::Message(m) => (m.id.name.to_string(), m.value.as_ref(), &m.attributes),
                ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value), &t.attributes),
                _ => continue,
            };
            let start = entry_offset(text, &id).unwrap_or(0);
            let (line, column) = crate::diag::line_col(text, start);
            self.nodes.retain(|(n, _), _| *n != id);
            let mut patterns: Vec<(Option<String>, &ast::Pattern<&str>)> = Vec::new();
            if let Some(v) = value {
                patterns.push((None, v));
            }
            for a in attributes {
                patterns.push((Some(a.id.name.to_string()), &a.value));
            }
            for (attribute, pattern) in patterns {
                let mut references = Vec::new();
                let mut keys = Vec::new();
                in_pattern(pattern, &mut references, &mut keys);
                if let Some(plurals) = plurals {
                    self.plural_keys(file, text, start, &id, &keys, plurals);
                }
                self.nodes.insert(
                    (id.clone(), attribute),
                    Defined {
                        file: file.to_path_buf(),
                        line,
                        column,
                        references,
                    },
                );
            }
        }
    }

    /// Warns about plural variant keys the language never selects.
    fn plural_keys(
        &mut self,
        file: &std::path::Path,
        text: &str,
        start: usize,
        id: &str,
        selects: &[Vec<String>],
        plurals: &BTreeSet<&'static str>,
    ) {
        for keys in selects {
            // A plural selection: every named key is a CLDR category.
            if keys.is_empty() || !keys.iter().all(|k| is_plural_category(k)) {
                continue;
            }
            for key in keys {
                if plurals.contains(key.as_str()) || key == "other" {
                    continue;
                }
                let offset = key_offset(text, start, key).unwrap_or(start);
                let have: Vec<&str> = plurals.iter().copied().collect();
                self.diags.push(
                    Diagnostic::warning(
                        "fluent/plural-category",
                        format!(
                            "`{id}` has a variant `[{key}]`, a plural category this language does not have (it has: {})",
                            have.join(", ")
                        ),
                    )
                    .file(file)
                    .at_offset(text, offset)
                    .hint(format!(
                        "use the categories {} (or exact numbers like `[0]`); this variant is never shown",
                        have.join(", ")
                    )),
                );
            }
        }
    }

    /// Missing references, functions and cycles, after all files.
    pub fn finish(mut self) -> Vec<Diagnostic> {
        let mut diags = std::mem::take(&mut self.diags);
        for (node, defined) in &self.nodes {
            let at = |d: Diagnostic| d.file(&defined.file).at(defined.line, defined.column);
            for r in &defined.references {
                match r {
                    Reference::Function(name) => diags.push(at(Diagnostic::error(
                        "fluent/unknown-function",
                        format!(
                            "`{}` calls the function `{name}()`, which vielfalt does not provide",
                            shown(node)
                        ),
                    )
                    .hint(
                        "leave out the function call; format numbers and dates in the template",
                    ))),
                    Reference::Entry(target) if !self.nodes.contains_key(target) => {
                        let what = if target.0.starts_with('-') {
                            "term"
                        } else {
                            "message"
                        };
                        let exists = self.nodes.keys().any(|(n, _)| *n == target.0);
                        let message = match (&target.1, exists) {
                            (Some(a), true) => format!(
                                "`{}` refers to `{}`, which has no attribute `{a}`",
                                shown(node),
                                target.0
                            ),
                            (None, true) => format!(
                                "`{}` refers to the value of `{}`, which has only attributes",
                                shown(node),
                                target.0
                            ),
                            _ => format!(
                                "`{}` refers to the {what} `{}`, which no .ftl file of this language defines",
                                shown(node),
                                shown(target)
                            ),
                        };
                        diags.push(at(Diagnostic::error("fluent/missing-reference", message)
                            .hint(format!("define the {what} in a .ftl file of this language or correct the name"))));
                    }
                    Reference::Entry(_) => {}
                    Reference::NamedNotLiteral(name) => diags.push(at(Diagnostic::error(
                        "fluent/syntax",
                        format!("Fluent syntax error: the named argument `{name}:` in `{}` must be a string or a number", shown(node)),
                    )
                    .hint(format!("write `{name}: \"…\"` or `{name}: 2`")))),
                }
            }
            if let Some(path) = self.way_back(node) {
                let steps: Vec<String> = path.iter().map(shown).collect();
                diags.push(at(Diagnostic::error(
                    "fluent/cycle",
                    format!("`{}` refers to itself: {}", shown(node), steps.join(" → ")),
                )
                .hint(
                    "a message or term must not refer back to itself, directly or through others",
                )));
            }
        }
        diags
    }

    /// The shortest way of references from `start` back to itself.
    fn way_back(&self, start: &Node) -> Option<Vec<Node>> {
        let next = |n: &Node| -> Vec<Node> {
            self.nodes
                .get(n)
                .map(|d| {
                    d.references
                        .iter()
                        .filter_map(|r| match r {
                            Reference::Entry(t) => Some(t.clone()),
                            Reference::Function(_) | Reference::NamedNotLiteral(_) => None,
                        })
                        .collect()
                })
                .unwrap_or_default()
        };
        crate::graph::way_back(start, next)
    }
}

fn shown(node: &Node) -> String {
    match &node.1 {
        Some(a) => format!("{}.{a}", node.0),
        None => node.0.clone(),
    }
}

/// The plural categories Fluent can select for a language, as CLDR names:
/// the cardinal rules of `intl_pluralrules` that `fluent-bundle` uses
/// (the language, else its primary language, else English, as Fluent's
/// own lookup falls back), sampled over whole and decimal numbers.
pub fn plural_categories(langid: &LanguageIdentifier) -> Option<BTreeSet<&'static str>> {
    let mut primary = LanguageIdentifier::default();
    primary.language = langid.language;
    let english: LanguageIdentifier = "en".parse().ok()?;
    let rules = [langid.clone(), primary, english]
        .into_iter()
        .find_map(|l| PluralRules::create(l, PluralRuleType::CARDINAL).ok())?;
    let wholes = (0..=1000).map(|n| n.to_string());
    let decimals = (0..=200).map(|n| format!("{}.{}", n / 10, n % 10));
    let large = ["1000000", "1000000.0", "2000000", "1000000000"].map(str::to_string);
    Some(
        wholes
            .chain(decimals)
            .chain(large)
            .filter_map(|n| rules.select(n.as_str()).ok())
            .map(cldr_name)
            .collect(),
    )
}

fn cldr_name(c: PluralCategory) -> &'static str {
    match c {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

/// Whether a variant key names a CLDR plural category.
fn is_plural_category(key: &str) -> bool {
    matches!(key, "zero" | "one" | "two" | "few" | "many" | "other")
}

fn in_pattern(pattern: &ast::Pattern<&str>, out: &mut Vec<Reference>, keys: &mut Vec<Vec<String>>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            in_expression(expression, out, keys);
        }
    }
}

fn in_expression(
    expression: &ast::Expression<&str>,
    out: &mut Vec<Reference>,
    keys: &mut Vec<Vec<String>>,
) {
    match expression {
        ast::Expression::Inline(e) => in_inline(e, out, keys),
        ast::Expression::Select { selector, variants } => {
            in_inline(selector, out, keys);
            if matches!(selector, ast::InlineExpression::VariableReference { .. }) {
                keys.push(
                    variants
                        .iter()
                        .filter_map(|v| match &v.key {
                            ast::VariantKey::Identifier { name } => Some(name.to_string()),
                            ast::VariantKey::NumberLiteral { .. } => None,
                        })
                        .collect(),
                );
            }
            for v in variants {
                in_pattern(&v.value, out, keys);
            }
        }
    }
}

fn in_inline(
    expression: &ast::InlineExpression<&str>,
    out: &mut Vec<Reference>,
    keys: &mut Vec<Vec<String>>,
) {
    match expression {
        ast::InlineExpression::FunctionReference { id, arguments } => {
            out.push(Reference::Function(id.name.to_string()));
            in_arguments(arguments, out, keys);
        }
        ast::InlineExpression::MessageReference { id, attribute } => out.push(Reference::Entry((
            id.name.to_string(),
            attribute.as_ref().map(|a| a.name.to_string()),
        ))),
        ast::InlineExpression::TermReference {
            id,
            attribute,
            arguments,
        } => {
            out.push(Reference::Entry((
                format!("-{}", id.name),
                attribute.as_ref().map(|a| a.name.to_string()),
            )));
            if let Some(a) = arguments {
                in_arguments(a, out, keys);
            }
        }
        ast::InlineExpression::Placeable { expression } => in_expression(expression, out, keys),
        ast::InlineExpression::StringLiteral { .. }
        | ast::InlineExpression::NumberLiteral { .. }
        | ast::InlineExpression::VariableReference { .. } => {}
    }
}

fn in_arguments(
    arguments: &ast::CallArguments<&str>,
    out: &mut Vec<Reference>,
    keys: &mut Vec<Vec<String>>,
) {
    for e in &arguments.positional {
        in_inline(e, out, keys);
    }
    for n in &arguments.named {
        if !matches!(
            n.value,
            ast::InlineExpression::StringLiteral { .. }
                | ast::InlineExpression::NumberLiteral { .. }
        ) {
            out.push(Reference::NamedNotLiteral(n.name.name.to_string()));
        }
        in_inline(&n.value, out, keys);
    }
}

/// Where the entry `id =` starts (at the start of a line).
fn entry_offset(text: &str, id: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line
            .strip_prefix(id)
            .is_some_and(|rest| rest.trim_start_matches([' ', '\t']).starts_with('='))
        {
            return Some(offset);
        }
        offset += line.len();
    }
    None
}

/// Where the variant key `[key]` is, after the entry's start.
fn key_offset(text: &str, start: usize, key: &str) -> Option<usize> {
    let rest = text.get(start..)?;
    let mut at = 0;
    while let Some(open) = rest.get(at..)?.find('[') {
        let from = at + open;
        let inner = rest.get(from + 1..)?;
        if let Some(close) = inner.find(']')
            && inner.get(..close).map(str::trim) == Some(key)
        {
            return Some(start + from);
        }
        at = from + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, lang: &str) -> Vec<(String, Option<usize>, String)> {
        let resource = fluent_syntax::parser::parse(text).expect("test FTL parses");
        let mut checker = Checker::default();
        let plurals = plural_categories(&lang.parse().expect("test language"));
        checker.add(
            std::path::Path::new("x.ftl"),
            text,
            resource.body.iter(),
            plurals.as_ref(),
        );
        checker
            .finish()
            .into_iter()
            .map(|d| (d.rule.to_string(), d.line, d.message))
            .collect()
    }

    #[test]
    fn references_cycles_and_plural_categories_are_checked() {
        assert!(
            check(
                "a = x\nb = { a } { -t.c ->\n   *[z] q\n} { $n }\n-t = y\n    .c = z\n",
                "de"
            )
            .is_empty()
        );
        let d = check("a = x\n\nb = { c }\n", "de");
        assert_eq!(d.len(), 1);
        assert_eq!(
            (d[0].0.as_str(), d[0].1),
            ("fluent/missing-reference", Some(3))
        );
        let d = check("a = { b }\nb = { -t }\n-t = { a }\n", "de");
        let rules: Vec<_> = d.iter().map(|d| (d.0.as_str(), d.1)).collect();
        assert_eq!(
            rules,
            [
                ("fluent/cycle", Some(3)),
                ("fluent/cycle", Some(1)),
                ("fluent/cycle", Some(2))
            ]
        );
        assert!(d[1].2.contains("a → b → -t → a"), "{}", d[1].2);
        let d = check("a = x\n    .b = { a.b }\n", "de");
        assert_eq!(d.len(), 1, "{d:?}");
        let d = check("a = { NUMBER(1) }\n", "de");
        assert_eq!(d[0].0, "fluent/unknown-function");
        let d = check("a = x\nb = { -t(case: a) }\n-t = y\n", "de");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].0.as_str(), d[0].1), ("fluent/syntax", Some(2)));
        // German has one and other; Polish also few and many.
        let plural = "n = { $n ->\n    [one] a\n    [few] b\n   *[other] c\n}\n";
        let d = check(plural, "de");
        assert_eq!(d.len(), 1);
        assert_eq!(
            (d[0].0.as_str(), d[0].1),
            ("fluent/plural-category", Some(3))
        );
        assert!(check(plural, "pl").is_empty());
        // Languages the rules do not know are treated as English, as
        // Fluent does.
        assert!(check(plural, "kmr").len() == 1);
        // Not a plural selection: other keys.
        assert!(
            check(
                "g = { $g ->\n    [few] a\n    [masc] b\n   *[other] c\n}\n",
                "de"
            )
            .is_empty()
        );
    }
}
