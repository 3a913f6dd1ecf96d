//! `export --redacted` and `inspect`: a support report out, and an offline view of one.

use chrono::Utc;
use std::path::PathBuf;

use super::json::{self, ListJson};
use super::{fail, open_service, output};
use crate::model::Thresholds;
use crate::service::{health_exit_code, report_file};
use crate::words::{self, t, t_args};

pub async fn export(profile: Option<PathBuf>, path: PathBuf) -> i32 {
    let run = async {
        let service = open_service(profile)?;
        service.export_report(&path).await
    };
    match run.await {
        Ok(r) => {
            println!(
                "{}",
                t_args(
                    "cli-export-done",
                    &[
                        ("count", r.channels.len().into()),
                        ("path", path.display().to_string().into()),
                    ],
                )
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
            output::eprint_error(&words::errors::error(&e));
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
            "{}\n",
            t_args(
                "cli-inspect-header",
                &[
                    ("by", report.made_by.as_str().into()),
                    ("made", words::time::at(report.made_at).into()),
                    ("version", report.tokenwarden_version.as_str().into()),
                ],
            )
        );
        output::print_table(&views, now);
        print_last_errors(&views);
    }
    health_exit_code(views.iter().map(|v| v.diagnosis.health))
}

/// The last Graph error of each channel with Meta's trace id: what Meta's support asks for.
fn print_last_errors(views: &[crate::service::ChannelView]) {
    let errors: Vec<_> = views
        .iter()
        .filter_map(|v| {
            let c = &v.channel;
            let e = c
                .last_failure
                .as_ref()
                .and_then(|f| f.graph_error.as_ref())
                .or_else(|| c.last_report.as_ref()?.error.as_ref())?;
            Some((c, e))
        })
        .collect();
    if errors.is_empty() {
        return;
    }
    println!("\n{}", t("cli-last-errors"));
    for (c, e) in errors {
        let trace = e.fbtrace_id.clone().unwrap_or_else(|| t("cli-not-given"));
        println!(
            "  {}",
            t_args(
                "cli-last-error",
                &[
                    ("name", c.name.as_str().into()),
                    ("fingerprint", c.token.fingerprint.as_str().into()),
                    ("message", e.message.as_str().into()),
                    ("code", e.code.into()),
                    ("trace", trace.into()),
                ],
            )
        );
    }
}
