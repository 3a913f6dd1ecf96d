//! The command line in the user's language and time zone (issue 11): the real binary on a
//! simulated Meta, run with a Spanish locale and Bogotá's zone, says every sentence in Spanish
//! and every human time in Bogotá time, while `--json` keeps its structure and codes.

use crate::support;
use support::{Env, Output, run_command};
use tokenwarden::sim::scenario::*;

/// Runs with this locale and zone instead of the helpers' English.
fn run_as(env: &Env, vars: &[(&str, &str)], args: &[&str], stdin: &str) -> Output {
    let mut c = env.command(args);
    for v in [
        "TOKENWARDEN_LANG",
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
        "LANGUAGE",
    ] {
        c.env_remove(v);
    }
    for (k, v) in vars {
        c.env(k, v);
    }
    let out = run_command(c, stdin);
    env.printed.borrow_mut().push(out.stdout.clone());
    env.printed.borrow_mut().push(out.stderr.clone());
    out
}

fn says(out: &Output, sentences: &[&str]) {
    for words in sentences {
        assert!(out.stdout.contains(words), "{words:?} in:\n{}", out.stdout);
    }
}

const SPANISH: &[(&str, &str)] = &[("LANG", "es_CO.UTF-8"), ("TZ", "America/Bogota")];

/// The JSON with every `message` blanked: what must not change with the language.
fn shape(mut v: serde_json::Value) -> serde_json::Value {
    fn blank(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(o) => {
                for (k, x) in o.iter_mut() {
                    if k == "message" {
                        *x = serde_json::Value::Null;
                    } else {
                        blank(x);
                    }
                }
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(blank),
            _ => {}
        }
    }
    blank(&mut v);
    v
}

#[test]
fn a_spanish_locale_gets_spanish_sentences_and_bogota_time() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    env.add_channel("Carol Cafe", "messenger", "carol_cafe");
    env.control.change_password(CAROL_ID);

    let out = run_as(&env, SPANISH, &["check"], "");
    assert_eq!(out.code, 2, "{}", out.stderr);
    says(
        &out,
        &[
            "ESTADO",
            "MOTIVO",
            "✖ No funciona",
            "✔ Funciona",
            "Se cambió la contraseña",
            "1 no funciona, 1 funciona",
        ],
    );
    assert!(!out.stdout.contains("Broken"), "{}", out.stdout);

    // `list` is offline and reads the same in Spanish.
    let out = run_as(&env, SPANISH, &["list"], "");
    assert!(out.stdout.contains("ahora mismo"), "{}", out.stdout);
    assert!(out.stdout.contains("vence") || out.stdout.contains("no vence"));

    // `--json`: the same structure and codes; only the messages are in Spanish.
    let es = run_as(&env, SPANISH, &["list", "--json"], "").json();
    let en = env.list_json();
    assert_eq!(shape(es.clone()), shape(en.clone()));
    let cafe = Env::channel(&es, "Carol Cafe");
    assert_eq!(cafe["reasons"][0]["code"], "password_changed");
    let message = cafe["reasons"][0]["message"].as_str().unwrap();
    assert!(message.contains("contraseña"), "{message}");
    assert!(
        Env::channel(&en, "Carol Cafe")["reasons"][0]["message"]
            .as_str()
            .unwrap()
            .contains("password")
    );

    // The debugger's facts: Spanish labels, times in Bogotá (UTC-5, no summer time).
    let token = env.token("shoes_messenger");
    let out = run_as(
        &env,
        SPANISH,
        &["debug", "--app", ACME_APP_ID, "--kind", "messenger"],
        &token,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("Válido"), "{}", out.stdout);
    assert!(out.stdout.contains("Sí"), "{}", out.stdout);
    assert!(out.stdout.contains("UTC-05:00"), "{}", out.stdout);
    assert!(!out.stdout.contains(" UTC "), "{}", out.stdout);

    // An export read back: its header in Spanish, made at a Bogotá time.
    let report = env.profile_dir().join("report.json");
    let report = report.to_str().unwrap();
    let out = run_as(&env, SPANISH, &["export", "--redacted", report], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("Se escribió un informe"),
        "{}",
        out.stdout
    );
    let out = run_as(&env, SPANISH, &["inspect", report], "");
    assert!(out.stdout.contains("Informe de"), "{}", out.stdout);
    assert!(out.stdout.contains("UTC-05:00"), "{}", out.stdout);
    let es = run_as(&env, SPANISH, &["inspect", report, "--json"], "").json();
    let en = run_command(env.command(&["inspect", report, "--json"]), "").json();
    assert_eq!(shape(es), shape(en), "inspect --json keeps its structure");

    // The renewal guide for the broken channel, to send to a Spanish-speaking customer.
    let out = run_as(&env, SPANISH, &["guide", "Carol Cafe"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    says(
        &out,
        &[
            "Cómo renovar el token de Carol Cafe (Messenger)",
            "Se cambió la contraseña",
            "Lo más fácil: renovar con un código de inicio de sesión",
            "Validar",
        ],
    );

    // An error on standard error, in Spanish.
    let out = run_as(&env, SPANISH, &["guide", "Nadie"], "");
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("tokenwarden: Ningún canal se llama"),
        "{}",
        out.stderr
    );
    env.assert_no_secret_leaked();
}

#[test]
fn tokenwarden_lang_overrides_the_locale() {
    let env = Env::new();
    let vars = [("TOKENWARDEN_LANG", "es"), ("LANG", "en_US.UTF-8")];
    let out = run_as(&env, &vars, &["list"], "");
    assert!(
        out.stdout.contains("Todavía no hay canales guardados"),
        "{}",
        out.stdout
    );
    let out = run_as(&env, &[("LANG", "en_US.UTF-8")], &["list"], "");
    assert!(
        out.stdout.contains("No channels saved yet"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_service_refusal_reads_in_spanish_with_its_exit_code() {
    let env = Env::new();
    env.add_acme_app();
    env.add_channel("Acme Shoes", "messenger", "shoes_messenger");
    env.add_channel("Carol Cafe", "messenger", "carol_cafe");

    // Renaming to a taken name: a usage error (exit 2), said in Spanish with both names.
    let out = run_as(&env, SPANISH, &["rename", "Acme Shoes", "Carol Cafe"], "");
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("tokenwarden: Otro canal ya se llama \"Carol Cafe\"")
            && out.stderr.contains("Elija otro nombre."),
        "{}",
        out.stderr
    );
    // The same fact in English reads as before.
    let out = env.run(&["rename", "Acme Shoes", "Carol Cafe"], "");
    assert!(
        out.stderr
            .contains("Another channel is called \"Carol Cafe\" already"),
        "{}",
        out.stderr
    );

    // Removing an app its channels use: refused (exit 1), naming them, nothing removed.
    let out = run_as(&env, SPANISH, &["app", "remove", ACME_APP_ID, "--yes"], "");
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("la usan 2 canales: \"Acme Shoes\", \"Carol Cafe\"")
            && out.stderr.contains("Quítelos primero; no se quitó nada."),
        "{}",
        out.stderr
    );
    assert_eq!(env.list_json()["channels"].as_array().unwrap().len(), 2);

    // Going back to an earlier token that was never there.
    let out = run_as(&env, SPANISH, &["rollback", "Carol Cafe"], "");
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("no tiene un token anterior al cual volver"),
        "{}",
        out.stderr
    );
    env.assert_no_secret_leaked();
}

#[test]
fn clap_s_own_errors_read_in_spanish_and_keep_exit_code_2() {
    let env = Env::new();
    let es = [("TOKENWARDEN_LANG", "es")];
    let out = run_as(&env, &es, &["list", "--frobnicate"], "");
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .starts_with("error: argumento inesperado '--frobnicate'"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("Uso: tokenwarden list"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("pruebe '--help'"), "{}", out.stderr);
    let out = run_as(&env, &es, &["rename", "Acme"], "");
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("faltan argumentos obligatorios: <NEW_NAME>"),
        "{}",
        out.stderr
    );
    // English stays clap's own words.
    let out = run_as(
        &env,
        &[("TOKENWARDEN_LANG", "en")],
        &["list", "--frobnicate"],
        "",
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("error: unexpected argument '--frobnicate' found"),
        "{}",
        out.stderr
    );
}
