//! The Apps page: the Meta apps channels belong to, and a form to add one (app id, name, the
//! app secret masked, the client token). With an app's secret, tokens are checked the way the
//! Access Token Debugger does.

use eframe::egui;
use egui::{Id, RichText, Ui};

use crate::graph::links;
use crate::gui::intents::UiCommand;
use crate::gui::theme;
use crate::gui::widgets::secret_field::SecretField;
use crate::gui::widgets::unopened_link;
use crate::gui::worker::{Command, Failure};
use crate::model::{MetaApp, Secret};
use crate::words::{t, t_args};

pub struct AppForm {
    id: String,
    name: String,
    secret: SecretField,
    client_token: String,
    saving: bool,
    error: Option<Failure>,
}

impl Default for AppForm {
    fn default() -> Self {
        AppForm {
            id: String::new(),
            name: String::new(),
            secret: SecretField::new(Id::unique("app-secret-field"))
                .hint("apps-secret-hint")
                .width(theme::FORM_FIELD_WIDTH),
            client_token: String::new(),
            saving: false,
            error: None,
        }
    }
}

impl AppForm {
    pub fn on_failed(&mut self, f: Failure) {
        self.saving = false;
        self.error = Some(f);
    }
}

pub fn show(
    ui: &mut Ui,
    apps: &[MetaApp],
    form: &mut AppForm,
    can_save: bool,
    out: &mut Vec<UiCommand>,
) {
    ui.heading(t("page-apps"));
    ui.add(egui::Label::new(t("apps-intro")).wrap());
    ui.add_space(theme::GAP);
    if apps.is_empty() {
        ui.label(theme::weak(ui, t("apps-none")));
    }
    for app in apps {
        theme::card(ui, |ui| {
            ui.horizontal(|ui| {
                ui.vertical(|ui| {
                    ui.label(RichText::new(&app.name).strong());
                    let id = t_args("apps-id", &[("id", app.id.as_str().into())]);
                    ui.label(theme::weak(ui, id));
                    let secret = t(if app.has_secret {
                        "apps-secret-saved"
                    } else {
                        "apps-no-secret"
                    });
                    ui.add(egui::Label::new(secret).wrap());
                    if let Some(token) = &app.client_token {
                        let words =
                            t_args("apps-client-token-is", &[("token", token.as_str().into())]);
                        ui.label(theme::weak(ui, words));
                    }
                });
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                    use crate::gui::intents::LifecycleUi;
                    if ui
                        .add_enabled(can_save, egui::Button::new(t("apps-remove")))
                        .on_hover_text(t("apps-remove-hover"))
                        .clicked()
                    {
                        out.push(UiCommand::Lifecycle(LifecycleUi::AskRemoveApp(
                            app.id.clone(),
                        )));
                    }
                    if ui
                        .add_enabled(can_save, egui::Button::new(t("apps-rename")))
                        .clicked()
                    {
                        out.push(UiCommand::Lifecycle(LifecycleUi::AskRenameApp(
                            app.id.clone(),
                        )));
                    }
                    let link = links::app_dashboard(&app.id);
                    if ui.button(t("apps-dashboard")).clicked() {
                        out.push(UiCommand::OpenUrl(link.url));
                    }
                });
            });
            let dashboard = links::app_dashboard(&app.id).url;
            unopened_link::offer(ui, |u| u == dashboard, out);
        });
    }

    ui.add_space(theme::SECTION_GAP);
    theme::section_title(ui, &t("apps-add"));
    ui.add(egui::Label::new(theme::weak(ui, t("apps-add-where"))).wrap());
    theme::form_grid(ui, "app-form", |ui| {
        field(
            ui,
            &t("apps-field-id"),
            &mut form.id,
            &t("apps-field-id-hint"),
        );
        field(
            ui,
            &t("apps-field-name"),
            &mut form.name,
            &t("apps-field-name-hint"),
        );
        let label = ui.label(t("apps-field-secret"));
        form.secret.ui(ui, &label);
        ui.end_row();
        field(
            ui,
            &t("apps-field-client-token"),
            &mut form.client_token,
            &t("apps-field-client-token-hint"),
        );
    });
    if let Some(f) = &form.error {
        crate::gui::widgets::token_box::failure(ui, f);
    }
    ui.horizontal(|ui| {
        let ready = !form.id.trim().is_empty() && !form.name.trim().is_empty();
        if ui
            .add_enabled(
                ready && can_save && !form.saving,
                egui::Button::new(t("apps-save")),
            )
            .clicked()
        {
            form.saving = true;
            form.error = None;
            let secret = Some(form.secret.text().trim())
                .filter(|s| !s.is_empty())
                .map(Secret::new);
            form.secret.clear(ui.ctx());
            let client_token = Some(form.client_token.trim().to_string()).filter(|t| !t.is_empty());
            out.push(UiCommand::Worker(Command::AddApp {
                id: form.id.trim().to_string(),
                name: form.name.trim().to_string(),
                secret,
                client_token,
            }));
        }
        if form.saving {
            crate::gui::theme::spinner::spinner(ui);
            ui.label(t("apps-checking"));
        }
    });
}

fn field(ui: &mut Ui, label: &str, text: &mut String, hint: &str) {
    let label = ui.label(label);
    let edit = egui::TextEdit::singleline(text)
        .hint_text(hint)
        .desired_width(theme::FORM_FIELD_WIDTH);
    ui.add(edit).labelled_by(label.id);
    ui.end_row();
}
