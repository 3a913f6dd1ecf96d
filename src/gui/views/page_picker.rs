//! The Add dialog's Page picker: after a User token is validated (pasted, or from "Log in with
//! Facebook"), every Page that login manages is listed with its id, the person's tasks on it and
//! whether a channel already watches it; the user ticks one or several, names each, and gets one
//! validated channel per Page. Pages already saved, or where the role can't answer messages,
//! can't be ticked and say why.

use std::collections::BTreeMap;

use eframe::egui;
use egui::{RichText, Ui};

use crate::gui::theme;
use crate::gui::widgets::token_box;
use crate::gui::worker::{Command, Failure};
use crate::model::ChannelKind;
use crate::service::Validation;
use crate::service::login_pages::{LoginPages, PagePick};

#[derive(Default)]
pub struct PagePicker {
    /// Ticked Pages by id, each with the name its channel will get.
    ticked: BTreeMap<String, String>,
    /// What became of Pages sent to be saved: the channel's name, or why not.
    done: BTreeMap<String, Result<String, Failure>>,
    saving: bool,
}

impl PagePicker {
    pub fn is_saving(&self) -> bool {
        self.saving
    }

    /// Takes what became of each picked Page; the saved ones can't be ticked again.
    pub fn on_added(&mut self, results: Vec<(PagePick, Result<String, Failure>)>) {
        self.saving = false;
        for (pick, result) in results {
            if result.is_ok() {
                self.ticked.remove(&pick.page_id);
            }
            self.done.insert(pick.page_id, result);
        }
    }

    /// The list of the login's Pages with a tick box (and a name field once ticked) each.
    pub fn ui(&mut self, ui: &mut Ui, pages: &LoginPages, kind: ChannelKind) {
        theme::card(ui, |ui| {
            if pages.pages.is_empty() {
                ui.add(
                    egui::Label::new(format!(
                        "{} manages no Page for this app. Log in with an account that manages \
                         the Page, or paste the Page's own token.",
                        pages.person
                    ))
                    .wrap(),
                );
                return;
            }
            ui.label(RichText::new(format!("Pages that {} manages", pages.person)).strong());
            ui.label(theme::weak(
                ui,
                format!(
                    "Tick the Pages to add as {} channels. Each gets its own Page token, checked \
                     with Facebook before it is saved.",
                    kind.label()
                ),
            ));
            ui.add_space(theme::SMALL_GAP);
            for page in &pages.pages {
                ui.separator();
                let saved = match self.done.get(&page.id) {
                    Some(Ok(name)) => Some(format!("Saved as \"{name}\".")),
                    _ => page.unavailable(kind),
                };
                let mut on = self.ticked.contains_key(&page.id);
                let tick = ui.add_enabled(
                    saved.is_none() && !self.saving,
                    egui::Checkbox::new(&mut on, format!("{} ({})", page.name, page.id)),
                );
                if tick.changed() {
                    if on {
                        let name = format!("{} {}", page.name, kind.label());
                        self.ticked.insert(page.id.clone(), name);
                    } else {
                        self.ticked.remove(&page.id);
                    }
                }
                ui.indent(("page", &page.id), |ui| {
                    if let Some(tasks) = tasks_in_words(&page.tasks) {
                        ui.label(theme::weak(ui, format!("Tasks: {tasks}")));
                    }
                    if let Some(why) = &saved {
                        ui.add(egui::Label::new(theme::weak(ui, why.as_str())).wrap());
                    }
                    if let Some(name) = self.ticked.get_mut(&page.id) {
                        ui.horizontal(|ui| {
                            let label = ui.label("Channel name");
                            ui.add_enabled(
                                !self.saving,
                                egui::TextEdit::singleline(name)
                                    .desired_width(theme::NAME_FIELD_WIDTH),
                            )
                            .labelled_by(label.id);
                        });
                    }
                    if let Some(Err(f)) = self.done.get(&page.id) {
                        token_box::failure(ui, f);
                    }
                });
            }
        });
    }

    /// The Save button's text and whether it may be pressed, with the reason when not.
    fn readiness(&self) -> (String, Result<(), &'static str>) {
        let n = self.ticked.len();
        let text = match n {
            0 => "Save channels".to_string(),
            1 => "Save 1 channel".to_string(),
            n => format!("Save {n} channels"),
        };
        let names: Vec<&str> = self.ticked.values().map(|n| n.trim()).collect();
        let ready = if n == 0 {
            Err("Tick at least one Page")
        } else if names.iter().any(|n| n.is_empty()) {
            Err("Give every ticked Page a channel name")
        } else if (1..names.len()).any(|i| names[..i].contains(&names[i])) {
            Err("Give each channel its own name")
        } else {
            Ok(())
        };
        (text, ready)
    }

    /// "Save N channels": one validated channel per ticked Page, made from `login`'s token.
    pub fn save_button(
        &mut self,
        ui: &mut Ui,
        login: &Validation,
        kind: ChannelKind,
        app_id: Option<&str>,
        can_save: bool,
    ) -> Option<Command> {
        let (text, ready) = self.readiness();
        let enabled = ready.is_ok() && can_save && !self.saving;
        let button = ui
            .add_enabled(enabled, theme::primary(ui, text))
            .on_disabled_hover_text(ready.err().unwrap_or("Saving…"));
        if !button.clicked() {
            return None;
        }
        self.saving = true;
        let picks = self
            .ticked
            .iter()
            .map(|(id, name)| PagePick {
                page_id: id.clone(),
                name: name.trim().to_string(),
            })
            .collect();
        Some(Command::AddPages {
            kind,
            app_id: app_id.map(str::to_string),
            user_token: login.candidate.clone(),
            picks,
        })
    }
}

/// What the person may do on the Page, in words; full control says it all.
fn tasks_in_words(tasks: &[String]) -> Option<String> {
    if tasks.iter().any(|t| t == "MANAGE") {
        return Some("full control".into());
    }
    let words: Vec<String> = tasks.iter().map(|t| task_words(t)).collect();
    (!words.is_empty()).then(|| words.join(", "))
}

/// Meta's task names in words a Page owner knows.
fn task_words(task: &str) -> String {
    match task {
        "MANAGE" => "full control".into(),
        "CREATE_CONTENT" => "post".into(),
        "MODERATE" => "moderate".into(),
        "MESSAGING" => "messages".into(),
        "ADVERTISE" => "ads".into(),
        "ANALYZE" => "insights".into(),
        other => other.to_lowercase().replace('_', " "),
    }
}
