//! What the window remembers between runs (eframe storage).

use eframe::egui;
use serde::{Deserialize, Serialize};

use crate::gui::data::table::Filter;
use crate::words::Lang;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// The window's language: the system's (the environment's choice at start) or one chosen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum LanguageChoice {
    #[default]
    System,
    English,
    Spanish,
}

impl LanguageChoice {
    pub const ALL: [LanguageChoice; 3] = [
        LanguageChoice::System,
        LanguageChoice::English,
        LanguageChoice::Spanish,
    ];

    /// The language to speak, given the system's.
    pub fn lang(self, system: Lang) -> Lang {
        match self {
            LanguageChoice::System => system,
            LanguageChoice::English => Lang::En,
            LanguageChoice::Spanish => Lang::Es,
        }
    }
}

/// Remembered between runs (eframe storage). `serde(default)` lets older files load.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub theme: ThemeChoice,
    pub filter: Filter,
    pub export_path: String,
    pub language: LanguageChoice,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefs_saved_before_the_language_setting_still_load() {
        let old = r#"{"theme": "Dark", "filter": {"health": null}, "export_path": "/tmp/r.json"}"#;
        let prefs: Prefs = serde_json::from_str(old).unwrap();
        assert_eq!(prefs.theme, ThemeChoice::Dark);
        assert_eq!(prefs.language, LanguageChoice::System);
        let chosen = Prefs {
            language: LanguageChoice::Spanish,
            ..prefs
        };
        let back: Prefs = serde_json::from_str(&serde_json::to_string(&chosen).unwrap()).unwrap();
        assert_eq!(back.language, LanguageChoice::Spanish);
        assert_eq!(LanguageChoice::System.lang(Lang::Es), Lang::Es);
        assert_eq!(LanguageChoice::English.lang(Lang::Es), Lang::En);
    }
}
