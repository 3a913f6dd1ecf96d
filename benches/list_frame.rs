//! Frame time of the channel list with 10,000 channels: the whole window (top bar, filters,
//! summary, list) in a kittest harness without rendering, scrolled a little every frame, then
//! with a channel selected (details panel open). Synthetic channels, no network.
//!
//! `cargo bench --bench list_frame` prints mean, median, p95 and max over 100 frames.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeZone, Utc};
use eframe::egui;
use egui_kittest::Harness;
use tokenwarden::graph::GraphConfig;
use tokenwarden::gui::browser::RecordingBrowser;
use tokenwarden::gui::clipboard::MemoryClipboard;
use tokenwarden::gui::table::ChannelTable;
use tokenwarden::gui::{GuiOptions, Startup, TokenwardenApp};
use tokenwarden::model::{
    Channel, ChannelKind, CheckMethod, GraphErrorInfo, SecretRef, StoredToken, Thresholds,
    TokenReport, TokenType,
};
use tokenwarden::service::Service;
use tokenwarden::store::{Catalog, CatalogFile, Profile, SecretBackend, Store, StoreError};

const CHANNELS: usize = 10_000;
const FRAMES: usize = 100;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
}

/// Channels in every state, spread the way a large agency's list would be.
fn synthetic(n: usize) -> Vec<Channel> {
    (0..n)
        .map(|i| {
            let kind = ChannelKind::ALL[i % 4];
            let report = match i % 7 {
                0 => None,
                state => {
                    let mut r = TokenReport {
                        checked_at: Some(now() - chrono::Duration::minutes(i as i64 % 600)),
                        check_method: Some(CheckMethod::DebugToken),
                        is_valid: Some(state != 1),
                        token_type: Some(TokenType::Page),
                        app_id: Some("1000000000001".into()),
                        profile_id: Some(format!("5{i:05}")),
                        never_expires: Some(state != 2),
                        expires_at: (state == 2)
                            .then(|| now() + chrono::Duration::days(i as i64 % 20 - 5)),
                        scopes: Some(
                            kind.required_permissions()
                                .iter()
                                .map(|s| s.to_string())
                                .collect(),
                        ),
                        ..Default::default()
                    };
                    if state == 1 {
                        r.error = Some(GraphErrorInfo {
                            code: 190,
                            subcode: Some(460),
                            message: "password changed".into(),
                            user_title: None,
                            user_message: None,
                            fbtrace_id: None,
                        });
                    }
                    Some(r)
                }
            };
            Channel {
                id: format!("c{i}"),
                name: format!("Channel {i:05}"),
                kind,
                app_id: Some("1000000000001".into()),
                page_id: Some(format!("5{i:05}")),
                page_name: Some(format!("Page {i}")),
                token: StoredToken {
                    secret: SecretRef(format!("token-{i}")),
                    fingerprint: format!("sha256:{i:012}"),
                    saved_at: now(),
                },
                previous_token: None,
                previous_report: None,
                last_report: report,
                last_failure: None,
                added_at: now(),
            }
        })
        .collect()
}

fn stats(label: &str, mut times: Vec<Duration>) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mean = times.iter().map(|d| ms(*d)).sum::<f64>() / times.len() as f64;
    println!(
        "{label}: mean {mean:.2} ms, median {:.2} ms, p95 {:.2} ms, max {:.2} ms ({} frames)",
        ms(times[times.len() / 2]),
        ms(times[times.len() * 95 / 100]),
        ms(times[times.len() - 1]),
        times.len()
    );
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let profile = Profile::resolve(Some(dir.path().join("profile"))).expect("profile");
    let channels = synthetic(CHANNELS);
    let saved = channels.clone();
    CatalogFile::new(&profile)
        .update(move |c: &mut Catalog| {
            c.channels = saved;
            Ok::<_, StoreError>(())
        })
        .expect("catalog written");
    let store = Store::open(profile, SecretBackend::Memory).expect("store");
    let graph = GraphConfig::default()
        .with_base_url("http://127.0.0.1:9")
        .expect("loopback URL");
    let service = Arc::new(Service::new(store, graph).expect("service"));
    let options = GuiOptions {
        clock: Arc::new(now),
        browser: Box::new(RecordingBrowser::default()),
        clipboard: Box::new(MemoryClipboard::default()),
    };
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| TokenwardenApp::new(cc, Startup::Service(service), options));
    let start = Instant::now();
    while h.state().state().table.len() < CHANNELS {
        assert!(start.elapsed() < Duration::from_secs(60), "never loaded");
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    println!(
        "opened with {CHANNELS} channels in {:.0} ms (catalog read in the worker)",
        start.elapsed().as_secs_f64() * 1000.0
    );
    h.run_ok();

    let th = Thresholds::default();
    let built = Instant::now();
    ChannelTable::default().replace(channels, now(), &th);
    println!(
        "classified and sorted {CHANNELS} channels in {:.1} ms (on each catalog load)",
        built.elapsed().as_secs_f64() * 1000.0
    );
    let tick = Instant::now();
    h.state_mut()
        .state_mut()
        .table
        .reclassify(now() + chrono::Duration::minutes(1), &th);
    println!(
        "re-classified them for the 30 s countdown tick in {:.1} ms",
        tick.elapsed().as_secs_f64() * 1000.0
    );

    let list_point = egui::pos2(400.0, 400.0);
    h.hover_at(list_point);
    let scroll = |h: &mut Harness<'_, TokenwardenApp>, dy: f32| {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, dy),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
    };
    for _ in 0..10 {
        scroll(&mut h, -120.0);
        h.step();
    }
    let mut times = Vec::with_capacity(FRAMES);
    for i in 0..FRAMES {
        scroll(&mut h, if i % 20 < 10 { -480.0 } else { 240.0 });
        let t = Instant::now();
        h.step();
        times.push(t.elapsed());
    }
    stats("list, scrolling", times);

    h.state_mut().state_mut().selected = Some("c7".into());
    h.run_ok();
    let mut times = Vec::with_capacity(FRAMES);
    for i in 0..FRAMES {
        scroll(&mut h, if i % 20 < 10 { -480.0 } else { 240.0 });
        let t = Instant::now();
        h.step();
        times.push(t.elapsed());
    }
    stats("list + details, scrolling", times);
}
