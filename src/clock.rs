//! Today, as the browser's clock gives it: the setup dates a new state with it, and a file the
//! person saves is named with it. A leaf, so that anything may ask it.

use assessment::Date;

/// Today's date in the person's time zone (the browser's clock).
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    // The browser's calendar gives a real day; the fallback is the clock's epoch day count.
    Date::new(
        now.get_full_year() as u16,
        now.get_month() as u8 + 1,
        now.get_date() as u8,
    )
    .or_else(|| Date::from_days_since_1970((now.get_time() / 86_400_000.0) as i64))
    .expect("the browser's clock gives a day")
}
