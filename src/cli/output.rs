//! Human output: a table with a status icon and the reason in words, and a debugger-style fact
//! sheet. Colour only on a terminal and without `NO_COLOR`; the icons differ in shape too.

use chrono::{DateTime, Utc};
use std::io::{IsTerminal, Write};

use crate::model::status;
use crate::model::time::{describe_at, describe_in};
use crate::model::{Diagnosis, Health, TokenReport};
use crate::service::ChannelView;

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
        write!(out, "{:1$}", "", width - len)
    }
}

/// The expiry column: the problem of a broken channel, else the countdown ("—" if unknown).
pub fn expiry_words(view: &ChannelView, now: DateTime<Utc>) -> String {
    if view.channel.last_report.is_none() {
        return "—".into();
    }
    status::expiry_or_problem(&view.channel, &view.diagnosis, now)
}

/// The CHECKED column: a failed last check says so, with when.
fn checked_column(view: &ChannelView, now: DateTime<Utc>) -> String {
    let c = &view.channel;
    match (
        &c.last_failure,
        c.last_report.as_ref().and_then(|r| r.checked_at),
    ) {
        (Some(f), _) => format!("failed {}", describe_at(f.at, now)),
        (None, Some(at)) => describe_at(at, now),
        (None, None) => "never".into(),
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
        return writeln!(
            out,
            "No channels saved yet. Add one with: tokenwarden add --name NAME --kind messenger < token.txt"
        );
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
        "  {} {} {} {} {} REASON",
        pad("STATUS", 16),
        pad("NAME", name_w),
        pad("KIND", 13),
        pad("EXPIRY", 22),
        pad("CHECKED", 20)
    )?;
    // Each cell is padded straight into the buffered output: with 10,000 rows, a String per
    // cell was 60,000 allocations.
    let mut status = String::new();
    for v in views {
        let h = v.diagnosis.health;
        status.clear();
        status.push_str(icon(h));
        status.push(' ');
        status.push_str(h.label());
        let reason = status::headline(&v.diagnosis)
            .map(|r| r.message.as_str())
            .unwrap_or("Working.");
        out.write_all(b"  ")?;
        if color {
            write!(out, "{}", paint_if(true, h, &pad(&status, 16)))?;
        } else {
            write_padded(out, &status, 16)?;
        }
        out.write_all(b" ")?;
        write_padded(out, &v.channel.name, name_w)?;
        out.write_all(b" ")?;
        write_padded(out, v.channel.kind.label(), 13)?;
        out.write_all(b" ")?;
        write_padded(out, &expiry_words(v, now), 22)?;
        out.write_all(b" ")?;
        write_padded(out, &checked_column(v, now), 20)?;
        writeln!(out, " {reason}")?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        summary_line(views.iter().map(|v| v.diagnosis.health))
    )?;
    out.flush()
}

/// "2 broken, 1 needs attention, 5 healthy".
pub fn summary_line(healths: impl Iterator<Item = Health>) -> String {
    let mut counts = [0usize; 4];
    for h in healths {
        counts[h.urgency() as usize] += 1;
    }
    let words = ["broken", "need attention", "not checked", "healthy"];
    let parts: Vec<String> = Health::ALL
        .iter()
        .filter(|h| counts[h.urgency() as usize] > 0)
        .map(|h| {
            let n = counts[h.urgency() as usize];
            let w = if n == 1 && *h == Health::NeedsAttention {
                "needs attention"
            } else {
                words[h.urgency() as usize]
            };
            format!("{n} {w}")
        })
        .collect();
    if parts.is_empty() {
        "No channels.".into()
    } else {
        parts.join(", ")
    }
}

fn when(t: Option<DateTime<Utc>>, now: DateTime<Utc>) -> String {
    t.map(|t| {
        format!(
            "{} ({})",
            t.format("%Y-%m-%d %H:%M UTC"),
            describe_in(t, now)
        )
    })
    .unwrap_or_else(|| "unknown".into())
}

fn or_unknown(s: Option<&str>) -> &str {
    s.unwrap_or("unknown")
}

/// The facts Meta's Access Token Debugger shows, then the diagnosis in words.
pub fn print_facts(fingerprint: &str, r: &TokenReport, d: &Diagnosis, now: DateTime<Utc>) {
    let row = |k: &str, v: String| println!("  {} {v}", pad(k, 20));
    row("Fingerprint", fingerprint.to_string());
    row(
        "App ID",
        format!(
            "{} : {}",
            or_unknown(r.app_id.as_deref()),
            or_unknown(r.application.as_deref())
        ),
    );
    row(
        "Type",
        or_unknown(r.token_type.as_ref().map(|t| t.label())).to_string(),
    );
    if let Some(p) = &r.profile_id {
        row(
            "Page ID",
            format!(
                "{p}{}",
                r.profile_name
                    .as_ref()
                    .map(|n| format!(" ({n})"))
                    .unwrap_or_default()
            ),
        );
    }
    row("User ID", or_unknown(r.user_id.as_deref()).to_string());
    row("Issued", when(r.issued_at, now));
    row(
        "Expires",
        match r.never_expires {
            Some(true) => "Never".into(),
            _ => when(r.expires_at, now),
        },
    );
    row("Data access expires", when(r.data_access_expires_at, now));
    row(
        "Valid",
        match r.is_valid {
            Some(true) => "True".into(),
            Some(false) => "False".into(),
            None => "unknown".into(),
        },
    );
    row(
        "Scopes",
        r.scopes
            .as_ref()
            .map(|s| s.join(", "))
            .unwrap_or_else(|| "unknown".into()),
    );
    if let Some(g) = &r.granular_scopes {
        for (i, s) in g.iter().enumerate() {
            let targets = s
                .target_ids
                .as_ref()
                .map(|t| t.join(", "))
                .unwrap_or_else(|| "all".into());
            row(
                if i == 0 { "Granular scopes" } else { "" },
                format!("{}: {targets}", s.scope),
            );
        }
    }
    if let Some(w) = &r.webhook {
        row(
            "Webhook",
            if w.app_subscribed {
                format!("subscribed: {}", w.fields.join(", "))
            } else {
                "not subscribed".into()
            },
        );
    }
    if let Some(e) = &r.error {
        row(
            "Error",
            format!(
                "{} (code {}{})",
                e.message,
                e.code,
                e.subcode.map(|s| format!("/{s}")).unwrap_or_default()
            ),
        );
    }
    row(
        "Checked with",
        r.check_method
            .map(|m| m.label())
            .unwrap_or("unknown")
            .to_string(),
    );
    println!();
    let h = d.health;
    println!("  {}", paint(h, &format!("{} {}", icon(h), h.label())));
    for reason in &d.reasons {
        println!("  - {}", reason.message);
    }
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
