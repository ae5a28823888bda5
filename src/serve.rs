//! `vielfalt serve`: build, serve the output from memory, watch the site
//! folder, rebuild what a change affects (`incremental`), and reload open
//! pages over server-sent events.
//!
//! Safe to leave running: only files of the output are served (requests are
//! looked up in the in-memory output, never on disk, and paths with `..`,
//! `.`, backslashes, NUL, encoded slashes or leftover `%` after decoding are
//! refused), the server binds to loopback unless told otherwise and says so
//! when it is not, and connections are served side by side with time and
//! size limits, so that slow or broken clients cannot block others, up to
//! a limit beyond which clients are told to come back (`http`). The reload script and the error
//! overlay are added to HTML responses only here, never to the output.
//!
//! An update with errors leaves the served output as it was and shows the
//! errors in the terminal and on top of every page; the next good save
//! replaces it.

use std::io::Write as _;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::build::BuildOptions;
use crate::diag::Diagnostic;
use crate::render::escape_html;
use incremental::{Engine, Files};

mod affected;
mod files;
mod http;
pub mod incremental;
mod links;
mod watch;
use http::{Method, Request, mime_type, safe_path};

/// Where the reload events are served.
pub const EVENTS_PATH: &str = "/__vielfalt/events";
/// At most this many open reload connections (a tab each).
const MAX_EVENT_CLIENTS: usize = 256;
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    pub drafts: bool,
    /// How long to wait for more file events before rebuilding.
    pub debounce: Duration,
    /// Print rebuilds and errors to stderr.
    pub quiet: bool,
    /// Print the time of each step of a rebuild.
    pub verbose: bool,
    /// The `[profiles]` entry to serve (`--profile`).
    pub profile: Option<String>,
}

impl ServeOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        ServeOptions {
            root: root.into(),
            bind: IpAddr::from([127, 0, 0, 1]),
            port: 1111,
            drafts: false,
            // Part of every edit's latency (issue 7); editors write a file
            // within microseconds, and a save caught half-written is
            // followed by the event of the rest and rebuilt again.
            debounce: Duration::from_millis(10),
            quiet: false,
            verbose: false,
            profile: None,
        }
    }
}

/// What the HTTP threads serve: the last good output and the current errors.
struct Snapshot {
    files: Files,
    /// Errors of the last update (the output is then the last good one).
    errors: Vec<Diagnostic>,
}

struct Shared {
    snapshot: RwLock<Arc<Snapshot>>,
    clients: Mutex<Vec<Sender<u64>>>,
    generation: AtomicU64,
    stopping: Arc<AtomicBool>,
}

impl Shared {
    fn snapshot(&self) -> Arc<Snapshot> {
        Arc::clone(&self.snapshot.read().unwrap_or_else(PoisonError::into_inner))
    }

    fn publish(&self, snapshot: Snapshot) {
        *self
            .snapshot
            .write()
            .unwrap_or_else(PoisonError::into_inner) = Arc::new(snapshot);
        let generation = self.generation.fetch_add(1, Ordering::SeqCst) + 1;
        let mut clients = self.clients.lock().unwrap_or_else(PoisonError::into_inner);
        clients.retain(|c| c.send(generation).is_ok());
    }
}

/// A running server. Dropping it without `stop` leaves the threads running
/// until the process ends.
pub struct Handle {
    addr: SocketAddr,
    shared: Arc<Shared>,
    threads: Vec<JoinHandle<()>>,
    debouncer: Arc<Mutex<Option<watch::Watcher>>>,
}

impl Handle {
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Whether the served output currently comes with errors.
    pub fn has_errors(&self) -> bool {
        !self.shared.snapshot().errors.is_empty()
    }

    /// Stops watching, closes the reload connections, stops the HTTP
    /// threads and frees the port.
    pub fn stop(mut self) {
        self.shared.stopping.store(true, Ordering::SeqCst);
        let watcher = self
            .debouncer
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(d) = watcher {
            d.stop();
        }
        self.shared
            .clients
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
        http::wake(self.addr);
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }

    /// Blocks until the server stops (for the command line: until the
    /// process is interrupted).
    pub fn wait(mut self) {
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }
}

/// Builds the site, starts the HTTP threads and the watcher.
pub fn start(options: &ServeOptions) -> Result<Handle, String> {
    let root = options.root.canonicalize().map_err(|e| {
        format!(
            "cannot open the site folder {}: {e}",
            options.root.display()
        )
    })?;
    http::raise_open_file_limit();
    let listener = std::net::TcpListener::bind(SocketAddr::new(options.bind, options.port))
        .map_err(|e| {
            format!(
                "cannot listen on {}:{}: {e}; is another server running there? Pick another with --port",
                options.bind, options.port
            )
        })?;
    let addr = listener
        .local_addr()
        .map_err(|e| format!("the server has no address: {e}"))?;
    let base_url = format!("http://{}", display_addr(addr));
    let build = BuildOptions {
        write: false,
        drafts: options.drafts,
        base_url: Some(base_url),
        profile: options.profile.clone(),
        ..BuildOptions::new(&root)
    };
    let (engine, report) = Engine::new(build);
    if !options.quiet {
        watch::print_update(&engine, &report, None, options.verbose);
    }
    let shared = Arc::new(Shared {
        snapshot: RwLock::new(Arc::new(Snapshot {
            files: engine.output().clone(),
            errors: watch::errors_of(&engine),
        })),
        clients: Mutex::new(Vec::new()),
        generation: AtomicU64::new(0),
        stopping: Arc::new(AtomicBool::new(false)),
    });
    let mut threads = Vec::new();
    {
        let shared = Arc::clone(&shared);
        threads.push(http::serve(
            listener,
            Arc::clone(&shared.stopping),
            Arc::new(move |request| handle(request, &shared)),
        ));
    }

    let (debouncer, watched, rx) = watch::watch(&root, options.debounce)?;
    let debouncer = Arc::new(Mutex::new(Some(debouncer)));
    let (quiet, verbose) = (options.quiet, options.verbose);
    {
        let shared = Arc::clone(&shared);
        let debouncer = Arc::clone(&debouncer);
        threads.push(std::thread::spawn(move || {
            watch::rebuild_loop(engine, &rx, &shared, &debouncer, watched, quiet, verbose);
        }));
    }
    let handle = Handle {
        addr,
        shared,
        threads,
        debouncer,
    };
    Ok(handle)
}

/// Runs `serve` for the command line until the process is interrupted.
pub fn run(options: &ServeOptions) -> i32 {
    let handle = match start(options) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("error[serve/start]: {e}");
            return 2;
        }
    };
    let addr = handle.addr();
    eprintln!(
        "vielfalt serve: http://{}/ (watching {}; Ctrl-C stops)",
        display_addr(addr),
        options.root.display()
    );
    if !addr.ip().is_loopback() {
        eprintln!(
            "warning[serve/not-loopback]: listening on {} — other machines on the network can read the preview",
            addr.ip()
        );
        eprintln!("   = hint: leave out --bind to serve on 127.0.0.1 (this computer only)");
    }
    handle.wait();
    0
}

fn display_addr(addr: SocketAddr) -> String {
    match addr.ip() {
        IpAddr::V6(ip) => format!("[{ip}]:{}", addr.port()),
        IpAddr::V4(ip) => format!("{ip}:{}", addr.port()),
    }
}

fn respond(request: Request, status: u16, content_type: &str, body: &[u8]) {
    request.respond(
        status,
        &[
            ("Content-Type", content_type),
            ("Cache-Control", "no-store"),
            ("X-Content-Type-Options", "nosniff"),
        ],
        body,
    );
}

fn refuse(request: Request, status: u16, why: &str) {
    respond(
        request,
        status,
        "text/plain; charset=utf-8",
        format!("{status} {why}\n").as_bytes(),
    );
}

fn handle(request: Request, shared: &Arc<Shared>) {
    if request.method() == Method::Other {
        return refuse(request, 405, "only GET and HEAD are served");
    }
    let url = request.target().to_string();
    let path = url.split(['?', '#']).next().unwrap_or_default();
    if path == EVENTS_PATH {
        return events(request, shared);
    }
    let Some(rel) = safe_path(path) else {
        return refuse(request, 400, "bad path");
    };
    let snapshot = shared.snapshot();
    let files = &snapshot.files;
    let (status, key) = if rel.is_empty() || rel.ends_with('/') {
        let index = format!("{rel}index.html");
        if files.contains_key(&index) {
            (200, Some(index))
        } else {
            (404, None)
        }
    } else if files.contains_key(&rel) {
        (200, Some(rel.clone()))
    } else if files.contains_key(&format!("{rel}/index.html")) {
        // A folder without its slash: send the browser to the folder.
        return request.respond(
            301,
            &[
                ("Location", &crate::uri::to_uri(&format!("/{rel}/"))),
                ("Content-Type", "text/plain; charset=utf-8"),
            ],
            b"moved\n",
        );
    } else {
        (404, None)
    };
    let (key, status) = match key {
        Some(k) => (k, status),
        None if files.contains_key("404.html") => ("404.html".to_string(), 404),
        None => {
            let body = inject(
                b"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>vielfalt serve</title></head><body><main><h1>Not found</h1></main></body></html>",
                &snapshot.errors,
            );
            return respond(request, 404, "text/html; charset=utf-8", &body);
        }
    };
    let Some(bytes) = files.get(&key) else {
        return refuse(request, 404, "not found");
    };
    let mime = mime_type(&key);
    if mime.starts_with("text/html") {
        respond(request, status, &mime, &inject(bytes, &snapshot.errors));
    } else {
        respond(request, status, &mime, bytes);
    }
}

/// The reload script, and the error overlay when there are errors, put
/// before `</body>`.
pub fn inject(html: &[u8], errors: &[Diagnostic]) -> Vec<u8> {
    let mut extra = String::new();
    if !errors.is_empty() {
        extra.push_str(&overlay(errors));
    }
    extra.push_str(&format!(
        "<script>/* vielfalt serve */(function(){{var s=new EventSource(\"{EVENTS_PATH}\");s.addEventListener(\"reload\",function(){{location.reload();}});}})();</script>\n"
    ));
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + extra.len());
    out.extend_from_slice(html.get(..at).unwrap_or(html));
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(html.get(at..).unwrap_or_default());
    out
}

/// The errors of the last update as a panel over the page.
pub fn overlay(errors: &[Diagnostic]) -> String {
    let mut out = String::from(
        "<div id=\"vielfalt-errors\" role=\"alert\" lang=\"en\" dir=\"ltr\" style=\"position:fixed;inset:0 0 auto 0;max-block-size:70vh;overflow:auto;z-index:2147483647;background:#fff;color:#111;border-block-end:4px solid #a00;padding:1rem 1.5rem;font:16px/1.5 system-ui,sans-serif;text-align:start\">\n",
    );
    out.push_str(&format!(
        "<h2 style=\"margin:0 0 .5rem;color:#a00;font-size:1.25rem\">vielfalt: {} error(s) — showing the last good version until you fix and save</h2>\n<ul style=\"margin:0;padding-inline-start:1.25rem\">\n",
        errors.len()
    ));
    for d in errors {
        let mut location = d
            .file
            .as_ref()
            .map(|f| f.display().to_string())
            .unwrap_or_default();
        if let Some(line) = d.line {
            location.push_str(&format!(":{line}"));
            if let Some(col) = d.column {
                location.push_str(&format!(":{col}"));
            }
        }
        out.push_str(&format!(
            "<li><strong>{}</strong>: {}",
            escape_html(&d.rule),
            escape_html(&d.message)
        ));
        if !location.is_empty() {
            out.push_str(&format!("<br><code>{}</code>", escape_html(&location)));
        }
        match (&d.repeated, &d.url) {
            (Some(r), _) => {
                let more = r.count.saturating_sub(r.pages.len());
                let mut pages = r.pages.join(", ");
                if more > 0 {
                    pages.push_str(&format!(" and {more} more"));
                }
                out.push_str(&format!(
                    "<br>on {} pages: {}",
                    r.count,
                    escape_html(&pages)
                ));
            }
            (None, Some(url)) => out.push_str(&format!("<br>page: {}", escape_html(url))),
            (None, None) => {}
        }
        if let Some(h) = &d.hint {
            out.push_str(&format!("<br>hint: {}", escape_html(h)));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n</div>\n");
    out
}

/// Server-sent events: one `reload` event per published update.
fn events(request: Request, shared: &Arc<Shared>) {
    let (tx, rx) = mpsc::channel::<u64>();
    {
        let mut clients = shared
            .clients
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        clients.retain(|c| c.send(0).is_ok());
        if clients.len() >= MAX_EVENT_CLIENTS {
            drop(clients);
            return refuse(request, 503, "too many open reload connections");
        }
        clients.push(tx);
    }
    // Drain the hello sent by `retain` above.
    while rx.try_recv().is_ok() {}
    std::thread::spawn(move || {
        let mut writer = request.into_stream(&[
            ("Content-Type", "text/event-stream"),
            ("Cache-Control", "no-store"),
            ("X-Content-Type-Options", "nosniff"),
        ]);
        if writer
            .write_all(b"retry: 500\n\n")
            .and_then(|()| writer.flush())
            .is_err()
        {
            return;
        }
        let mut last_ping = Instant::now();
        loop {
            match rx.recv_timeout(Duration::from_secs(15)) {
                Ok(0) => continue,
                Ok(generation) => {
                    let event = format!("event: reload\ndata: {generation}\n\n");
                    if writer
                        .write_all(event.as_bytes())
                        .and_then(|()| writer.flush())
                        .is_err()
                    {
                        return;
                    }
                }
                Err(RecvTimeoutError::Timeout) => {
                    if last_ping.elapsed() >= Duration::from_secs(15) {
                        last_ping = Instant::now();
                        if writer
                            .write_all(b": ping\n\n")
                            .and_then(|()| writer.flush())
                            .is_err()
                        {
                            return;
                        }
                    }
                }
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn injection_goes_before_the_body_end() {
        let out = inject(b"<html><body><p>x</p></body></html>", &[]);
        let text = String::from_utf8(out).expect("utf8");
        assert!(text.contains("EventSource"));
        assert!(text.ends_with("</script>\n</body></html>"), "{text}");
        let d = Diagnostic::error("frontmatter/invalid", "front matter: <bad>")
            .file("content/x.md")
            .at(3, 7);
        let out = String::from_utf8(inject(b"<p>no body</p>", &[d])).expect("utf8");
        assert!(out.contains("content/x.md:3:7"), "{out}");
        assert!(out.contains("&lt;bad&gt;"), "{out}");
        // A finding on many pages names how many and the first ones.
        let on = |url: &str| Diagnostic::error("template/error", "one cause").url(url);
        let grouped =
            crate::diag::group(vec![on("/de/"), on("/de/a/"), on("/de/b/"), on("/de/c/")]);
        let out = String::from_utf8(inject(b"<p>x</p>", &grouped)).expect("utf8");
        assert!(
            out.contains("<br>on 4 pages: /de/, /de/a/, /de/b/ and 1 more"),
            "{out}"
        );
    }
}
