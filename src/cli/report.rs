//! `export --redacted` and `inspect`: a support report out, and an offline view of one.

use chrono::Utc;
use std::path::PathBuf;

use super::json::{self, ListJson};
use super::{fail, open_service, output};
use crate::model::Thresholds;
use crate::service::{health_exit_code, report_file};

pub async fn export(profile: Option<PathBuf>, path: PathBuf) -> i32 {
    let run = async {
        let service = open_service(profile)?;
        service.export_report(&path).await
    };
    match run.await {
        Ok(r) => {
            println!(
                "Wrote a redacted report of {} channels to {} (no tokens or secrets in it).",
                r.channels.len(),
                path.display()
            );
            0
        }
        Err(e) => fail(&e),
    }
}

pub fn inspect(path: PathBuf, as_json: bool) -> i32 {
    let report = match report_file::read_report(&path) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("tokenwarden: {e}");
            return 3;
        }
    };
    let now = Utc::now();
    let views = report.views(now, &Thresholds::default());
    if as_json {
        json::print(&ListJson {
            checked_at: report
                .channels
                .iter()
                .filter_map(|c| c.last_report.as_ref()?.checked_at)
                .max(),
            channels: views.iter().map(json::channel_json).collect(),
        });
    } else {
        println!(
            "Report from {}, made {} (Tokenwarden {}). Countdowns are recomputed to now.\n",
            report.made_by,
            report.made_at.format("%Y-%m-%d %H:%M UTC"),
            report.tokenwarden_version
        );
        output::print_table(&views, now);
    }
    health_exit_code(views.iter().map(|v| v.diagnosis.health))
}
