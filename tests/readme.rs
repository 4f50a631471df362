//! The README documents every key: its Keys section is docs/keys.md (generated from the keymap),
//! kept in step by this test. `UPDATE_README=1 cargo test --test readme` rewrites it.

fn keys_block() -> String {
    let keys = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/keys.md"))
        .expect("docs/keys.md");
    // Skip the file's own title; demote its sections under the README's "### Keys".
    let body: Vec<String> = keys
        .lines()
        .skip_while(|l| !l.starts_with("## ") && !l.starts_with("Generated"))
        .map(|l| match l.strip_prefix("## ") {
            Some(rest) => format!("#### {rest}"),
            None => l.to_string(),
        })
        .collect();
    body.join("\n")
}

#[test]
fn readme_keys_section_matches_the_keymap() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).expect("README.md");
    let (begin, end) = ("<!-- keys:begin -->\n", "<!-- keys:end -->");
    let a = readme.find(begin).expect("keys:begin marker") + begin.len();
    let b = readme.find(end).expect("keys:end marker");
    let want = format!("{}\n", keys_block().trim_end());
    if std::env::var_os("UPDATE_README").is_some() {
        let updated = format!("{}{}{}", &readme[..a], want, &readme[b..]);
        std::fs::write(path, updated).expect("write README.md");
        return;
    }
    assert_eq!(
        &readme[a..b],
        want,
        "README keys section is stale: run `UPDATE_README=1 cargo test --test readme`"
    );
    assert!(want.contains("`q`"), "the keys section lists the quit key");
}
