//! The HTTP side of `serve`: hyper's HTTP/1.1 server on a tokio runtime of
//! its own thread, one request per connection, no request bodies read.
//!
//! hyper parses requests (malformed ones get its 400, heads beyond
//! `MAX_HEAD` its 431, a head not sent within `TIMEOUT` closes the
//! connection) and leaves a HEAD request's body out. Around it this module
//! keeps the server alive under load: at most `MAX_CONNECTIONS` open
//! connections, the ones beyond that answered with 503 at once; an error
//! while accepting (no file descriptors left) pauses the loop briefly
//! instead of ending it; a connection lasts at most `TIMEOUT` unless it
//! carries a stream of events. The handler is plain blocking code and runs
//! on tokio's blocking threads, so a slow answer blocks no other.

use std::convert::Infallible;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use http_body_util::combinators::BoxBody;
use http_body_util::{BodyExt as _, Channel, Full};
use hyper::body::{Bytes, Frame, Incoming};
use hyper::{Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::AsyncWriteExt as _;
use tokio::sync::{Semaphore, oneshot};

/// Open connections at most; more are answered with 503.
pub const MAX_CONNECTIONS: usize = 2048;
/// The request line and headers together, at most (hyper's minimum is 8 KiB).
const MAX_HEAD: usize = 16 * 1024;
/// How long a client may take to send its request and take the answer.
const TIMEOUT: Duration = Duration::from_secs(10);
/// Chunks of a stream of events waiting for a slow client, at most.
const STREAM_BUFFER: usize = 16;

type Body = BoxBody<Bytes, Infallible>;

/// What a request asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Head,
    Other,
}

/// One request, answered by consuming it.
pub struct Request {
    method: Method,
    target: String,
    reply: oneshot::Sender<Response<Body>>,
    /// Set while the answer is a stream of events (no time limit then).
    streaming: Arc<AtomicBool>,
}

impl Request {
    pub fn method(&self) -> Method {
        self.method
    }

    /// The request target as sent (still percent-encoded).
    pub fn target(&self) -> &str {
        &self.target
    }

    /// Sends a complete answer; HEAD gets the headers only.
    pub fn respond(self, status: u16, headers: &[(&str, &str)], body: &[u8]) {
        let body = Full::new(Bytes::copy_from_slice(body)).boxed();
        let _ = self.reply.send(response(status, headers, body));
    }

    /// Starts an answer written bit by bit (server-sent events) with
    /// `headers`. Writing fails once the client is gone or has stopped
    /// reading; dropping the writer ends the answer.
    pub fn into_stream(self, headers: &[(&str, &str)]) -> Stream {
        let (sender, body) = Channel::<Bytes, Infallible>::new(STREAM_BUFFER);
        self.streaming.store(true, Ordering::SeqCst);
        let _ = self.reply.send(response(200, headers, body.boxed()));
        Stream {
            sender,
            streaming: self.streaming,
        }
    }
}

/// The writing end of a streamed answer.
pub struct Stream {
    sender: http_body_util::channel::Sender<Bytes, Infallible>,
    streaming: Arc<AtomicBool>,
}

impl std::io::Write for Stream {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.sender
            .try_send(Frame::data(Bytes::copy_from_slice(buf)))
            .map_err(|_| std::io::Error::from(std::io::ErrorKind::BrokenPipe))?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Drop for Stream {
    fn drop(&mut self) {
        self.streaming.store(false, Ordering::SeqCst);
    }
}

fn response(status: u16, headers: &[(&str, &str)], body: Body) -> Response<Body> {
    let mut builder = Response::builder()
        .status(StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR));
    for (name, value) in headers {
        // Values come from the output's paths; no line breaks in a header.
        if !value.contains(['\r', '\n']) {
            builder = builder.header(*name, *value);
        }
    }
    builder.body(body).unwrap_or_else(|_| {
        let mut fallback = Response::new(Full::new(Bytes::new()).boxed());
        *fallback.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
        fallback
    })
}

/// Accepts connections on `listener` until `stopping` is set (and a
/// connection comes in to wake the loop; `wake` makes one) and hands each
/// request to `handler` on a blocking thread.
pub fn serve(
    listener: TcpListener,
    stopping: Arc<AtomicBool>,
    handler: Arc<dyn Fn(Request) + Send + Sync>,
) -> JoinHandle<()> {
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build();
        match runtime {
            Ok(runtime) => runtime.block_on(accept_loop(listener, &stopping, handler)),
            Err(e) => eprintln!("error[serve/http]: cannot start the HTTP server: {e}"),
        }
    })
}

async fn accept_loop(
    listener: TcpListener,
    stopping: &AtomicBool,
    handler: Arc<dyn Fn(Request) + Send + Sync>,
) {
    let listener = match listener
        .set_nonblocking(true)
        .and_then(|()| tokio::net::TcpListener::from_std(listener))
    {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error[serve/http]: cannot listen: {e}");
            return;
        }
    };
    let open = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    loop {
        let accepted = listener.accept().await;
        if stopping.load(Ordering::SeqCst) {
            return;
        }
        let Ok((stream, _)) = accepted else {
            // Out of file descriptors or a connection reset while waiting:
            // let connections finish, then go on.
            tokio::time::sleep(Duration::from_millis(20)).await;
            continue;
        };
        match Arc::clone(&open).try_acquire_owned() {
            Ok(permit) => {
                let handler = Arc::clone(&handler);
                tokio::spawn(async move {
                    connection(stream, handler).await;
                    drop(permit);
                });
            }
            Err(_) => {
                tokio::spawn(busy(stream));
            }
        }
    }
}

/// 503 without reading the request.
async fn busy(mut stream: tokio::net::TcpStream) {
    let body = "503 too many connections; retry in a moment\n";
    let answer = format!(
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nRetry-After: 1\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = tokio::time::timeout(Duration::from_millis(100), async {
        let _ = stream.write_all(answer.as_bytes()).await;
        let _ = stream.shutdown().await;
    })
    .await;
}

/// Serves one connection: at most `TIMEOUT` long, unless its answer is a
/// stream of events (then until the stream ends, and `TIMEOUT` after).
async fn connection(stream: tokio::net::TcpStream, handler: Arc<dyn Fn(Request) + Send + Sync>) {
    let _ = stream.set_nodelay(true);
    let streaming = Arc::new(AtomicBool::new(false));
    let service = {
        let streaming = Arc::clone(&streaming);
        hyper::service::service_fn(move |request| {
            answer(request, Arc::clone(&handler), Arc::clone(&streaming))
        })
    };
    let served = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(TIMEOUT)
        .max_buf_size(MAX_HEAD)
        .keep_alive(false)
        .serve_connection(TokioIo::new(stream), service);
    let mut served = std::pin::pin!(served);
    // Dropping the connection closes it.
    while tokio::time::timeout(TIMEOUT, &mut served).await.is_err() {
        if !streaming.load(Ordering::SeqCst) {
            return;
        }
    }
}

async fn answer(
    request: hyper::Request<Incoming>,
    handler: Arc<dyn Fn(Request) + Send + Sync>,
    streaming: Arc<AtomicBool>,
) -> Result<Response<Body>, Infallible> {
    let refuse = |status: u16| {
        let text = format!("{status} bad request target\n");
        let headers = [("Content-Type", "text/plain; charset=utf-8")];
        Ok(response(
            status,
            &headers,
            Full::new(Bytes::from(text)).boxed(),
        ))
    };
    // Only `/path?query` (origin form), never `http://host/path`.
    let uri = request.uri();
    let target = uri.path_and_query().map(|p| p.as_str()).unwrap_or_default();
    if uri.scheme().is_some() || !target.starts_with('/') {
        return refuse(400);
    }
    let method = match *request.method() {
        hyper::Method::GET => Method::Get,
        hyper::Method::HEAD => Method::Head,
        _ => Method::Other,
    };
    let (reply, replied) = oneshot::channel();
    let request = Request {
        method,
        target: target.to_string(),
        reply,
        streaming,
    };
    tokio::task::spawn_blocking(move || handler(request));
    // A handler that drops the request without answering is a bug; the
    // client still gets an answer.
    Ok(replied
        .await
        .unwrap_or_else(|_| response(500, &[], Full::new(Bytes::from_static(b"500\n")).boxed())))
}

/// Raises the soft limit of open files towards the hard one, so that
/// `MAX_CONNECTIONS` connections (each a file descriptor) fit: many
/// systems start processes with 1,024. Where that fails the accept loop
/// still holds (connections wait until others close).
pub fn raise_open_file_limit() {
    #[cfg(target_os = "linux")]
    {
        use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};
        let wanted = (MAX_CONNECTIONS as u64) * 2 + 256;
        let limit = getrlimit(Resource::Nofile);
        if limit.current.is_some_and(|c| c < wanted) {
            let current = limit.maximum.map_or(wanted, |m| m.min(wanted));
            let _ = setrlimit(
                Resource::Nofile,
                Rlimit {
                    current: Some(current),
                    maximum: limit.maximum,
                },
            );
        }
    }
}

/// Connects to `addr` so that a waiting accept loop notices `stopping`.
pub fn wake(addr: SocketAddr) {
    let knock = if addr.ip().is_unspecified() {
        SocketAddr::new(std::net::IpAddr::from([127, 0, 0, 1]), addr.port())
    } else {
        addr
    };
    let _ = TcpStream::connect_timeout(&knock, Duration::from_millis(500));
}

/// The output path a request path names, or `None` when it tries to leave
/// the output or is malformed. Percent-decoding happens once; what is left
/// with a `%` (double encoding) is refused rather than decoded again.
pub fn safe_path(path: &str) -> Option<String> {
    let rest = path.strip_prefix('/')?;
    // A `%` not followed by two hex digits is malformed, and an encoded
    // slash would let one segment pass as two.
    let malformed = rest.match_indices('%').any(|(at, _)| {
        let hex = rest.get(at + 1..at + 3).unwrap_or_default();
        hex.len() != 2
            || !hex.bytes().all(|b| b.is_ascii_hexdigit())
            || hex.eq_ignore_ascii_case("2f")
    });
    if malformed {
        return None;
    }
    // In NFC, as the output's folder names are (a client may send a
    // decomposed form).
    let decoded = crate::uri::decode(rest)?.into_owned();
    if decoded.contains(['\\', '\0', '%'])
        || decoded.starts_with('/')
        || decoded.contains("//")
        || decoded.chars().any(char::is_control)
    {
        return None;
    }
    if decoded
        .split('/')
        .any(|segment| segment == ".." || segment == "." || segment.contains(':'))
    {
        return None;
    }
    Some(decoded)
}

/// The content type of an output file, by its extension; text types say
/// UTF-8 (the output is written in UTF-8).
pub fn mime_type(path: &str) -> String {
    if path.ends_with("atom.xml") {
        return "application/atom+xml; charset=utf-8".to_string();
    }
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let utf8 =
        mime.type_() == mime_guess::mime::TEXT || matches!(mime.subtype().as_str(), "xml" | "json");
    if utf8 && mime.get_param(mime_guess::mime::CHARSET).is_none() {
        format!("{}; charset=utf-8", mime.essence_str())
    } else {
        mime.essence_str().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_leave_the_output_are_refused() {
        for bad in [
            "/../etc/passwd",
            "/de/../../x",
            "/%2e%2e/x",
            "/%2E%2E%2Fx",
            "/%252e%252e/x",
            "/de/..%5c..%5cx",
            "/de\\..\\x",
            "//etc/passwd",
            "/C:/x",
            "/de/%00",
            "/%zz",
            "/%2",
            "/%c0%ae%c0%ae/x",
            "/./x",
            "relative",
        ] {
            assert_eq!(safe_path(bad), None, "{bad} must be refused");
        }
        assert_eq!(safe_path("/").as_deref(), Some(""));
        assert_eq!(safe_path("/de/leitbild/").as_deref(), Some("de/leitbild/"));
        assert_eq!(safe_path("/de/gr%C3%BCnde/").as_deref(), Some("de/gründe/"));
    }

    #[test]
    fn content_types_follow_the_extension_and_text_says_utf8() {
        for (path, want) in [
            ("de/index.html", "text/html; charset=utf-8"),
            ("vielfalt.css", "text/css; charset=utf-8"),
            ("app.js", "text/javascript; charset=utf-8"),
            ("sitemap.xml", "text/xml; charset=utf-8"),
            ("de/news/atom.xml", "application/atom+xml; charset=utf-8"),
            ("robots.txt", "text/plain; charset=utf-8"),
            ("search.json", "application/json; charset=utf-8"),
            ("logo.svg", "image/svg+xml"),
            ("foto.JPG", "image/jpeg"),
            ("font.woff2", "font/woff2"),
            ("LICENSE", "application/octet-stream"),
        ] {
            assert_eq!(mime_type(path), want, "{path}");
        }
    }
}
