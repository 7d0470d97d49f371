//! A minimal static file server for the built book, on the loopback interface only.
//!
//! It answers `GET` and `HEAD`, serves `index.html` for a directory, refuses any path
//! that would leave the book's directory, and names the content types the book uses.

use std::io::{BufRead, BufReader, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

/// A bound server; [`Server::run`] answers requests until the process stops.
pub struct Server {
    root: PathBuf,
    listener: TcpListener,
}

impl Server {
    /// Binds `127.0.0.1:port` (0 lets the system choose) to serve `root`.
    pub fn bind(root: &Path, port: u16) -> Result<Server, String> {
        if !root.join("index.html").is_file() {
            return Err(format!(
                "« {} » ne contient pas de livre construit (index.html absent) : lancez d'abord \
                 clientele book build.",
                root.display()
            ));
        }
        let root = root
            .canonicalize()
            .map_err(|e| format!("dossier « {} » illisible : {e}", root.display()))?;
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, port)).map_err(|e| {
            format!("impossible d'écouter sur 127.0.0.1:{port} : {e} (essayez un autre --port)")
        })?;
        Ok(Server { root, listener })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().expect("adresse locale")
    }

    /// Waits for the next connection.
    pub fn accept(&self) -> std::io::Result<(TcpStream, SocketAddr)> {
        self.listener.accept()
    }

    /// Serves requests one after the other, for ever.
    pub fn run(&self) {
        for stream in self.listener.incoming().flatten() {
            // A broken connection only concerns that request.
            let _ = self.handle(stream);
        }
    }

    /// Answers one connection (one request, then the connection is closed).
    pub fn handle(&self, mut stream: TcpStream) -> std::io::Result<()> {
        stream.set_read_timeout(Some(Duration::from_secs(10)))?;
        let mut reader = BufReader::new(stream.try_clone()?);
        let mut request_line = String::new();
        reader.read_line(&mut request_line)?;
        // Skip the headers.
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
                break;
            }
        }
        let mut parts = request_line.split_whitespace();
        let method = parts.next().unwrap_or("");
        let target = parts.next().unwrap_or("/");
        if method != "GET" && method != "HEAD" {
            return respond(
                &mut stream,
                405,
                "Méthode non permise",
                "text/plain; charset=utf-8",
                b"M\xc3\xa9thode non permise.\n",
                false,
            );
        }
        let head = method == "HEAD";
        match resolve(&self.root, target) {
            Some(path) => match std::fs::read(&path) {
                Ok(body) => respond(&mut stream, 200, "OK", content_type(&path), &body, head),
                Err(_) => not_found(&mut stream, head),
            },
            None => not_found(&mut stream, head),
        }
    }
}

fn not_found(stream: &mut TcpStream, head: bool) -> std::io::Result<()> {
    respond(
        stream,
        404,
        "Not Found",
        "text/html; charset=utf-8",
        "<!DOCTYPE html><meta charset=\"utf-8\"><title>Page introuvable</title><p>Page introuvable.</p>\n".as_bytes(),
        head,
    )
}

fn respond(
    stream: &mut TcpStream,
    status: u16,
    reason: &str,
    content_type: &str,
    body: &[u8],
    head: bool,
) -> std::io::Result<()> {
    let header = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Cache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(header.as_bytes())?;
    if !head {
        stream.write_all(body)?;
    }
    stream.flush()
}

/// The file that a request target designates under `root`, if it exists and stays
/// inside `root` (no `..`, no absolute path, no symlink leading out).
pub fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode(path)?;
    let mut rel = PathBuf::new();
    for comp in Path::new(decoded.trim_start_matches('/')).components() {
        match comp {
            Component::Normal(c) => rel.push(c),
            Component::CurDir => {}
            _ => return None,
        }
    }
    let mut full = root.join(rel);
    if full.is_dir() {
        full = full.join("index.html");
    }
    let canonical = full.canonicalize().ok()?;
    (canonical.starts_with(root) && canonical.is_file()).then_some(canonical)
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    let s = String::from_utf8(out).ok()?;
    (!s.contains(['\0', '\\'])).then_some(s)
}

/// The content type of a file of the book.
pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_directory_traversal() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("livre");
        std::fs::create_dir_all(root.join("css")).unwrap();
        std::fs::write(root.join("index.html"), "x").unwrap();
        std::fs::write(root.join("css/a b.css"), "x").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "x").unwrap();
        let root = root.canonicalize().unwrap();
        assert_eq!(resolve(&root, "/"), Some(root.join("index.html")));
        assert_eq!(
            resolve(&root, "/css/a%20b.css?v=1"),
            Some(root.join("css/a b.css"))
        );
        for bad in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/css/../../secret.txt",
            "//etc/passwd",
            "/absent.html",
            "/%zz",
        ] {
            assert_eq!(resolve(&root, bad), None, "{bad}");
        }
    }

    #[test]
    fn content_types() {
        assert_eq!(content_type(Path::new("a/b.woff2")), "font/woff2");
        assert_eq!(content_type(Path::new("x.svg")), "image/svg+xml");
        assert_eq!(
            content_type(Path::new("x.js")),
            "text/javascript; charset=utf-8"
        );
    }
}
