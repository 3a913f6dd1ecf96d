//! The Fluent bundles, built once per language from the embedded `.ftl` files, and the two calls
//! that phrase a message: `t(id)`, and `t_args(id, args)` with named values such as `$count`.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::LazyLock;

use super::locale::{Lang, lang};

/// One named value of a message (`$count`, `$name`).
pub type Arg<'a> = (&'a str, FluentValue<'a>);

/// Each language's files, one per area so that areas can grow apart: the CLI and shared facts
/// (`tokenwarden.ftl`), the main window (`window.ftl`), its dialogs (`dialogs.ftl`) and the
/// service's refusals and notices (`service.ftl`). An id lives in exactly one file.
pub(super) const SOURCES: [(Lang, &[&str]); 2] = [
    (
        Lang::En,
        &[
            include_str!("i18n/en/tokenwarden.ftl"),
            include_str!("i18n/en/window.ftl"),
            include_str!("i18n/en/dialogs.ftl"),
            include_str!("i18n/en/service.ftl"),
            include_str!("i18n/en/workspace.ftl"),
        ],
    ),
    (
        Lang::Es,
        &[
            include_str!("i18n/es/tokenwarden.ftl"),
            include_str!("i18n/es/window.ftl"),
            include_str!("i18n/es/dialogs.ftl"),
            include_str!("i18n/es/service.ftl"),
            include_str!("i18n/es/workspace.ftl"),
        ],
    ),
];

type Bundle = FluentBundle<FluentResource>;

/// Each built when first used: parsing a language's files is a few million instructions, and
/// a command speaks one language (English too only for a message missing in its own).
static BUNDLES: [LazyLock<Bundle>; SOURCES.len()] = [
    LazyLock::new(|| build(&SOURCES[0])),
    LazyLock::new(|| build(&SOURCES[1])),
];

fn build((lang, sources): &(Lang, &[&str])) -> Bundle {
    let id = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No U+2068/U+2069 isolation marks: they would show as garbage in terminals and logs.
    bundle.set_use_isolating(false);
    for source in sources.iter() {
        // A syntax error or an id in two files is caught by the completeness test; keep the rest.
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

fn bundle(lang: Lang) -> &'static Bundle {
    &BUNDLES[lang as usize]
}

/// The message `id` in the current language, without arguments.
pub fn t(id: &str) -> String {
    t_args(id, &[])
}

/// The message `id` in the current language with these arguments.
pub fn t_args(id: &str, args: &[Arg<'_>]) -> String {
    phrase(lang(), id, args)
}

/// The message in `lang`; a message missing there falls back to English, then to its id (the
/// completeness test keeps both from happening).
pub fn phrase(lang: Lang, id: &str, args: &[Arg<'_>]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (k, v) in args {
        fluent_args.set(*k, v.clone());
    }
    for lang in [lang, Lang::En] {
        let b = bundle(lang);
        if let Some(pattern) = b.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let out = b.format_pattern(pattern, Some(&fluent_args), &mut errors);
            return out.into_owned();
        }
    }
    id.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_follow_each_language_and_no_isolation_marks_leak() {
        let n = |lang, count: i64| phrase(lang, "span-days", &[("count", count.into())]);
        assert_eq!(n(Lang::En, 1), "1 day");
        assert_eq!(n(Lang::En, 2), "2 days");
        assert_eq!(n(Lang::Es, 1), "1 día");
        assert_eq!(n(Lang::Es, 3), "3 días");
        let named = phrase(Lang::Es, "error-not-found", &[("name", "Acme".into())]);
        assert!(named.contains("\"Acme\""), "{named}");
        assert!(!named.contains(['\u{2068}', '\u{2069}']), "{named:?}");
        // A prompt keeps the space after its colon (Fluent trims trailing blanks otherwise).
        assert!(phrase(Lang::Es, "input-passphrase-again", &[]).ends_with("vez: "));
        let new = |what: &str| {
            phrase(
                Lang::Es,
                "input-new-passphrase",
                &[("what", what.into()), ("count", 8.into())],
            )
        };
        assert!(
            new("vault").contains("de la bóveda, de al menos 8"),
            "{}",
            new("vault")
        );
        assert!(new("backup").contains("de la copia de seguridad"));
    }
}
