//! The HTTP side of `serve`: just enough HTTP/1.1 for a preview — one
//! request per connection (`Connection: close`), the request line read and
//! the headers skipped, no request bodies.
//!
//! Its own accept loop, because the server must not die under load: every
//! connection gets a thread of its own (slow or broken clients block no
//! one), at most `MAX_CONNECTIONS` at a time; the ones beyond that, and
//! those for which no thread can be started, are answered with 503 at
//! once. An error while accepting (no file descriptors left) pauses the
//! loop briefly instead of ending it. Reading a request has a time limit
//! and a size limit.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

/// Open connections at most; more are answered with 503.
pub const MAX_CONNECTIONS: usize = 2048;
/// The request line and headers together, at most.
const MAX_HEAD: usize = 16 * 1024;
/// How long a client may take to send its request, and to take an answer.
const TIMEOUT: Duration = Duration::from_secs(10);
/// Stack of a connection thread: answering needs little, and thousands of
/// them must fit.
const STACK: usize = 256 * 1024;

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
    stream: TcpStream,
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
    pub fn respond(mut self, status: u16, headers: &[(&str, &str)], body: &[u8]) {
        let mut head = format!(
            "HTTP/1.1 {status} {}\r\nContent-Length: {}\r\nConnection: close\r\n",
            reason(status),
            body.len()
        );
        for (name, value) in headers {
            // Values come from the output's paths; no line breaks in a header.
            if !value.contains(['\r', '\n']) {
                head.push_str(&format!("{name}: {value}\r\n"));
            }
        }
        head.push_str("\r\n");
        let mut out = head.into_bytes();
        if self.method != Method::Head {
            out.extend_from_slice(body);
        }
        let _ = self
            .stream
            .write_all(&out)
            .and_then(|()| self.stream.flush());
        let _ = self.stream.shutdown(std::net::Shutdown::Write);
    }

    /// The connection, for answers written bit by bit (server-sent events).
    pub fn into_stream(self) -> TcpStream {
        self.stream
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "",
    }
}

/// Accepts connections on `listener` until `stopping` is set (and a
/// connection comes in to wake the loop; `wake` makes one) and hands each
/// request to `handler` on the connection's own thread.
pub fn serve(
    listener: TcpListener,
    stopping: Arc<AtomicBool>,
    handler: Arc<dyn Fn(Request) + Send + Sync>,
) -> JoinHandle<()> {
    std::thread::spawn(move || {
        let open = Arc::new(AtomicUsize::new(0));
        for conn in listener.incoming() {
            if stopping.load(Ordering::SeqCst) {
                return;
            }
            let stream = match conn {
                Ok(s) => s,
                Err(_) => {
                    // Out of file descriptors or a connection reset while
                    // waiting: let connections finish, then go on.
                    std::thread::sleep(Duration::from_millis(20));
                    continue;
                }
            };
            if open.load(Ordering::SeqCst) >= MAX_CONNECTIONS {
                busy(stream);
                continue;
            }
            open.fetch_add(1, Ordering::SeqCst);
            let spare = stream.try_clone().ok();
            let guard = Open(Arc::clone(&open));
            let handler = Arc::clone(&handler);
            let started = std::thread::Builder::new()
                .name("vielfalt-http".to_string())
                .stack_size(STACK)
                .spawn(move || {
                    let _guard = guard;
                    connection(stream, handler.as_ref());
                });
            if started.is_err()
                && let Some(s) = spare
            {
                busy(s);
            }
        }
    })
}

/// Counts an open connection until dropped.
struct Open(Arc<AtomicUsize>);

impl Drop for Open {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
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

/// 503 without reading the request (the accept loop must not wait).
fn busy(mut stream: TcpStream) {
    let body = "503 too many connections; retry in a moment\n";
    let answer = format!(
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nRetry-After: 1\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.set_write_timeout(Some(Duration::from_millis(100)));
    let _ = stream.write_all(answer.as_bytes());
    let _ = stream.shutdown(std::net::Shutdown::Write);
}

fn connection(mut stream: TcpStream, handler: &(dyn Fn(Request) + Send + Sync)) {
    let _ = stream.set_read_timeout(Some(TIMEOUT));
    let _ = stream.set_write_timeout(Some(TIMEOUT));
    let _ = stream.set_nodelay(true);
    match read_head(&mut stream) {
        Ok((method, target)) => handler(Request {
            method,
            target,
            stream,
        }),
        Err(Some(status)) => Request {
            method: Method::Get,
            target: String::new(),
            stream,
        }
        .respond(
            status,
            &[("Content-Type", "text/plain; charset=utf-8")],
            format!("{status} {}\n", reason(status)).as_bytes(),
        ),
        // The client went away or sent nothing.
        Err(None) => {}
    }
}

/// The method and target of the request on `stream`, or the status to
/// refuse it with (`None`: nothing to answer).
fn read_head(stream: &mut TcpStream) -> Result<(Method, String), Option<u16>> {
    let mut head = Vec::with_capacity(1024);
    let mut buf = [0u8; 4096];
    let start = std::time::Instant::now();
    loop {
        if head.windows(4).any(|w| w == b"\r\n\r\n") || head.windows(2).any(|w| w == b"\n\n") {
            break;
        }
        if head.len() > MAX_HEAD {
            return Err(Some(431));
        }
        // A client sending a byte now and then must not hold on for ever.
        if start.elapsed() > TIMEOUT {
            return Err(Some(408));
        }
        match stream.read(&mut buf) {
            Ok(0) if head.is_empty() => return Err(None),
            Ok(0) => return Err(Some(400)),
            Ok(n) => head.extend_from_slice(buf.get(..n).unwrap_or_default()),
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                return Err(if head.is_empty() { None } else { Some(408) });
            }
            Err(_) => return Err(None),
        }
    }
    parse_request_line(&head)
}

/// `GET /path HTTP/1.1` from the start of a request head.
fn parse_request_line(head: &[u8]) -> Result<(Method, String), Option<u16>> {
    let line_end = head.iter().position(|&b| b == b'\n').ok_or(Some(400))?;
    let line = head.get(..line_end).unwrap_or_default();
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let line = std::str::from_utf8(line).map_err(|_| Some(400))?;
    let mut parts = line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Some(400));
    };
    if !version.starts_with("HTTP/1.") {
        return Err(Some(if version.starts_with("HTTP/") {
            505
        } else {
            400
        }));
    }
    // A fragment is never part of a request target (RFC 9112 3.2).
    if !target.starts_with('/') || target.contains('#') || target.chars().any(char::is_control) {
        return Err(Some(400));
    }
    let method = match method {
        "GET" => Method::Get,
        "HEAD" => Method::Head,
        m if !m.is_empty() && m.bytes().all(|b| b.is_ascii_uppercase()) => Method::Other,
        _ => return Err(Some(400)),
    };
    Ok((method, target.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_lines_are_read_strictly() {
        let ok = |s: &str| parse_request_line(s.as_bytes());
        assert_eq!(
            ok("GET /de/ HTTP/1.1\r\nHost: x\r\n\r\n"),
            Ok((Method::Get, "/de/".to_string()))
        );
        assert_eq!(
            ok("HEAD / HTTP/1.0\n\n"),
            Ok((Method::Head, "/".to_string()))
        );
        assert_eq!(
            ok("POST / HTTP/1.1\r\n\r\n"),
            Ok((Method::Other, "/".to_string()))
        );
        for bad in [
            "\u{0}\u{1} garbage\r\n\r\n",
            "GET /a b HTTP/1.1\r\n\r\n",
            "GET http://x/ HTTP/1.1\r\n\r\n",
            "GET / SPDY/3\r\n\r\n",
            "GET /\u{1}x HTTP/1.1\r\n\r\n",
            "get / HTTP/1.1\r\n\r\n",
            "GET /#/../x HTTP/1.1\r\n\r\n",
        ] {
            assert_eq!(ok(bad), Err(Some(400)), "{bad:?}");
        }
        assert_eq!(ok("GET / HTTP/2\r\n\r\n"), Err(Some(505)));
    }
}
