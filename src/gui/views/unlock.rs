//! Choosing and unlocking the secret store: the vault passphrase when a vault is in use, and a
//! clear way out when the system keychain is not available (an encrypted vault, never clear
//! text). The saved channels stay readable behind it.

use eframe::egui;
use egui::{Id, Ui};

use crate::gui::intents::UiCommand;
use crate::gui::theme;
use crate::gui::widgets;
use crate::gui::widgets::dialog::Dialog;
use crate::gui::widgets::secret_field::{self, SecretField};
use crate::gui::worker::{Unlock, UnlockNeed};
use crate::words::{t, t_static};

pub struct UnlockForm {
    passphrase: SecretField,
    confirm: SecretField,
}

impl Default for UnlockForm {
    fn default() -> Self {
        UnlockForm {
            passphrase: SecretField::new(Id::unique("unlock-passphrase")),
            confirm: SecretField::new(Id::unique("unlock-confirm")),
        }
    }
}

impl UnlockForm {
    /// Wipes both fields (egui's copies when next drawn).
    pub fn clear(&mut self) {
        self.passphrase.wipe();
        self.confirm.wipe();
    }

    fn wipe(&mut self, ctx: &egui::Context) {
        self.passphrase.clear(ctx);
        self.confirm.clear(ctx);
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
    let (title, creating) = match need {
        UnlockNeed::KeychainUnavailable { .. } => ("unlock-title-keychain", true),
        UnlockNeed::VaultPassphrase { exists: true } => ("unlock-title-unlock", false),
        UnlockNeed::VaultPassphrase { exists: false } => ("unlock-title-create", true),
    };
    let shell = Dialog::new("unlock", t(title))
        .width(theme::NARROW_DIALOG_WIDTH)
        .dismiss(t_static("unlock-not-now"))
        .busy(busy, None);
    let shown = shell.show(ui, |d| {
        let (submit, ready) = d.body(|ui| {
            match need {
                UnlockNeed::KeychainUnavailable { detail } => {
                    ui.add_space(theme::SMALL_GAP);
                    ui.add(egui::Label::new(t("unlock-keychain-unavailable")).wrap());
                    if !detail.is_empty() {
                        // What the keychain said is for whoever helps; the words above are enough.
                        egui::CollapsingHeader::new(t("unlock-details"))
                            .id_salt("keychain-details")
                            .show(ui, |ui| {
                                ui.add(egui::Label::new(theme::weak(ui, detail.as_str())).wrap());
                            });
                    }
                }
                UnlockNeed::VaultPassphrase { exists: true } => {
                    ui.add(egui::Label::new(t("unlock-vault-exists")).wrap());
                }
                UnlockNeed::VaultPassphrase { exists: false } => {
                    ui.add(egui::Label::new(t("unlock-vault-new")).wrap());
                }
            }
            if let Some(problem) = problem {
                theme::callout(ui, theme::Tone::Error, |ui| {
                    ui.add(egui::Label::new(problem).wrap());
                });
            }
            ui.add_space(theme::GAP);
            let mut submit = false;
            theme::form_grid(ui, "unlock-form", |ui| {
                let label = ui.label(t("dialog-passphrase"));
                let r = form.passphrase.ui(ui, &label);
                submit |= widgets::entered(ui, &r);
                // Ready to type at once; keyboard users need no extra Tab.
                theme::focus_first(ui, &r);
                ui.end_row();
                if creating {
                    let label = ui.label(t("dialog-passphrase-again"));
                    let r = form.confirm.ui(ui, &label);
                    submit |= widgets::entered(ui, &r);
                    ui.end_row();
                }
            });
            let ready = if creating {
                secret_field::new_passphrase_ready(ui, &form.passphrase, &form.confirm)
            } else {
                !form.passphrase.is_empty()
            };
            if creating {
                // A vault has no way back in without its passphrase: say so before it exists.
                ui.add_space(theme::SMALL_GAP);
                theme::callout(ui, theme::Tone::Warning, |ui| {
                    ui.add(egui::Label::new(t("gui-vault-forget-warning")).wrap());
                });
            }
            if busy {
                // Deriving the vault's key takes seconds on purpose (it slows guessing down).
                ui.horizontal(|ui| {
                    crate::gui::theme::spinner::spinner(ui);
                    let words = if creating {
                        "gui-vault-creating"
                    } else {
                        "gui-vault-opening"
                    };
                    ui.label(t(words));
                });
            }
            (submit, ready)
        });
        d.buttons(|ui| {
            let action = t(if creating {
                "unlock-create"
            } else {
                "unlock-unlock"
            });
            let clicked = ui
                .add_enabled(ready && !busy, theme::primary(ui, action))
                .clicked();
            if (clicked || (submit && ready)) && !busy {
                let passphrase = form.passphrase.take();
                form.wipe(ui.ctx());
                out.push(UiCommand::Unlock(Unlock::Vault { passphrase }));
            }
            if matches!(need, UnlockNeed::KeychainUnavailable { .. })
                && ui
                    .add_enabled(!busy, egui::Button::new(t("unlock-try-keychain")))
                    .clicked()
            {
                out.push(UiCommand::Unlock(Unlock::Keyring));
            }
        });
    });
    if shown.close {
        form.wipe(ui.ctx());
        out.push(UiCommand::DismissUnlock);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    struct Open {
        form: UnlockForm,
        need: UnlockNeed,
        busy: bool,
        out: Vec<UiCommand>,
    }

    fn dialog(need: UnlockNeed, busy: bool) -> Harness<'static, Open> {
        let open = Open {
            form: UnlockForm::default(),
            need,
            busy,
            out: vec![],
        };
        let mut h = Harness::builder()
            .with_size([1000.0, 800.0])
            .with_max_steps(16)
            .build_ui_state(
                |ui, o: &mut Open| show(ui, &mut o.form, &o.need, None, o.busy, &mut o.out),
                open,
            );
        h.run_ok();
        h
    }

    fn shows(h: &Harness<'static, Open>, text: &str) -> bool {
        h.query_all_by_label_contains(text).next().is_some()
    }

    #[test]
    fn a_new_vault_is_created_asked_twice_with_a_warning_about_a_forgotten_passphrase() {
        let h = dialog(UnlockNeed::VaultPassphrase { exists: false }, false);
        assert!(shows(&h, "Create an encrypted vault"));
        assert!(h.query_by_label("Create the vault").is_some());
        assert!(
            h.query_by_label("Unlock").is_none(),
            "nothing to unlock yet"
        );
        assert!(h.query_by_label("Passphrase").is_some());
        assert!(
            h.query_by_label("Passphrase again").is_some(),
            "asked twice"
        );
        assert!(shows(&h, "the tokens in the vault are lost"));
        assert!(shows(&h, "make a backup"));
    }

    #[test]
    fn an_existing_vault_is_unlocked_without_the_warning() {
        let h = dialog(UnlockNeed::VaultPassphrase { exists: true }, false);
        assert!(h.query_by_label("Unlock").is_some());
        assert!(h.query_by_label("Passphrase again").is_none());
        assert!(!shows(&h, "are lost"));
    }

    #[test]
    fn creating_the_vault_shows_that_it_is_working() {
        let h = dialog(UnlockNeed::VaultPassphrase { exists: false }, true);
        assert!(shows(&h, "Creating the vault"));
        let h = dialog(UnlockNeed::VaultPassphrase { exists: true }, true);
        assert!(shows(&h, "Opening the vault"));
    }
}
