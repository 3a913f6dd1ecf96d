//! `tokenwarden import` against the Graph simulator over loopback, with the real vault: each
//! line's token is validated like `add`'s, a bad line is refused by its number and the others
//! are saved anyway.

use crate::support;

use support::Env;
use tokenwarden::sim::scenario::*;

/// `tokenwarden import ARGS` with `input`; what it prints on both streams joins the leak scan.
fn import(env: &Env, args: &[&str], input: &str) -> support::Output {
    let mut all = vec!["import"];
    all.extend_from_slice(args);
    let out = env.run(&all, input);
    env.printed.borrow_mut().push(out.stdout.clone());
    out
}

fn line(name: &str, kind: &str, token: &str) -> String {
    format!(r#"{{"name":"{name}","kind":"{kind}","app":"{ACME_APP_ID}","token":"{token}"}}"#)
}

#[test]
fn import_saves_the_good_lines_and_refuses_each_bad_one_by_number() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    let pages = env.control.add_managed_pages(3);
    for (_, token) in &pages {
        env.remember(token);
    }
    let second_of_first_page = env.remember(&env.control.mint_page_token(
        ALICE_ID,
        &pages[0].0,
        ACME_APP_ID,
        true,
        &support::MESSENGER_SCOPES,
    ));
    let revoked = env.token("revoked");
    let wrong_app = env.token("wrong_app");
    let shoes_newer = env.token("shoes_renewal");
    let input = [
        line("Bulk One", "messenger", &pages[0].1),
        // Cut short: must be refused without its content (a token) being shown.
        format!(r#"{{"name":"Broken","kind":"messenger","token":"{revoked}""#),
        line("Revoked", "messenger", &revoked),
        line("Other app", "messenger", &wrong_app),
        line("Shoes again", "messenger", &shoes_newer),
        String::new(),
        line("Bulk Two", "messenger", &pages[1].1),
        line("Bulk One twin", "messenger", &second_of_first_page),
        // An id as a number is fine.
        format!(
            r#"{{"name":"Bulk Three","kind":"messenger","app":{ACME_APP_ID},"token":"{}"}}"#,
            pages[2].1
        ),
    ]
    .join("\n");
    let vault_before = std::fs::read(env.profile_dir().join("vault.age")).unwrap();

    let out = import(&env, &[], &input);

    // The worst refusal sets the exit code (2: line 2 is not a channel), yet the good lines
    // are saved.
    assert_eq!(out.code, 2, "{}\n{}", out.stdout, out.stderr);
    assert!(out.stdout.contains("3 saved, 5 refused."), "{}", out.stdout);
    for (n, name) in [(1, "Bulk One"), (7, "Bulk Two"), (9, "Bulk Three")] {
        assert!(
            out.stdout.contains(&format!("line {n}: saved \"{name}\"")),
            "{}",
            out.stdout
        );
    }
    let refused = |n: usize| {
        out.stderr
            .lines()
            .find(|l| {
                let rest = l.strip_prefix(&format!("tokenwarden: line {n}"));
                rest.is_some_and(|r| r.starts_with([' ', ':']))
            })
            .unwrap_or_else(|| panic!("line {n} not refused:\n{}", out.stderr))
            .to_string()
    };
    assert!(refused(2).contains("not valid JSON"), "{}", refused(2));
    assert!(refused(3).contains("\"Revoked\""), "{}", refused(3));
    assert!(refused(4).contains("\"Other app\""), "{}", refused(4));
    assert!(
        refused(5).contains("tokenwarden renew \"Acme Shoes\""),
        "{}",
        refused(5)
    );
    assert!(refused(8).contains("earlier line"), "{}", refused(8));

    let list = env.list_json();
    let names: Vec<&str> = list["channels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 4, "{names:?}");
    for name in ["Acme Shoes", "Bulk One", "Bulk Two", "Bulk Three"] {
        assert!(names.contains(&name), "{name} missing from {names:?}");
    }
    for (i, name) in ["Bulk One", "Bulk Two", "Bulk Three"].iter().enumerate() {
        let c = Env::channel(&list, name);
        assert_eq!(c["health"], "healthy", "{c:#}");
        assert_eq!(c["token"]["profile_id"], pages[i].0.as_str(), "{c:#}");
    }
    assert_ne!(
        std::fs::read(env.profile_dir().join("vault.age")).unwrap(),
        vault_before
    );
    env.assert_no_secret_leaked();
}

#[test]
fn import_json_numbers_each_saved_and_refused_line_and_a_run_with_nothing_good_changes_nothing() {
    let env = Env::new();
    env.add_acme_app();
    let pages = env.control.add_managed_pages(1);
    env.remember(&pages[0].1);
    let revoked = env.token("revoked");
    let input = format!(
        "{}\n{}\n{{\"name\":\"No kind\",\"token\":\"{revoked}\"}}\n",
        line("Good", "messenger", &pages[0].1),
        line("Dead", "messenger", &revoked)
    );

    let out = import(&env, &["--json"], &input);
    assert_eq!(out.code, 2, "a bad line is the worst here: {}", out.stderr);
    let j = out.json();
    assert_eq!(j["saved"].as_array().unwrap().len(), 1, "{j:#}");
    assert_eq!(j["saved"][0]["line"], 1);
    assert_eq!(j["saved"][0]["name"], "Good");
    assert_eq!(j["saved"][0]["health"], "healthy");
    let refused = j["refused"].as_array().unwrap();
    assert_eq!(refused.len(), 2, "{j:#}");
    assert_eq!(
        (
            refused[0]["line"].as_u64(),
            refused[0]["exit_code"].as_i64()
        ),
        (Some(2), Some(1))
    );
    assert!(
        !refused[0]["reasons"].as_array().unwrap().is_empty(),
        "{j:#}"
    );
    assert_eq!(
        (
            refused[1]["line"].as_u64(),
            refused[1]["exit_code"].as_i64()
        ),
        (Some(3), Some(2))
    );

    // Only refusals: nothing is written, the vault file stays as it was.
    let vault_before = std::fs::read(env.profile_dir().join("vault.age")).unwrap();
    let out = import(&env, &[], &line("Dead", "messenger", &revoked));
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stdout.contains("0 saved, 1 refused."), "{}", out.stdout);
    assert_eq!(
        std::fs::read(env.profile_dir().join("vault.age")).unwrap(),
        vault_before
    );
    assert_eq!(env.list_json()["channels"].as_array().unwrap().len(), 1);
    env.assert_no_secret_leaked();
}
