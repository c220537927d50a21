//! SHA-256 of streams and files: evidence files are stored under the hash of
//! their content, and backups are checked against it.

use std::io::{Read, Write};
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// Copies `reader` into `writer`, returning the SHA-256 (lowercase hex) and the
/// size of what passed; `from` and `to` name the two ends in errors.
pub(crate) fn copy_hashing(
    reader: &mut impl Read,
    writer: &mut impl Write,
    from: &Path,
    to: &Path,
) -> Result<(String, u64)> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0; 64 * 1024];
    let mut size = 0u64;
    loop {
        let n = reader.read(&mut buf).map_err(|e| Error::file(from, &e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        writer
            .write_all(&buf[..n])
            .map_err(|e| Error::file(to, &e))?;
        size += n as u64;
    }
    Ok((hex(&hasher.finalize()), size))
}

/// The SHA-256 of a file's content as lowercase hex.
pub(crate) fn of_file(path: &Path) -> Result<String> {
    let mut file = std::fs::File::open(path).map_err(|e| Error::file(path, &e))?;
    let (sha, _) = copy_hashing(&mut file, &mut std::io::sink(), path, path)?;
    Ok(sha)
}

/// Bytes as lowercase hex.
fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether `name` can be the name of a stored evidence file (64 lowercase hex digits).
pub(crate) fn is_name(name: &str) -> bool {
    name.len() == 64 && name.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}
