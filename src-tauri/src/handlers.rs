//! Checks that the UI calls the shell only by names it registers: the command
//! names in `ui/src/api.ts` are the functions of `generate_handler!` in
//! `lib.rs`, one for one (a renamed command fails here, not in the officer's
//! window).

use std::collections::BTreeSet;
use std::path::PathBuf;

fn read(relative: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// The last path segment of each entry of `generate_handler![…]`.
fn registered(lib_rs: &str) -> BTreeSet<String> {
    let start = lib_rs
        .find("generate_handler![")
        .expect("lib.rs registers its commands with generate_handler!");
    let list = &lib_rs[start + "generate_handler![".len()..];
    let list = &list[..list.find(']').expect("the list ends")];
    list.split(',')
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .map(|entry| entry.rsplit("::").next().unwrap_or(entry).to_string())
        .collect()
}

/// The first string argument of each `call<…>("name"` and `invoke("name"` in api.ts.
fn called(api_ts: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for (at, _) in api_ts
        .match_indices("call<")
        .chain(api_ts.match_indices("invoke"))
    {
        let rest = &api_ts[at..];
        let Some(open) = rest.find("(\"") else {
            continue;
        };
        // Only a call whose opening parenthesis follows the type argument or name.
        if rest[..open].contains(['\n', ';', '=']) {
            continue;
        }
        let name = &rest[open + 2..];
        if let Some(end) = name.find('"') {
            names.insert(name[..end].to_string());
        }
    }
    names
}

#[test]
fn every_command_the_ui_calls_is_registered_and_every_registered_command_is_called() {
    let registered = registered(&read("src/lib.rs"));
    let called = called(&read("../ui/src/api.ts"));
    assert!(
        registered.len() > 20,
        "the handler list was read: {registered:?}"
    );
    let unknown: Vec<_> = called.difference(&registered).collect();
    let unused: Vec<_> = registered.difference(&called).collect();
    assert!(
        unknown.is_empty(),
        "api.ts calls commands the shell does not register: {unknown:?}"
    );
    assert!(
        unused.is_empty(),
        "registered commands api.ts never calls: {unused:?}"
    );
}

#[test]
fn the_name_readers_find_names_and_skip_other_text() {
    let lib = "invoke_handler(tauri::generate_handler![\n a::b::one,\n two ,\n])";
    assert_eq!(
        registered(lib),
        BTreeSet::from(["one".into(), "two".into()])
    );
    let api = "f: () => call<A[]>(\"one\", { x }),\ng: () => call<null>(\"two\"),\n// invoke\nconst s = \"three\";";
    assert_eq!(called(api), BTreeSet::from(["one".into(), "two".into()]));
}
