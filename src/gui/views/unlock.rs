//! Choosing and unlocking the secret store: the vault passphrase when a vault is in use, and a
//! clear way out when the system keychain is not available (an encrypted vault, never clear
//! text). The saved channels stay readable behind it.

use eframe::egui;
use egui::{Id, RichText, Ui};
use zeroize::Zeroize;

use crate::gui::intents::UiCommand;
use crate::gui::theme;
use crate::gui::worker::{Unlock, UnlockNeed};
use crate::model::Secret;

const PASS_ID: &str = "unlock-passphrase";
const CONFIRM_ID: &str = "unlock-confirm";

#[derive(Default)]
pub struct UnlockForm {
    passphrase: String,
    confirm: String,
}

impl UnlockForm {
    pub fn clear(&mut self) {
        self.passphrase.zeroize();
        self.confirm.zeroize();
    }

    fn wipe(&mut self, ctx: &egui::Context) {
        self.clear();
        ctx.data_mut(|d| {
            d.remove::<egui::text_edit::TextEditState>(Id::unique(PASS_ID));
            d.remove::<egui::text_edit::TextEditState>(Id::unique(CONFIRM_ID));
        });
    }
}

impl Drop for UnlockForm {
    fn drop(&mut self) {
        self.clear();
    }
}

pub fn show(
    ui: &mut Ui,
    form: &mut UnlockForm,
    need: &UnlockNeed,
    problem: Option<&str>,
    busy: bool,
    out: &mut Vec<UiCommand>,
) {
    let modal = theme::dialog("unlock-dialog").show(ui.ctx(), |ui| {
        ui.set_width(theme::DIALOG_WIDTH - 80.0);
        let creating = match need {
            UnlockNeed::KeychainUnavailable { detail } => {
                ui.heading("Where should your tokens be kept?");
                ui.add_space(4.0);
                ui.add(
                    egui::Label::new(
                        "Your system keychain is not available. Tokenwarden never stores tokens \
                         in clear text. Use an encrypted vault file instead:",
                    )
                    .wrap(),
                );
                if !detail.is_empty() {
                    // What the keychain said is for whoever helps; the words above are enough.
                    egui::CollapsingHeader::new("Details")
                        .id_salt("keychain-details")
                        .show(ui, |ui| {
                            ui.add(egui::Label::new(theme::weak(ui, detail.as_str())).wrap());
                        });
                }
                true
            }
            UnlockNeed::VaultPassphrase { exists: true } => {
                ui.heading("Unlock your tokens");
                ui.label("Your tokens are in an encrypted vault. Enter its passphrase to open it.");
                false
            }
            UnlockNeed::VaultPassphrase { exists: false } => {
                ui.heading("Create an encrypted vault");
                ui.label("Choose a passphrase that protects your tokens on this computer.");
                true
            }
        };
        if let Some(problem) = problem {
            theme::callout(ui, theme::Tone::Error, |ui| {
                ui.add(egui::Label::new(problem).wrap());
            });
        }
        ui.add_space(theme::GAP);
        let mut submit = false;
        egui::Grid::new("unlock-form")
            .num_columns(2)
            .spacing([theme::GAP, 6.0])
            .show(ui, |ui| {
                let label = ui.label("Passphrase");
                let r = ui
                    .add(
                        egui::TextEdit::singleline(&mut form.passphrase)
                            .id(Id::unique(PASS_ID))
                            .password(true)
                            .desired_width(280.0),
                    )
                    .labelled_by(label.id);
                submit |= r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                // Ready to type at once; keyboard users need no extra Tab.
                theme::focus_first(ui, &r);
                ui.end_row();
                if creating {
                    let label = ui.label("Passphrase again");
                    let r = ui
                        .add(
                            egui::TextEdit::singleline(&mut form.confirm)
                                .id(Id::unique(CONFIRM_ID))
                                .password(true)
                                .desired_width(280.0),
                        )
                        .labelled_by(label.id);
                    submit |= r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    ui.end_row();
                }
            });
        let mismatch = creating && !form.confirm.is_empty() && form.passphrase != form.confirm;
        let short = creating && !form.passphrase.is_empty() && form.passphrase.chars().count() < 8;
        if mismatch {
            ui.label(
                RichText::new("The two passphrases are not the same.").color(theme::health_color(
                    ui.visuals(),
                    crate::model::Health::Broken,
                )),
            );
        } else if short {
            ui.label(theme::weak(ui, "Use at least 8 characters."));
        }
        let ready = !form.passphrase.is_empty()
            && (!creating || (form.passphrase == form.confirm && !short));
        ui.add_space(theme::GAP);
        ui.horizontal(|ui| {
            let action = if creating {
                "Create the vault"
            } else {
                "Unlock"
            };
            let clicked = ui
                .add_enabled(ready && !busy, theme::primary(ui, action))
                .clicked();
            if (clicked || (submit && ready)) && !busy {
                let passphrase = Secret::new(form.passphrase.clone());
                form.wipe(ui.ctx());
                out.push(UiCommand::Unlock(Unlock::Vault { passphrase }));
            }
            if matches!(need, UnlockNeed::KeychainUnavailable { .. })
                && ui
                    .add_enabled(!busy, egui::Button::new("Try the keychain again"))
                    .clicked()
            {
                out.push(UiCommand::Unlock(Unlock::Keyring));
            }
            if ui.button("Not now, just show the saved channels").clicked() {
                form.wipe(ui.ctx());
                out.push(UiCommand::DismissUnlock);
            }
            if busy {
                crate::gui::theme::spinner::spinner(ui);
            }
        });
    });
    theme::settle_dialog(ui.ctx(), "unlock", modal.response.rect);
}
