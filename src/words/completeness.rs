//! Test-only: every message (and attribute) exists in every language with the same variables,
//! the files parse, and every id the code asks for exists.

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::bundle::SOURCES;

/// For each message id (`id` or `id.attribute`), the variables its text uses.
fn messages(lang: &str, source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("{lang}: the .ftl file does not parse: {errors:?}"));
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let Entry::Message(m) = entry {
            let id = m.id.name.to_string();
            if let Some(p) = &m.value {
                out.insert(id.clone(), variables(p));
            }
            for a in &m.attributes {
                out.insert(format!("{id}.{}", a.id.name), variables(&a.value));
            }
        }
    }
    out
}

/// The messages of all of a language's files; an id in two files is an error (the bundle would
/// keep only the first).
fn all_messages(lang: &str, sources: &[&str]) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for source in sources {
        for (id, vars) in messages(lang, source) {
            let twice = out.insert(id.clone(), vars).is_some();
            assert!(!twice, "{lang}: {id} is in two .ftl files");
        }
    }
    out
}

fn variables(p: &Pattern<&str>) -> BTreeSet<String> {
    let mut vars = BTreeSet::new();
    walk_pattern(p, &mut vars);
    vars
}

fn walk_pattern(p: &Pattern<&str>, vars: &mut BTreeSet<String>) {
    for e in &p.elements {
        if let PatternElement::Placeable { expression } = e {
            walk_expression(expression, vars);
        }
    }
}

fn walk_expression(e: &Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        Expression::Select { selector, variants } => {
            walk_inline(selector, vars);
            for v in variants {
                walk_pattern(&v.value, vars);
            }
        }
        Expression::Inline(i) => walk_inline(i, vars),
    }
}

fn walk_inline(i: &InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                walk_inline(a, vars);
            }
            for a in &arguments.named {
                walk_inline(&a.value, vars);
            }
        }
        InlineExpression::Placeable { expression } => walk_expression(expression, vars),
        _ => {}
    }
}

#[test]
fn every_message_exists_in_every_language_with_the_same_variables() {
    let all: Vec<_> = SOURCES
        .iter()
        .map(|(lang, sources)| (lang.tag(), all_messages(lang.tag(), sources)))
        .collect();
    let (base_lang, base) = &all[0];
    let mut problems = Vec::new();
    for (lang, msgs) in &all[1..] {
        for (id, vars) in base {
            match msgs.get(id) {
                None => problems.push(format!("{id}: in {base_lang}, missing in {lang}")),
                Some(v) if v != vars => problems.push(format!(
                    "{id}: variables {vars:?} in {base_lang} but {v:?} in {lang}"
                )),
                _ => {}
            }
        }
        for id in msgs.keys().filter(|id| !base.contains_key(*id)) {
            problems.push(format!("{id}: in {lang}, missing in {base_lang}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(base.len() > 100, "{} messages", base.len());
}

/// Ids the code asks for: the literal in every `t("…")`/`t_args("…")` call under `src/`, and
/// every kebab-case string in the words module (its `match` arms choose ids).
fn ids_in_code() -> BTreeSet<(String, String)> {
    let mut ids = BTreeSet::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") || path.ends_with("completeness.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let file = path.strip_prefix(&root).unwrap().display().to_string();
            let in_words = file.starts_with("words") && !file.ends_with("locale.rs");
            // A module's own tests may use any string; the words module's tests are checked
            // through the calls they make.
            let text = match (in_words, text.find("#[cfg(test)]\nmod tests")) {
                (true, Some(end)) => text[..end].to_string(),
                _ => text,
            };
            for (i, _) in text.match_indices('"') {
                let before = &text[..i];
                let called = before.ends_with("t(") || before.ends_with("t_args(");
                let called = called
                    && !before
                        .trim_end_matches("t_args(")
                        .trim_end_matches("t(")
                        .ends_with(|c: char| c.is_alphanumeric() || c == '_');
                let rest = &text[i + 1..];
                let Some(end) = rest.find('"') else { continue };
                let lit = &rest[..end];
                let kebab = lit.contains('-')
                    && lit.starts_with(|c: char| c.is_ascii_lowercase())
                    && lit
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                let not_an_id = before.ends_with("strip_prefix(");
                if called || (in_words && kebab && !not_an_id) {
                    ids.insert((lit.to_string(), file.clone()));
                }
            }
        }
    }
    ids
}

#[test]
fn every_id_the_code_uses_exists() {
    let en = all_messages("en", SOURCES[0].1);
    let ids = ids_in_code();
    let missing: Vec<String> = ids
        .iter()
        .filter(|(id, _)| !en.contains_key(id))
        .map(|(id, file)| format!("{id} (used in {file})"))
        .collect();
    assert!(
        missing.is_empty(),
        "no such message: {}",
        missing.join(", ")
    );
    assert!(ids.len() > 50, "the scan found only {} ids", ids.len());
}
