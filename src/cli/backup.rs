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
        return Err(ServiceError::Usage(format!(
            "A backup needs a passphrase: run this in a terminal to type it, or set \
             {BACKUP_PASSPHRASE_ENV} for scripts."
        )));
    }
    if confirm {
        return input::ask_new_passphrase("backup");
    }
    let typed = input::read_secret_text("Backup passphrase (it will not be shown): ")?;
    if typed.is_empty() {
        return Err(ServiceError::Usage(
            "The passphrase cannot be empty.".into(),
        ));
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
                "Wrote {} channels and {} apps, with their tokens and secrets, to {} \
                 (encrypted with your passphrase).",
                s.channels,
                s.apps,
                file.display()
            );
            for name in &s.skipped {
                eprintln!(
                    "tokenwarden: {name:?} was left out: its token is missing from the secret \
                     store (renew it, then back up again)."
                );
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
        println!("Nothing to restore: this profile already has everything in the backup.");
        // What the backup holds but cannot be trusted was refused: say so in the exit code.
        return if refused { 1 } else { 0 };
    }
    if !yes && !confirmed() {
        println!("Nothing was changed. Run again with --yes to restore.");
        return 1;
    }
    match service.apply_restore(&plan, overwrite_newer).await {
        Ok(outcome) => {
            let count = |f: fn(&RestoreAction) -> bool| {
                outcome.channels.iter().filter(|i| f(&i.action)).count()
            };
            println!(
                "Restored: {} added, {} replaced, {} kept because this profile's token is newer, \
                 {} not restored.",
                count(|a| matches!(a, RestoreAction::Add { .. })),
                count(|a| matches!(a, RestoreAction::Replace { .. })),
                count(|a| matches!(a, RestoreAction::KeepNewer { .. })),
                count(|a| matches!(
                    a,
                    RestoreAction::Refused { .. } | RestoreAction::Skipped { .. }
                )),
            );
            for item in &outcome.channels {
                if let RestoreAction::Refused { why, .. } | RestoreAction::Skipped { why, .. } =
                    &item.action
                {
                    eprintln!("tokenwarden: {}: {why}", item.channel_name);
                }
            }
            println!("Run `tokenwarden check` to see that the restored channels work.");
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
    print!("Restore these changes? [y/N] ");
    let _ = std::io::stdout().flush();
    let mut answer = String::new();
    let _ = std::io::stdin().lock().read_line(&mut answer);
    matches!(answer.trim(), "y" | "Y" | "yes" | "Yes")
}

fn print_plan(plan: &RestorePlan, overwrite_newer: bool) {
    println!(
        "Backup {} made {} by {}:",
        plan.source.display(),
        plan.made_at.format("%Y-%m-%d %H:%M UTC"),
        plan.made_by
    );
    for item in &plan.channels {
        println!("  {}", item_line(item, overwrite_newer));
    }
    let replaces = plan
        .channels
        .iter()
        .any(|i| matches!(i.action, RestoreAction::Replace { .. }));
    if replaces && !overwrite_newer {
        println!(
            "  (a token that would replace one that works now is first checked with Facebook; \
             if it does not pass, that channel keeps its token)"
        );
    }
    for app in &plan.apps {
        let what = match app.action {
            AppRestoreAction::Add { with_secret: true } => "add app, with its secret",
            AppRestoreAction::Add { with_secret: false } => "add app",
            AppRestoreAction::AddSecret => "add the app's secret",
            AppRestoreAction::Unchanged => "app already here",
            AppRestoreAction::Refused => {
                "not restored, its id is not a Facebook id (digits only); the backup may have \
                 been edited or damaged"
            }
        };
        println!("  {what}: {} ({})", app.app_name, app.app_id);
    }
}

fn item_line(item: &RestoreItem, overwrite_newer: bool) -> String {
    let name = format!("{} ({})", item.channel_name, item.kind.label());
    match &item.action {
        RestoreAction::Add { fingerprint } => format!("add:      {name}, token {fingerprint}"),
        RestoreAction::Replace {
            from_fingerprint,
            to_fingerprint,
        } => format!(
            "replace:  {name}, token {from_fingerprint} → {to_fingerprint} (the old one is kept \
             for rollback)"
        ),
        RestoreAction::KeepNewer {
            profile_fingerprint,
            backup_fingerprint,
        } if overwrite_newer => format!(
            "replace:  {name}, token {profile_fingerprint} → {backup_fingerprint}, although \
             this profile's token is newer (--overwrite-newer; the old one is kept for rollback)"
        ),
        RestoreAction::KeepNewer {
            profile_fingerprint,
            backup_fingerprint,
        } => format!(
            "kept:     {name}: the profile's token is newer ({profile_fingerprint}; the backup \
             has {backup_fingerprint}). --overwrite-newer replaces it anyway."
        ),
        RestoreAction::Unchanged { .. } => format!("same:     {name}, nothing to do"),
        RestoreAction::Refused { why, .. } | RestoreAction::Skipped { why, .. } => {
            format!("not restored: {name}: {why}")
        }
    }
}
