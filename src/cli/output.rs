//! Human output: a table with a status icon and the reason in words, and a debugger-style fact
//! sheet. Colour only on a terminal and without `NO_COLOR`; the icons differ in shape too.

use chrono::{DateTime, Utc};
use std::io::{IsTerminal, Write};

use crate::model::{ChannelKind, Diagnosis, Health, TokenReport};
use crate::service::ChannelView;
use crate::words::{self, reasons, t, t_args, time};

pub fn color_enabled() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Icon that reads without colour: ✔ healthy, ▲ attention, ✖ broken, ? never checked.
pub fn icon(h: Health) -> &'static str {
    match h {
        Health::Healthy => "✔",
        Health::NeedsAttention => "▲",
        Health::Broken => "✖",
        Health::Unknown => "?",
    }
}

fn paint(h: Health, text: &str) -> String {
    paint_if(color_enabled(), h, text)
}

fn paint_if(color: bool, h: Health, text: &str) -> String {
    if !color {
        return text.to_string();
    }
    let code = match h {
        Health::Healthy => "32",
        Health::NeedsAttention => "33",
        Health::Broken => "31",
        Health::Unknown => "90",
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

fn pad(s: &str, width: usize) -> String {
    let len = s.chars().count();
    if len > width {
        let cut: String = s.chars().take(width.saturating_sub(1)).collect();
        format!("{cut}…")
    } else {
        format!("{s}{}", " ".repeat(width - len))
    }
}

/// `pad` written straight into `out`.
fn write_padded(out: &mut impl Write, s: &str, width: usize) -> std::io::Result<()> {
    let len = s.chars().count();
    if len > width {
        let cut = s
            .char_indices()
            .nth(width.saturating_sub(1))
            .map_or(s.len(), |(i, _)| i);
        write!(out, "{}…", &s[..cut])
    } else {
        out.write_all(s.as_bytes())?;
        // Blanks from a slice: `{:1$}` formatting was a third of this call, 50,000 times.
        let mut blanks = width - len;
        while blanks > 0 {
            let n = blanks.min(BLANKS.len());
            out.write_all(&BLANKS[..n])?;
            blanks -= n;
        }
        Ok(())
    }
}

const BLANKS: &[u8; 32] = b"                                ";

/// The expiry column: the problem of a broken channel, else the countdown ("—" if unknown).
pub fn expiry_words(view: &ChannelView, now: DateTime<Utc>) -> String {
    if view.channel.last_report.is_none() {
        return "—".into();
    }
    reasons::expiry_or_problem(&view.channel, &view.diagnosis, now)
}

/// The CHECKED column: a failed last check says so, with when.
fn checked_column(view: &ChannelView, now: DateTime<Utc>) -> String {
    let c = &view.channel;
    match (
        &c.last_failure,
        c.last_report.as_ref().and_then(|r| r.checked_at),
    ) {
        (Some(f), _) => time::relative_in("list-checked-failed", f.at, now),
        (None, Some(at)) => time::relative(at, now),
        (None, None) => t("list-checked-never"),
    }
}

/// One buffered write per few kilobytes and one terminal check for the whole table: with
/// 10,000 channels, a write and a terminal query per row were a good part of `list`'s time.
/// A closed pipe (`list | head`) ends the output quietly.
pub fn print_table(views: &[ChannelView], now: DateTime<Utc>) {
    let _ = write_table(
        &mut std::io::BufWriter::new(std::io::stdout().lock()),
        views,
        now,
    );
}

/// The table into any writer (`print_table` gives it standard output).
pub fn write_table(
    out: &mut impl Write,
    views: &[ChannelView],
    now: DateTime<Utc>,
) -> std::io::Result<()> {
    if views.is_empty() {
        return writeln!(out, "{}", t("list-empty"));
    }
    let color = color_enabled();
    let name_w = views
        .iter()
        .map(|v| v.channel.name.chars().count())
        .max()
        .unwrap_or(4)
        .clamp(4, 32);
    writeln!(
        out,
        "  {} {} {} {} {} {}",
        pad(&t("list-col-status"), 16),
        pad(&t("list-col-name"), name_w),
        pad(&t("list-col-kind"), 13),
        pad(&t("list-col-expiry"), 22),
        pad(&t("list-col-checked"), 20),
        t("list-col-reason")
    )?;
    // Each cell is padded straight into the buffered output: with 10,000 rows, a String per
    // cell was 60,000 allocations. The four statuses and kinds are phrased once, not per row.
    let mut statuses = [const { String::new() }; 4];
    for h in Health::ALL {
        statuses[h.urgency() as usize] = format!("{} {}", icon(h), reasons::health(h));
    }
    // `ALL` is in declaration order, so a kind's number is its place there.
    let kinds = ChannelKind::ALL.map(reasons::kind);
    for v in views {
        let h = v.diagnosis.health;
        let status = &statuses[h.urgency() as usize];
        let reason = reasons::headline_sentence(&v.diagnosis, now);
        out.write_all(b"  ")?;
        if color {
            write!(out, "{}", paint_if(true, h, &pad(status, 16)))?;
        } else {
            write_padded(out, status, 16)?;
        }
        out.write_all(b" ")?;
        write_padded(out, &v.channel.name, name_w)?;
        out.write_all(b" ")?;
        write_padded(out, &kinds[v.channel.kind as usize], 13)?;
        out.write_all(b" ")?;
        write_padded(out, &expiry_words(v, now), 22)?;
        out.write_all(b" ")?;
        write_padded(out, &checked_column(v, now), 20)?;
        out.write_all(b" ")?;
        out.write_all(reason.as_bytes())?;
        out.write_all(b"\n")?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        reasons::summary(views.iter().map(|v| v.diagnosis.health))
    )?;
    out.flush()
}

fn or_unknown(s: Option<&str>) -> String {
    s.map(str::to_string).unwrap_or_else(|| t("unknown"))
}

/// The facts Meta's Access Token Debugger shows, then the diagnosis in words.
pub fn print_facts(fingerprint: &str, r: &TokenReport, d: &Diagnosis, now: DateTime<Utc>) {
    let row = |k: &str, v: String| println!("  {} {v}", pad(k, 20));
    let label = |id: &str| t(id);
    row(&label("facts-fingerprint"), fingerprint.to_string());
    row(
        &label("facts-app-id"),
        format!(
            "{} : {}",
            or_unknown(r.app_id.as_deref()),
            or_unknown(r.application.as_deref())
        ),
    );
    row(
        &label("facts-type"),
        r.token_type
            .as_ref()
            .map(reasons::token_type)
            .unwrap_or_else(|| t("unknown")),
    );
    if let Some(p) = &r.profile_id {
        row(
            &label("facts-page-id"),
            format!(
                "{p}{}",
                r.profile_name
                    .as_ref()
                    .map(|n| format!(" ({n})"))
                    .unwrap_or_default()
            ),
        );
    }
    row(&label("facts-user-id"), or_unknown(r.user_id.as_deref()));
    row(&label("facts-issued"), time::when(r.issued_at, now));
    row(
        &label("facts-expires"),
        match r.never_expires {
            Some(true) => t("facts-never"),
            _ => time::when(r.expires_at, now),
        },
    );
    row(
        &label("facts-data-access-expires"),
        time::when(r.data_access_expires_at, now),
    );
    row(
        &label("facts-valid"),
        match r.is_valid {
            Some(true) => t("facts-true"),
            Some(false) => t("facts-false"),
            None => t("unknown"),
        },
    );
    row(
        &label("facts-scopes"),
        r.scopes
            .as_ref()
            .map(|s| s.join(", "))
            .unwrap_or_else(|| t("unknown")),
    );
    if let Some(g) = &r.granular_scopes {
        for (i, s) in g.iter().enumerate() {
            let targets = s
                .target_ids
                .as_ref()
                .map(|t| t.join(", "))
                .unwrap_or_else(|| t("facts-all"));
            row(
                &if i == 0 {
                    label("facts-granular-scopes")
                } else {
                    String::new()
                },
                format!("{}: {targets}", s.scope),
            );
        }
    }
    if let Some(w) = &r.webhook {
        row(
            &label("facts-webhook"),
            if w.app_subscribed {
                t_args(
                    "facts-webhook-subscribed",
                    &[("fields", w.fields.join(", ").into())],
                )
            } else {
                t("facts-webhook-not-subscribed")
            },
        );
    }
    if let Some(e) = &r.error {
        let code = format!(
            "{}{}",
            e.code,
            e.subcode.map(|s| format!("/{s}")).unwrap_or_default()
        );
        row(
            &label("facts-error"),
            t_args(
                "facts-error-code",
                &[
                    ("message", e.message.as_str().into()),
                    ("code", code.into()),
                ],
            ),
        );
    }
    row(
        &label("facts-checked-with"),
        r.check_method
            .map(reasons::check_method)
            .unwrap_or_else(|| t("unknown")),
    );
    println!();
    let h = d.health;
    println!(
        "  {}",
        paint(h, &format!("{} {}", icon(h), reasons::health(h)))
    );
    for reason in &d.reasons {
        println!("  - {}", reasons::sentence(reason, now));
    }
}

/// A channel's health and reasons under a sentence that says what was done.
pub fn print_diagnosis(d: &Diagnosis, now: DateTime<Utc>) {
    let h = d.health;
    println!("  {} {}", icon(h), reasons::health(h));
    for r in &d.reasons {
        println!("  - {}", reasons::sentence(r, now));
    }
}

/// "tokenwarden: <sentence>" on standard error.
pub fn eprint_error(sentence: &str) {
    eprintln!("{}", words::errors::prefixed(sentence));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_as_wide_as_its_column_is_not_cut() {
        assert_eq!(pad("Acme Books", 10), "Acme Books");
        assert_eq!(pad("Acme Books!", 10), "Acme Book…");
        assert_eq!(pad("Acme", 6), "Acme  ");
        for (s, w) in [
            ("Acme Books", 10),
            ("Acme Books!", 10),
            ("Acme", 6),
            ("Café Ü", 3),
        ] {
            let mut out = Vec::new();
            write_padded(&mut out, s, w).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), pad(s, w), "{s:?} in {w}");
        }
    }

    #[test]
    fn a_dead_token_has_no_countdown() {
        let dead = TokenReport {
            is_valid: Some(false),
            expires_at: Some(Utc::now() + chrono::Duration::days(2)),
            ..Default::default()
        };
        let channel = crate::model::channel::sample_channel(Some(dead), None);
        let view = ChannelView::of(channel, Utc::now(), &Default::default());
        assert_eq!(expiry_words(&view, Utc::now()), "no longer works");
    }
}
