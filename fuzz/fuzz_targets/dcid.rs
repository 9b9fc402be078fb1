#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| cyber_spectrum_fuzz::run("dcid", data));
