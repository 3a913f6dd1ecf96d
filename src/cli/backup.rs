//! `backup FILE` and `restore FILE`: one passphrase-protected file with every app, channel and
//! token. Restore prints its plan first and applies it only with `--yes` (or a "y" typed at the
//! terminal); a token saved in this profile after the backup is kept unless `--overwrite-newer`.
//! A token that would replace a working one is checked online first (not with
//! `--overwrite-newer`); what is refused or skipped is said, and the exit code tells (1 refused,
//! 3 skipped because it could not be checked).

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

use super::{fail, input, open_service};
use crate::model::Secret;
use crate::service::{AppRestoreAction, RestoreAction, RestoreItem, RestorePlan, ServiceError};
use crate::store::BACKUP_PASSPHRASE_ENV;
use crate::words::{self, reasons, t, t_args};

/// From `TOKENWARDEN_BACKUP_PASSPHRASE`, else typed at the terminal. A new one (`confirm`, for
/// a backup being made) is typed twice and must have at least 8 characters, from either source.
fn passphrase(confirm: bool) -> Result<Secret, ServiceError> {
    if let Some(p) = crate::env::var(BACKUP_PASSPHRASE_ENV).filter(|p| !p.is_empty()) {
        let p = Secret::new(p);
        if confirm {
            input::check_new_passphrase(&p, "backup")?;
        }
        return Ok(p);
    }
    if !std::io::stdin().is_terminal() {
        return Err(ServiceError::said(t_args(
            "backup-needs-passphrase",
            &[("variable", BACKUP_PASSPHRASE_ENV.into())],
        )));
    }
    if confirm {
        return input::ask_new_passphrase("backup");
    }
    let typed = input::read_secret_text(&t("backup-passphrase-prompt"))?;
    if typed.is_empty() {
        return Err(ServiceError::said(t("backup-passphrase-empty")));
    }
    Ok(typed)
}

pub async fn backup(profile: Option<PathBuf>, file: PathBuf) -> i32 {
    let run = async {
        let service = open_service(profile)?;
        let pw = passphrase(true)?;
        service.backup_to(&file, &pw).await
    };
    match run.await {
        Ok(s) => {
            println!(
                "{}",
                t_args(
                    "backup-written",
                    &[
                        ("channels", s.channels.into()),
                        ("apps", s.apps.into()),
                        ("path", file.display().to_string().into()),
                    ],
                )
            );
            for name in &s.skipped {
                super::output::eprint_error(&t_args(
                    "backup-left-out",
                    &[("name", format!("{name:?}").into())],
                ));
            }
            0
        }
        Err(e) => fail(&e),
    }
}

pub async fn restore(
    profile: Option<PathBuf>,
    file: PathBuf,
    yes: bool,
    overwrite_newer: bool,
) -> i32 {
    let service = match open_service(profile) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    let plan = match passphrase(false) {
        Ok(pw) => service.plan_restore(&file, &pw).await,
        Err(e) => Err(e),
    };
    let plan = match plan {
        Ok(p) => p,
        Err(e) => return fail(&e),
    };
    print_plan(&plan, overwrite_newer);
    let changes = plan.changes_anything() || (overwrite_newer && plan.has_newer_in_profile());
    let refused = !plan.refused().is_empty()
        || plan
            .apps
            .iter()
            .any(|a| a.action == AppRestoreAction::Refused);
    if !changes {
        println!("{}", t("restore-nothing-to-do"));
        // What the backup holds but cannot be trusted was refused: say so in the exit code.
        return if refused { 1 } else { 0 };
    }
    if !yes && !confirmed() {
        println!("{}", t("restore-declined"));
        return 1;
    }
    match service.apply_restore(&plan, overwrite_newer).await {
        Ok(outcome) => {
            let count = |f: fn(&RestoreAction) -> bool| {
                outcome.channels.iter().filter(|i| f(&i.action)).count()
            };
            println!(
                "{}",
                t_args(
                    "restore-done",
                    &[
                        (
                            "added",
                            count(|a| matches!(a, RestoreAction::Add { .. })).into()
                        ),
                        (
                            "replaced",
                            count(|a| matches!(a, RestoreAction::Replace { .. })).into()
                        ),
                        (
                            "kept",
                            count(|a| matches!(a, RestoreAction::KeepNewer { .. })).into()
                        ),
                        (
                            "refused",
                            count(|a| matches!(
                                a,
                                RestoreAction::Refused { .. } | RestoreAction::Skipped { .. }
                            ))
                            .into()
                        ),
                    ],
                )
            );
            for item in &outcome.channels {
                if let RestoreAction::Refused { why, .. } | RestoreAction::Skipped { why, .. } =
                    &item.action
                {
                    let why = crate::words::errors::restore_why(why);
                    super::output::eprint_error(&format!("{}: {why}", item.channel_name));
                }
            }
            println!("{}", t("restore-check-hint"));
            outcome.exit_code()
        }
        Err(e) => fail(&e),
    }
}

/// Asks on a terminal; anywhere else the answer is no.
fn confirmed() -> bool {
    if !std::io::stdin().is_terminal() {
        return false;
    }
    print!("{} {} ", t("restore-question"), t("cli-yes-no"));
    let _ = std::io::stdout().flush();
    let mut answer = String::new();
    let _ = std::io::stdin().lock().read_line(&mut answer);
    input::is_yes(&answer)
}

fn print_plan(plan: &RestorePlan, overwrite_newer: bool) {
    println!(
        "{}",
        t_args(
            "restore-plan-header",
            &[
                ("path", plan.source.display().to_string().into()),
                ("made", words::time::at(plan.made_at).into()),
                ("by", plan.made_by.as_str().into()),
            ],
        )
    );
    for item in &plan.channels {
        println!("  {}", item_line(item, overwrite_newer));
    }
    let replaces = plan
        .channels
        .iter()
        .any(|i| matches!(i.action, RestoreAction::Replace { .. }));
    if replaces && !overwrite_newer {
        println!("  {}", t("restore-replace-checked-first"));
    }
    for app in &plan.apps {
        let what = t(match app.action {
            AppRestoreAction::Add { with_secret: true } => "restore-app-add-secret",
            AppRestoreAction::Add { with_secret: false } => "restore-app-add",
            AppRestoreAction::AddSecret => "restore-app-secret",
            AppRestoreAction::Unchanged => "restore-app-unchanged",
            AppRestoreAction::Refused => "restore-app-refused",
        });
        println!("  {what}: {} ({})", app.app_name, app.app_id);
    }
}

fn item_line(item: &RestoreItem, overwrite_newer: bool) -> String {
    let name = format!("{} ({})", item.channel_name, reasons::kind(item.kind));
    let say = |id: &str, from: &str, to: &str| {
        t_args(
            id,
            &[
                ("name", name.as_str().into()),
                ("from", from.into()),
                ("to", to.into()),
            ],
        )
    };
    match &item.action {
        RestoreAction::Add { fingerprint } => say("restore-item-add", "", fingerprint),
        RestoreAction::Replace {
            from_fingerprint,
            to_fingerprint,
        } => say("restore-item-replace", from_fingerprint, to_fingerprint),
        RestoreAction::KeepNewer {
            profile_fingerprint,
            backup_fingerprint,
        } if overwrite_newer => say(
            "restore-item-overwrite-newer",
            profile_fingerprint,
            backup_fingerprint,
        ),
        RestoreAction::KeepNewer {
            profile_fingerprint,
            backup_fingerprint,
        } => say(
            "restore-item-keep-newer",
            profile_fingerprint,
            backup_fingerprint,
        ),
        RestoreAction::Unchanged { .. } => say("restore-item-same", "", ""),
        RestoreAction::Refused { why, .. } | RestoreAction::Skipped { why, .. } => {
            let why = crate::words::errors::restore_why(why);
            format!("{}: {why}", say("restore-item-refused", "", ""))
        }
    }
}
