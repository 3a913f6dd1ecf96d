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
use crate::service::login_pages::{LoginPages, PageChoice, PagePick};
use crate::words::reasons::kind as kind_name;
use crate::words::{t, t_args};

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
                let person = pages.person.as_str();
                let words = t_args("picker-no-pages", &[("person", person.into())]);
                ui.add(egui::Label::new(words).wrap());
                return;
            }
            let person = pages.person.as_str();
            let heading = t_args("picker-heading", &[("person", person.into())]);
            ui.label(RichText::new(heading).strong());
            let explain = t_args("picker-explain", &[("kind", kind_name(kind).into())]);
            ui.add(egui::Label::new(theme::weak(ui, explain)).wrap());
            ui.add_space(theme::SMALL_GAP);
            for page in &pages.pages {
                ui.separator();
                let saved = match self.done.get(&page.id) {
                    Some(Ok(name)) => Some(t_args("picker-saved-as", &[("name", name.into())])),
                    _ => unavailable(page, kind),
                };
                let mut on = self.ticked.contains_key(&page.id);
                let tick = ui.add_enabled(
                    saved.is_none() && !self.saving,
                    egui::Checkbox::new(&mut on, format!("{} ({})", page.name, page.id)),
                );
                if tick.changed() {
                    if on {
                        let name = format!("{} {}", page.name, kind_name(kind));
                        self.ticked.insert(page.id.clone(), name);
                    } else {
                        self.ticked.remove(&page.id);
                    }
                }
                ui.indent(("page", &page.id), |ui| {
                    if let Some(tasks) = tasks_in_words(&page.tasks) {
                        let tasks = t_args("picker-tasks", &[("tasks", tasks.into())]);
                        ui.label(theme::weak(ui, tasks));
                    }
                    if let Some(why) = &saved {
                        ui.add(egui::Label::new(theme::weak(ui, why.as_str())).wrap());
                    }
                    if let Some(name) = self.ticked.get_mut(&page.id) {
                        ui.horizontal(|ui| {
                            let label = ui.label(t("picker-channel-name"));
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
        let text = t_args("picker-save", &[("count", n.into())]);
        let names: Vec<&str> = self.ticked.values().map(|n| n.trim()).collect();
        let ready = if n == 0 {
            Err("picker-tick-one")
        } else if names.iter().any(|n| n.is_empty()) {
            Err("picker-name-each")
        } else if (1..names.len()).any(|i| names[..i].contains(&names[i])) {
            Err("picker-own-names")
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
            .on_disabled_hover_text(t(ready.err().unwrap_or("picker-saving")));
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

/// Why a Page can't be ticked: it is saved already, or the login's role can't answer messages.
fn unavailable(page: &PageChoice, kind: ChannelKind) -> Option<String> {
    if let Some(name) = &page.saved_as {
        return Some(t_args("picker-already-saved", &[("name", name.into())]));
    }
    (kind != ChannelKind::FacebookPage && !page.can_message).then(|| t("picker-cannot-message"))
}

/// What the person may do on the Page, in words; full control says it all.
fn tasks_in_words(tasks: &[String]) -> Option<String> {
    if tasks.iter().any(|t| t == "MANAGE") {
        return Some(t("task-manage"));
    }
    let words: Vec<String> = tasks.iter().map(|t| task_words(t)).collect();
    (!words.is_empty()).then(|| words.join(", "))
}

/// Meta's task names in words a Page owner knows.
fn task_words(task: &str) -> String {
    let id = match task {
        "MANAGE" => "task-manage",
        "CREATE_CONTENT" => "task-create-content",
        "MODERATE" => "task-moderate",
        "MESSAGING" => "task-messaging",
        "ADVERTISE" => "task-advertise",
        "ANALYZE" => "task-analyze",
        // A task Meta added since: its own name, readable.
        other => return other.to_lowercase().replace('_', " "),
    };
    t(id)
}
