//! Parse + validate a generated 500-task direct workflow (target: < 5 ms)
//! and print the figures. Run with `cargo bench -p bora-lang`.

use std::fmt::Write;
use std::time::Instant;

fn workflow(tasks: usize) -> String {
    let mut s = String::from(
        "version: '2.0'\nbig:\n  input:\n    - items\n  output:\n    last: <% $.r0 %>\n  tasks:\n",
    );
    for i in 0..tasks {
        let _ = write!(
            s,
            "    task_{i}:\n      action: std.echo output=<% $.items[{i}] %>\n      input:\n        extra: '{{{{ _.items | length }}}}'\n      publish:\n        r{i}: <% task().result %>\n      retry:\n        count: 2\n        delay: 1\n"
        );
        if i + 1 < tasks {
            let _ = write!(
                s,
                "      on-success:\n        - task_{}: <% $.r{i} != null %>\n      on-error:\n        - fail msg='task {i} failed'\n",
                i + 1
            );
        }
    }
    s
}

fn main() {
    let text = workflow(500);
    let runs = 50;
    // Warm-up, and a sanity check that the text is valid.
    if let Err(e) = bora_lang::parse_workflows(&text) {
        eprintln!("generated workflow is invalid: {e}");
        std::process::exit(1);
    }
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        let parsed = bora_lang::parse_workflows(&text);
        times.push(t.elapsed());
        std::hint::black_box(parsed.is_ok());
    }
    times.sort();
    let mut load_times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        let node = bora_lang::yaml::load(&text);
        load_times.push(t.elapsed());
        std::hint::black_box(node.is_ok());
    }
    load_times.sort();
    println!(
        "YAML load alone: median {:.2} ms",
        load_times[runs / 2].as_secs_f64() * 1e3
    );
    let mean = times.iter().sum::<std::time::Duration>() / runs as u32;
    println!(
        "parse+validate 500-task workflow ({} KiB, {runs} runs): mean {:.2} ms, median {:.2} ms, min {:.2} ms (target < 5 ms)",
        text.len() / 1024,
        mean.as_secs_f64() * 1e3,
        times[runs / 2].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3
    );
}
