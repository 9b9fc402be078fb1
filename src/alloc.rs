//! The system allocator, counting what it holds. The explorer's wasm module allocates through it,
//! so `memoryUse()` can show that filtering, drawing and swapping data leak nothing (the
//! WebAssembly memory's size cannot: it never shrinks); the malformed-input tests install it to
//! measure each input's peak. A program opts in with
//! `#[global_allocator] static A: Counting = Counting;`.

use std::alloc::{GlobalAlloc, Layout};

/// What is counted: in the wasm modules talc's allocator for single-threaded WebAssembly, 2 KB
/// of the explorer's gzip smaller than the standard library's dlmalloc, and as fast on an import
/// of 100k rows (within 5%, in Node); natively the system's.
#[cfg(target_arch = "wasm32")]
static INNER: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
#[cfg(not(target_arch = "wasm32"))]
static INNER: std::alloc::System = std::alloc::System;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

pub struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed to the inner allocator unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = INNER.alloc(layout);
        if !p.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        INNER.dealloc(p, layout);
        IN_USE.fetch_sub(layout.size(), Relaxed);
    }
}

/// Bytes allocated through [`Counting`] and not yet freed.
pub fn in_use() -> usize {
    IN_USE.load(Relaxed)
}

/// The most [`in_use`] has been since the last [`reset_peak`].
pub fn peak() -> usize {
    PEAK.load(Relaxed)
}

/// Starts a new peak from what is in use now.
pub fn reset_peak() {
    PEAK.store(in_use(), Relaxed);
}
