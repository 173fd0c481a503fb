//! A kiosk's idle timer: after the configured time without input, a visible countdown; any input
//! cancels it; at zero the visitor's answers are wiped (`on_expire`).

use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use yew::prelude::*;

use crate::i18n::{Lang, Strings};
use crate::kiosk::{KioskConfig, Phase};

#[derive(Properties, PartialEq)]
pub struct KioskTimerProps {
    pub lang: Lang,
    pub config: KioskConfig,
    /// Whether there is anything to wipe; with nothing, the timer rests.
    pub active: bool,
    pub on_expire: Callback<()>,
}

/// The events that count as a visitor being there.
const ACTIVITY: [&str; 5] = ["pointerdown", "keydown", "touchstart", "wheel", "input"];

fn now() -> f64 {
    js_sys::Date::now()
}

#[component]
pub fn KioskTimer(props: &KioskTimerProps) -> Html {
    // When the visitor last touched or typed: read by the timer, never rendered.
    let last_input = use_mut_ref(now);
    let phase = use_state_eq(|| Phase::Active);

    {
        let last_input = last_input.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let listeners: Vec<EventListener> = ACTIVITY
                .iter()
                .map(|event| {
                    let last_input = last_input.clone();
                    EventListener::new(&window, *event, move |_| *last_input.borrow_mut() = now())
                })
                .collect();
            move || drop(listeners)
        });
    }
    {
        let last_input = last_input.clone();
        let phase = phase.clone();
        let (config, on_expire) = (props.config.clone(), props.on_expire.clone());
        use_effect_with(props.active, move |active| {
            // A new visit, or the end of one, starts the clock again.
            *last_input.borrow_mut() = now();
            phase.set(Phase::Active);
            let interval = active.then(|| {
                Interval::new(250, move || {
                    // Read first: the borrow must end before an expiry resets the clock.
                    let idle = now() - *last_input.borrow();
                    match config.phase(idle) {
                        Phase::Expired => {
                            *last_input.borrow_mut() = now();
                            phase.set(Phase::Active);
                            on_expire.emit(());
                        }
                        p => phase.set(p),
                    }
                })
            });
            move || drop(interval)
        });
    }

    // The dialog takes focus so that a keyboard or screen-reader user meets it at once.
    let button = use_node_ref();
    {
        let button = button.clone();
        use_effect_with(*phase, move |phase| {
            if matches!(phase, Phase::Countdown(_)) {
                if let Some(b) = button.cast::<web_sys::HtmlElement>() {
                    let _ = b.focus();
                }
            }
        });
    }

    let s = Strings::of(props.lang);
    match *phase {
        Phase::Countdown(seconds) => html! {
            <div class="idle-overlay no-print">
                <div class="idle-dialog" role="alertdialog" aria-modal="true"
                    aria-labelledby="idle-title" aria-describedby="idle-text">
                    <h2 id="idle-title">{ s.device.idle_title }</h2>
                    <p id="idle-text" aria-live="polite">{ s.device.clearing_in(seconds) }</p>
                    // Any input cancels the countdown; this button is the obvious one.
                    <button type="button" class="button primary" ref={button}>{ s.device.still_here }</button>
                </div>
            </div>
        },
        _ => html! {},
    }
}
