//! Just enough of the zip format to read a workbook: the central directory, stored and deflated
//! entries, and a hard limit on how far an entry may expand (a zip bomb is refused, not inflated).

use crate::error::{Error, Result};

/// Largest size one archive entry may expand to.
pub const MAX_ENTRY_BYTES: usize = 128 * 1024 * 1024;

struct Entry {
    name: String,
    method: u16,
    compressed: usize,
    size: usize,
    offset: usize,
}

pub struct Zip<'a> {
    data: &'a [u8],
    entries: Vec<Entry>,
}

fn corrupt(what: &str) -> Error {
    Error::File(format!("the workbook is damaged or truncated ({what})"))
}

fn u16_at(d: &[u8], at: usize) -> Result<u16> {
    d.get(at..at + 2).map(|b| u16::from_le_bytes([b[0], b[1]])).ok_or_else(|| corrupt("a record runs past the end"))
}

fn u32_at(d: &[u8], at: usize) -> Result<u32> {
    d.get(at..at + 4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .ok_or_else(|| corrupt("a record runs past the end"))
}

impl<'a> Zip<'a> {
    pub fn open(data: &'a [u8]) -> Result<Zip<'a>> {
        // The end-of-central-directory record sits in the last 22 bytes plus any comment.
        let from = data.len().saturating_sub(22 + 65_535);
        let eocd = (from..data.len().saturating_sub(21))
            .rev()
            .find(|&i| data[i..].starts_with(b"PK\x05\x06"))
            .ok_or_else(|| corrupt("no end-of-archive record"))?;
        let count = usize::from(u16_at(data, eocd + 10)?);
        let mut at = u32_at(data, eocd + 16)? as usize;
        if at == u32::MAX as usize {
            return Err(Error::File(
                "the workbook uses ZIP64, which is not supported; save it again as a normal .xlsx".into(),
            ));
        }
        let mut entries = Vec::with_capacity(count);
        for _ in 0..count {
            if u32_at(data, at)? != 0x0201_4b50 {
                return Err(corrupt("a bad central-directory entry"));
            }
            let name_len = usize::from(u16_at(data, at + 28)?);
            let extra_len = usize::from(u16_at(data, at + 30)?);
            let comment_len = usize::from(u16_at(data, at + 32)?);
            let name = data.get(at + 46..at + 46 + name_len).ok_or_else(|| corrupt("a name runs past the end"))?;
            entries.push(Entry {
                name: String::from_utf8_lossy(name).into_owned(),
                method: u16_at(data, at + 10)?,
                compressed: u32_at(data, at + 20)? as usize,
                size: u32_at(data, at + 24)? as usize,
                offset: u32_at(data, at + 42)? as usize,
            });
            at += 46 + name_len + extra_len + comment_len;
        }
        Ok(Zip { data, entries })
    }

    /// The contents of entry `name` (`None` when the archive has no such entry).
    pub fn read(&self, name: &str) -> Result<Option<Vec<u8>>> {
        let Some(e) = self.entries.iter().find(|e| e.name == name) else { return Ok(None) };
        if e.size > MAX_ENTRY_BYTES {
            return Err(Error::File(format!(
                "{name} in the workbook would expand to {} MB; the limit is {} MB",
                e.size >> 20,
                MAX_ENTRY_BYTES >> 20
            )));
        }
        if u32_at(self.data, e.offset)? != 0x0403_4b50 {
            return Err(corrupt("a bad local header"));
        }
        let start = e.offset
            + 30
            + usize::from(u16_at(self.data, e.offset + 26)?)
            + usize::from(u16_at(self.data, e.offset + 28)?);
        let body = self.data.get(start..start + e.compressed).ok_or_else(|| corrupt("an entry runs past the end"))?;
        match e.method {
            0 => Ok(Some(body.to_vec())),
            // Inflated no further than the size the archive declares (itself under the limit):
            // an entry that expands past it is a lie, refused after `size` bytes at most.
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(body, e.size).map(Some).map_err(|err| {
                if matches!(err.status, miniz_oxide::inflate::TINFLStatus::HasMoreOutput) {
                    Error::File(format!("{name} in the workbook expands beyond the {} bytes its archive declares; refused (a damaged file or a zip bomb)", e.size))
                } else {
                    corrupt(&format!("{name} does not inflate"))
                }
            }),
            m => Err(Error::File(format!("{name} in the workbook uses compression method {m}, which is not supported"))),
        }
    }
}
