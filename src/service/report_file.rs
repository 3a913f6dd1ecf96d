//! The redacted support report: every channel's facts, reasons, expiries and fingerprints, app
//! ids and the last error's `fbtrace_id` — never a token or a secret. Opened read-only elsewhere.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::Path;

use super::refusal::Usage;
use super::{ChannelView, Service, ServiceError, sort_by_urgency};
use crate::model::{Channel, SecretRef, Thresholds};

pub const REPORT_FORMAT: &str = "tokenwarden-report";
pub const REPORT_VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReportApp {
    pub id: String,
    pub name: String,
    pub has_secret: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SupportReport {
    pub format: String,
    pub version: u32,
    pub made_at: DateTime<Utc>,
    /// "user on host", so support knows whose machine it describes.
    pub made_by: String,
    pub tokenwarden_version: String,
    pub apps: Vec<ReportApp>,
    pub channels: Vec<Channel>,
}

impl SupportReport {
    /// The channels with health recomputed for `now` (countdowns move on after the report).
    pub fn views(&self, now: DateTime<Utc>, th: &Thresholds) -> Vec<ChannelView> {
        let mut v: Vec<ChannelView> = self
            .channels
            .iter()
            .cloned()
            .map(|c| ChannelView::of(c, now, th))
            .collect();
        sort_by_urgency(&mut v);
        v
    }
}

pub fn machine_and_user() -> String {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "unknown user".into());
    let host = std::env::var("HOSTNAME")
        .or_else(|_| std::env::var("COMPUTERNAME"))
        .ok()
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "unknown machine".into());
    format!("{user} on {host}")
}

fn redact(mut c: Channel) -> Channel {
    // Secret refs are not secrets, but they mean nothing on another machine.
    c.token.secret = SecretRef("redacted".into());
    if let Some(p) = c.previous_token.as_mut() {
        p.secret = SecretRef("redacted".into());
    }
    c
}

impl Service {
    pub async fn support_report(&self) -> Result<SupportReport, ServiceError> {
        let catalog = self.catalog().await?;
        Ok(SupportReport {
            format: REPORT_FORMAT.into(),
            version: REPORT_VERSION,
            made_at: Utc::now(),
            made_by: machine_and_user(),
            tokenwarden_version: env!("CARGO_PKG_VERSION").into(),
            apps: catalog
                .apps
                .iter()
                .map(|a| ReportApp {
                    id: a.id.clone(),
                    name: a.name.clone(),
                    has_secret: a.has_secret,
                })
                .collect(),
            channels: catalog.channels.into_iter().map(redact).collect(),
        })
    }

    pub async fn export_report(&self, path: &Path) -> Result<SupportReport, ServiceError> {
        let report = self.support_report().await?;
        let json = serde_json::to_vec_pretty(&report)
            .map_err(|e| ServiceError::Internal(format!("could not write the report: {e}")))?;
        std::fs::write(path, json).map_err(|e| {
            ServiceError::Usage(Usage::ReportNotWritten {
                path: path.to_path_buf(),
                detail: e.to_string(),
            })
        })?;
        Ok(report)
    }
}

/// Reads a report made by `export`; works with no network and no profile.
pub fn read_report(path: &Path) -> Result<SupportReport, ServiceError> {
    let bytes = std::fs::read(path).map_err(|e| {
        ServiceError::Usage(Usage::ReportNotOpened {
            path: path.to_path_buf(),
            detail: e.to_string(),
        })
    })?;
    let damaged = |e: serde_json::Error| {
        ServiceError::Usage(Usage::NotAReport {
            path: path.to_path_buf(),
            detail: Some(e.to_string()),
        })
    };
    // A report comes from another machine: its names and messages are shown here, inert.
    let mut value: serde_json::Value = serde_json::from_slice(&bytes).map_err(damaged)?;
    crate::model::text::inert_json(&mut value, &[], crate::model::text::MAX_SHOWN);
    let report: SupportReport = serde_json::from_value(value).map_err(damaged)?;
    if report.format != REPORT_FORMAT {
        return Err(ServiceError::Usage(Usage::NotAReport {
            path: path.to_path_buf(),
            detail: None,
        }));
    }
    if report.version > REPORT_VERSION {
        return Err(ServiceError::Usage(Usage::NewerReport {
            path: path.to_path_buf(),
            version: report.tokenwarden_version,
        }));
    }
    Ok(report)
}
