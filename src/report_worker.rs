//! The report's worker (`src/bin/report_worker.rs`): a wasm of its own for what only a report
//! needs — the market-obligations catalogue's code and drawing the hand-off QR code
//! — so that neither is part of the app's first load. It is started when a report first
//! asks (`ask`, through `hooks::use_report_worker`), and precached by the service worker like every
//! file of the build, so a kiosk has it offline. One worker per page; requests are numbered and each
//! reply goes to its asker. The worker says it is ready once it listens: requests made before wait
//! here. What the two sides say is typed in `message.rs`.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub mod message;

use message::{Reply, Request};

/// Trunk's loader of the worker (index.html: `data-type="worker" data-loader-shim`).
const WORKER: &str = "report_worker_loader.js";

type Replied = Box<dyn FnOnce(Option<Reply>)>;

struct Connection {
    worker: web_sys::Worker,
    ready: bool,
    waiting: Vec<JsValue>,
    // Requests waiting for their reply, by number: a few at a time, so a list (a map would add its
    // own code to the first load for no gain).
    replies: Vec<(u32, Replied)>,
    next: u32,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

thread_local! {
    static CONNECTION: RefCell<Option<Connection>> = const { RefCell::new(None) };
}

fn on_message(event: web_sys::MessageEvent) {
    let data = event.data();
    if message::is_ready(&data) {
        CONNECTION.with(|c| {
            if let Some(c) = c.borrow_mut().as_mut() {
                c.ready = true;
                for request in c.waiting.drain(..) {
                    let _ = c.worker.post_message(&request);
                }
            }
        });
        return;
    }
    let seq = message::seq(&data);
    let reply = CONNECTION.with(|c| {
        c.borrow_mut().as_mut().and_then(|c| {
            let seq = seq?;
            let at = c.replies.iter().position(|(n, _)| *n == seq)?;
            Some(c.replies.swap_remove(at).1)
        })
    });
    // Called outside the borrow: a reply may ask again.
    if let Some(reply) = reply {
        reply(Some(Reply::from_message(&data)));
    }
}

fn connect() -> Option<Connection> {
    // With the page's query: a server chooses the Content-Security-Policy by it (`embed=`), so
    // the worker may read what its page may (an association's catalogue); the service worker
    // ignores queries, so the precached script is the same.
    // The address is built by the URL parser, not by joining strings: the query is the page's
    // own, set as a query and nothing else.
    let location = web_sys::window()?.location();
    let url = web_sys::Url::new_with_base(WORKER, &location.href().ok()?).ok()?;
    url.set_search(&location.search().unwrap_or_default());
    let worker = web_sys::Worker::new(&url.href()).ok()?;
    let handler = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(on_message);
    worker.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    Some(Connection {
        worker,
        ready: false,
        waiting: Vec::new(),
        replies: Vec::new(),
        next: 0,
        _on_message: handler,
    })
}

/// Sends `request` to the worker; `reply` gets its answer, or `None` if the worker cannot be
/// started.
///
/// Sent after the screen that asks is painted: starting the worker costs the main thread about
/// 10 ms at 4x CPU slowdown (profiled), which the report's first screen need not wait for.
pub fn ask(request: Request, reply: impl FnOnce(Option<Reply>) + 'static) {
    let reply = Box::new(reply) as Replied;
    crate::paint::after_paint(move || send(request, reply));
}

fn send(request: Request, reply: Replied) {
    let mut reply = Some(reply);
    CONNECTION.with(|c| {
        let mut c = c.borrow_mut();
        if c.is_none() {
            *c = connect();
        }
        let Some(c) = c.as_mut() else {
            return;
        };
        c.next += 1;
        let request = request.to_message(c.next);
        if let Some(reply) = reply.take() {
            c.replies.push((c.next, reply));
        }
        if c.ready {
            let _ = c.worker.post_message(&request);
        } else {
            c.waiting.push(request);
        }
    });
    // No worker (it could not be started): said at once.
    if let Some(reply) = reply {
        reply(None);
    }
}
