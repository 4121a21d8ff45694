//! Whether the tests may use PostgreSQL. `TEST_DATABASE_URL` set when the tests are built turns
//! on `cfg(test_database)`; without it, each PostgreSQL test is built as ignored, so a runner
//! counts it as skipped (and cargo's runner prints why) instead of passing without running.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(test_database)");
    println!("cargo::rerun-if-env-changed=TEST_DATABASE_URL");
    println!("cargo::rerun-if-changed=build.rs");
    let postgres = std::env::var("TEST_DATABASE_URL").is_ok_and(|url| url.starts_with("postgres"));
    if postgres {
        println!("cargo::rustc-cfg=test_database");
    }
}
