//! Frame time of the channel list with 10,000 channels: the whole window (top bar, filters,
//! summary, list) in a kittest harness without rendering, scrolled a little every frame, then
//! with a channel selected (details panel open). Synthetic channels, no network.
//!
//! `cargo bench --bench list_frame` prints mean, median, p95 and max over 100 frames.

use std::sync::Arc;
use std::time::{Duration, Instant};

use eframe::egui;
use egui_kittest::Harness;
use tokenwarden::graph::GraphConfig;
use tokenwarden::gui::data::table::ChannelTable;
use tokenwarden::gui::platform::browser::RecordingBrowser;
use tokenwarden::gui::platform::clipboard::MemoryClipboard;
use tokenwarden::gui::{GuiOptions, Startup, TokenwardenApp};
use tokenwarden::model::Thresholds;
use tokenwarden::service::Service;
use tokenwarden::store::{Catalog, CatalogFile, Profile, SecretBackend, Store, StoreError};

#[path = "support/synthetic.rs"]
mod synthetic;
use synthetic::{now, synthetic};

const CHANNELS: usize = 10_000;
const FRAMES: usize = 100;

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
