//! A file fetched by the app or its report's worker, read no further than its kind's limit
//! (`assessment::limits`): a `Content-Length` over the limit refuses it before its body is read,
//! and the body is read as a stream that stops at the limit, since a server may send no length
//! (chunked) or a wrong one. An association's file is hostile input: one too large is refused by
//! name with its limit, never held whole.

use assessment::limits::Document;
use assessment::ProblemKind;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The text of `response`'s body, a file of kind `what`; [`ProblemKind::TooLarge`] as soon as it
/// is known to be over the limit (the rest is not downloaded), or `Unavailable` when the body
/// breaks off.
pub async fn text_within(
    response: &web_sys::Response,
    what: Document,
) -> Result<String, ProblemKind> {
    let max = what.max_bytes();
    let too_large = || ProblemKind::TooLarge { max_bytes: max };
    // The length of the body as sent: compressed, it is less than the text, so never a wrong
    // refusal; the stream's count below catches the rest.
    let length = response.headers().get("content-length").ok().flatten();
    if length
        .and_then(|l| l.trim().parse::<u64>().ok())
        .is_some_and(|l| l > max)
    {
        if let Some(body) = response.body() {
            let _ = body.cancel();
        }
        return Err(too_large());
    }
    let Some(body) = response.body() else {
        return Ok(String::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| ProblemKind::Unavailable(None))?;
        let field = |name: &str| js_sys::Reflect::get(&chunk, &name.into()).unwrap_or_default();
        if field("done").is_truthy() {
            break;
        }
        let value: js_sys::Uint8Array = field("value").unchecked_into();
        let at = bytes.len();
        if (at as u64).saturating_add(u64::from(value.length())) > max {
            // Stops the download: the rest of the file is never fetched.
            let _ = reader.cancel();
            return Err(too_large());
        }
        bytes.resize(at + value.length() as usize, 0);
        value.copy_to(&mut bytes[at..]);
    }
    // As `Response.text()` decodes: a byte-order mark dropped, anything not UTF-8 replaced.
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}
