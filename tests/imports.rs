//! The import graph of files has no circle: every file stands above what it uses.
//!
//! Which file uses which is read from the source text of the core (`crates/assessment/src`) and the
//! app (`src/`): every `use` statement and every path that starts with `crate::`, `super::`,
//! `self::`, a child module's name or (in the app's binaries) the app's crate name. A path is
//! followed to the file that defines its item, through `pub use` re-exports, so that a file that
//! only gathers its children's names (`components.rs`) is no knot. A `mod` declaration places a
//! file in the tree and uses nothing; a method call is not a path and is not seen.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// A module's path inside its crate, with the crate's name first (`assessment`, or a binary's).
type ModPath = Vec<String>;

#[derive(Default)]
struct Module {
    /// The file that holds it (an inline module is part of its file).
    file: String,
    /// Items defined here by name (functions, types, traits, constants, statics, macros).
    defines: BTreeSet<String>,
    /// Child modules, inline or in files.
    children: BTreeSet<String>,
    /// `pub use` re-exports: the name given, and the full path it stands for.
    reexports: Vec<(String, ModPath)>,
    /// `pub use path::*`: the modules whose names this one re-exports.
    globs: Vec<ModPath>,
}

#[derive(Default)]
struct Graph {
    modules: BTreeMap<ModPath, Module>,
    /// Each file's uses as written, already made absolute.
    uses: BTreeMap<String, Vec<ModPath>>,
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Ident(String),
    Colons,
    Punct(char),
}

/// The code's tokens, without comments, string and character literals, and lifetimes.
fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if (c == 'r' || c == 'b')
            && (at(i + 1) == '"' || at(i + 1) == '#' || at(i + 1) == 'r')
        {
            // A raw or byte string (`r"…"`, `r#"…"#`, `b"…"`, `br#"…"#`), or an identifier.
            let mut j = i + 1;
            if c == 'b' && at(j) == 'r' {
                j += 1;
            }
            let raw = c == 'r' || at(i + 1) == 'r';
            let mut hashes = 0;
            while raw && at(j) == '#' {
                hashes += 1;
                j += 1;
            }
            if at(j) == '"' && (raw || c == 'b') {
                j += 1;
                loop {
                    if j >= chars.len() {
                        break;
                    }
                    if !raw && chars[j] == '\\' {
                        j += 2;
                        continue;
                    }
                    if chars[j] == '"' && (0..hashes).all(|k| at(j + 1 + k) == '#') {
                        j += 1 + hashes;
                        break;
                    }
                    j += 1;
                }
                i = j;
            } else {
                i = ident(&chars, i, &mut out);
            }
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
        } else if c == '\'' {
            // A character literal ('a', '\n', '\u{1F600}') or a lifetime ('a).
            if at(i + 1) == '\\' {
                i += 3;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                i += 1;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
            }
        } else if c.is_alphabetic() || c == '_' {
            i = ident(&chars, i, &mut out);
        } else if c == ':' && at(i + 1) == ':' {
            out.push(Token::Colons);
            i += 2;
        } else if c.is_whitespace() || c.is_ascii_digit() {
            i += 1;
        } else {
            out.push(Token::Punct(c));
            i += 1;
        }
    }
    out
}

fn ident(chars: &[char], mut i: usize, out: &mut Vec<Token>) -> usize {
    let start = i;
    while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
        i += 1;
    }
    out.push(Token::Ident(chars[start..i].iter().collect()));
    i
}

/// The paths a `use` tree stands for (`a::{b, c::*}` → `a::b`, `a::c::*`), each with the name it
/// is given (`as` or its last segment).
fn use_tree(tokens: &[Token], prefix: &ModPath, out: &mut Vec<(ModPath, String)>) {
    let mut path = prefix.clone();
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Token::Ident(name) if name == "as" => {
                if let Some(Token::Ident(alias)) = tokens.get(i + 1) {
                    out.push((path.clone(), alias.clone()));
                }
                return;
            }
            Token::Ident(name) => path.push(name.clone()),
            Token::Punct('*') => path.push("*".into()),
            Token::Colons => {}
            Token::Punct('{') => {
                // Split the group at its top-level commas.
                let mut depth = 0;
                let mut start = i + 1;
                for j in i + 1..tokens.len() {
                    match tokens[j] {
                        Token::Punct('{') => depth += 1,
                        Token::Punct('}') if depth == 0 => {
                            use_tree(&tokens[start..j], &path, out);
                            return;
                        }
                        Token::Punct('}') => depth -= 1,
                        Token::Punct(',') if depth == 0 => {
                            use_tree(&tokens[start..j], &path, out);
                            start = j + 1;
                        }
                        _ => {}
                    }
                }
                return;
            }
            _ => {}
        }
        i += 1;
    }
    if path.len() > prefix.len() {
        let mut path = path;
        // `a::b::{self}` is `a::b`.
        if path.last().map(String::as_str) == Some("self") {
            path.pop();
        }
        let name = path.last().cloned().unwrap_or_default();
        out.push((path, name));
    }
}

/// A path as written in module `here` of a crate named `krate`, made absolute, or `None` if it
/// leaves the crate (`std::`, another crate) or is not a module path at all.
fn absolute(
    path: &[String],
    here: &ModPath,
    graph: &Graph,
    aliases: &[(String, String)],
) -> Option<ModPath> {
    let first = path.first()?;
    let mut at: ModPath = here.clone();
    let rest = match first.as_str() {
        "crate" => {
            at.truncate(1);
            &path[1..]
        }
        "self" => &path[1..],
        "super" => {
            let mut rest = path;
            while rest.first().map(String::as_str) == Some("super") {
                at.pop();
                rest = &rest[1..];
            }
            rest
        }
        name => {
            // Another crate of this graph by name (an app binary naming the app's library).
            if let Some((_, krate)) = aliases.iter().find(|(alias, _)| alias == name) {
                at = vec![krate.clone()];
                &path[1..]
            } else if graph
                .modules
                .get(here)
                .is_some_and(|m| m.children.contains(name))
            {
                path
            } else {
                return None;
            }
        }
    };
    at.extend(rest.iter().cloned());
    Some(at)
}

/// The file that defines what `path` names, through re-exports.
fn resolve(graph: &Graph, path: &ModPath, seen: &mut BTreeSet<ModPath>) -> Option<String> {
    if !seen.insert(path.clone()) {
        return None;
    }
    // The longest prefix that is a module.
    let mut n = path.len();
    while n > 0 && !graph.modules.contains_key(&path[..n]) {
        n -= 1;
    }
    if n == 0 {
        return None;
    }
    let module = &graph.modules[&path[..n]];
    let Some(name) = path.get(n).filter(|name| *name != "*") else {
        return Some(module.file.clone());
    };
    if module.defines.contains(name) {
        return Some(module.file.clone());
    }
    if let Some((_, target)) = module.reexports.iter().find(|(given, _)| given == name) {
        let mut target = target.clone();
        target.extend(path[n + 1..].iter().cloned());
        if let Some(file) = resolve(graph, &target, seen) {
            return Some(file);
        }
    }
    for glob in &module.globs {
        let mut target = glob.clone();
        target.extend(path[n..].iter().cloned());
        let found = graph.modules.get(glob).is_some_and(|m| {
            m.defines.contains(name)
                || m.children.contains(name)
                || m.reexports.iter().any(|(g, _)| g == name)
        });
        if found {
            if let Some(file) = resolve(graph, &target, seen) {
                return Some(file);
            }
        }
    }
    Some(module.file.clone())
}

/// Reads one file of a crate: its modules, definitions, re-exports and uses.
fn read_file(
    graph: &mut Graph,
    file: &str,
    module: ModPath,
    text: &str,
    aliases: &[(String, String)],
) {
    let tokens = tokens(text);
    graph.modules.entry(module.clone()).or_default().file = file.to_owned();
    // The inline modules open here, with the brace depth at which each ends.
    let mut stack: Vec<(ModPath, usize)> = vec![(module, 0)];
    let mut depth: usize = 0;
    let mut uses: Vec<(ModPath, Vec<String>)> = Vec::new();
    let mut reexports: Vec<(ModPath, Vec<(ModPath, String)>)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let here = stack.last().unwrap().0.clone();
        match &tokens[i] {
            Token::Punct('{') => depth += 1,
            Token::Punct('}') => {
                depth = depth
                    .checked_sub(1)
                    .unwrap_or_else(|| panic!("{file}: an unmatched `}}`"));
                if stack.len() > 1 && stack.last().unwrap().1 == depth {
                    stack.pop();
                }
            }
            Token::Ident(keyword) if keyword == "mod" => {
                if let Some(Token::Ident(name)) = tokens.get(i + 1) {
                    graph
                        .modules
                        .get_mut(&here)
                        .unwrap()
                        .children
                        .insert(name.clone());
                    if tokens.get(i + 2) == Some(&Token::Punct('{')) {
                        let mut child = here.clone();
                        child.push(name.clone());
                        graph.modules.entry(child.clone()).or_default().file = file.to_owned();
                        depth += 1;
                        stack.push((child, depth - 1));
                        i += 3;
                        continue;
                    }
                }
            }
            // A `use` statement (not `impl Trait + use<'a>`).
            Token::Ident(keyword)
                if keyword == "use" && tokens.get(i + 1) != Some(&Token::Punct('<')) =>
            {
                let public = i > 0
                    && (tokens[i - 1] == Token::Ident("pub".into())
                        || tokens[i - 1] == Token::Punct(')'));
                let end = (i..tokens.len())
                    .find(|&j| tokens[j] == Token::Punct(';'))
                    .unwrap_or(tokens.len());
                let mut tree = Vec::new();
                use_tree(&tokens[i + 1..end], &Vec::new(), &mut tree);
                for (path, _) in &tree {
                    uses.push((here.clone(), path.clone()));
                }
                if public {
                    reexports.push((here.clone(), tree));
                }
                i = end;
                continue;
            }
            Token::Ident(keyword)
                if matches!(
                    keyword.as_str(),
                    "fn" | "struct" | "enum" | "type" | "trait" | "const" | "static" | "union"
                ) =>
            {
                if let Some(Token::Ident(name)) = tokens.get(i + 1) {
                    graph
                        .modules
                        .get_mut(&here)
                        .unwrap()
                        .defines
                        .insert(name.clone());
                }
            }
            Token::Ident(keyword) if keyword == "macro_rules" => {
                if let Some(Token::Ident(name)) = tokens.get(i + 2) {
                    graph
                        .modules
                        .get_mut(&here)
                        .unwrap()
                        .defines
                        .insert(name.clone());
                }
            }
            Token::Ident(first) if tokens.get(i + 1) == Some(&Token::Colons) => {
                // A path in the code: `a::b::c`, read whole.
                let previous_colons = i > 0 && tokens[i - 1] == Token::Colons;
                let mut path = vec![first.clone()];
                let mut j = i + 1;
                while tokens.get(j) == Some(&Token::Colons) {
                    match tokens.get(j + 1) {
                        Some(Token::Ident(name)) => path.push(name.clone()),
                        _ => break,
                    }
                    j += 2;
                }
                if !previous_colons {
                    uses.push((here.clone(), path));
                }
                i = j;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    // Made absolute once every module of the file is known; re-exports after all files are read.
    graph.uses.entry(file.to_owned()).or_default();
    PENDING.with(|p| {
        p.borrow_mut().push(Pending {
            file: file.to_owned(),
            uses,
            reexports,
            aliases: aliases.to_vec(),
        })
    });
}

struct Pending {
    file: String,
    uses: Vec<(ModPath, Vec<String>)>,
    reexports: Vec<(ModPath, Vec<(ModPath, String)>)>,
    aliases: Vec<(String, String)>,
}

thread_local! {
    static PENDING: std::cell::RefCell<Vec<Pending>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file of a crate's `src` (`src/a/b.rs` and `src/a/b/mod.rs` are `a::b`);
/// a binary (`main.rs`, `bin/x.rs`) is a crate of its own.
fn module_of(krate: &str, src: &Path, path: &Path) -> ModPath {
    let relative = path.strip_prefix(src).unwrap();
    let parts: Vec<String> = relative
        .with_extension("")
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    match parts
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["lib"] => vec![krate.to_owned()],
        ["main"] => vec![format!("{krate}-main")],
        ["bin", name] => vec![format!("{krate}-bin-{name}")],
        _ => {
            let mut module = vec![krate.to_owned()];
            module.extend(parts.iter().filter(|p| *p != "mod").cloned());
            module
        }
    }
}

/// Every file of each crate's `src` (by its name in Rust and its folder), read into one graph.
fn graph(crates: &[(&str, &str)]) -> Graph {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut graph = Graph::default();
    PENDING.with(|p| p.borrow_mut().clear());
    for (krate, dir) in crates {
        let src = root.join(dir);
        let mut files = Vec::new();
        rust_files(&src, &mut files);
        for path in files {
            let module = module_of(krate, &src, &path);
            // A binary names its package's library by the crate's name.
            let aliases = if module.len() == 1 && module[0] != *krate {
                vec![(krate.to_string(), krate.to_string())]
            } else {
                Vec::new()
            };
            let name = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let text = fs::read_to_string(&path).unwrap();
            read_file(&mut graph, &name, module, &text, &aliases);
        }
    }
    // File modules are children of their parents too (declared by `mod x;`, already recorded).
    let pending = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
    for p in &pending {
        for (module, tree) in &p.reexports {
            for (path, given) in tree {
                let Some(target) = absolute(path, module, &graph, &p.aliases) else {
                    continue;
                };
                let m = graph.modules.get_mut(module).unwrap();
                if given == "*" {
                    m.globs.push(target[..target.len() - 1].to_vec());
                } else {
                    m.reexports.push((given.clone(), target));
                }
            }
        }
    }
    for p in &pending {
        let mut absolute_uses = Vec::new();
        for (module, path) in &p.uses {
            if let Some(target) = absolute(path, module, &graph, &p.aliases) {
                absolute_uses.push(target);
            }
        }
        graph.uses.insert(p.file.clone(), absolute_uses);
    }
    graph
}

/// Which file uses which (a file never counts as using itself).
fn edges(graph: &Graph) -> BTreeMap<String, BTreeSet<String>> {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (file, uses) in &graph.uses {
        let used = edges.entry(file.clone()).or_default();
        for path in uses {
            if let Some(target) = resolve(graph, path, &mut BTreeSet::new()) {
                if target != *file {
                    used.insert(target);
                }
            }
        }
    }
    edges
}

/// Every circle, each once, as the files in the order they use each other.
fn circles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    // Strongly connected components (Tarjan), then one circle through each component's files.
    struct Walk<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        components: Vec<Vec<&'a str>>,
    }
    fn visit<'a>(w: &mut Walk<'a>, v: &'a str) {
        let n = w.index.len();
        w.index.insert(v, n);
        w.low.insert(v, n);
        w.stack.push(v);
        w.on_stack.insert(v);
        for u in w.edges.get(v).into_iter().flatten() {
            let u = u.as_str();
            if !w.index.contains_key(u) {
                visit(w, u);
                let low = w.low[v].min(w.low[u]);
                w.low.insert(v, low);
            } else if w.on_stack.contains(u) {
                let low = w.low[v].min(w.index[u]);
                w.low.insert(v, low);
            }
        }
        if w.low[v] == w.index[v] {
            let mut component = Vec::new();
            while let Some(u) = w.stack.pop() {
                w.on_stack.remove(u);
                component.push(u);
                if u == v {
                    break;
                }
            }
            if component.len() > 1 {
                w.components.push(component);
            }
        }
    }
    let mut w = Walk {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        components: Vec::new(),
    };
    for v in edges.keys() {
        if !w.index.contains_key(v.as_str()) {
            visit(&mut w, v);
        }
    }
    // In each component, the shortest way back from its first file to itself.
    w.components
        .iter()
        .map(|component| {
            let inside: BTreeSet<&str> = component.iter().copied().collect();
            let start = *inside.iter().next().unwrap();
            let mut from: BTreeMap<&str, &str> = BTreeMap::new();
            let mut queue = std::collections::VecDeque::from([start]);
            let mut end = start;
            'search: while let Some(v) = queue.pop_front() {
                for u in edges.get(v).into_iter().flatten() {
                    let u = u.as_str();
                    if u == start {
                        end = v;
                        break 'search;
                    }
                    if inside.contains(u) && !from.contains_key(u) {
                        from.insert(u, v);
                        queue.push_back(u);
                    }
                }
            }
            let mut circle = vec![end.to_owned()];
            let mut v = end;
            while v != start {
                v = from[v];
                circle.push(v.to_owned());
            }
            circle.reverse();
            // The other files of the knot, after the circle.
            let rest: Vec<String> = component
                .iter()
                .filter(|f| !circle.iter().any(|c| c == *f))
                .map(|f| f.to_string())
                .collect();
            if !rest.is_empty() {
                circle.push(format!("(… and {})", rest.join(", ")));
            }
            circle
        })
        .collect()
}

fn check(crates: &[(&str, &str)]) {
    let edges = edges(&graph(crates));
    // A reader that found no use at all would find no circle either: most files use another.
    let using = edges.values().filter(|used| !used.is_empty()).count();
    assert!(
        using * 2 > edges.len(),
        "only {using} of {} files were read as using another file: is the reader broken?",
        edges.len()
    );
    let found = circles(&edges);
    let words: Vec<String> = found
        .iter()
        .map(|circle| {
            let (files, knot): (Vec<_>, Vec<_>) = circle.iter().partition(|f| !f.starts_with('('));
            let files: Vec<&str> = files.iter().map(|f| f.as_str()).collect();
            format!(
                "{} → {} {}",
                files.join(" → "),
                files[0],
                knot.first().map_or("", |k| k.as_str())
            )
        })
        .collect();
    assert!(
        found.is_empty(),
        "files that use each other (move what both need to a file below them):\n{}",
        words.join("\n")
    );
}

#[test]
fn the_core_has_no_circle_of_files() {
    check(&[("assessment", "crates/assessment/src")]);
}

#[test]
fn the_app_has_no_circle_of_files() {
    check(&[("exporter_assessment", "src")]);
}

/// The reader itself, on small crates written for it: a circle through a path, through a `use`
/// group and through a re-export is found; a parent that only declares and gathers its children
/// is none.
#[test]
fn the_reader_finds_a_circle_and_only_a_circle() {
    let mut graph = Graph::default();
    PENDING.with(|p| p.borrow_mut().clear());
    let files = [
        (
            "lib.rs",
            vec!["k"],
            "mod a; mod b; mod c; pub mod d; pub use c::Gathered;",
        ),
        (
            "a.rs",
            vec!["k", "a"],
            "use crate::{b::{self, B}, Gathered}; pub fn a() { b::B; }",
        ),
        (
            "b.rs",
            vec!["k", "b"],
            "pub struct B; fn f() { crate::a::a(); } // crate::c::C",
        ),
        (
            "c.rs",
            vec!["k", "c"],
            "pub struct Gathered; const S: &str = \"crate::a::a\";",
        ),
        ("d.rs", vec!["k", "d"], "mod e; pub use e::E;"),
        (
            "d/e.rs",
            vec!["k", "d", "e"],
            "pub struct E; fn f() { super::super::c::Gathered; }",
        ),
    ];
    for (file, module, text) in files {
        let module = module.into_iter().map(String::from).collect();
        read_file(&mut graph, file, module, text, &[]);
    }
    let pending = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
    for p in &pending {
        for (module, tree) in &p.reexports {
            for (path, given) in tree {
                let target = absolute(path, module, &graph, &[]).unwrap();
                graph
                    .modules
                    .get_mut(module)
                    .unwrap()
                    .reexports
                    .push((given.clone(), target));
            }
        }
    }
    for p in &pending {
        let uses = p
            .uses
            .iter()
            .filter_map(|(m, path)| absolute(path, m, &graph, &[]))
            .collect();
        graph.uses.insert(p.file.clone(), uses);
    }
    let edges = edges(&graph);
    let of = |f: &str| edges[f].iter().map(String::as_str).collect::<Vec<_>>();
    assert_eq!(
        of("a.rs"),
        ["b.rs", "c.rs"],
        "`Gathered` is c.rs's, through lib.rs"
    );
    assert_eq!(of("b.rs"), ["a.rs"], "comments and strings are no uses");
    assert_eq!(of("lib.rs"), ["c.rs"]);
    assert_eq!(of("d.rs"), ["d/e.rs"]);
    assert_eq!(of("d/e.rs"), ["c.rs"]);
    assert_eq!(
        circles(&edges),
        [vec!["a.rs".to_owned(), "b.rs".to_owned()]]
    );
}
