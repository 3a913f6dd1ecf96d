//! A `tokenwarden login` (device login) running in the background: what it prints arrives line
//! by line, so a test can read the code, approve it in the simulator and then collect the end.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::Env;

/// A running `tokenwarden login`: its stderr lines arrive on a channel as it prints them.
pub struct LoginRun {
    child: Child,
    lines: mpsc::Receiver<String>,
    /// Reads stderr to its end; joined before the last lines are collected.
    reader: std::thread::JoinHandle<()>,
    seen: Vec<String>,
}

impl LoginRun {
    /// `tokenwarden ARGS` on `env`'s profile.
    pub fn start(env: &Env, args: &[&str]) -> LoginRun {
        LoginRun::spawn(env.command(args))
    }

    /// Starts `command` with no input.
    pub fn spawn(mut command: Command) -> LoginRun {
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("login starts");
        let stderr = child.stderr.take().expect("piped");
        let (tx, lines) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        LoginRun {
            child,
            lines,
            reader,
            seen: vec![],
        }
    }

    /// The code shown to the user (the indented line under "enter this code").
    pub fn user_code(&mut self) -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if let Ok(line) = self.lines.recv_timeout(Duration::from_millis(200)) {
                self.seen.push(line.clone());
                if line.starts_with("    ") && !line.trim().is_empty() {
                    return line.trim().to_string();
                }
            }
        }
        panic!("no code shown: {:?}", self.seen);
    }

    /// Waits for the end; returns (exit code, stdout, every stderr line).
    pub fn finish(mut self) -> (i32, String, String) {
        let out = self.child.wait_with_output().expect("login ends");
        // The process has ended, but its last lines may still be on their way through the reader.
        self.reader.join().expect("stderr reader ends");
        self.seen.extend(self.lines.try_iter());
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            self.seen.join("\n"),
        )
    }
}

/// Waits until the simulator has been polled `n` times for `code`.
pub fn wait_for_polls(env: &Env, code: &str, n: u32) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while env.control.device_polls(code) < n {
        assert!(Instant::now() < deadline, "the app stopped polling");
        std::thread::sleep(Duration::from_millis(100));
    }
}
