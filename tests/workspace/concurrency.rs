//! Two members renewing the same channel at once: every renewal either lands (and is in the
//! history) or is told who changed the channel; none is lost.

use std::collections::{HashMap, HashSet};

use crate::support::{base_command, run_command};
use crate::{Team, fingerprint};

const PER_MEMBER: usize = 50;

#[test]
fn two_members_renewing_the_same_channel_lose_no_update() {
    let team = Team::new(Some("renewer"));
    team.alice_adds_shoes();
    let added = fingerprint(&team.env.list_json(), "Acme Shoes");
    let tokens: Vec<Vec<String>> = (0..2)
        .map(|_| (0..PER_MEMBER).map(|_| team.shoes_token()).collect())
        .collect();
    let base_url = team.env.base_url.clone();
    let profiles = [
        team.env.profile_dir().to_path_buf(),
        team.bob_dir().to_path_buf(),
    ];

    let results: Vec<Vec<(String, i32, String)>> = std::thread::scope(|s| {
        let runs: Vec<_> = profiles
            .iter()
            .zip(&tokens)
            .map(|(profile, tokens)| {
                let base_url = &base_url;
                s.spawn(move || {
                    tokens
                        .iter()
                        .map(|t| {
                            let c = base_command(profile, base_url, &["renew", "Acme Shoes"]);
                            let out = run_command(c, t);
                            (t.clone(), out.code, out.stderr)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        runs.into_iter().map(|r| r.join().unwrap()).collect()
    });

    let fp = |t: &str| tokenwarden::model::Secret::new(t).fingerprint();
    let mut won = HashSet::new();
    let mut lost = 0;
    for (member, runs) in ["alice", "bob"].iter().zip(&results) {
        for (token, code, stderr) in runs {
            match code {
                0 => {
                    won.insert(fp(token));
                }
                3 => {
                    lost += 1;
                    assert!(
                        stderr.contains("was changed by") && stderr.contains("Nothing was saved"),
                        "{member}'s lost race names who changed the channel: {stderr}"
                    );
                }
                other => panic!("{member}'s renewal ended with {other}: {stderr}"),
            }
        }
    }
    assert_eq!(won.len() + lost, 2 * PER_MEMBER);
    assert!(!won.is_empty());
    eprintln!(
        "{} renewals landed, {lost} lost their race and were told",
        won.len()
    );

    // The history holds every landed renewal, and they chain: each replaced the one before.
    let out = team.alice(&["history", "Acme Shoes", "--json"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let replaced: HashMap<String, String> = out.json()["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["event"] == "replaced")
        .map(|e| {
            (
                e["old_fingerprint"].as_str().unwrap().to_string(),
                e["new_fingerprint"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let recorded: HashSet<String> = replaced.values().cloned().collect();
    assert_eq!(
        recorded, won,
        "every landed renewal is in the history, and only those"
    );
    let mut at = added;
    let mut steps = 0;
    while let Some(next) = replaced.get(&at) {
        at = next.clone();
        steps += 1;
        assert!(steps <= won.len(), "the history loops");
    }
    assert_eq!(
        steps,
        won.len(),
        "one unbroken chain: no renewal was overwritten unseen"
    );
    assert_eq!(
        fingerprint(&team.env.list_json(), "Acme Shoes"),
        at,
        "the token in use is the last of the chain"
    );
    let out = team.bob(&["check", "Acme Shoes"], "");
    assert_eq!(out.code, 0, "the final token works: {}", out.stderr);
}
