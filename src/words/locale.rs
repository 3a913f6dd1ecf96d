//! Which language: `TOKENWARDEN_LANG`, then the POSIX locale variables (`LC_ALL`, `LC_MESSAGES`,
//! `LANG`), then the system's UI language (Windows, macOS), then English. The first one that is
//! set decides, as POSIX says; a language we do not have gives English.

use std::sync::atomic::{AtomicU8, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The BCP 47 tag, also the folder of its Fluent file.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// `es_CO.UTF-8`, `es-419`, `es` → Spanish; `C`, `POSIX`, `en_US` and anything else → English.
    pub fn from_locale(value: &str) -> Lang {
        let primary = value
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "es" => Lang::Es,
            _ => Lang::En,
        }
    }
}

/// The variables that choose the language, strongest first.
pub const VARIABLES: [&str; 4] = ["TOKENWARDEN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"];

/// The language from these variables' values (`var`) and the system's UI language: pure, so a
/// test does not touch the process environment.
pub fn negotiate(var: impl Fn(&str) -> Option<String>, system: Option<String>) -> Lang {
    VARIABLES
        .iter()
        .filter_map(|name| var(name))
        .chain(system)
        .find(|v| !v.trim().is_empty())
        .map(|v| Lang::from_locale(v.trim()))
        .unwrap_or(Lang::En)
}

pub fn from_env() -> Lang {
    // Our own variables live in `crate::env`'s snapshot once it is taken; the locale's do not.
    let var = |name: &str| match name.strip_prefix(crate::env::PREFIX) {
        Some(_) => crate::env::var(name),
        None => std::env::var(name).ok(),
    };
    negotiate(var, sys_locale::get_locale())
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// The language every sentence is phrased in from now on (the window's setting calls this).
pub fn set_lang(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The language of the calling thread: its own choice (`set_thread_lang`) where it made one,
/// else the process's.
pub fn lang() -> Lang {
    if let Some(l) = THREAD_LANG.get() {
        return l;
    }
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::Es,
        _ => Lang::En,
    }
}

thread_local! {
    static THREAD_LANG: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// The language of this thread only (`None`: the process's again). The window phrases on its
/// own thread, so a test window in Spanish leaves the English tests beside it in English.
pub fn set_thread_lang(lang: Option<Lang>) {
    THREAD_LANG.set(lang);
}

/// Runs `f` with `lang` on this thread only, so parallel tests do not change each other's words.
pub fn with_lang<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    let before = THREAD_LANG.replace(Some(lang));
    let out = f();
    THREAD_LANG.set(before);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pick(vars: &[(&str, &str)], system: Option<&str>) -> Lang {
        negotiate(
            |name| {
                vars.iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            },
            system.map(str::to_string),
        )
    }

    #[test]
    fn spanish_locales_in_every_spelling_give_spanish() {
        for v in ["es_CO.UTF-8", "es-419", "es", "ES_mx", "es_ES@euro"] {
            assert_eq!(pick(&[("LANG", v)], None), Lang::Es, "{v}");
        }
        for v in [
            "en_US.UTF-8",
            "C",
            "POSIX",
            "C.UTF-8",
            "fr_FR.UTF-8",
            "esperanto",
        ] {
            assert_eq!(pick(&[("LANG", v)], None), Lang::En, "{v}");
        }
    }

    #[test]
    fn the_strongest_variable_that_is_set_decides() {
        let all = [
            ("TOKENWARDEN_LANG", "es"),
            ("LC_ALL", "en_US.UTF-8"),
            ("LANG", "en_US.UTF-8"),
        ];
        assert_eq!(pick(&all, None), Lang::Es, "TOKENWARDEN_LANG overrides");
        assert_eq!(
            pick(&[("TOKENWARDEN_LANG", "en"), ("LANG", "es_CO.UTF-8")], None),
            Lang::En
        );
        assert_eq!(
            pick(&[("LC_ALL", "es_CO.UTF-8"), ("LANG", "en_US.UTF-8")], None),
            Lang::Es
        );
        assert_eq!(
            pick(
                &[("LC_MESSAGES", "es_AR.UTF-8"), ("LANG", "en_US.UTF-8")],
                None
            ),
            Lang::Es
        );
        // An empty variable is not set.
        assert_eq!(
            pick(&[("LC_ALL", ""), ("LANG", "es_CO.UTF-8")], None),
            Lang::Es
        );
    }

    /// The window's setting calls `set_lang`: the next sentence is in that language. The
    /// language is process-wide, so this runs in a child process of its own.
    #[test]
    fn the_setting_applies_at_once() {
        const CHILD: &str = "TOKENWARDEN_TEST_LANG_CHILD";
        if std::env::var_os(CHILD).is_some() {
            set_lang(Lang::Es);
            assert_eq!(super::super::t("health-broken"), "No funciona");
            set_lang(Lang::En);
            assert_eq!(super::super::t("health-broken"), "Broken");
            return;
        }
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "words::locale::tests::the_setting_applies_at_once",
            ])
            .env(CHILD, "1")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && stdout.contains("1 passed"),
            "{stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    #[test]
    fn the_system_language_counts_only_without_variables() {
        assert_eq!(pick(&[], Some("es-CO")), Lang::Es);
        assert_eq!(pick(&[("LANG", "en_US.UTF-8")], Some("es-CO")), Lang::En);
        assert_eq!(pick(&[], None), Lang::En);
    }
}
